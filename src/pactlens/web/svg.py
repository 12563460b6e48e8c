"""Pictures drawn on the server as SVG: the timeline of a document and the library's network.

Server-side SVG needs no JavaScript library (nothing may come from a CDN) and
prints and screenshots the same as it shows. Every string that came from a
document is escaped with ``markupsafe`` before it enters the markup.
"""

from __future__ import annotations

import math
import random
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


@dataclass
class Link:
    """One agreement between two states, as the network draws it."""

    a: str  # node key (ISO3 or name)
    b: str
    title: str
    strongest: str  # "defence" | "neutrality" | "consultation" | "none"
    href: str


def _circle(keys: list[str], cx: float, cy: float, r: float) -> dict[str, tuple[float, float]]:
    if len(keys) == 1:
        return {keys[0]: (cx, cy)}
    n = len(keys)
    return {k: (cx + r * math.cos(2 * math.pi * i / n - math.pi / 2),
                cy + r * math.sin(2 * math.pi * i / n - math.pi / 2)) for i, k in enumerate(keys)}


def components(keys: list[str], pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of states, largest first (each alliance system gets its own area)."""
    parent = {k: k for k in keys}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(root(k), []).append(k)
    return sorted(groups.values(), key=lambda g: (-len(g), g))


def force_layout(keys: list[str], pairs: list[tuple[str, str]], seed: int = 7,
                 iterations: int = 200) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold in the unit square with a fixed seed (same library, same picture)."""
    rng = random.Random(seed)
    pos = {n: [rng.random(), rng.random()] for n in keys}
    k = math.sqrt(1.0 / len(keys))
    temp = 0.1
    for _ in range(iterations):
        disp = {n: [0.0, 0.0] for n in keys}
        for i, u in enumerate(keys):
            for v in keys[i + 1:]:
                dx, dy = pos[u][0] - pos[v][0], pos[u][1] - pos[v][1]
                d = max(math.hypot(dx, dy), 1e-3)
                f = k * k / d
                disp[u][0] += dx / d * f; disp[u][1] += dy / d * f
                disp[v][0] -= dx / d * f; disp[v][1] -= dy / d * f
        for u, v in pairs:
            dx, dy = pos[u][0] - pos[v][0], pos[u][1] - pos[v][1]
            d = max(math.hypot(dx, dy), 1e-3)
            f = d * d / k
            disp[u][0] -= dx / d * f; disp[u][1] -= dy / d * f
            disp[v][0] += dx / d * f; disp[v][1] += dy / d * f
        for n in keys:
            dx, dy = disp[n]
            d = max(math.hypot(dx, dy), 1e-9)
            pos[n][0] += dx / d * min(d, temp)
            pos[n][1] += dy / d * min(d, temp)
        temp *= 0.97
    return {n: (p[0], p[1]) for n, p in pos.items()}


def _fit(pos: dict[str, tuple[float, float]], x0: float, y0: float, w: float) -> dict[str, tuple[float, float]]:
    """Scale a layout into the square at (x0, y0) of side w, keeping its proportions, centred."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    spanx, spany = max(xs) - min(xs), max(ys) - min(ys)
    scale = w / max(spanx, spany, 1e-9)
    ox, oy = x0 + (w - spanx * scale) / 2, y0 + (w - spany * scale) / 2
    return {n: (ox + (p[0] - min(xs)) * scale, oy + (p[1] - min(ys)) * scale) for n, p in pos.items()}


def layout(keys: list[str], pairs: list[tuple[str, str]], size: float) -> dict[str, tuple[float, float]]:
    """Each connected group in its own cell of a grid: a force layout when it is small
    enough to compute quickly, a circle otherwise."""
    groups = components(keys, pairs)
    cols = math.ceil(math.sqrt(len(groups)))
    cell = size / cols
    pad = min(50.0, cell * 0.2)
    out: dict[str, tuple[float, float]] = {}
    for i, group in enumerate(groups):
        x0, y0 = (i % cols) * cell + pad, (i // cols) * cell + pad
        inner = cell - 2 * pad
        members = set(group)
        mine = [(a, b) for a, b in pairs if a in members]
        if len(group) <= 2 or len(group) > 60:
            r = inner / 2 if len(group) > 2 else inner / 4
            out.update(_circle(group, x0 + inner / 2, y0 + inner / 2, r))
        else:
            out.update(_fit(force_layout(group, mine), x0, y0, inner))
    return out


#: Beyond this many states (or links) a network is drawn for reading at scale: small nodes,
#: labels pointing outwards, and links with no obligation faint under the others.
DENSE_NODES, DENSE_LINKS = 60, 400
_DRAW_ORDER = {"none": 0, "consultation": 1, "neutrality": 2, "defence": 3}


def network(nodes: dict[str, str], links: list[Link], size: int = 720) -> Markup:
    """States as nodes, agreements as links coloured by their strongest obligation.

    ``nodes`` maps a node key to its label. Several agreements between the same
    pair are drawn as slightly bent curves so each stays visible and clickable.
    A library of hundreds of states and thousands of links (every GATT party
    linked to every other) is drawn larger, with the alliance links on top.
    """
    if not nodes:
        return Markup("")
    keys = sorted(nodes)
    dense = len(keys) > DENSE_NODES or len(links) > DENSE_LINKS
    if dense:
        size = max(size, 8 * len(keys))
    pairs = [(l.a, l.b) for l in links]
    pos = layout(keys, pairs, size)
    centre = _group_centres(keys, pairs, pos)
    degree = {k: 0 for k in keys}
    seen: dict[tuple[str, str], int] = {}
    height = max(y for _, y in pos.values()) + (90 if dense else 50)  # the grid of groups may fill only the top rows
    out = [f'<svg class="network{" dense" if dense else ""}" viewBox="{-40 if dense else 0} {-40 if dense else 0} '
           f'{size + (80 if dense else 0)} {height:.0f}" width="100%" role="img" '
           f'aria-label="{len(keys)} states, {len(links)} links" xmlns="http://www.w3.org/2000/svg">']
    for l in sorted(links, key=lambda l: _DRAW_ORDER.get(l.strongest, 0)):  # stable: same order each time
        degree[l.a] += 1
        degree[l.b] += 1
        pair = tuple(sorted((l.a, l.b)))
        n = seen[pair] = seen.get(pair, 0) + 1  # type: ignore[index]
        (x1, y1), (x2, y2) = pos[l.a], pos[l.b]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        bend = (n - 1) * 14 * (1 if n % 2 else -1)
        length = max(math.hypot(x2 - x1, y2 - y1), 1)
        cx, cy = mx - (y2 - y1) / length * bend, my + (x2 - x1) / length * bend
        out.append(f'<a href="{escape(l.href)}"><path class="link {escape(l.strongest)}" '
                   f'd="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}">'
                   f'<title>{escape(l.title)} — strongest obligation: {escape(l.strongest)}</title></path></a>')
    for key in keys:
        x, y = pos[key]
        r = 3 + min(degree[key], 20) * 0.15 if dense else 6 + min(degree[key], 10)
        out.append(f'<g class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{escape(nodes[key])}</title></circle>'
                   f'{_label(key, x, y, r, centre.get(key) if dense else None)}</g>')
    out.append("</svg>")
    return Markup("".join(out))


def short_label(key: str) -> str:
    """An ISO code as it is; an organisation by its initials ("European Economic Community" → EEC)."""
    if len(key) <= 4:
        return key
    initials = "".join(w[0] for w in key.split() if w[:1].isupper())
    return initials if len(initials) >= 2 else key[:12]


def _label(key: str, x: float, y: float, r: float, centre: tuple[float, float] | None) -> str:
    """Above the node, or, on a large circle, pointing away from its centre so labels do not collide."""
    text = escape(short_label(key))
    if centre is None:
        return f'<text x="{x:.1f}" y="{y - r - 4:.1f}" text-anchor="middle">{text}</text>'
    angle = math.degrees(math.atan2(y - centre[1], x - centre[0]))
    flip = 90 < abs(angle)  # the left half: turn the text so it reads left to right
    lx, ly = x + (r + 3) * math.cos(math.radians(angle)), y + (r + 3) * math.sin(math.radians(angle))
    rotate = angle + 180 if flip else angle
    return (f'<text x="{lx:.1f}" y="{ly:.1f}" dy=".32em" text-anchor="{"end" if flip else "start"}" '
            f'transform="rotate({rotate:.1f} {lx:.1f} {ly:.1f})">{text}</text>')


def _group_centres(keys: list[str], pairs: list[tuple[str, str]],
                   pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """The centre of each node's connected group (the middle of its circle, when it is one)."""
    out: dict[str, tuple[float, float]] = {}
    for group in components(keys, pairs):
        cx = sum(pos[k][0] for k in group) / len(group)
        cy = sum(pos[k][1] for k in group) / len(group)
        out.update({k: (cx, cy) for k in group})
    return out
