"""Report section for reading a brief: who said what (and on which footnote),
the timeline, and the entities most talked about."""

from __future__ import annotations

from pactlens.model import Analysis, Quote
from pactlens.report.blocks import Block, Table

#: Entities listed per kind; the JSON output has them all.
TOP_ENTITIES = 8
_QUOTE_CHARS = 160


def _who(q: Quote) -> str:
    if not q.speaker:
        return "(no speaker named)"
    extra = ", ".join(x for x in (q.role, q.party) if x)
    return f"{q.speaker} ({extra})" if extra else q.speaker


def _clip(text: str, n: int = _QUOTE_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _quotes(a: Analysis) -> list[Block]:
    rows = [
        [_who(q), "direct" if q.direct else "reported", _clip(q.text), q.citation or "none"]
        for q in a.quotes
    ]
    return [Table("Quotes", ["speaker", "form", "text", "footnote"], rows)] if rows else []


def _timeline(a: Analysis) -> list[Block]:
    events = sorted(a.events, key=lambda e: e.date)
    rows = [[e.date, e.kind, ", ".join(e.actors), _clip(e.summary, 120)] for e in events]
    return [Table("Timeline", ["date", "kind", "actors", "what"], rows)] if rows else []


def _entities(a: Analysis) -> list[Block]:
    rows = []
    for kind in ("state", "person", "organization", "project", "policy", "place"):
        of_kind = sorted((e for e in a.entities if e.kind == kind), key=lambda e: -e.mentions)
        for e in of_kind[:TOP_ENTITIES]:
            label = e.name + (f" ({e.id})" if e.id and e.id != e.name else "")
            detail = ", ".join(x for x in (e.role, "aka " + ", ".join(e.aliases) if e.aliases else None) if x)
            rows.append([kind, label, str(e.mentions), detail])
    return [Table("Entities", ["kind", "name", "mentions", "role / aliases"], rows)] if rows else []


def brief_section(a: Analysis) -> list[Block]:
    """Quotes, timeline and top entities; nothing when the document has none."""
    return _quotes(a) + _timeline(a) + _entities(a)
