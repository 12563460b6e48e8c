"""The timeline of a document, drawn on the server as SVG (the library's network is in
:mod:`pactlens.web.network`).

Server-side SVG needs no JavaScript library (nothing may come from a CDN) and
prints and screenshots the same as it shows. Every string that came from a
document is escaped with ``markupsafe`` before it enters the markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from pactlens.model import Event

CHAR_W = 6.6  # px per character of the 12px label font, for laying labels out


def _year_fraction(iso: str) -> float | None:
    """'2025-01-17' -> 2025.04; '2025-03' -> mid-March; '2025' -> mid-year."""
    parts = iso.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return y + 0.5
        m = int(parts[1])
        d = int(parts[2]) if len(parts) > 2 else 15
        return y + (date(y, m, d).timetuple().tm_yday - 1) / 366
    except (ValueError, IndexError):
        return None


def _ticks(lo: float, hi: float, target: int = 8) -> list[int]:
    span = max(hi - lo, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if span / s <= target)
    first = math.ceil(lo / step) * step
    return list(range(int(first), int(hi) + 1, step))


#: Beyond this many distinct events, the timeline shows one mark per span of years.
CLUSTER_AT = 40


@dataclass
class _Mark:
    """One mark on the axis: an event (or identical events merged), or a year's events."""

    x: float
    date: str
    label: str
    title: str
    kind: str
    rid: str | None


def _marks(events: list[tuple[Event, str | None]]) -> list[_Mark]:
    """Identical events (same date and summary) merged, counted; past :data:`CLUSTER_AT` one
    mark per year (or per span of years, see :func:`_buckets`), saying how many events it
    holds and listing them in its tooltip."""
    merged: dict[tuple[str, str], list] = {}
    for ev, rid in events:
        if (x := _year_fraction(ev.date)) is not None:
            merged.setdefault((ev.date, " ".join(ev.summary.lower().split())), [x, ev, rid, 0])[3] += 1
    items = sorted(merged.values(), key=lambda m: (m[0], m[1].date))
    if len(items) <= CLUSTER_AT:
        return [_Mark(x, ev.date, f"{ev.date} · {ev.summary}" + (f" (×{n})" if n > 1 else ""),
                      f"{ev.date} — {ev.summary}", ev.kind, rid) for x, ev, rid, n in items]
    step, buckets = _buckets(items)
    out = []
    for first, group in buckets.items():
        x, ev, rid, _ = group[0]
        if len(group) == 1:
            out.append(_Mark(x, ev.date, f"{ev.date} · {ev.summary}", f"{ev.date} — {ev.summary}", ev.kind, rid))
            continue
        span = str(first) if step == 1 else f"{first}s" if step == 10 else f"{first}–{first + step - 1}"
        listed = "\n".join(f"{e.date} — {e.summary}" for _, e, _, _ in group[:12])
        more = f"\n… and {len(group) - 12} more" if len(group) > 12 else ""
        out.append(_Mark(first + step / 2, span, f"{span} · {len(group)} events", listed + more, "cluster", rid))
    return out


#: At most this many clusters: they must fit a few lanes of a 960 px picture.
MAX_CLUSTERS = 24


def _buckets(items: list) -> tuple[int, dict[int, list]]:
    """The events grouped by the smallest span of years (1, 2, 5, 10, 25, 50, 100) that
    leaves at most :data:`MAX_CLUSTERS` groups; keys are each group's first year."""
    for step in (1, 2, 5, 10, 25, 50, 100):
        buckets: dict[int, list] = {}
        for item in items:
            buckets.setdefault(int(item[1].date[:4]) // step * step, []).append(item)
        if len(buckets) <= MAX_CLUSTERS:
            break
    return step, buckets


def timeline(events: list[tuple[Event, str | None]], width: int = 960) -> Markup:
    """Events on a time axis; labels stacked in lanes so that none overlap, each on a white
    ground above every stem (a stem never runs through a label); identical events merged,
    and past :data:`CLUSTER_AT` events one mark per span of years.

    ``events`` pairs each event with its record id on the page (or None), so a
    click on the picture can scroll to the event's evidence.
    """
    placed = _marks(events)
    if not placed:
        return Markup("")
    lo, hi = placed[0].x, placed[-1].x
    pad = max((hi - lo) * 0.04, 0.5)
    lo, hi = lo - pad, hi + pad
    left, right = 30, width - 30

    def sx(x: float) -> float:
        return left + (x - lo) / (hi - lo) * (right - left)

    lanes: list[float] = []  # right edge of the last label in each lane
    items = []
    for m in placed:
        px = sx(m.x)
        label = m.label if len(m.label) <= 48 else m.label[:47] + "…"
        w = len(label) * CHAR_W
        lx = min(px, right - w)
        lane = next((i for i, edge in enumerate(lanes) if edge + 12 < lx), None)
        if lane is None:
            lanes.append(0.0)
            lane = len(lanes) - 1
        lanes[lane] = lx + w
        items.append((px, lx, lane, label, w, m))
    axis_y = 40
    height = axis_y + 30 + len(lanes) * 22
    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="Timeline of {len(items)} events" xmlns="http://www.w3.org/2000/svg">',
           f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}"/>']
    for t in _ticks(lo, hi):
        tx = sx(t)
        out.append(f'<line class="tick" x1="{tx:.1f}" y1="{axis_y - 4}" x2="{tx:.1f}" y2="{axis_y + 4}"/>'
                   f'<text class="tick-label" x="{tx:.1f}" y="{axis_y - 10}" text-anchor="middle">{t}</text>')
    for px, lx, lane, label, w, m in items:  # stems first, under every label
        foot = axis_y + 30 + lane * 22 - 12
        out.append(f'<line class="stem" x1="{px:.1f}" y1="{axis_y}" x2="{px:.1f}" y2="{foot}"/>')
    for px, lx, lane, label, w, m in items:
        ly = axis_y + 30 + lane * 22
        data = f' data-r="{escape(m.rid)}"' if m.rid else ""
        out.append(
            f'<g class="event kind-{escape(m.kind)}"{data} tabindex="0"><title>{escape(m.title)}</title>'
            f'<circle cx="{px:.1f}" cy="{axis_y}" r="5"/>'
            f'<rect class="label-bg" x="{lx - 2:.1f}" y="{ly - 13}" width="{w + 4:.1f}" height="17" rx="2"/>'
            f'<text x="{lx:.1f}" y="{ly}">{escape(label)}</text></g>')
    out.append("</svg>")
    return Markup("".join(out))
