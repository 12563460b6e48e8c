"""Names the NER calls PERSON that the text shows to be something else (extract/prose/person_evidence.py).

One class each, a short real excerpt and a paraphrase the rule was not written on.
Excerpts: CRS 95-1013 (Bahrain), R48887 (U.S. conflict with Iran) and RS21852 (the
UAE), public domain (krischen-77/crs-reports, EveryCRSReport HTML); Wikipedia "Yugoslav
accession to the Tripartite Pact" and "Kellogg–Briand Pact" (CC BY-SA 3.0, Wikipedia
contributors). See tests/fixtures/SOURCES.md.
"""

from __future__ import annotations

import pytest

from pactlens.extract.prose.entities import find_entities
from pactlens.extract.prose.person_evidence import lowercase_words, not_a_person
from pactlens.resources import nlp as models
from tests.doc_support import make_doc

needs_model = pytest.mark.skipif(not models.available(), reason="spaCy model not installed")


def _why(text: str, name: str, peoples: frozenset[str] = frozenset(), places: frozenset[str] = frozenset()) -> str | None:
    at = text.index(name)
    return not_a_person(text, at, at + len(name), lowercase_words(text), peoples, False, places)


def _people(text: str) -> set[str]:
    doc = make_doc(text)
    return {n for e in find_entities(doc, "brief") if e.kind == "person" for n in (e.name, *e.aliases)}


@pytest.mark.parametrize(("text", "name"), [
    # CRS 95-1013
    ("the royal-appointed, 40-seat Consultative Council (Majlis al Shura in Arabic)", "Majlis al Shura"),
    # CRS RS21852
    ("revoke the UAE branch of Egypt's Banque Misr from access to U.S. financial institutions", "Banque Misr"),
    # paraphrase
    ("Ukraine's parliament, the Verkhovna Rada, voted on Tuesday.", "Verkhovna Rada"),
    ("Elders met at a Loya Jirga in Kabul in 2002.", "Loya Jirga"),
])
def test_a_body_named_in_its_own_language_is_no_person(text, name):
    assert _why(text, name) == "a body named in its own language"


@pytest.mark.parametrize(("text", "name", "peoples"), [
    # Wikipedia, Kellogg–Briand Pact
    ("the Soviet Union, the Kingdom of the Serbs, Croats, and Slovenes, Siam, Spain", "Croats", {"Serbs"}),
    ("the Soviet Union, the Kingdom of the Serbs, Croats, and Slovenes, Siam, Spain", "Slovenes", {"Serbs"}),
    # CRS RS21852
    ("continue to confront Iranian-backed groups such as the Houthis.", "Houthis", set()),
    # paraphrase
    ("Talks between Kurds, Yazidis and Turkmen resumed in Mosul.", "Yazidis", {"Kurds"}),
])
def test_a_people_is_no_person(text, name, peoples):
    assert _why(text, name, frozenset(peoples)) == "a people"


def test_a_surname_ending_in_s_is_still_a_person():
    text = "Senator Chris Van Hollen and Representative Sara Jacobs reintroduced the bill."
    assert _why(text, "Sara Jacobs") is None and _why(text, "Chris Van Hollen") is None


@pytest.mark.parametrize(("text", "name", "why"), [
    # Wikipedia, Yugoslav accession to the Tripartite Pact
    ("_Realpolitik_ was the ultimate factor, Paul having first addressed British diplomatic circles.", "Realpolitik",
     "a term in italics"),
    # CRS R48887: a capitalised common word in a quotation
    ('President Trump wrote, "The number one Goal is, and always will be, that Iran cannot have a weapon." '
     "The goal is shared.", "Goal", "common words"),
    # CRS RS21852
    ("Iranian attacks also have damaged UAE aluminum smelters. Emirates Global Aluminum's main smelter is under "
     "repair, a global concern.", "Global Aluminum", "common words"),
    # paraphrase
    ("The *Ostpolitik* of the 1970s eased tensions.", "Ostpolitik", "a term in italics"),
])
def test_a_term_is_no_person(text, name, why):
    assert _why(text, name) == why


