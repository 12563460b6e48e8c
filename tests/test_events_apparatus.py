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


def test_a_past_verb_near_a_year_narrates_a_happening():
    """Wikipedia, "Polaris Sales Agreement" (CC BY-SA): no signing or meeting word,
    but the clause tells what happened that year."""
    events = _events(
        "In 1953, work began on a medium-range ballistic missile called Blue Streak. "
        "The agreement was amended in 1982 to provide for the sale of the Trident missile system.\n"
    )
    assert [e.date for e in events] == ["1953", "1982"]
    paraphrase = _events("The old airfield was closed to traffic in 1998, and the runway lay empty for years.\n")
    assert [e.date for e in paraphrase] == ["1998"]


def test_figures_targets_and_descriptions_are_not_narrated_happenings():
    """CSIS, "CRINK economic ties" (2025): "their bilateral trade growth slowed to just
    1.9 percent in 2024" dates a figure; "slated for completion in 2026" a target."""
    events = _events(
        "For instance, their bilateral trade growth slowed to just 1.9 percent in 2024. "
        "They are building a new road bridge slated for completion in 2026.\n"
    )
    assert events == []
    paraphrase = _events(
        "Exports of grain rose by $3 billion in 2019. The pipeline is to be finished by 2030, officials hoped. "
        "Until 2008, the designated aircraft was an Andover.\n"
    )
    assert paraphrase == []
