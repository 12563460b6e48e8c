"""Footnotes and endnotes as citations.

One :class:`~pactlens.model.Citation` per footnote definition that
``structure`` found (``doc.footnotes``), read by
:mod:`pactlens.extract.prose.references`, with every body marker that points to it
(``cited_at``). ``Ibid.`` takes the source of the note before it, since that
is what it means.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from pactlens.extract.prose.links import find_link_citations
from pactlens.extract.prose.references import Reference, parse_reference
from pactlens.model import Citation, Evidence
from pactlens.structure.doc import Doc, FootnoteDef, FootnoteMarker


def find_citations(doc: Doc) -> list[Citation]:
    if not doc.footnotes:
        # A web page that cites by inline links: each linked source is a citation.
        return find_link_citations(doc)
    refs = parse_footnotes(doc)
    cited = assign_markers(doc)
    out: list[Citation] = []
    previous: Citation | None = None
    for i, (fn, ref) in enumerate(refs):
        c = _citation(doc, fn, ref, cited.get(i, []))
        if ref.ibid and previous is not None:
            c = c.model_copy(update={k: getattr(previous, k) for k in ("outlet", "title", "date", "url")})
        out.append(c)
        previous = c
    return out


def parse_footnotes(doc: Doc) -> list[tuple[FootnoteDef, Reference]]:
    """Every footnote definition with what its text says about the source."""
    return [(fn, parse_reference(doc.text, fn.body.start, fn.body.end)) for fn in doc.footnotes]


def body_markers(doc: Doc) -> list[FootnoteMarker]:
    """Markers in running text: a marker inside a definition (``[1] ``) is the note's own label."""
    return [m for m in doc.markers if not doc.in_footnotes(m.span.start)]


def assign_markers(doc: Doc) -> dict[int, list[Evidence]]:
    """Evidence of the body markers of each definition, by index in ``doc.footnotes``.

    When one label is defined twice (a reused marker), a marker goes to the
    first definition after it, as footnote blocks follow the text they
    annotate, or else to the last one before it.
    """
    defs: dict[str, list[int]] = defaultdict(list)
    for i, fn in enumerate(doc.footnotes):
        defs[fn.label].append(i)  # in document order, so starts are sorted
    starts = {label: [doc.footnotes[i].span.start for i in idx] for label, idx in defs.items()}
    out: dict[int, list[Evidence]] = defaultdict(list)
    for m in body_markers(doc):
        idx = defs.get(m.label)
        if not idx:
            continue
        # A bisect, not a scan: a label reused thousands of times stays linear.
        k = bisect_left(starts[m.label], m.span.end)
        target = idx[k] if k < len(idx) else idx[-1]
        out[target].append(doc.evidence(m.span.start, m.span.end))
    return out


def _citation(doc: Doc, fn: FootnoteDef, ref: Reference, cited_at: list[Evidence]) -> Citation:
    return Citation(
        marker=fn.label,
        outlet=ref.outlet.value if ref.outlet else None,
        title=ref.title.value if ref.title else None,
        date=ref.date.iso if ref.date else None,
        url=ref.url.url if ref.url else None,
        cited_at=cited_at,
        evidence=[doc.evidence(fn.span.start, fn.span.end)],
    )
