"""Organizations the NER finds once and no name word marks as bodies, and posts and people it takes for
bodies (extract/prose/named.py, org_evidence.py, resources/organizations.py): one class of sentence per
test, a short real excerpt and a paraphrase the rule was not written on.

Excerpts: CRS In Focus IF10002 "World Trade Organization" and IF10119 "China Primer: U.S.-China
Relations" (krischen-77/crs-reports, public domain); State Department Office of the Historian pages
"Nixon and Ford Presidencies, 1969–1976", "Allende and Pinochet" and "U.S.-China Ambassadorial
Talks" (public domain); White House fact sheets of 13 September 2023 (U.S.–Bahrain C-SIPA) and
joint statement of 8 September 2023 (India–U.S.), public domain; the CSIS brief "CRINK Economic
Ties" (short quotation).
"""

from __future__ import annotations

import pytest

from pactlens.resources import nlp as models
from tests.test_org_evidence import _orgs, _people

pytestmark = pytest.mark.skipif(not models.available(), reason="spaCy model not installed")


@pytest.mark.parametrize(("text", "org"), [
    # IF10002
    ("The first Trump Administration and successive Administrations blocked appointments to the WTO's Appellate "
     "Body (AB), arguing the AB exceeded its authority and engaged in \"judicial overreach\" in panel decisions.",
     "Appellate Body"),
    # paraphrase
    ("In the 1970 election, former president Jorge Alessandri represented the National Party (PN), which lost "
     "narrowly; the PN later joined the opposition.", "National Party"),
])
def test_a_name_the_model_ran_into_its_acronym_is_cut_before_the_parenthesis(text, org):
    assert org in _orgs(text)


@pytest.mark.parametrize(("text", "org"), [
    # CSIS, "CRINK Economic Ties"
    ("One prominent study from the European Bank for Reconstruction and Development showed that by the end of "
     "2023 most of the trade was settled in yuan.", "European Bank for Reconstruction and Development"),
    # paraphrase
    ("Loans from the Islamic Bank for Trade and Development to the region doubled between 2019 and 2022.",
     "Islamic Bank for Trade and Development"),
])
def test_a_body_headed_before_its_for_is_one_whatever_word_ends_it(text, org):
    assert org in _orgs(text)


@pytest.mark.parametrize(("text", "acronym"), [
    # CSIS, "CRINK Economic Ties": the acronym spelled out only in the author's note
    ("For example, as CSIS previously reported, Russian imports of Chinese machine tools rose sharply in 2023.\n\n"
     "__Maria Snegovaya__ is a senior fellow for Russia and Eurasia at the Center for Strategic and International "
     "Studies (CSIS) in Washington, D.C.\n", "CSIS"),
    # paraphrase
    ("As the IISS noted in its annual survey last year, the cost of the programme has doubled since it began in "
     "2019.\n\n__John Smith__ is a research fellow at the International Institute for Strategic Studies (IISS) in "
     "London.\n", "IISS"),
])
def test_an_acronym_spelled_out_as_a_body_in_an_authors_note_is_that_body(text, acronym):
    assert acronym in _orgs(text)


@pytest.mark.parametrize("text", [
    # "Nixon and Ford Presidencies, 1969–1976"
    "Nixon appointed Henry Kissinger as his National Security Advisor, and approved a proposal drafted by Kissinger "
    "concentrating the interagency policymaking process in the National Security Council.",
    # C-SIPA fact sheet, as wrapped there
    "The agreement was signed in Bahrain during a visit to Washington by His Royal Highness the Crown\n"
    "Prince and Prime Minister of Bahrain, Salman bin Hamad Al Khalifa. The Crown Prince met the President.",
    # paraphrase
    "The Foreign Minister told the Defense Adviser that the Crown\nPrince would travel to Paris in May 2024.",
])
def test_a_post_is_no_organization(text):
    found = _orgs(text)
    assert not {"National Security Advisor", "Crown", "Defense Adviser", "Foreign Minister"} & found


@pytest.mark.parametrize(("text", "person"), [
    # "U.S.-China Ambassadorial Talks": a photograph's caption
    ("*Henry Kissinger and Chairman Mao, with Zhou Enlai behind them in Beijing*\n\nThe talks began in 1955.",
     "Henry Kissinger"),
    # paraphrase
    ("James Baker and Chairman Deng Xiaoping toured the site together in 1989.", "James Baker"),
])
def test_a_name_before_and_an_office_is_no_employer(text, person):
    assert person not in _orgs(text)
    assert any(person in p for p in _people(text))


@pytest.mark.parametrize(("text", "org", "not_org"), [
    # C-SIPA fact sheet
    ("Bahrain is one of the United States of America's longest and closest partners in the Middle East, host to "
     "the U.S. Navy's Fifth Fleet, a Major Non-NATO Ally, and a Major Security Partner.", "NATO", "Non-NATO Ally"),
    # paraphrase
    ("Pakistan was designated a major non-NATO ally in 2004, though anti-NATO protests followed.", "NATO",
     "non-NATO ally"),
])
def test_a_status_named_after_a_body_names_the_body_only(text, org, not_org):
    found = _orgs(text)
    assert org in found and not_org not in found


@pytest.mark.parametrize(("text", "org"), [
    # IF10119
    ("During his visit to Beijing in May 2026, the President stated in a Fox News interview that he was holding "
     "\"in abeyance\" a $14 billion arms sales package for Taiwan.", "Fox News"),
    ("The President said he took him at his word. Reuters reported in July 2026 that Iran had received the "
     "equipment.", "Reuters"),
    # paraphrases
    ("Kyodo News reported on Monday that the deal between the two firms had stalled over financing.", "Kyodo News"),
    ("The minister confirmed the sale in an Al Jazeera interview in March 2024.", "Al Jazeera"),
])
def test_a_news_outlet_named_once_by_what_it_does(text, org):
    assert org in _orgs(text)


@pytest.mark.parametrize(("text", "org"), [
    # C-SIPA fact sheet, as wrapped there
    ("The United States has expanded cooperation on unmanned systems and artificial intelligence after\n"
     "    NAVCENT established Task Force 59 in September 2021.  Last year, Bahrain committed to partnering.",
     "Task Force 59"),
    # paraphrase
    ("The Pentagon stood up Joint Task Force 505 in 2015 to coordinate relief after the earthquake in Nepal.",
     "Joint Task Force 505"),
])
def test_a_numbered_body_is_a_body(text, org):
    assert org in _orgs(text)
