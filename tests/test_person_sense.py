"""What the text shows a name to be at one mention it is at every mention, and words of the sentence after
an office introduce no one (extract/prose/named_people.py, person_evidence.py, people.py): a short real
excerpt and a paraphrase the rule was not written on, per class; each also keeps a real person.

Excerpts (public domain unless noted): State Department Office of the Historian, "The Taiwan Straits
Crises: 1954–55 and 1958"; CRS In Focus IF12608, "Seabed Mining in Areas Beyond National Jurisdiction"
(2026-04-13); White House fact sheets "U.S.-Africa Partnership in Peace, Security, and Governance"
(2022-12-15) and "G7 Summit in Apulia" (2024-06-14); White House, "Joint Vision Statement from the
Leaders of Japan, the Philippines, and the United States" (2024-04-11), "U.S.-Africa Leaders Summit:
Strengthening Partnerships" (2022-12-15) and the Harris–Zelenskyy press conference in Munich
(2024-02-17); Wikipedia, "North Atlantic Treaty" (signatories' list; CC BY-SA 4.0, Wikipedia contributors).
"""

from __future__ import annotations

import pytest

from pactlens.extract.prose.entities import find_entities
from pactlens.resources import nlp as models
from tests.doc_support import make_doc

pytestmark = pytest.mark.skipif(not models.available(), reason="spaCy model not installed")


def _people(text: str) -> set[str]:
    """Every name and form of every person found in ``text`` read as a brief."""
    doc = make_doc(text)
    return {n for e in find_entities(doc, "brief") if e.kind == "person" for n in (e.name, *e.aliases)}


@pytest.mark.parametrize(("text", "thing", "person"), [
    # "The Taiwan Straits Crises": a place where it follows "from … and", the same island where it is an object
    ("In the early 1950s, Chiang’s forces launched minor attacks from Jinmen and Mazu against the coast of "
     "mainland China. The PRC began to bombard Jinmen in September 1954, and soon expanded its targets to "
     "include Mazu and the Dachen Islands. Chiang Kai-shek agreed to withdraw his troops.", "Mazu", "Chiang"),
    # paraphrase
    ("Guerrilla raids came from Pemba and Unguja against the mainland in 1964. The government then shelled Unguja, "
     "and Unguja resisted for a month. President Julius Nyerere ordered a ceasefire.", "Unguja", "Julius Nyerere"),
])
def test_what_one_mention_shows_a_name_to_be_it_is_everywhere(text, thing, person):
    found = _people(text)
    assert thing not in found
    assert person in found


@pytest.mark.parametrize(("text", "thing", "person"), [
    # IF12608
    ("Cyprus Minerals and Lockheed Martin Corporation (American companies) held USA-1. Lockheed Martin holds both "
     "licenses. NOAA Administrator Neil Jacobs said the licenses remain active.", "Lockheed Martin", "Neil Jacobs"),
    # paraphrase
    ("The contract went to Northrop Grumman Corporation in 2019. Northrop Grumman delivered the first radar in "
     "2023, and Secretary Lloyd Austin praised the work.", "Northrop Grumman", "Lloyd Austin"),
])
def test_a_name_the_text_writes_with_a_company_word_is_no_person(text, thing, person):
    found = _people(text)
    assert thing not in found
    assert person in found


@pytest.mark.parametrize(("text", "thing", "person"), [
    # "U.S.-Africa Partnership in Peace, Security, and Governance", as wrapped there
    ("The U.S. Government aims to bolster human rights programming in the\n    Sahel to curb growing instability in "
     "the region. Secretary Antony Blinken announced the funding.", "Sahel", "Antony Blinken"),
    # Harris–Zelenskyy press conference, as wrapped there
    ("Patriots are the best life-preservation means of people\nagainst Russian terror, and each Patriot not only "
     "saves hundreds and\nthousands of lives, said President Volodymyr Zelenskyy.", "Patriot", "Volodymyr Zelenskyy"),
    # paraphrase
    ("Relief flights reached the Ogaden before the rains, and aid workers said the Ogaden was cut off. Minister "
     "Redwan Hussien said the road would reopen.", "Ogaden", "Redwan Hussien"),
])


def test_a_name_heading_a_phrase_with_an_article_is_no_person(text, thing, person):
    found = _people(text)
    assert thing not in found
    assert person in found


@pytest.mark.parametrize(("text", "thing", "person"), [
    # "G7 Summit in Apulia", as wrapped there
    ("President Biden and G7 leaders\n    expressed support for a sustainable replenishment of Gavi, the\n    Vaccine "
     "Alliance, this year. President Biden committed\n    to making a robust and multi-year pledge to Gavi, the "
     "Vaccine\n    Alliance, in support of this year’s replenishment.", "Gavi", "Biden"),
    # paraphrase
    ("The summit pledged support to Sabin, the Vaccine Institute, for trials, and promised grants to Sabin, the "
     "Vaccine Institute, for research. Minister Anne Beathe Tvinnereim announced it.", "Sabin", "Anne Beathe Tvinnereim"),
])
def test_a_name_renamed_by_an_organization_in_apposition_is_no_person(text, thing, person):
    found = _people(text)
    assert thing not in found
    assert person in found


@pytest.mark.parametrize(("text", "thing", "person"), [
    # Japan–Philippines–U.S. joint vision statement, as wrapped there
    ("President Marcos\nappreciates Japan’s contribution of Official Development Assistance and\nprivate sector "
     "investment in its 2022-2023 fiscal year, which exceeded expectations. Its development assistance grew, and "
     "private sector investment grew.", "Development Assistance", "Marcos"),
    # Harris–Zelenskyy press conference: a vocative before a contraction
    ("Madam Vice President, I’m grateful to you for our conversation. I thank President Biden for his support.",
     "I’m", "Biden"),
    # "U.S.-Africa Leaders Summit": a plural office in a name, then a list of people with their own offices
    ("At the U.S.-Africa Leaders Summit, President Biden and Vice President Harris announced new partnerships "
     "with African leaders.", "Summit", "Harris"),
    # "North Atlantic Treaty", the signatories: a peerage title where the name was lost
    ("- – Prime Minister and Foreign Minister Paul-Henri Spaak and Ambassador Baron\n\n- – Foreign Secretary "
     "Ernest Bevin and Ambassador Oliver Franks, Baron Franks", "Baron", "Paul-Henri Spaak"),
    # paraphrase
    ("The Chairman Welcomed the delegations, and the chairman thanked the hosts who welcomed them. Ambassador "
     "Earl\n\nand Senator Jane Roe spoke after him.", "Welcomed", "Jane Roe"),
])
def test_an_office_before_words_of_the_sentence_introduces_no_one(text, thing, person):
    found = _people(text)
    assert not any(thing in n for n in found)
    assert any(person in n for n in found)
