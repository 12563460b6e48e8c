"""Bring stored results up to date after an upgrade: re-run the pipeline on stale documents.

A library workflow above the store (the store only stores; it never runs
the pipeline), beside ``add``'s batch runs.

The library keeps each document's original bytes (see ``sources``), so a
document is re-analysed even after its file moved or its URL went away; a
document stored without them (added from a URL or from an analysis alone)
is re-read from its source when that still works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pactlens.errors import PactlensError

if TYPE_CHECKING:  # the store is imported by whoever opened the library; importing batch stays cheap
    from pactlens.store import Library


@dataclass
class ReanalyseReport:
    updated: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (document id, one-line reason)


def reanalyse(lib: Library, doc_ids: list[str] | None = None) -> ReanalyseReport:
    """Re-analyse ``doc_ids`` (default: every document stored by another pipeline version).

    Each document is replaced in one transaction; one that fails keeps its
    old results and is reported.
    """
    from pactlens.pipeline import analyze, analyze_bytes, pipeline_hash

    report = ReanalyseReport()
    for doc_id in lib.stale(pipeline_hash()) if doc_ids is None else doc_ids:
        found = lib.source(doc_id)
        if found is None:
            continue  # deleted meanwhile
        name, data = found
        try:
            fresh = analyze(name) if data is None else analyze_bytes(data, name)
        except PactlensError as exc:
            report.failures.append((doc_id, str(exc)))
            continue
        new_id, _ = lib.add(fresh, replace=True, source_bytes=data)
        if new_id != doc_id:  # the source changed since it was stored: the new content replaces it
            lib.delete(doc_id)
        report.updated.append(new_id)
    return report
