"""The report's sections, in order. Each is a function ``Analysis -> list[Block]``.

To add a section, write its function (in its own module when it is large)
and list it in :data:`SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable

from pactlens.model import Agreement, Analysis
from pactlens.report.blocks import Block, Fields, Lines, Table
from pactlens.report.audit_section import audit_section
from pactlens.report.brief_section import brief_section
from pactlens.report.obligations_section import obligations_section

UNKNOWN = "unknown"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _or_unknown(value: object) -> str:
    return UNKNOWN if value in (None, "", []) else str(value)


def document_section(a: Analysis) -> list[Block]:
    d = a.document
    items = [
        ("kind", d.kind),
        ("title", _or_unknown(d.title)),
        ("source", d.source),
        ("characters", f"{d.chars:,}"),
    ]
    if d.date:
        items.append(("date", d.date))
    return [Fields("Document", items)]


def _parties(ag: Agreement) -> str:
    return ", ".join(f"{p.name} ({p.iso3})" if p.iso3 else p.name for p in ag.parties) or UNKNOWN


def _signatories(ag: Agreement) -> str:
    out = []
    for s in ag.signatories:
        extra = ", ".join(x for x in (s.role, s.party) if x)
        out.append(f"{s.name} ({extra})" if extra else s.name)
    return "; ".join(out) or UNKNOWN


def agreements_section(a: Analysis) -> list[Block]:
    blocks: list[Block] = []
    if not a.agreements:
        return [Lines("Agreements", ["No agreement found."])]
    for ag in a.agreements:
        term = UNKNOWN if ag.term_years is None else f"{ag.term_years} years"
        if ag.renewal:
            term += f" ({ag.renewal})"
        blocks.append(
            Fields(
                f"Agreement: {_or_unknown(ag.title)}",
                [
                    ("role", ag.role),
                    ("kind", ag.kind),
                    ("parties", _parties(ag)),
                    ("signatories", _signatories(ag)),
                    ("signed", _or_unknown(ag.signed.date)),
                    ("place", _or_unknown(ag.signed.place)),
                    ("term", term),
                    ("articles", _or_unknown(ag.article_count)),
                ],
            )
        )
    return blocks


def structure_section(a: Analysis) -> list[Block]:
    s = a.structure
    items = [
        ("title", s.title.text if s.title else UNKNOWN),
        ("preamble", f"{len(s.preamble.text):,} chars" if s.preamble else "none found"),
        ("articles", str(len(s.articles))),
        ("annexes/protocols", ", ".join(x.label or x.kind for x in s.annexes) or "none found"),
        ("final clause", _clip(s.final_clause.text, 160) if s.final_clause else "none found"),
        ("paragraphs", str(s.paragraphs)),
        ("sentences", str(s.sentences)),
        ("footnotes", f"{s.footnote_markers} markers, {s.footnote_definitions} definitions"),
    ]
    blocks: list[Block] = [Fields("Structure", items)]
    if s.articles:
        rows = [
            [x.label or "", x.heading or "", str(len(x.children)), f"{x.start}-{x.end}"]
            for x in s.articles
        ]
        blocks.append(Table("Articles", ["article", "heading", "paragraphs", "span"], rows))
    return blocks


SECTIONS: list[Callable[[Analysis], list[Block]]] = [
    document_section,
    agreements_section,
    structure_section,
    obligations_section,
    brief_section,
    audit_section,
]


def build_report(a: Analysis) -> list[Block]:
    blocks: list[Block] = []
    for section in SECTIONS:
        blocks.extend(section(a))
    return blocks
