"""Export a whole library in any format of the renderer registry: JSON / JSON Lines (one
pactlens.analysis/1 object per document), CSV (one row per agreement), ATOP-style CSV, GraphML (the
state network), and the text and Markdown reports.

A library workflow above the store and the reports: the store only stores,
and the renderers know nothing of the library. Analyses are read one at a
time, so the JSON exports stream whatever the library's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from pactlens.model import Analysis
from pactlens.report.registry import renderer
from pactlens.store import Library


def analyses(lib: Library) -> Iterator[Analysis]:
    for doc_id in lib.ids():
        analysis = lib.get(doc_id)
        if analysis is not None:  # deleted meanwhile by another writer
            yield analysis


def export(lib: Library, fmt: str, out: TextIO, **options: Any) -> None:
    """Write the library as ``fmt``; JSON arrays are compact (one analysis a line) so they stream."""
    r = renderer(fmt, "analyses", "agreements")
    r.write(analyses(lib) if r.reads == "analyses" else lib.agreements(), out, compact=True, **options)