def test_a_name_is_not_a_common_word_because_one_of_its_words_is():
    text = "Prime Minister Mark Carney will mark the anniversary in Ottawa."
    assert _why(text, "Mark Carney") is None


@pytest.mark.parametrize(("text", "name"), [
    # CRS R48887
    ("of which three were approved (H.Con.Res. 86, H.Con.Res. 89, and H.Con.Res. 93 on June 3)", "Res"),
    ("The Senate voted to reject a measure (S.J.Res. 138) that would have blocked the sale.", "S.J.Res"),
    # paraphrase
    ("The House passed H.R. 2670 and then S. 1605 in December.", "R"),
])
def test_a_piece_of_a_designation_is_no_person(text, name):
    assert _why(text, name) == "part of a designation"


@pytest.mark.parametrize(("text", "name", "places"), [
    # CRS R48887
    ("Iran attempted to assert control over the Strait of Hormuz via attacks on shipping.", "Hormuz", set()),
    ("the Navy shifted its supply routes through the Indian Ocean island of Diego Garcia", "Diego Garcia", set()),
    # CRS RS21852
    ("facilities, such as Jebel Ali in Dubai and Khalifa Port in Abu Dhabi.", "Khalifa Port", set()),
    ("Six of them—Abu Dhabi, Dubai, Sharjah, Fujayrah, Ajman, and Umm al Qaywayn—banded together.", "Fujayrah",
     {"Dubai", "Sharjah", "Ajman", "Abu Dhabi"}),
    # paraphrase
    ("Ferries sail from the port of Bandar Abbas to Qeshm.", "Bandar Abbas", set()),
    ("Guests toured Kyoto, Nara, Himeji and Osaka.", "Himeji", {"Kyoto", "Nara", "Osaka"}),
])
def test_a_place_is_no_person(text, name, places):
    assert _why(text, name, places=frozenset(places)) == "a place"


def test_a_person_beside_a_state_is_still_a_person():
    text = "Talks between Israel and Netanyahu's rivals stalled."
    assert _why(text, "Netanyahu", places=frozenset({"Israel"})) is None


@needs_model
@pytest.mark.parametrize(("text", "person", "not_people"), [
    # CRS 95-1013
    ("Bahrain's bicameral legislature consists of the elected Council of Representatives (COR or Majlis al Nuwab in "
     "Arabic) and the appointed Consultative Council (Majlis al Shura in Arabic). King Hamad bin Isa Al Khalifa "
     "appoints the council.", "Hamad bin Isa Al Khalifa", {"Majlis al Nuwab", "Majlis al Shura"}),
    # paraphrase
    ("Members of the Iraqi Council of Representatives (Majlis al-Nuwwab) met Prime Minister Mohammed Shia al-Sudani, "
     "while Iran's Majles debated the budget.", "Mohammed Shia al-Sudani", {"Majles"}),
])
def test_in_a_document_the_person_stays_and_the_body_goes(text, person, not_people):
    found = _people(text)
    assert person in found and not found & not_people


@pytest.mark.parametrize(("text", "name"), [
    # White House, India–U.S. joint statement, 8 September 2023 (public domain)
    ("The leaders welcomed a partnership of Indian Startups with U.S. investors, and more startups will follow.",
     "Indian Startups"),
    # paraphrase
    ("Funds from Gulf Investors poured in; such investors want returns.", "Gulf Investors"),
])
def test_a_name_ending_in_a_common_plural_is_no_person(text, name):
    assert _why(text, name) == "common words"


@needs_model
@pytest.mark.parametrize(("text", "person"), [
    # Wikipedia, "North Atlantic Treaty" (CC BY-SA 3.0)
    ("Davutoglu discussed the situation with UN secretary-general Ban Ki-moon in a telephone call.", "Ban Ki-moon"),
    # paraphrase
    ("Treasury Secretary Scott Bessent met Vice Premier Wang Qishan, and Under-Secretary of State Jane Roe took notes.",
     "Wang Qishan"),
])
def test_offices_written_with_hyphens_or_as_vice_premier_introduce_people(text, person):
    assert person in _people(text)
