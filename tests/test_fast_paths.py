"""Fast paths of the prose readers give exactly what the slow path gave (issue 15).

A treaty's "sentence" can run for thousands of characters (a preamble of
clauses joined by semicolons), and the speaker rules search the words before a
speech verb for a naming phrase anchored at its end: they now search only the
last words where such a phrase can begin. The name index skips to the first
words of its names in C instead of looking up every word of the text. Each is
checked against the plain search it replaces, on a real treaty preamble
(GGO ``AFRCEC_1991O.txt``, the Abuja Treaty, globalgov/manytreaties, CC BY 4.0)
and on phrases the rules were not written on.
"""

from __future__ import annotations

import re
from pathlib import Path

from pactlens.extract.prose import speakers
from pactlens.extract.prose.namescan import NameIndex

#: The Abuja Treaty's preamble (1991), as in the GGO text: one "sentence" of clauses.
PREAMBLE = (
    "We, the Heads of State and Government of the Member States of the Organisation of African Unity (OAU); "
    "MINDFUL of the principles of international law governing relations between States; BEARING IN MIND the "
    "principles and objectives set forth in the Charter of the Organisation of African Unity; CONSCIOUS of our "
    "duty to develop and utilise the human and natural resources of the Continent for the general well-being of "
    "our peoples in all fields of human endeavour; RECOGNIZING the various factors which hinder the development "
    "of the Continent and seriously jeopardise the future of its peoples; HAVING REGARD to the various "
    "resolutions and declarations adopted by our Assembly in Algiers in September 1968, in Addis Ababa in August "
    "1970 and May 1973 providing that the economic integration of the Continent is a pre-requisite for the "
    "realisation of the objectives of the OAU; "
)

#: Phrases before a speech verb, including the longest shapes the patterns allow.
SUBJECTS = [
    "the OAU Council of Ministers",
    "the Kinshasa Declaration",
    "the annual joint senior federal National Intelligence Council of the Organisation of African Unity "
    "Economic (OAU)",
    "The New Final Joint Senior Annual Official Foreign Federal white paper of the Member States Council",
    "a senior Organisation of African Unity administration official",
    "An Office of the U.S. Trade Representative (USTR) official at the time",
    "Gazprom",
    "one account",
]


def _full_search(text: str, start: int, end: int) -> tuple:
    """What ``named_subject`` read before: both patterns searched over the whole head."""
    end = speakers.strip_gap(text, start, end)
    head = text[start:end]
    role = speakers._ROLE_NP.search(head)
    named = speakers._NAMED_NP.search(head) if role is None else None
    return tuple((start + m.start("np"), m.group("np")) if m else None for m in (role, named))


def _tail_search(text: str, start: int, end: int) -> tuple:
    end = speakers.strip_gap(text, start, end)
    at = speakers._tail_start(text, start, end)
    head = text[at:end]
    role = speakers._ROLE_NP.search(head)
    named = speakers._NAMED_NP.search(head) if role is None else None
    return tuple((at + m.start("np"), m.group("np")) if m else None for m in (role, named))


def test_phrase_search_from_the_last_words_finds_what_the_whole_head_search_found():
    for subject in SUBJECTS:
        for prefix in ("", PREAMBLE, PREAMBLE * 3 + "and "):
            text = f"{prefix}{subject} stated that the Community shall be established."
            verb = text.index(" stated") + 1
            assert _tail_search(text, 0, verb) == _full_search(text, 0, verb), subject
            full = speakers.named_subject(text, 0, verb)
            alone = speakers.named_subject(text, len(prefix), verb)
            if prefix.endswith("; "):  # a clause opens after the semicolon, as at the sentence start
                assert (full and full.name) == (alone and alone.name), subject


def test_tail_start_counts_whitespace_runs_from_the_end():
    text = "one  two\tthree\nfour five"
    assert speakers._tail_start(text, 0, len(text), runs=2) == text.index("four")
    assert speakers._tail_start(text, 0, len(text), runs=9) == 0
    assert speakers._tail_start(text, 4, len(text), runs=9) == 4


