"""What an analysis worker sends back for an upload: the rows to store, not the analysis.

Turning an analysis into rows (its JSON, every provision and sentence) took 8-90 ms of CPU
per ordinary upload, and done in the server it held the interpreter lock while readers
waited (bench/load.py with one uploader). Done here, in the worker, it runs at the worker's
lower priority; the server only inserts the rows. This module imports no web framework: a
worker process loads it to run :func:`prepare`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pactlens.store.rows import DocumentRows


@dataclass(frozen=True)
class Outline:
    """What the answer to an upload says of the document."""

    title: str | None
    kind: str
    agreements: int

    @classmethod
    def of(cls, analysis) -> Outline:  # analysis: pactlens.model.Analysis
        return cls(analysis.document.title, analysis.document.kind, len(analysis.agreements))


@dataclass(frozen=True)
class Prepared:
    rows: DocumentRows
    outline: Outline


def prepare(data: bytes, name: str, max_bytes: int | None = None) -> Prepared:
    """Analyse an upload and build its rows (in an analysis worker)."""
    from pactlens.pipeline import analyze_bytes
    from pactlens.store.rows import build_rows

    analysis = analyze_bytes(data, name, max_bytes=max_bytes)
    return Prepared(build_rows(analysis, data), Outline.of(analysis))
