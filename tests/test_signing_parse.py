"""Signing facts read from the parse of the clause that signs an agreement (extract/prose/signing_parse).

Excerpts: U.S. Department of State, Office of the Historian, "The Panama Canal and the
Torrijos-Carter Treaties" and "The Camp David Accords and the Arab-Israeli Peace Process,
1977–1979" (history.state.gov, U.S. government works); Wikipedia, "Kellogg–Briand Pact" (CC BY-SA
4.0). Each with a paraphrase the rule was not written on (other agreements, words and order).
"""

from __future__ import annotations

import pytest

from pactlens.extract.prose.agreements import find_prose_agreements
from pactlens.structure.nlp import nlp_doc
from tests.doc_support import make_doc


def _signed(text: str, date: str | None = None) -> dict[str | None, tuple[str | None, str | None]]:
    doc = make_doc(text, date=date)
    if nlp_doc(doc) is None:
        pytest.skip("no spaCy model installed")
    out = {}
    for a in find_prose_agreements(doc):
        for e in a.signed.evidence:
            assert doc.text[e.start : e.end] == e.text
        out[a.title] = (a.signed.date, a.signed.place)
    return out


def test_one_date_for_the_agreements_a_counted_back_reference_takes():
    """history.state.gov (Panama): 'These two treaties were signed on September 7, 1977.' after the
    two treaties are named; paraphrase: 'Both agreements were concluded on …'."""
    text = (
        "The negotiators decided that their best chance for ratification was to submit two treaties to the U.S. "
        "Senate. The first, called The Treaty Concerning the Permanent Neutrality and Operation of the Panama Canal, "
        "stated that the United States could use its military to defend the Panama Canal against any threat to its "
        "neutrality. The second, called The Panama Canal Treaty, stated that the Panama Canal Zone would cease to "
        "exist on October 1, 1979. These two treaties were signed on September 7, 1977.\n"
    )
    found = _signed(text)
    assert found["Treaty Concerning the Permanent Neutrality and Operation of the Panama Canal"][0] == "1977-09-07"
    assert found["Canal Treaty"][0] == "1977-09-07"  # (the lexical reading strips "Panama" as a state)
    para = (
        "Lisbon and Madrid settled their quarrel in two instruments. One was the Convention on Iberian Fisheries, "
        "the other the Treaty of Friendship and Cooperation. Both agreements were concluded on 3 March 1962.\n"
    )
    found = _signed(para)
    assert found["Convention on Iberian Fisheries"][0] == "1962-03-03"
    assert found["Treaty of Friendship and Cooperation"][0] == "1962-03-03"


def test_a_day_without_a_year_takes_the_paragraphs_year():
    """history.state.gov (Camp David): 'the Egyptian-Israeli Peace Treaty was formally signed on March
    26' in a paragraph whose narrative is in 1979; paraphrase: no year in the paragraph, so the
    document's own date gives it."""
    text = (
        "Other regional developments raised Israeli concerns about its oil supply, resulting in an impasse during "
        "the winter of 1978–1979. Carter traveled to Israel on March 10. Sadat quickly assented to the agreement and "
        "the Egyptian-Israeli Peace Treaty was formally signed on March 26.\n"
    )
    assert _signed(text)["Peace Treaty"][0] == "1979-03-26"
    para = "Leaders met in Apulia this week. The Tirana Declaration on Reconstruction was signed on June 13 by both sides.\n"
    assert _signed(para, date="2024-06-15")["Tirana Declaration on Reconstruction"][0] == "2024-06-13"


def test_place_from_the_predicates_in_or_at_and_a_back_reference_to_the_subject():
    """Wikipedia (Kellogg–Briand Pact): 'the pact was signed in Paris at the French Foreign
    Ministry by the representatives from …' in a paragraph that does not name it; paraphrase:
    'at the White House', a place that is no city."""
    text = (
        "The Kellogg–Briand Pact is a 1928 international agreement on peace.\n\n"
        "States Parties\n\n"
        "After negotiations, the pact was signed in Paris at the French Foreign Ministry by the representatives "
        "from Australia, Belgium, Canada and the United States.\n"
    )
    assert _signed(text)["Kellogg–Briand Pact"][1] == "Paris"
    para = (
        "The Abraham Accord changed the region.\n\n"
        "Ceremony\n\n"
        "The accord was signed at the White House on 15 September 2020 by four leaders.\n"
    )
    assert _signed(para)["Abraham Accord"] == ("2020-09-15", "White House")


def test_a_year_before_a_name_is_no_signing_date_and_an_indefinite_noun_refers_to_nothing():
    """GOLD.md: 'the 2012 Free Trade Agreement' leaves the signing date to a signing clause; 'a
    treaty' signed later is another instrument, not a back-reference."""
    text = "The Mutual Defense Treaty binds both states. Later, Manila signed a treaty with Tokyo on 4 May 1999.\n"
    assert _signed(text)["Mutual Defense Treaty"][0] is None
