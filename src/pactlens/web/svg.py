"""The timeline of a document, drawn on the server as SVG (the library's network is in
:mod:`pactlens.web.network`).

Server-side SVG needs no JavaScript library (nothing may come from a CDN) and
prints and screenshots the same as it shows. Every string that came from a
document is escaped with ``markupsafe`` before it enters the markup.
"""

from __future__ import annotations

import math
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


def timeline(events: list[tuple[Event, str | None]], width: int = 960) -> Markup:
    """Events on a time axis; labels stacked in lanes so that none overlap.

    ``events`` pairs each event with its record id on the page (or None), so a
    click on the picture can scroll to the event's evidence.
    """
    placed = [(x, ev, rid) for ev, rid in events if (x := _year_fraction(ev.date)) is not None]
    if not placed:
        return Markup("")
    placed.sort(key=lambda t: t[0])
    lo, hi = placed[0][0], placed[-1][0]
    pad = max((hi - lo) * 0.04, 0.5)
    lo, hi = lo - pad, hi + pad
    left, right = 30, width - 30

    def sx(x: float) -> float:
        return left + (x - lo) / (hi - lo) * (right - left)

    lanes: list[float] = []  # right edge of the last label in each lane
    items = []
    for x, ev, rid in placed:
        px = sx(x)
        label = f"{ev.date} · {ev.summary}"
        label = label if len(label) <= 48 else label[:47] + "…"
        w = len(label) * CHAR_W
        lx = min(px, right - w)
        lane = next((i for i, edge in enumerate(lanes) if edge + 12 < lx), None)
        if lane is None:
            lanes.append(0.0)
            lane = len(lanes) - 1
        lanes[lane] = lx + w
        items.append((px, lx, lane, label, ev, rid))
    axis_y = 40
    height = axis_y + 30 + len(lanes) * 22
    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="Timeline of {len(items)} events" xmlns="http://www.w3.org/2000/svg">',
           f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}"/>']
    for t in _ticks(lo, hi):
        tx = sx(t)
        out.append(f'<line class="tick" x1="{tx:.1f}" y1="{axis_y - 4}" x2="{tx:.1f}" y2="{axis_y + 4}"/>'
                   f'<text class="tick-label" x="{tx:.1f}" y="{axis_y - 10}" text-anchor="middle">{t}</text>')
    for px, lx, lane, label, ev, rid in items:
        ly = axis_y + 30 + lane * 22
        data = f' data-r="{escape(rid)}"' if rid else ""
        out.append(
            f'<g class="event kind-{escape(ev.kind)}"{data} tabindex="0"><title>{escape(ev.date)} — {escape(ev.summary)}</title>'
            f'<line class="stem" x1="{px:.1f}" y1="{axis_y}" x2="{px:.1f}" y2="{ly - 12}"/>'
            f'<circle cx="{px:.1f}" cy="{axis_y}" r="5"/>'
            f'<text x="{lx:.1f}" y="{ly}">{escape(label)}</text></g>')
    out.append("</svg>")
    return Markup("".join(out))
