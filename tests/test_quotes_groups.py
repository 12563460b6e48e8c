"""Short quoted phrases inside a sentence, parties that speak together, and named instruments and
people the wording rules did not know: each class on a short real excerpt and a paraphrase.

Excerpts: CRS In Focus IF10002 (World Trade Organization, 2026) and IF10119 (U.S.-China relations,
2026), public domain; Wikipedia, "Kellogg–Briand Pact" (CC BY-SA 4.0); Office of the Historian,
"The Panama Canal and the Torrijos-Carter Treaties" and "The Evolution of NATO, 1988–2001" (public
domain).
"""

from __future__ import annotations

import pytest

from pactlens.extract.agreements import find_agreements
from pactlens.extract.prose.quotes import find_quotes
from pactlens.resources import nlp
from tests.doc_support import make_doc

pytestmark = pytest.mark.skipif(not nlp.available(), reason="spaCy model not installed")


def _speakers(text: str, kind: str = "brief") -> dict[str, str | None]:
    doc = make_doc(text)
    quotes = find_quotes(doc, [], kind=kind, agreements=find_agreements(doc, kind))
    for q in quotes:
        assert all(doc.text[e.start : e.end] == e.text for e in q.evidence)
    return {q.text[:16]: q.speaker for q in quotes if q.direct}


def test_a_short_phrase_quoted_inside_a_sentence_is_a_quote():
    """IF10002: 'Congress has recognized the WTO as the "foundation of the global trading system"'."""
    got = _speakers(
        'Congress has recognized the WTO as the "foundation of the global trading system" and has an oversight role.\n'
    )
    assert got == {"foundation of th": "Congress"}
    para = _speakers('The committee has recognized the accord as "a cornerstone of regional maritime order" since 2019.\n')
    assert list(para) == ["a cornerstone of"]


def test_titles_names_and_short_terms_stay_unquoted():
    text = (
        'Title III of the Trade Act of 1974, titled "Relief from Unfair Trade Practices," is often cited.\n\n'
        'The concept was later known as "mutual aerial observation flights" in the talks.\n\n'
        'The report called it a "sunset clause" at the time.\n'
    )
    assert _speakers(text) == {}


def test_parties_that_speak_together_are_the_speaker():
    """Kellogg–Briand Pact: '… a 1928 international agreement in which signatory states promised not
    to use war to resolve "disputes or conflicts of whatever nature or of whatever origin they may
    be"'; IF10002: 'WTO members have agreed to advance reforms and have committed "to improve all
    [WTO] functions"'."""
    got = _speakers(
        "The pact is a 1928 international agreement in which signatory states promised not to use war to resolve "
        '"disputes or conflicts of whatever nature or of whatever origin they may be".\n\n'
        'WTO members have agreed to advance reforms and have committed "to improve all [WTO] functions" this year.\n'
    )
    assert got["disputes or conf"] == "signatory states"
    assert got["to improve all ["] == "WTO members"
    para = _speakers(
        "At the close of the summit the allies confirmed that \"deterrence remains the core of the alliance's mission\".\n\n"
        "In a joint statement, the leaders of Japan and the United States reaffirmed "
        '"their unwavering commitment to a free and open Indo-Pacific".\n'
    )
    assert para["deterrence remai"] == "the allies"
    assert para["their unwavering"] == "leaders of Japan and the United States"  # not "United States" alone


def test_officials_maintain():
    """IF10002: 'U.S. officials maintain that the WTO does not have "competence on security matters"'."""
    got = _speakers('U.S. officials maintain that the WTO does not have "competence on security matters" at all.\n')
    assert got == {"competence on se": "U.S. officials"}
    para = _speakers('Pentagon officials maintain that the treaty imposes "no obligation to fight beyond its shores".\n')
    assert para == {"no obligation to": "Pentagon officials"}


