"""The shared vocabulary (resources/lexicon/*.txt) as the readers use it.

Each list is read by several readers; these tests check a reader that gained words when two
copies of a list were merged, on a short real excerpt (source in the docstring) and on a
paraphrase the list was not written from.
"""

from __future__ import annotations

import re

from pactlens.extract.prose.people import find_people
from pactlens.extract.treaty import promise
from pactlens.resources.lexicon import phrases, words
from tests.doc_support import make_doc


def _roles(text: str) -> dict[str, str | None]:
    doc = make_doc(text)
    return {m.person.name: m.person.role for m in find_people(doc, [(0, len(doc.text))])}


def test_phrases_allow_any_space_between_words_and_rewrite_case():
    rx = re.compile(rf"\b(?:{phrases('agreement_nouns', case='title')})\b")
    assert rx.search("a Memorandum  of\nUnderstanding on trade").group(0) == "Memorandum  of\nUnderstanding"
    upper = re.compile(rf"\b(?:{phrases('agreement_nouns', case='upper')})\b")
    assert upper.search("TREATY ON OPEN SKIES").group(0) == "TREATY"
    assert "deal" not in words("agreement_nouns")  # a reader's own extra, not the shared list


def test_general_secretary_is_an_office_before_a_name():
    """Wikipedia, "Treaty on Open Skies" (shared/corpus/briefs/dev): the office is "General
    Secretary", not "Secretary" alone; then a paraphrase with another holder."""
    real = ("The fears and suspicions of the Cold War led Soviet General Secretary Nikita Khrushchev "
            "to reject Eisenhower's proposal.")
    assert _roles(real)["Nikita Khrushchev"] == "General Secretary"
    paraphrase = "In 1972 General Secretary Leonid Brezhnev received the American delegation in Moscow."
    assert _roles(paraphrase)["Leonid Brezhnev"] == "General Secretary"


def test_a_body_of_either_former_list_binds_an_organ_not_the_parties():
    """The organ words of obligations and of promise frames are one list: "authority" and
    "staff" (once only the obligation patterns') now make the bound party an organ in the frame
    too. ECOWAS Treaty (Lagos, 1975; shared/corpus/agreements-ggo/ECCWAS_1975O.txt), the
    Authority of Heads of State; then a paraphrase."""
    real = "The Authority shall meet at least once a year."
    assert promise.read(real, "consultation", real.index("meet")).promiser_kind == "organ"
    paraphrase = "The Joint Staff shall render assistance to the Party attacked."
    assert promise.read(paraphrase, "defense", paraphrase.index("render")).promiser_kind == "organ"


def test_a_list_included_with_at_is_part_of_the_wider_list_and_written_once():
    """``@statement_verbs`` in speech_verbs.txt: the verbs that date a statement in a timeline are
    speech verbs too (the quote finder reads them), but only their past forms date anything."""
    narrow, wide = words("statement_verbs"), words("speech_verbs")
    assert set(narrow) <= set(wide)
    assert len(wide) == len(set(wide))  # nothing written twice
    assert not any(w.startswith("@") for w in wide)
    assert "states" in wide and "states" not in narrow  # "the United States" dates no statement
