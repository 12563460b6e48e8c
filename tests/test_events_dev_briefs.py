"""Timeline events on excerpts of CRS reports and encyclopedia articles the
extractor was not built on (shared corpus ``briefs/dev/``)."""

from __future__ import annotations

from pactlens.extract.prose.events import find_events
from tests.doc_support import fixture_doc


def _events(name: str):
    doc = fixture_doc(name)
    events = find_events(doc, [])
    for e in events:
        for ev in e.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
    return events


def _at(events, date: str):
    return [e for e in events if e.date == date]


def test_days_written_without_a_year_take_the_latest_year_before_them():
    """CRS writes "On April 7, the United States and Iran agreed …" in a report on 2026."""
    events = _events("briefs/crs-r48887-timeline.txt")
    (ceasefire,) = _at(events, "2026-04-07")
    assert (ceasefire.precision, ceasefire.kind) == ("day", "agreement")
    assert ceasefire.evidence[0].text == "April 7"
    assert _at(events, "2026-04-13") and _at(events, "2026-04-21") and _at(events, "2026-05-03")
    # "… June 2025's Operation Midnight Hammer … strikes in 2026: an April 6 CENTCOM list": 2026, the nearer year.
    assert _at(events, "2026-04-06") and not _at(events, "2025-04-06")


def test_launching_strikes_is_not_an_agreement():
    events = _events("briefs/crs-r48887-timeline.txt")
    (strikes,) = _at(events, "2026-06-26")
    assert strikes.kind == "other"


def test_no_year_before_leaves_the_day_out():
    """A day with no year anywhere before it is not guessed."""
    doc_text = "Days after the ceasefire, talks began. On April 7, the two sides agreed to a ceasefire."
    from tests.doc_support import make_doc

    assert find_events(make_doc(doc_text), []) == []


def test_a_day_followed_by_its_year_after_a_second_day_is_not_yearless():
    """"On March 8 and 9, 2007" is 2007, not the 2002 of an earlier sentence."""
    events = _events("briefs/wiki-open-skies-overflights.txt")
    assert not any(e.date.startswith("2002-03") for e in events)
    assert not any(e.date == "2002-03-08" for e in events)


def test_semicolon_inside_brackets_does_not_cut_the_clause():
    """"In August 2026, the Department of Defense (DOD; now using …) issued a …"."""
    events = _events("briefs/crs-95-1013-clauses.txt")
    (dod,) = _at(events, "2026-08")
    assert "issued a" in dod.summary


def test_a_year_kept_when_a_happening_noun_names_it():
    events = _events("briefs/crs-95-1013-clauses.txt")
    assert [e.summary.split(" in 2011")[0] for e in _at(events, "2011")] == ["Bahrain experienced a popular uprising"]
    # "(until 2002, Bahrain's heads of state were … referred to as …)": no happening.
    assert not _at(events, "2002")


def test_anniversary_of_entry_into_force_and_act_of_a_year():
    """"the sixth anniversary of the agreement's entry into force (July 1, 2026)" is not a
    ratification; "the Trade Act of 1974" names a law, it is not an event of 1974."""
    events = _events("briefs/crs-r48787-review.txt")
    assert {e.kind for e in _at(events, "2026-07-01")} <= {"other", "meeting"}
    assert _at(events, "2026-07-01")
    assert not _at(events, "1974")


def test_signs_of_and_concluded_that_are_not_signing_or_agreement():
    """"if they detect signs of "imminent threat …"", "One September 2026 analysis concluded that …"."""
    events = _events("briefs/crs-r48887-speakers.txt")
    assert not any(e.kind == "signing" and "signs of" in e.summary for e in events)
    assert any("state news agency" in e.summary for e in events)


def test_renewed_fighting_is_not_a_renewed_agreement():
    """CRS R48887's summary: "… but the MoU collapsed weeks later amid renewed fighting and formally
    expired in August 2026"; CRS 95-1013: "It was renewed in 2017 for 15 years"."""
    from pactlens.extract.prose.event_clauses import event_kind

    clause = ("The United States and Iran agreed to an April ceasefire and signed a June 2026 Memorandum of "
              "Understanding (MoU) to end the conflict and negotiate a broader settlement, but the MoU collapsed "
              "weeks later amid renewed fighting and formally expired in August 2026")
    assert event_kind(clause, clause.index("August 2026")) == "other"
    renewal = "It was renewed in 2017 for 15 years"
    assert event_kind(renewal, renewal.index("2017")) == "agreement"


def test_as_of_dates_and_adopted_positions_are_not_happenings():
    """CRS R48887 "U.S. military casualties: 18 killed, 824 wounded as of September 15, 2026" gives the
    date a figure held; CRS RS21852 "the UAE again adopted a tougher position toward Iran" agrees nothing."""
    from pactlens.extract.prose.event_clauses import event_kind
    from tests.doc_support import make_doc

    text = ("U.S. military casualties: 18 killed, 824 wounded as of September 15, 2026. "
            "On February 28, 2026, U.S. and Israeli forces began striking targets in Iran.")
    events = find_events(make_doc(text), [])
    assert [e.date for e in events] == ["2026-02-28"]
    clause = ("In August 2026, however, the UAE again adopted a tougher position toward Iran, as the UAE Foreign "
              "Ministry announced the suspension of all trade activity")
    assert event_kind(clause, clause.index("August 2026")) != "agreement"