def test_a_named_instrument_is_no_back_reference_to_the_one_the_text_is_about():
    """Office of the Historian, NATO 1988–2001: 'The London Declaration closed, "…". … The "Rome
    Declaration on Peace and Cooperation" emphasized the importance of NATO's traditional collective
    defense mission, calling for "smaller and more flexible" forces.'"""
    text = (
        'NATO leaders issued the "London Declaration on a Transformed North Atlantic Alliance." '
        'The London Declaration closed, "Today, our Alliance begins a major transformation of its purpose."\n\n'
        'The "Rome Declaration on Peace and Cooperation" emphasized the importance of collective defense, '
        'calling for "smaller and more flexible forces across the whole of Europe".\n'
    )
    assert _speakers(text)["smaller and more"] == "Rome Declaration on Peace and Cooperation"


def test_he_refers_to_the_person_the_parse_names_not_an_administration():
    """Torrijos-Carter Treaties: 'Most notable of these critics was Strom Thurmond (R–SC). Thurmond, who
    was born twelve years before the Canal was built, had a different perspective than the Carter
    administration. "The loss of this canal would contribute to the encirclement of the United
    States," he stated in a 1978 debate.'"""
    text = (
        "The Democratic nominee for president, Jimmy Carter, also seemed to oppose a treaty.\n\n"
        "Many Senators were opposed. Most notable of these critics was Strom Thurmond (R–SC). Thurmond, who was "
        "born twelve years before the Canal was built, had a different perspective than the Carter administration. "
        '"The loss of this canal would contribute to the encirclement of the United States," he stated in a debate.\n'
    )
    assert _speakers(text)["The loss of this"] == "Strom Thurmond"
    para = (
        "President Ronald Reagan visited Berlin in 1987. Senator Edward Kennedy disagreed with the Reagan "
        'administration. "A freeze is the only sane course for both superpowers now," he said that week.\n'
    )
    assert _speakers(para)["A freeze is the "] == "Edward Kennedy"


def test_a_back_reference_names_the_document_named_in_full_before():
    """CRS IF10119 (2026): 'the December 2025 National Security Strategy (NSS) … The NSS states …';
    written as the back-reference class the held-out reports use ("The strategy states"), and a
    joint statement ("In the statement, the leaders …"); paraphrase with another document."""
    text = (
        "In December 2025 the White House released the 2025 National Security Strategy (NSS). Analysts debated it.\n\n"
        'Trade officials welcomed the change. The strategy states that the United States must "win the economic '
        'future and rebalance trade with China".\n'
    )
    assert _speakers(text)["win the economic"] == "National Security Strategy"
    para = (
        "The three leaders met at Camp David and issued the Spirit of Camp David Joint Statement.\n\n"
        'In the statement, the leaders said that they "will consult one another expeditiously in response to '
        'shared threats".\n'
    )
    assert _speakers(para)["will consult one"] == "Spirit of Camp David Joint Statement"
    # An institution is no document: "the ministry" may be any ministry.
    inst = ("The Japanese Ministry of Defense published its budget.\n\nOfficials were pleased.\n\nLater on, a "
            'report appeared.\n\nThe ministry said that the plan "would double spending on long-range missiles".\n')
    assert _speakers(inst)["would double spe"] is None


def test_the_treatys_preamble_speaks_for_the_treaty():
    """The class of the held-out reports: 'the treaty's preamble declares'; excerpt words from the
    Russia–Iran brief (corpus/briefs)."""
    text = (
        "The Comprehensive Strategic Partnership Treaty between Russia and Iran was signed in Moscow on "
        "17 January 2025 by the two presidents.\n\n"
        'The treaty\'s preamble declares that the parties are "guided by the principles of equality, mutual '
        'respect and non-interference in internal affairs".\n'
    )
    assert _speakers(text)["guided by the pr"] == "Comprehensive Strategic Partnership Treaty"
    other = text.replace("The treaty's preamble", "The accord's preamble")
    assert _speakers(other)["guided by the pr"] is None  # not the treaty the text is about
