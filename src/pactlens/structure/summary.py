"""The contract's view of a Doc's structure (``Analysis.structure``)."""

from __future__ import annotations

from pactlens.model import Structure, StructureSpan
from pactlens.structure.doc import Doc, Span


def _opt(doc: Doc, span: Span | None):
    return doc.span_evidence(span) if span else None


def summarize(doc: Doc) -> Structure:
    articles = []
    for a in doc.articles:
        heading = doc.slice(a.heading).strip() if a.heading else None
        children = [
            StructureSpan(kind="paragraph", number=p.number, start=p.span.start, end=p.span.end)
            for p in a.paragraphs
        ]
        articles.append(
            StructureSpan(
                kind="article",
                label=a.label,
                number=a.number,
                heading=heading,
                start=a.span.start,
                end=a.span.end,
                children=children,
                part=a.part,
            )
        )
    annexes = [
        StructureSpan(kind=s.kind if s.kind in ("annex", "protocol", "section") else "section",
                      label=s.label, start=s.span.start, end=s.span.end)
        for s in doc.annexes
    ]
    return Structure(
        title=_opt(doc, doc.title),
        preamble=_opt(doc, doc.preamble),
        articles=articles,
        annexes=annexes,
        final_clause=_opt(doc, doc.final_clause),
        sentences=len(doc.sentences),
        paragraphs=len(doc.blocks),
        footnote_markers=len(doc.markers),
        footnote_definitions=len(doc.footnotes),
    )
