"""The contract's view of a Doc's structure (``Analysis.structure``)."""

from __future__ import annotations

from pactlens.model import Structure, StructureSpan
from pactlens.structure.blocks import is_heading_block
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
        sections=_sections(doc),
    )


def _sections(doc: Doc) -> list[StructureSpan]:
    """The headings of running text and the block of notes, in order: what a reader of a
    brief jumps between (a treaty's articles and annexes are listed already)."""
    listed = {a.span.start for a in doc.articles} | {s.span.start for s in doc.annexes}
    if doc.title:
        listed.add(doc.title.start)
    out = [StructureSpan(kind="section", label=doc.text[b.start:b.end].strip(), start=b.start, end=b.end)
           for b in doc.blocks if b.start not in listed and is_heading_block(doc.text[b.start:b.end])]
    if doc.footnotes:
        out.append(StructureSpan(kind="footnotes", label="Notes", start=doc.footnotes[0].span.start,
                                 end=doc.footnotes[-1].span.end))
    return out
