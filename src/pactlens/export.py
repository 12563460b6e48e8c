"""Export a whole library: JSON / JSON Lines (one pactlens.analysis/1 object per document),
CSV (one row per agreement), ATOP-style CSV, and GraphML (the state network).

Analyses are read one at a time, so the JSON exports stream whatever the
library's size. A library workflow above the store and the reports: the
store only stores, and the renderers know nothing of the library.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from pactlens.errors import PactlensError
from pactlens.model import OBLIGATION_TYPES, Analysis
from pactlens.store import Library

FORMATS = ("json", "jsonl", "csv", "atop", "graphml")

CSV_COLUMNS = (
    "document_id", "document_title", "agreement_id", "title", "kind", "role", "parties", "parties_iso3",
    "signed", "place", "term_years", "article_count", *OBLIGATION_TYPES, "strongest_obligation",
    "binding_domains", "soft_domains", "excluded_domains",
)


def analyses(lib: Library) -> Iterator[Analysis]:
    for doc_id in lib.ids():
        analysis = lib.get(doc_id)
        if analysis is not None:  # deleted meanwhile by another writer
            yield analysis


def export(lib: Library, fmt: str, out: TextIO) -> None:
    writers = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv, "atop": write_atop,
               "graphml": write_graphml}
    if fmt not in writers:
        raise PactlensError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    writers[fmt](lib, out)


def write_json(lib: Library, out: TextIO) -> None:
    """A JSON array of analyses, written element by element."""
    out.write("[")
    for i, a in enumerate(analyses(lib)):
        out.write(",\n" if i else "\n")
        out.write(a.model_dump_json(by_alias=True))
    out.write("\n]\n")


def write_jsonl(lib: Library, out: TextIO) -> None:
    for a in analyses(lib):
        out.write(a.model_dump_json(by_alias=True) + "\n")


def write_csv(lib: Library, out: TextIO) -> None:
    """One row per stored agreement: its facts, the five ATOP obligations and its domains by strength."""
    from pactlens.compare import summarize

    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for sa in lib.agreements():
        c = summarize(sa)
        row = {
            "document_id": sa.document_id, "document_title": sa.document_title, "agreement_id": c.agreement_id,
            "title": c.title, "kind": c.kind, "role": c.role,
            "parties": "; ".join(p.name for p in c.parties),
            "parties_iso3": "; ".join(p.iso3 for p in c.parties if p.iso3),
            "signed": c.signed, "place": c.place, "term_years": c.term_years, "article_count": c.article_count,
            **{kind: c.obligations[kind].status for kind in OBLIGATION_TYPES},
            "strongest_obligation": c.strongest_obligation,
        }
        for strength in ("binding", "soft", "excluded"):
            row[f"{strength}_domains"] = "; ".join(d for d, cell in c.domains.items() if strength in cell.counts)
        writer.writerow(row)


def write_atop(lib: Library, out: TextIO) -> None:
    """The ATOP-style CSV that ``pactlens analyze --format atop`` writes, over the whole library."""
    try:
        from pactlens.report.atop import render
    except ImportError:
        raise PactlensError("ATOP export is not available in this version of pactlens") from None
    render(analyses(lib), out)  # it iterates once: a stream keeps memory flat on a large library


def write_graphml(lib: Library, out: TextIO) -> None:
    from pactlens.report.graphml import to_graphml

    out.write(to_graphml(lib.agreements()))
