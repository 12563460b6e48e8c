"""Dates that are apparatus, not happenings (version histories, captions, a cover
line run into the title), and ranges whose year is written only at their end.

Real excerpts with their sources in each docstring, each with a paraphrase."""

from __future__ import annotations

from pactlens.extract.prose.events import find_events
from tests.doc_support import make_doc


def _events(text: str):
    doc = make_doc(text)
    events = find_events(doc, [])
    for e in events:
        for ev in e.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
    return events


def test_version_history_links_are_not_events():
    """CRS IF12672 web page (2026): a "PDF Version History" list of links."""
    events = _events(
        "Russia's Nuclear WeaponsUpdated April 22, 2026 (IF12672)\n\n"
        "In February 2023, President Putin announced that Russia would suspend its participation.\n\n"
        "- [April 22, 2026 (IF12672 - Version: 12)](https://crsreports.congress.gov/IF12672.12.pdf)\n"
        "- [December 11, 2025 (IF12672 - Version: 11)](https://crsreports.congress.gov/IF12672.11.pdf)\n"
    )
    assert [e.date for e in events] == ["2023-02"]


def test_navigation_links_paraphrase():
    """Paraphrase: a menu of dated links after a dated happening."""
    events = _events(
        "The two ministers met in Geneva on 4 May 2019 to sign the protocol.\n\n"
        "- [Press release of 5 May 2019](https://example.org/a)\n"
        "* [Archive: June 2018 statements](https://example.org/b)\n"
    )
    assert [e.date for e in events] == ["2019-05-04"]


def test_figure_captions_are_not_events():
    """CSIS, "CRINK economic ties" (2025): a figure caption with a date range."""
    events = _events(
        "China signed the agreement in March 2021 after long talks.\n\n"
        "_▲ __Figure 2: Russia’s and Iran’s Seaborne Oil Exports to China, January 2016–July 2025.__ Source: Vortexa._\n"
    )
    assert [e.date for e in events] == ["2021-03"]
    paraphrase = _events("Table 3: Arms transfers approved in June 2014, by recipient\n\nThe ministers met in June 2014.\n")
    assert [e.date for e in paraphrase] == ["2014-06"]


def test_a_range_takes_the_year_written_at_its_end():
    """CRS R48787 (2026): "held a public hearing from December 3 to December 5, 2025"."""
    events = _events("In 2026, trade grew. USTR held a public hearing from December 3 to December 5, 2025.\n")
    assert "2025-12-03" in [e.date for e in events]
    paraphrase = _events("In 2024, the envoys returned. Delegations met in Vienna November 28–December 2, 2019.\n")
    assert "2019-11-28" in [e.date for e in paraphrase]
    assert not any(e.date.startswith("2024-11") for e in paraphrase)
