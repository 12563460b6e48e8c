"""Whose an agreement described in prose is: the states (or capitals) that are the subject of its
verb, "they" or "the two countries" for the two states named just before, a combining form
("Anglo-", "Sino-"), another instrument signed under an acronym the text gave its kind; a negated
verb tells of none.

Excerpts: CSIS, "CRINK economic ties" (2025-09-04); CRS In Focus IF10199 "U.S.-Japan Relations"
(public domain); Wikipedia, "Convention of Kanagawa" (CC BY-SA 3.0). Each rule also on a
paraphrase it was not written on."""

from __future__ import annotations

from pactlens.extract.prose.agreements import find_prose_agreements
from pactlens.model import Agreement
from tests.doc_support import make_doc


def _found(text: str) -> list[Agreement]:
    return find_prose_agreements(make_doc(text))


def _facts(text: str) -> list[tuple[str | None, list[str], str | None, int | None]]:
    return [(a.title, sorted(p.iso3 for p in a.parties if p.iso3), a.signed.date, a.term_years) for a in _found(text)]


def test_capitals_as_the_subject():
    """CSIS: "Beijing and Tehran have a 25-year agreement, signed in 2021, that secures discounted
    Iranian oil for China"; paraphrase: "Washington and Manila signed a new defense cooperation
    agreement in April 2014"."""
    assert _facts("China keeps trade agreements with the rest. Beijing and Tehran have a 25-year agreement, "
                  "signed in 2021, that secures discounted Iranian oil for China.\n") == [
        ("25-year agreement", ["CHN", "IRN"], "2021", 25)]
    assert _facts("Washington and Manila signed a new defense cooperation agreement in April 2014.\n") == [
        ("defense cooperation agreement", ["PHL", "USA"], "2014-04", None)]


def test_they_and_the_two_countries_stand_for_the_states_before():
    """CSIS: "Although North Korea and Iran do not share a comprehensive partnership, they have
    collaborated sporadically. In 2012, they signed an agreement on scientific and technological
    cooperation"; paraphrase: "the two countries signed a fisheries agreement"."""
    assert _facts("Although North Korea and Iran do not share a comprehensive partnership, they have collaborated "
                  "sporadically. In 2012, they signed an agreement on scientific and technological cooperation, and "
                  "in 2019 Pyongyang sent delegations to Tehran.\n") == [
        ("agreement on scientific and technological cooperation", ["IRN", "PRK"], "2012", None)]
    found = _facts("Chile and Peru settled their maritime dispute at The Hague. In 2015 the two countries signed "
                   "a new fisheries agreement.\n")
    assert found == [("fisheries agreement", ["CHL", "PER"], "2015", None)]


def test_another_instrument_under_the_acronym_of_its_kind():
    """CSIS: "Russia and Iran signed a 20-year comprehensive strategic partnership (CSP) … Moscow and
    Pyongyang signed a CSP"; paraphrase: a free trade agreement (FTA) signed by Chile and Peru,
    then "Bogota and Santiago signed an FTA"."""
    found = _facts("In January 2025, Russia and Iran signed a 20-year comprehensive strategic partnership (CSP) "
                   "covering interbank cooperation. In June 2024, Moscow and Pyongyang signed a CSP that includes "
                   "a mutual defense clause.\n")
    assert ("comprehensive strategic partnership", ["PRK", "RUS"], "2024-06", None) in found
    found = _facts("Chile and Peru signed a bilateral free trade agreement (FTA) in 2006. Later, Bogota and Santiago "
                   "signed an FTA in 2006 as well.\n")
    assert ("free trade agreement", ["CHL", "COL"], "2006", None) in found


def test_a_negated_verb_tells_of_no_agreement():
    """IF10199: "The United States and Japan do not have a comprehensive free trade agreement";
    paraphrase: "have never signed"."""
    assert _found("The United States and Japan do not have a comprehensive free trade agreement.\n") == []
    assert _found("India and Pakistan have never signed a water sharing agreement of that kind.\n") == []


def test_a_combining_form_names_a_party():
    """Kanagawa: "similar agreements with the United Kingdom (Anglo-Japanese Friendship Treaty, October
    1854)"; paraphrase: "the Sino-Russian friendship treaty of 2001"."""
    (a,) = _found("The Kanagawa treaty was followed by similar agreements with the United Kingdom "
                  "(Anglo-Japanese Friendship Treaty, October 1854).\n")
    assert sorted(p.iso3 for p in a.parties) == ["GBR", "JPN"]
    (b,) = _found("Putin praised the Sino-Russian friendship treaty of 2001 on its anniversary.\n")
    assert sorted(p.iso3 for p in b.parties) == ["CHN", "RUS"]


def test_signers_each_with_their_office():
    """Office of the Historian, "Camp David Accords" (public domain): "The Camp David Accords, signed by
    President Jimmy Carter, Egyptian President Anwar Sadat, and Israeli Prime Minister Menachem Begin
    in September 1978"; paraphrase with two foreign ministers and "in Lima"."""
    (a,) = _found("The Camp David Accords, signed by President Jimmy Carter, Egyptian President Anwar Sadat, and "
                  "Israeli Prime Minister Menachem Begin in September 1978, established a framework for peace.\n")
    assert [(s.name, s.party) for s in a.signatories] == [
        ("Jimmy Carter", None), ("Anwar Sadat", "EGY"), ("Menachem Begin", "ISR")]
    assert sorted(p.iso3 for p in a.parties) == ["EGY", "ISR"]
    (b,) = _found("The Lima Fisheries Agreement was signed by Chilean Foreign Minister Alberto van Klaveren and "
                  "Peruvian Foreign Minister Javier Gonzalez-Olaechea in Lima in 2024.\n")
    assert [(s.name, s.party) for s in b.signatories] == [
        ("Alberto van Klaveren", "CHL"), ("Javier Gonzalez-Olaechea", "PER")]


def test_the_states_that_sign_a_named_agreement():
    """Office of the Historian, "North Atlantic Treaty Organization, 1949" and "The Taiwan Straits
    Crises" (public domain): "Great Britain, France, Belgium, the Netherlands and Luxembourg signed
    the Brussels Treaty in March, 1948", "the United States signed the Mutual Defense Treaty with
    the ROC"; paraphrases: six states in a list, "Japan signed the … Agreement with Australia"; a
    state that signs with nobody named is no list of parties."""
    assert _facts("Great Britain, France, Belgium, the Netherlands and Luxembourg signed the Brussels Treaty "
                  "in March, 1948.\n")[0][1] == ["BEL", "FRA", "GBR", "LUX", "NLD"]
    assert _facts("Chile, Peru, Colombia, Mexico, Ecuador and Bolivia signed the Pacific Fisheries Treaty in 2001.\n")[0][1] == [
        "BOL", "CHL", "COL", "ECU", "MEX", "PER"]
    assert _facts("In 2022 Japan signed the Reciprocal Access Agreement with Australia in Tokyo.\n")[0][1] == ["AUS", "JPN"]
    assert _facts("In 2022 Japan signed the Reciprocal Access Agreement in Tokyo.\n")[0][1] in ([], ["JPN"])
