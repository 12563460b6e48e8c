"""The document page as a reader: the text cut into pages, an outline to jump by, and the
records grouped by kind, each knowing the page its evidence is on.

Why pages: a long treaty (NAFTA, ~1 MB of text, thousands of marked spans) rendered whole
was a 400,000 px page that took seconds to lay out; one page of text at a time keeps every
document page small and quick to paint, and a record or an outline entry on another page is
one link away (``?page=K#anchor``). Pages are cut at paragraph breaks, so a page never ends
mid-sentence when it can help it, and the cut depends on the text alone: a link stays
valid as long as the document does.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pactlens.model import Analysis
from pactlens.web.marks import RecordRef, Segment

#: Characters of text per page: a long treaty article or a whole brief fits on one.
PAGE_CHARS = 40_000
#: Records of one kind listed before "show all".
SHOWN = 8


def page_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each page: about ``size`` characters, ending after a blank line (or
    a line end) in the second half of the page where there is one."""
    size = size or PAGE_CHARS
    n, start, out = len(text), 0, []
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + size // 2, end)
            if cut >= 0:
                end = cut + 1
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def page_of(bounds: list[tuple[int, int]], offset: int) -> int:
    """The 1-based page holding ``offset`` (the last page for an offset past the end)."""
    return max(1, bisect.bisect_right(bounds, offset, key=lambda b: b[0]))


@dataclass
class Entry:
    """One line of the outline: what it is, where it starts, the anchor that names it."""

    label: str
    kind: str  # preamble, part, article, annex, section, notes, final
    start: int
    anchor: str
    page: int = 1


def outline(a: Analysis, bounds: list[tuple[int, int]]) -> list[Entry]:
    """Preamble, articles (under their instrument when a file holds several), annexes, final
    clause, and the headings and notes of running text — in the order of the text."""
    s = a.structure
    found: list[Entry] = []
    if s.preamble:
        found.append(Entry("Preamble", "preamble", s.preamble.start, "preamble"))
    parts = {ar.part for ar in s.articles}
    last_part = None
    for ar in s.articles:
        if len(parts) > 1 and ar.part != last_part and ar.part not in (None, "main"):
            found.append(Entry(ar.part.title(), "part", ar.start, ""))
        last_part = ar.part
        label = ar.label or f"Article {ar.number}"
        if ar.heading:
            label = f"{label} — {ar.heading}"
        found.append(Entry(label, "article", ar.start, "art-" + (ar.number or str(len(found)))))
    for sp in s.annexes:
        found.append(Entry(sp.label or sp.kind.title(), "annex", sp.start, ""))
    for sp in getattr(s, "sections", []):
        found.append(Entry(sp.label or "Section", "notes" if sp.kind == "footnotes" else "section", sp.start, ""))
    if s.final_clause:
        found.append(Entry("Final clause", "final", s.final_clause.start, "final"))
    found.sort(key=lambda e: e.start)
    seen: set[str] = set()
    for i, e in enumerate(found):
        anchor = e.anchor or f"{e.kind}-{i + 1}"
        while anchor in seen:  # Article 1 of the treaty and Article 1 of its protocol
            anchor += "b"
        seen.add(anchor)
        e.anchor, e.page = anchor, page_of(bounds, e.start)
    return found


def find_anchor(entries: list[Entry], article: str) -> Entry | None:
    """The outline entry of article ``article`` ('5', 'V', 'Article 5'), first match."""
    want = article.strip().lower().removeprefix("article").strip()
    return next((e for e in entries if e.kind == "article"
                 and (e.anchor == "art-" + want or e.label.lower().split(" — ")[0].endswith(" " + want))), None)


@dataclass
class Piece:
    """A segment of the page's text, with the outline anchor that starts at it (if any)."""

    segment: Segment
    anchor: str | None = None


def page_pieces(segments: Iterable[Segment], lo: int, hi: int, anchors: dict[int, str]) -> Iterator[Piece]:
    """The segments within ``[lo, hi)``, clipped, and cut again where an outline entry starts
    so that its anchor can be placed exactly there."""
    cuts = sorted(o for o in anchors if lo <= o < hi)
    for seg in segments:
        if seg.end <= lo or seg.start >= hi:
            continue
        s, e = max(seg.start, lo), min(seg.end, hi)
        inner = [c for c in cuts[bisect.bisect_left(cuts, s):bisect.bisect_left(cuts, e)]]
        points = [s, *[c for c in inner if c > s], e]
        for x, y in zip(points, points[1:]):
            yield Piece(Segment(x, y, seg.text[x - seg.start:y - seg.start], seg.records), anchors.get(x))


@dataclass
class Group:
    """The records of one kind for the panel: the first few shown, the rest behind "show all"."""

    kind: str
    shown: list[tuple[RecordRef, int]]  # (record, page of its first span)
    more: list[tuple[RecordRef, int]]

    @property
    def count(self) -> int:
        return len(self.shown) + len(self.more)


#: The panel's order: what a reader of an agreement looks for first.
KIND_ORDER = ["obligation", "agreement", "provision", "finding", "quote", "event", "citation", "entity"]


def groups(refs: list[RecordRef], bounds: list[tuple[int, int]], shown: int | None = None) -> list[Group]:
    """Records grouped by kind in :data:`KIND_ORDER`, each with the page of its evidence; the
    first ``shown`` (default :data:`SHOWN`) of each are listed on the page."""
    shown = SHOWN if shown is None else shown
    by_kind: dict[str, list[tuple[RecordRef, int]]] = {}
    for r in refs:
        by_kind.setdefault(r.kind, []).append((r, page_of(bounds, r.spans[0][0]) if r.spans else 1))
    order = sorted(by_kind, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER))
    return [Group(k, by_kind[k][:shown], by_kind[k][shown:]) for k in order]
