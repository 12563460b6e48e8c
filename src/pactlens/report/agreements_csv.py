"""CSV, one row per agreement: its facts, the five ATOP obligations and its domains by strength.

The flat table a spreadsheet or pandas wants; the comparison's cells
(:func:`pactlens.compare.summarize`) decide each value, so a row says what
``pactlens compare`` says.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from pactlens.compare import summarize
from pactlens.model import OBLIGATION_TYPES
from pactlens.model.library import StoredAgreement

CSV_COLUMNS = (
    "document_id", "document_title", "agreement_id", "title", "kind", "role", "parties", "parties_iso3",
    "signed", "place", "term_years", "article_count", *OBLIGATION_TYPES, "strongest_obligation",
    "binding_domains", "soft_domains", "excluded_domains",
)


def render(agreements: Iterable[StoredAgreement], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for sa in agreements:
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
