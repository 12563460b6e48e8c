"""Agreements a text describes in lower case, with the states that make them concrete.

Excerpts: American Forces Press Service, 11 August 2014 ("Hagel discusses New Agreement", a U.S.
government work) and Press (Christchurch), 1 September 1951, "U.S. pact with Philippines" (Papers
Past, out of copyright); each with a paraphrase the rule was not written on."""

from __future__ import annotations

from pactlens.extract.prose.agreements import find_prose_agreements
from pactlens.extract.prose.datelines import dateline
from tests.doc_support import make_doc


def _found(text: str) -> dict[str | None, tuple[list[str], str | None, str | None]]:
    return {
        a.title: (sorted(p.iso3 for p in a.parties if p.iso3), a.signed.date, a.signed.place)
        for a in find_prose_agreements(make_doc(text))
    }


def test_between_two_states_after_the_phrase():
    """AFPS 2014: 'Calling a new force posture agreement between the United States and Australia a
    “milestone” …'; paraphrase: another kind of agreement and other states."""
    text = (
        "Calling a new force posture agreement between the United States and Australia a “milestone” in "
        "the relationship between the two countries, Defense Secretary Chuck Hagel today said United States "
        "looks forward to signing the document.\n"
    )
    assert _found(text) == {"force posture agreement": (["AUS", "USA"], None, None)}
    para = "Negotiators finished a draft free trade agreement between Chile and Peru after six rounds of talks.\n"
    assert _found(para) == {"free trade agreement": (["CHL", "PER"], None, None)}


def test_states_that_sign_an_indefinite_pact_dated_by_the_dateline():
    """Press 1951: the dateline has no year, so the day is unknown but the place is the dateline's;
    paraphrase: a dateline with a year dates 'today'."""
    text = (
        "WASHINGTON, August 30. The United States and the Philippines to-day signed a new defence pact "
        "pledging each to help the other fight aggression.\n"
    )
    assert _found(text) == {"defence pact": (["PHL", "USA"], None, "Washington")}
    para = (
        "LISBON, March 3, 1962 – Spain and Portugal today signed a fisheries convention covering the "
        "waters off both coasts.\n"
    )
    assert _found(para) == {"fisheries convention": (["ESP", "PRT"], "1962-03-03", "Lisbon")}
    assert dateline(make_doc(para)).iso == "1962-03-03"


def test_back_references_and_empty_phrases_name_no_new_agreement():
    """A definite bare 'the agreement' refers back; 'a new agreement' says nothing of its own; a
    dash-joined brand is not two states."""
    assert _found("Russia and Belarus signed the agreement in 1992.\n") == {}
    assert _found("Officials said a new agreement between France and Germany was close.\n") == {}
    assert _found("The Coca-Cola deal was unrelated to the talks.\n") == {}
    # Without a dateline, "today" dates nothing.
    assert _found("Spain and Portugal today signed a fisheries convention.\n") == {
        "fisheries convention": (["ESP", "PRT"], None, None)}


def test_it_in_the_lead_paragraph_continues_the_agreement_that_opens_it():
    """Wikipedia, "Kellogg–Briand Pact": the lead names the pact, then 'It was signed by Germany,
    France, and the United States on 27 August 1928'; paraphrase: another convention and its place.
    'It' after a sentence that does not open with the agreement dates nothing."""
    text = (
        "The Kellogg–Briand Pact is a 1928 international agreement in which signatory states promised not to use "
        "war to resolve disputes. Parties failing to abide by this promise should be denied its benefits. It was "
        "signed by Germany, France, and the United States on 27 August 1928, and by most other states soon after.\n"
    )
    assert {a.title: a.signed.date for a in find_prose_agreements(make_doc(text))} == {"Kellogg–Briand Pact": "1928-08-27"}
    para = (
        "The Montreux Convention is a 1936 agreement that gives Turkey control over the Straits. It was signed on "
        "20 July 1936 in Montreux after three weeks of talks.\n"
    )
    assert {a.title: (a.signed.date, a.signed.place) for a in find_prose_agreements(make_doc(para))} == {
        "Montreux Convention": ("1936-07-20", "Montreux")}
    other = (
        "Turkey later relied on the Montreux Convention in several disputes. It was signed on 20 July 1936.\n"
    )
    assert {a.title: a.signed.date for a in find_prose_agreements(make_doc(other))} == {"Montreux Convention": None}


def test_a_partnership_signed_is_an_agreement_and_an_on_phrase_names_one():
    """CSIS, "CRINK economic ties" (4 September 2025): 'In January 2025, Russia and Iran signed a
    20-year comprehensive strategic partnership (CSP) covering …'; paraphrases: an 'agreement on …'
    and a partnership only entered into (a relationship, not an instrument)."""
    text = (
        "In January 2025, Russia and Iran signed a 20-year comprehensive strategic partnership (CSP) covering "
        "interbank cooperation, investment in energy, defense coordination, and sanctions circumvention.\n"
    )
    got = {a.title: (sorted(p.iso3 for p in a.parties), a.signed.date, a.term_years) for a in find_prose_agreements(make_doc(text))}
    assert got == {"20-year comprehensive strategic partnership": (["IRN", "RUS"], "2025-01", 20)}
    para = "In 2016 Chile and Peru signed an agreement on fisheries and maritime research, officials said.\n"
    assert [a.title for a in find_prose_agreements(make_doc(para))] == ["agreement on fisheries and maritime research"]
    assert find_prose_agreements(make_doc("In 2016 Chile and Peru entered into a strategic partnership.\n")) == []


def test_every_instrument_word_of_the_lexicon_heads_a_described_agreement():
    """The head word is the lexicon's agreement nouns (as for named agreements) plus "deal": a
    protocol, a declaration or a memorandum of understanding between two states is described the
    same way as the AFPS 2014 'force posture agreement between the United States and Australia'
    above. No corpus or labelled document holds such a phrase (233 analyses unchanged), so these
    are paraphrases."""
    kinds = {a.title: (a.kind, sorted(p.iso3 for p in a.parties)) for a in find_prose_agreements(make_doc(
        "Diplomats initialled a maritime boundary protocol between Chile and Peru on Tuesday.\n"
        "Officials described a defence cooperation memorandum of understanding between Japan and Australia.\n"
        "Negotiators drafted a joint security declaration between Poland and Lithuania.\n"))}
    assert kinds == {
        "maritime boundary protocol": ("agreement", ["CHL", "PER"]),  # the contract has no protocol kind
        "defence cooperation memorandum of understanding": ("memorandum", ["AUS", "JPN"]),
        "joint security declaration": ("declaration", ["LTU", "POL"]),
    }
