"""Evidence spans of every record, turned into non-overlapping marked segments.

The document page shows the normalized text once, with each evidence span in a
``<mark>``. Spans of different records overlap (a provision inside an article
quoted by a brief, an obligation's clause inside that provision), and HTML
elements cannot overlap, so the text is cut at every span boundary and each
piece carries the ids of *all* records that cover it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pactlens.model import Analysis, Evidence
from pactlens.web.views import name_of


@dataclass
class RecordRef:
    """One record as the side panel lists it, with the spans it points at."""

    id: str  # stable within the page: "obligation-2"
    kind: str  # "obligation", "provision", ...
    label: str  # one line for the panel
    spans: list[tuple[int, int]] = field(default_factory=list)
    key: int = 0  # id() of the record object, so other views can link to this entry


@dataclass
class Segment:
    """A piece of text and the records covering all of it (empty: plain text)."""

    start: int
    end: int
    text: str
    records: tuple[str, ...] = ()


def short(text: str | None, n: int = 90) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis (a label, not evidence).

    Only the text's first ``4 n`` characters are read: a provision can be a whole article
    (NAFTA's run to 20,000 characters), and splitting each whole cost a long treaty's records
    list most of its time."""
    text = text or ""
    head = " ".join(text[: 4 * n].split())
    return head if len(head) <= n and len(text) <= 4 * n else head[: n - 1] + "…"


def _spans(evidence: Iterable[Evidence]) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in evidence if e.end > e.start]


def _labels(a: Analysis) -> Iterable[tuple[str, object, str, list[Evidence]]]:
    """(kind, record, label, evidence) for every record of the analysis that has evidence."""
    for ag in a.agreements:
        yield "agreement", ag, short(name_of(ag)), ag.evidence
    for ob in a.obligations:
        state = "present" if ob.present else "absent"
        arts = f" (art. {', '.join(ob.articles)})" if ob.articles else ""
        yield "obligation", ob, f"{ob.type}: {state}{arts}", ob.evidence
    for pr in a.provisions:
        art = f"art. {pr.article} · " if pr.article else ""
        yield "provision", pr, f"{art}{pr.domain} · {pr.strength} — {short(pr.text, 60)}", pr.evidence
    for q in a.quotes:
        who = q.speaker or "unattributed"
        yield "quote", q, f"{who}: “{short(q.text, 60)}”", q.evidence
    for ev in a.events:
        yield "event", ev, f"{ev.date} — {short(ev.summary, 60)}", ev.evidence
    for c in a.citations:
        yield "citation", c, f"[{c.marker}] {short(c.outlet or c.title or c.url, 60)}", [*c.cited_at, *c.evidence]
    for f in a.findings:
        yield "finding", f, f"{f.severity}: {short(f.message, 70)}", f.evidence
    for en in a.entities:
        yield "entity", en, f"{en.name} ({en.kind})", en.evidence


def records(a: Analysis) -> list[RecordRef]:
    """Every record that points into the text, with a page-unique id."""
    out: list[RecordRef] = []
    counts: dict[str, int] = {}
    for kind, obj, label, evidence in _labels(a):
        spans = _spans(evidence)
        if not spans:
            continue
        n = counts[kind] = counts.get(kind, 0) + 1
        out.append(RecordRef(id=f"{kind}-{n}", kind=kind, label=label, spans=spans, key=id(obj)))
    return out


def segments(text: str, refs: Iterable[RecordRef]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the records covering it.

    Spans outside the text are clipped, never trusted blindly: a stale stored
    analysis must not break the page.
    """
    n = len(text)
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for ref in refs:
        for s, e in ref.spans:
            s, e = max(0, min(s, n)), max(0, min(e, n))
            if e > s:
                starts.setdefault(s, []).append(ref.id)
                ends.setdefault(e, []).append(ref.id)
    cuts = sorted({0, n, *starts, *ends})
    active: dict[str, int] = {}  # record id -> how many of its spans are open here
    pieces: list[tuple[int, int, tuple[str, ...]]] = []
    for a, b in zip(cuts, cuts[1:]):
        for rid in ends.get(a, ()):
            active[rid] -= 1
            if not active[rid]:
                del active[rid]
        for rid in starts.get(a, ()):
            active[rid] = active.get(rid, 0) + 1
        covering = tuple(sorted(active))
        if pieces and pieces[-1][2] == covering:  # same records as the piece before: extend it
            pieces[-1] = (pieces[-1][0], b, covering)
        else:
            pieces.append((a, b, covering))
    return [Segment(a, b, text[a:b], covering) for a, b, covering in pieces]