def _alternation(names: list[str], text: str) -> list[tuple[int, int]]:
    alts = sorted((re.escape(n) for n in names), key=len, reverse=True)
    return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", text)]


def test_name_index_skips_names_inside_words_and_after_hyphens():
    names = ["Addis", "Addis Ababa", "Ababa", "Unity", "OAU", "Africa"]
    text = PREAMBLE + " Ababaland, pre-Addis, Addis-Ababa, (OAU)s, AfricanUnity, Africa_Unity, xAddis Ababa."
    assert list(NameIndex(re.escape(n) for n in names).finditer(text)) == _alternation(names, text)
    # a range that ends inside a word: the word is cut there, as the alternation over the range cuts it
    cut = text.index("Ababaland") + 5
    found = list(NameIndex(re.escape(n) for n in names).finditer(text, 0, cut))
    assert found[-1] == (cut - 5, cut)


def test_state_spans_from_the_lowercased_text_are_the_case_insensitive_search_spans():
    from pactlens.resources import states

    gz = states._gazetteer()
    brief = (Path(__file__).resolve().parents[1] / "examples" / "russia-iran-2025-brief.txt").read_text(encoding="utf-8")
    texts = [
        brief,
        PREAMBLE.upper() + " THE RUSSIAN FEDERATION AND THE REPUBLIC OF KAZAKHSTAN, Guinea - Bissau, Côte d’Ivoire",
        "Ruſsia and the Unıted States; ŞİLE, İran, Iran-Iraq, \u212aenya, KENYA",  # ſ ı İ and the Kelvin sign
    ]
    for text in texts:
        for start, end in ((0, len(text)), (5, len(text) - 7), (len(text) // 3, len(text) // 2)):
            want = [m.span() for m in states._ignorecase_regex().finditer(text, start, end)]
            assert list(states._spans(gz, text, start, end)) == want


def _run_together_before(text: str, start: int, end: int) -> list[int]:
    """The split of run-together sentences as written before: a leading look-behind tried everywhere."""
    extra = []
    for m in re.finditer(r"(?<=[a-z]{2}[.!?])([\"”’]?)(?=[A-Z][a-z])", text[:end]):
        if m.start() < start:
            continue
        token_start = max(text.rfind(" ", start, m.start()), text.rfind("\n", start, m.start())) + 1
        token = text[token_start : m.start()]
        if "/" not in token and "www" not in token and "@" not in token and "." not in token[:-1]:
            extra.append(m.end())
    return extra


def test_run_together_sentences_split_where_the_look_behind_split_them():
    from pactlens.structure.doc import Span
    from pactlens.structure.sentences import _add_run_together

    # GGO texts lose the space after a stop ("peoples.They"); URLs and "H.Con.Res." keep theirs
    text = (PREAMBLE.replace("; ", ".") + 'relations.”The Parties agreed.“Both see www.example.org.Next and '
            "H.Con.Res.Ninety, the U.S.Fleet; end?Yes! ok.Article 2 applies.\nAnnex A.The list.")
    stops = [i + 1 for i, c in enumerate(text) if c in ".!?"]
    for start in [0, 5, *stops]:
        for end in (len(text), start + 40, start + 1):
            end = min(end, len(text))
            got = _add_run_together(text, Span(start, end), [])
            assert got == sorted(set(_run_together_before(text, start, end))), (start, end)
    # a block opening right after a stop: the sentence opens at the block's start, as before
    short = "Our peoples.They agree."
    assert _add_run_together(short, Span(12, len(short)), []) == [12] == _run_together_before(short, 12, len(short))


def test_the_found_letter_first_where_the_word_boundary_found_it():
    from pactlens.extract.prose.entities import _THE

    text = PREAMBLE + " The\tthe Bathe, theThe, ‘the Polaris’, (The Skybolt) xthe 9the _the, the"
    before = re.compile(r"\b[Tt]he\s+")
    for start in range(0, len(text), 7):
        assert [m.span() for m in _THE.finditer(text, start)] == [m.span() for m in before.finditer(text, start)]
