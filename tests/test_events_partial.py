"""A year written after "mid-" ("in mid-1948") and "proposed a …" as a verb, which the event reader
missed. Each on a short real excerpt (Office of the Historian, U.S. Department of State, Milestones
"North Atlantic Treaty Organization (NATO), 1949"; public domain) and a paraphrase written for the
test."""

from __future__ import annotations

from tests.doc_support import dated_events as _events


def test_a_year_after_mid_early_or_late_with_a_hyphen():
    """State Dept, NATO 1949: 'and in mid-1948, Soviet premier Joseph Stalin chose to test Western
    resolve by implementing a blockade'; paraphrase: 'In early-2025 the ministers agreed …'. A
    range written with a hyphen ("1947-1948 figures") is still no year."""
    text = ("The occupation of Germany had long been disputed, and in mid-1948, Soviet premier Joseph Stalin "
            "chose to test Western resolve by implementing a blockade against West Berlin.\n")
    assert ("1948", "1948") in _events(text)
    para = "In early-2025 the ministers agreed on a new framework for the exchange of liaison officers.\n"
    assert _events(para) == [("2025", "2025")]


def test_proposed_with_an_object_narrates():
    """State Dept, NATO 1949: 'Later in 1949, President Truman proposed a military assistance
    program'; paraphrase: 'called for talks'. 'The proposed budget' describes, and dates nothing."""
    text = "Later in 1949, President Truman proposed a military assistance program for the signatories.\n"
    assert _events(text) == [("1949", "1949")]
    para = "In 1962, the Secretary-General called for talks between the two governments on the border.\n"
    assert _events(para) == [("1962", "1962")]
    assert _events("The proposed budget in 2026 is smaller than the last.\n") == []
