"""The passes issue 14 found super-linear, at a size where quadratic time is minutes and linear
well under a second or two. The wall bounds are generous (a loaded machine); figures are in
bench/scaling.py and bench/fuzz.py.

Each input is a real line repeated, as hostile or unlucky documents repeat them: the "Accessed"
line of a reference list (CRS reports, tests/fixtures/citations-crs-r48887-excerpt.txt), a run of
footnote markers, quotes each followed by its marker.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

from pactlens.extract.dates import find_dates
from pactlens.extract.prose.event_clauses import summary_span, trailing_markers
from pactlens.structure.doc import Span
from pactlens.verify.audit import _marker_in


def timed(fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - started


def test_find_dates_is_linear_in_the_number_of_dates():
    # 40,000 dates: checking each against every earlier one is 8e8 comparisons (minutes)
    text = "Accessed 1 January 2020.\n" * 20_000 + "Retrieved March 3, 2021; see 2019.\n" * 20_000
    dates, seconds = timed(lambda: find_dates(text, years=True))
    assert len(dates) == 60_000
    assert [d.iso for d in dates[:1]] == ["2020-01-01"] and dates[-1].iso == "2019"
    assert all(text[d.start:d.end] in {"1 January 2020", "March 3, 2021", "2019"} for d in dates)
    assert seconds < 20


def test_find_dates_keeps_the_longest_form():
    # North Atlantic Treaty, final clause; and a paraphrase
    for text, want in (("Done at Washington, the fourth day of April, 1949.", ["1949-04-04"]),
                       ("signed on April 4, 1949 and in force in August 1949 (1949)", ["1949-04-04", "1949-08"])):
        assert [d.iso for d in find_dates(text)] == want


def test_trailing_markers_of_a_long_run_are_found_in_one_pass():
    seg = "The Parties signed the Treaty in 1949." + "[1]" * 100_000  # retried per start: minutes
    (a, b), seconds = timed(lambda: summary_span(seg, 0, len(seg)))
    assert seg[a:b] == "The Parties signed the Treaty in 1949"
    assert seconds < 5
    assert trailing_markers("met in June 2023 , [^4] ³ ") == len("met in June 2023")
    assert trailing_markers("in 2023[a]") == len("in 2023[a]")  # a letter is no footnote number


def test_marker_lookup_is_linear_in_quotes_and_markers():
    # 20,000 quoted sentences each followed by its marker, and 20,000 without one: all pairs is 8e8
    piece = '"We will consult," he said.[1] '
    bare = '"We will not," she said. '
    text = piece * 20_000 + bare * 20_000
    starts = [i * len(piece) + piece.index("[") for i in range(20_000)]
    ctx = SimpleNamespace(doc=SimpleNamespace(text=text), marker_starts=starts)
    spans = [Span(i * len(piece), i * len(piece) + piece.index("[")) for i in range(20_000)]
    spans += [Span(20_000 * len(piece) + i * len(bare), 20_000 * len(piece) + (i + 1) * len(bare) - 1)
              for i in range(20_000)]
    found, seconds = timed(lambda: [_marker_in(ctx, s) for s in spans])
    assert found == [True] * 20_000 + [False] * 20_000
    assert seconds < 10


def test_agreement_names_in_long_runs_of_capitalised_words():
    from pactlens.extract.prose.mentions import _NAMED, _NAMED_CAPS

    # Each capitalised connector ("THE") is also a word: trying both readings was exponential
    # (100 repeats already ran for minutes); a long run without an instrument word was rescanned
    # from every start (quadratic).
    caps = "THE GOVERNMENT OF THE " * 3000 + "UNITED KINGDOM"
    words = "Great Lakes Regional " * 3000 + "security"
    found, seconds = timed(lambda: [list(rx.finditer(t)) for rx in (_NAMED, _NAMED_CAPS) for t in (caps, words)])
    assert found == [[], [], [], []]
    assert seconds < 20
    # names are still read whole: the brief's treaty (examples/russia-iran-2025-brief.txt), a GGO
    # heading, and a paraphrase
    for rx, text, name in (
        (_NAMED, "the Comprehensive Strategic Partnership Treaty between Russia and Iran",
         "Comprehensive Strategic Partnership Treaty between Russia"),
        (_NAMED_CAPS, "SUPPLEMENTARY EXTRADITION TREATY BETWEEN THE UNITED STATES", "SUPPLEMENTARY EXTRADITION TREATY"),
        (_NAMED, "under the Great Lakes Water Quality Agreement of 1978", "Great Lakes Water Quality Agreement"),
    ):
        assert [m.group("name") for m in rx.finditer(text)][-1].startswith(name)


def test_merge_parties_is_linear_in_mentions():
    from pactlens.extract.parties import merge_parties
    from pactlens.model import Evidence, Party

    # a preamble naming a state 20,000 times: sorting the pooled evidence after every merge
    # is n^2 log n
    mentions = [Party(name="Iran", iso3="IRN", evidence=[Evidence(start=i * 10, end=i * 10 + 4, text="Iran")])
                for i in range(20_000, 0, -1)]
    merged, seconds = timed(lambda: merge_parties(mentions + mentions[:5]))
    assert [p.iso3 for p in merged] == ["IRN"]
    assert [e.start for e in merged[0].evidence] == [10, 20, 30]
    assert seconds < 10


def test_reused_footnote_labels_are_assigned_in_linear_time():
    # 20,000 notes all labelled "1" (a converter that numbers every page's notes from 1), each
    # after a paragraph with its marker: scanning every definition per marker is 4e8 steps
    from pactlens.extract.prose.citations import assign_markers

    n = 20_000
    defs = [SimpleNamespace(label="1", span=Span(100 * i + 50, 100 * i + 90)) for i in range(n)]
    marks = [SimpleNamespace(label="1", span=Span(100 * i + 10, 100 * i + 13)) for i in range(n)]
    late = SimpleNamespace(label="1", span=Span(100 * n + 10, 100 * n + 13))  # after every note
    doc = SimpleNamespace(footnotes=defs, markers=[*marks, late], in_footnotes=lambda _o: False,
                          evidence=lambda a, b: (a, b))
    out, seconds = timed(assign_markers, doc)
    assert out[0] == [(10, 13)] and out[n - 1] == [(100 * (n - 1) + 10, 100 * (n - 1) + 13), (100 * n + 10, 100 * n + 13)]
    assert all(len(out[i]) == 1 for i in range(n - 1))
    assert seconds < 5


def test_events_of_one_long_sentence_are_read_once_per_clause():
    # A chronology run into one sentence, 2,000 dates (a "met in Geneva" clause each, joined by
    # ", and"): asking each date's questions of the whole sentence again was 160 s at 1,000 dates.
    from pactlens.extract.prose.events import find_events
    from tests.doc_support import make_doc

    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    parts = [f"on {1 + i % 28} {months[i % 12]} {1950 + i % 70} the ministers met in Geneva" for i in range(2000)]
    doc = make_doc("The talks went on: " + ", and ".join(parts) + ".\n")
    events, seconds = timed(lambda: find_events(doc, []))
    assert len(events) == 2000 and {e.kind for e in events} == {"meeting"}
    assert events[0].date == "1950-01-01" and events[0].summary.startswith("The talks went on: on 1 January 1950")
    assert seconds < 60
