"""Speakers read from the dependency parse where no wording rule applies, and block quotations.

Excerpts: Wikipedia, "Kellogg–Briand Pact" (CC BY-SA 4.0); CSIS, "The U.S.-Japan Security
Partnership" timeline (11 July 2024; the Markdown link around "joint security declaration"
dropped); each with a paraphrase the rule was not written on.
"""

from __future__ import annotations

import pytest

from pactlens.resources import nlp
from tests.doc_support import direct_speakers as _speakers, make_doc

pytestmark = pytest.mark.skipif(not nlp.available(), reason="spaCy model not installed")


def test_a_document_speaks_through_a_relative_clause():
    """Kellogg–Briand Pact: 'the United Nations Charter, which provides in article 2, paragraph 4,
    that "All Members shall refrain …"'; paraphrase: another instrument and verb."""
    text = (
        "The interdiction of aggressive war was confirmed and broadened by the United Nations Charter, which "
        'provides in article 2, paragraph 4, that "All Members shall refrain in their international relations '
        'from the threat or use of force against the territorial integrity or political independence of any state."\n'
    )
    assert _speakers(text)["All Members shal"] == "United Nations Charter"
    para = (
        "Chemical weapons had been outlawed earlier by the Geneva Protocol, which stipulates that "
        '"the use in war of asphyxiating, poisonous or other gases shall be prohibited."\n'
    )
    assert _speakers(para)["the use in war o"] == "Geneva Protocol"


def test_a_document_described_in_lower_case_speaks():
    """CSIS 2024: 'a joint security declaration that affirmed the alliance as the “cornerstone …”';
    paraphrase: a communiqué that 'described' the partnership."""
    text = (
        "This effort culminated in April 1996 with a joint security declaration that affirmed the alliance as "
        "the “cornerstone . . . for maintaining a stable and prosperous environment for the Asia-Pacific region.”\n"
    )
    assert _speakers(text)["cornerstone . . "] == "joint security declaration"
    para = (
        "The talks ended with a defence communiqué that described the partnership as “a pillar of regional "
        "stability and of mutual trust between the two navies.”\n"
    )
    assert _speakers(para)["a pillar of regi"] == "defence communiqué"


def test_subjects_that_name_no_one_give_no_speaker():
    """'It provides that …', 'Critics argued that …': no one named. ('signatory states promised' names
    the parties that speak together: tests/test_quotes_groups.py.)"""
    text = 'Critics argued that "the pact would bind no one who did not already wish to keep the peace".\n'
    assert list(_speakers(text).values()) == [None]
    para = 'It provides that "each party shall consult the other whenever its security is threatened by anyone."\n'
    assert list(_speakers(para).values()) == [None]


def test_an_indented_passage_under_a_speech_sentence_is_a_quotation():
    """Kellogg–Briand Pact: 'Political scientists Oona A. Hathaway and Scott J. Shapiro wrote in 2017:'
    then an indented passage (the first of joined authors speaks); paraphrase: another verb and
    writer; a colon without a speech verb, and a list, quote no one."""
    text = (
        "Political scientists Oona A. Hathaway and Scott J. Shapiro wrote in 2017:\n\n"
        "    As its effects reverberated across the globe, it reshaped the world map, catalyzed the human rights "
        "revolution, and enabled the use of economic sanctions as a tool of law enforcement.\n"
    )
    assert _speakers(text) == {"As its effects r": "Oona A. Hathaway"}
    para = (
        "The historian Margaret MacMillan observed in her study:\n\n"
        "    Peacemaking in Paris was a vast undertaking, carried out under pressure and in full public view.\n"
    )
    assert _speakers(para) == {"Peacemaking in P": "Margaret MacMillan"}
    assert _speakers(
        "The agenda of the meeting was as follows:\n\n"
        "    The ministers will review the implementation of the agreement and its annexes in detail.\n"
    ) == {}
    assert _speakers("The minister said:\n\n    - the first point of the list, with several words in it\n") == {}


def _by_parse(text: str, quoted: str, title: str) -> str | None:
    """The parse's speaker of ``quoted`` in ``text`` when the document is about ``title``."""
    from pactlens.extract.prose.attribution import Discourse
    from pactlens.extract.prose.parsed_speakers import parsed_speaker
    from pactlens.model import Agreement, Evidence
    from pactlens.structure.nlp import nlp_doc

    doc = make_doc(text)
    about = Agreement(id="a", title=title, role="subject", evidence=[Evidence(start=0, end=1, text=text[0])])
    a = text.index(quoted)
    who = parsed_speaker(nlp_doc(doc), Discourse([], [0]), a, a + len(quoted), about)
    return who.name if who is not None else None


def test_the_agreement_the_document_is_about_speaks_through_its_articles():
    """Wikipedia, "Convention of Kanagawa": 'The final article, Article Twelve, stipulated that …
    the "August Sovereign of Japan" …' quotes the convention; paraphrase: 'The convention states
    that …'; an article of another instrument ('Article 2 of the Charter') is that instrument's."""
    text = (
        "The final article, Article Twelve, stipulated that the terms of the treaty were to be ratified by the "
        'President of the United States and the "August Sovereign of Japan" within 18 months.\n'
    )
    assert _by_parse(text, "August Sovereign of Japan", "Convention of Kanagawa") == "Convention of Kanagawa"
    para = 'The convention states that merchant vessels "shall enjoy complete freedom of transit and navigation".\n'
    assert _by_parse(para, "shall enjoy complete freedom", "Montreux Convention") == "Montreux Convention"
    other = 'Article 2 of the Charter provides that "all Members shall settle their disputes by peaceful means".\n'
    assert _by_parse(other, "all Members shall settle", "Kellogg–Briand Pact") == "Charter"


def test_a_quoted_agreement_name_has_no_speaker():
    """CRS In Focus IF10199 (1 October 2026): 'the United States and Japan announced a bilateral
    "strategic trade and investment agreement," under which …' quotes a name, not words said;
    paraphrase: 'what they called a "new economic security pact"'."""
    text = (
        'In July 2025, the United States and Japan announced a bilateral "strategic trade and investment '
        'agreement," under which the United States imposed a 15% tariff on most imports from Japan.\n'
    )
    assert list(_speakers(text).values()) in ([], [None])
    para = 'Last spring the two governments announced what they called a "new economic security pact."\n'
    assert list(_speakers(para).values()) in ([], [None])
