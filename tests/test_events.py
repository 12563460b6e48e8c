"""Events: the brief's timeline, treaty signature dates, and dates that are not events."""

from __future__ import annotations

import pytest

from pactlens.extract.prose.events import find_events
from pactlens.model import Agreement, Evidence, Signed
from tests.doc_support import fixture_doc, make_doc


@pytest.fixture(scope="module")
def brief():
    doc = fixture_doc("quotes-brief-normalized.txt")
    return doc, find_events(doc, [])


def test_brief_timeline_years_and_kinds(brief):
    _, events = brief
    by_date = {e.date: e for e in events}
    assert set(by_date) == {"2025-01-17", "2001", "2021", "2023"}
    assert by_date["2025-01-17"].kind == "signing" and by_date["2025-01-17"].precision == "day"
    assert by_date["2001"].kind == "signing" and by_date["2001"].precision == "year"
    assert by_date["2021"].kind == "agreement" and "CHN" in by_date["2021"].actors
    assert by_date["2023"].kind == "meeting"
    assert {"Ebrahim Raisi", "Vladimir Putin"} <= set(by_date["2023"].actors)


def test_evidence_is_exact_and_never_in_footnotes(brief):
    doc, events = brief
    for e in events:
        for ev in e.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
            assert not doc.in_footnotes(ev.start)


def test_year_used_as_a_name_is_not_an_event(brief):
    doc, events = brief
    at = doc.text.index("The 2025 Treaty builds")
    assert not any(e.evidence[0].start == at + 4 for e in events)


def test_no_year_inside_a_url_and_no_reference_date():
    # Footnote 9 of the brief, written as a body paragraph: its URL holds /2025/01/.
    text = (
        '"New Russia-Iran Treaty Reveals the Limits of Their Partnership," Carnegie, January 21, 2025. '
        "https://carnegieendowment.org/russia-eurasia/politika/2025/01/russia-iran-strategic-agreement?lang=en\n"
    )
    assert find_events(make_doc(text), []) == []


def test_signing_links_the_agreement_signed_that_day(brief):
    doc, _ = brief
    ag = Agreement(
        id="A1",
        title="Comprehensive Strategic Partnership Treaty",
        role="subject",
        signed=Signed(date="2025-01-17", precision="day"),
        evidence=[Evidence(start=0, end=1, text=doc.text[0:1])],
    )
    events = find_events(doc, [ag])
    signing = next(e for e in events if e.date == "2025-01-17")
    assert signing.agreement == "A1"
    # "the formal Treaty signed in 2025" repeats that signing and is folded into it.
    assert [e.date for e in events].count("2025") == 0


def test_treaty_final_clause_gives_the_signature_date():
    events = find_events(fixture_doc("events-north-atlantic-final.txt"), [])
    assert [(e.date, e.kind) for e in events] == [("1949-04-04", "signing")]
