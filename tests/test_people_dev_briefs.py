"""People on excerpts of CRS reports: patronymic names and run-together initials."""

from __future__ import annotations

from pactlens.extract.prose.people import find_people
from tests.doc_support import fixture_doc


def _names(name: str) -> dict[str, tuple[str, str | None]]:
    doc = fixture_doc(name)
    return {doc.text[m.start : m.end]: (m.person.name, m.person.role) for m in find_people(doc, [(0, len(doc.text))])}


def test_two_mohammeds_with_different_fathers_are_two_people():
    """"UAE President Mohammed bin Zayed Al Nahyan (MBZ)" then "Saudi Crown Prince Mohammed bin Salman"."""
    names = _names("briefs/crs-rs21852-two-mohammeds.txt")
    assert names["Mohammed bin Zayed Al Nahyan"] == ("Mohammed bin Zayed Al Nahyan", "President")
    assert names["Mohammed bin Salman"] == ("Mohammed bin Salman", "Crown Prince")


def test_run_together_initials_and_later_surname_are_one_person():
    names = _names("briefs/crs-r48887-speakers.txt")
    assert names["JD Vance"] == ("JD Vance", "Vice President")
    assert names["Vance"] == ("JD Vance", "Vice President")


def test_title_and_given_name_still_find_a_patronymic_name():
    """"King Hamad" after "King Hamad bin Isa Al Khalifa" is the same person (two sentences of CRS 95-1013)."""
    from tests.doc_support import make_doc

    text = (
        "King Hamad bin Isa Al Khalifa (born 1950) is the 14th ruling Al Khalifa monarch and the second "
        "ruler since the island kingdom's independence in 1971 (until 2002, Bahrain's heads of state were "
        "first referred to as \"Hakims\" then \"Emirs\"). "
        "According to one account, though King Hamad had early in his reign attempted to liberalize "
        "Bahrain's political system, \"Khalifa frustrated that process.\""
    )
    doc = make_doc(text)
    people = {m.person.name for m in find_people(doc, [(0, len(text))])}
    assert people == {"Hamad bin Isa Al Khalifa"}
