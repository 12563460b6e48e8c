"""The library's network of states, drawn on the server as SVG: readable at 50 states and
hundreds of agreements.

What made the old picture a hairball, and what this does instead:

- a multilateral treaty linked every pair of its parties (a 34-party treaty: 561 links);
  here it is one hub, linked once to each party, so a treaty reads as one thing;
- each connected group sat in its own small square of a grid, leaving most of the canvas
  empty; here one force layout (with a pull towards the middle, so separate groups stay
  near) is stretched to fill the whole wide canvas;
- labels were drawn wherever the node was and piled up; here each label takes the first
  free place around its node (right, left, above, below), the best-connected nodes first,
  and a label with no free place is left out (the node keeps its tooltip, and the table
  beside the picture lists every agreement).

The SVG carries its own styles, so the exported file looks as the page shows it. Every
string from a document is escaped before it enters the markup.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from pactlens.resources.blocs import bloc_named

CHAR_W = 6.6  # px per character of the 12px label font
WIDTH, HEIGHT = 1000, 640
#: The obligation classes a link is coloured by (see views.network_class), weakest first.
CLASSES = ("none", "consultation", "neutrality", "defence")
STYLE = ("text{font:12px system-ui,sans-serif;fill:#1d232b}.link{fill:none;stroke-width:2;opacity:.85}"
         ".link.none{stroke:#9aa3ad;opacity:.45}.link.consultation{stroke:#2e86c1}.link.neutrality{stroke:#d68910}"
         ".link.defence{stroke:#c0392b}.node circle{fill:#fff;stroke:#14202b;stroke-width:1.5}"
         ".hub rect{fill:#14202b}text.hub{font-size:10px;fill:#3b4450;font-style:italic}"
         "text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}")


@dataclass
class Link:
    """One line of the picture: a bilateral agreement between two states, or a treaty's
    hub to one of its parties."""

    a: str
    b: str
    title: str
    strongest: str  # one of CLASSES
    href: str


@dataclass
class Agreement:
    """A row of the table beside the picture."""

    name: str
    year: int | None
    parties: int
    strongest: str
    href: str


@dataclass
class Graph:
    nodes: dict[str, str] = field(default_factory=dict)  # key -> label (state name or treaty title)
    hubs: set[str] = field(default_factory=set)  # the keys that are multilateral treaties
    links: list[Link] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    #: every organisation party to a stored agreement, filters or not (key -> name): the choices
    organisations: dict[str, str] = field(default_factory=dict)


def build(stored, name_of, network_class, obligation: str | None = None,
          year_from: int | None = None, year_to: int | None = None, org: str | None = None) -> Graph:
    """The graph of the stored agreements that pass the filters (``obligation``: one of
    :data:`CLASSES` but none, or "any"; a year range keeps dated agreements only; ``org``: the
    key of an organisation that must be a party). The same agreement stored from several
    documents is drawn once."""
    g = Graph()
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for sa in stored:
        ag = sa.agreement
        nodes = dict(node_of(p) for p in ag.parties if not p.via)
        keys = sorted(nodes)
        year = int(ag.signed.date[:4]) if ag.signed.date and ag.signed.date[:4].isdigit() else None
        strongest = network_class(sa.obligations)
        members = organisations(ag.parties)
        g.organisations.update(members)
        if len(keys) < 2 or not _passes(strongest, year, obligation, year_from, year_to) \
                or (org is not None and org not in members):
            continue
        name = name_of(ag)
        if (name.lower(), tuple(keys)) in seen:
            continue
        seen.add((name.lower(), tuple(keys)))
        href = f"/documents/{sa.document_id}"
        for key, label in nodes.items():
            g.nodes.setdefault(key, label)
        g.agreements.append(Agreement(name, year, len(keys), strongest, href))
        if len(keys) == 2:
            g.links.append(Link(keys[0], keys[1], name, strongest, href))
            continue
        hub = f"agreement:{sa.document_id}:{ag.id}"
        g.nodes[hub] = name
        g.hubs.add(hub)
        g.links += [Link(hub, k, name, strongest, href) for k in keys]
    g.agreements.sort(key=lambda r: (r.year or 0, r.name))
    return g


def node_of(party) -> tuple[str, str]:
    """(key, label) of a party's node: a state by its ISO code; a bloc by the membership table's
    one entry for it (``resources/blocs.tsv``), so 'EEC', 'EC', 'European Community' and
    'European Union' are one node under the table's name; anything else by its name."""
    if party.iso3:
        return party.iso3, party.name
    bloc = bloc_named(party.name)
    return (f"bloc:{bloc.id}", bloc.name) if bloc is not None else (party.name, party.name)


def organisations(parties) -> dict[str, str]:
    """The organisations among an agreement's parties (key -> name, the keys of :func:`node_of`):
    a party that is no state, and the bloc through which a member state became a party (the
    EEC of the nine states it stands for)."""
    out: dict[str, str] = {}
    for p in parties:
        if p.via:
            bloc = bloc_named(p.via)
            key, name = (f"bloc:{bloc.id}", bloc.name) if bloc is not None else (p.via, p.via)
        elif p.iso3:
            continue
        else:
            key, name = node_of(p)
        out[key] = name
    return out


def _passes(strongest: str, year: int | None, obligation: str | None, lo: int | None, hi: int | None) -> bool:
    if obligation == "any" and strongest == "none":
        return False
    if obligation in CLASSES and obligation != "any" and strongest != obligation:
        return False
    if (lo is not None or hi is not None) and year is None:
        return False
    return (lo is None or year >= lo) and (hi is None or year <= hi)


def components(keys: list[str], pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of nodes, largest first."""
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
                 iterations: int = 150) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold in the unit square with a fixed seed (same library, same picture)
    and a pull towards the middle, so that separate groups stay close and the picture fills.

    Vectorised with numpy (all pairs at once): a library of 300 states and treaties lays out
    in a fraction of a second, where the pure-Python double loop took half a minute."""
    import numpy as np

    n = len(keys)
    if n == 1:
        return {keys[0]: (0.5, 0.5)}
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    index = {k: i for i, k in enumerate(keys)}
    edges = np.array([(index[a], index[b]) for a, b in pairs], dtype=int).reshape(-1, 2)
    k = math.sqrt(1.0 / n)
    temp = 0.1
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(iterations):
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
        f = dx * dx + dy * dy
        np.maximum(f, 1e-6, out=f)
        np.divide(k * k, f, out=f)
        np.fill_diagonal(f, 0.0)
        disp_x = (dx * f).sum(axis=1) + (0.5 - x) * 0.6 * k
        disp_y = (dy * f).sum(axis=1) + (0.5 - y) * 0.6 * k
        if len(edges):
            ex, ey = x[edges[:, 0]] - x[edges[:, 1]], y[edges[:, 0]] - y[edges[:, 1]]
            pull = np.sqrt(ex * ex + ey * ey) / k
            np.add.at(disp_x, edges[:, 0], -ex * pull)
            np.add.at(disp_x, edges[:, 1], ex * pull)
            np.add.at(disp_y, edges[:, 0], -ey * pull)
            np.add.at(disp_y, edges[:, 1], ey * pull)
        length = np.maximum(np.sqrt(disp_x * disp_x + disp_y * disp_y), 1e-9)
        step = np.minimum(length, temp) / length
        x += disp_x * step
        y += disp_y * step
        temp *= 0.97
    pos = np.stack([x, y], axis=1)
    return {key: (float(pos[i, 0]), float(pos[i, 1])) for i, key in enumerate(keys)}


def fill(pos: dict[str, tuple[float, float]], width: float, height: float,
         margin: float) -> dict[str, tuple[float, float]]:
    """Stretch a layout to the whole canvas (each axis on its own: the canvas is wide)."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    sx = (width - 2 * margin) / max(max(xs) - min(xs), 1e-9)
    sy = (height - 2 * margin) / max(max(ys) - min(ys), 1e-9)
    if len(pos) == 1:
        return {n: (width / 2, height / 2) for n in pos}
    return {n: (margin + (p[0] - min(xs)) * sx, margin + (p[1] - min(ys)) * sy) for n, p in pos.items()}


def short_label(key: str) -> str:
    """An ISO code as it is; a longer name by its initials ("European Economic Community" → EEC)."""
    if len(key) <= 4:
        return key
    initials = "".join(w[0] for w in key.split() if w[:1].isupper())
    return initials if len(initials) >= 2 else key[:12]


def hub_label(title: str) -> str:
    """A treaty hub's label: its initials when they are short (NAT, CSCE), else none (a string
    of twenty initials says nothing; the tooltip and the table name it)."""
    initials = short_label(title)
    return initials if len(initials) <= 6 else ""


Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


#: The best-connected nodes whose labels may cover other nodes (on a white halo) rather than
#: be left out: in a dense core every place near a hub touches some node.
ALWAYS_LABELLED = 15


def place_labels(pos: dict[str, tuple[float, float]], labels: dict[str, str], radius: dict[str, float],
                 order: list[str]) -> dict[str, tuple[float, float, str]]:
    """(x, y, anchor) of each label that fits: the first of right, left, above, below of its
    node that overlaps no label already placed and no node (for the first
    :data:`ALWAYS_LABELLED`, no label); nodes in ``order`` (most connected first). A label
    that fits nowhere is left out."""
    nodes: list[Box] = [(x - radius[n], y - radius[n], x + radius[n], y + radius[n]) for n, (x, y) in pos.items()]
    taken: list[Box] = []
    own = {n: i for i, n in enumerate(pos)}
    out: dict[str, tuple[float, float, str]] = {}
    for rank, n in enumerate(order):
        if not labels[n]:
            continue
        x, y = pos[n]
        w, r = len(labels[n]) * CHAR_W, radius[n] + 3
        for lx, ly, anchor, box in ((x + r, y + 4, "start", (x + r, y - 7, x + r + w, y + 6)),
                                    (x - r, y + 4, "end", (x - r - w, y - 7, x - r, y + 6)),
                                    (x, y - r - 3, "middle", (x - w / 2, y - r - 15, x + w / 2, y - r - 2)),
                                    (x, y + r + 12, "middle", (x - w / 2, y + r, x + w / 2, y + r + 13))):
            if box[0] < 0 or box[2] > WIDTH or box[1] < 0 or box[3] > HEIGHT:
                continue
            if any(_overlaps(box, t) for t in taken):
                continue
            if rank < ALWAYS_LABELLED or not any(_overlaps(box, t) for i, t in enumerate(nodes) if i != own[n]):
                out[n] = (lx, ly, anchor)
                taken.append(box)
                break
    return out


def draw(g: Graph) -> Markup:
    """The graph as an SVG that fills a wide canvas: states as circles sized by their number of
    agreements, multilateral treaties as small squares, links coloured by the strongest
    obligation (alliances drawn on top), labels that never overlap."""
    if not g.nodes:
        return Markup("")
    keys = sorted(g.nodes)
    pairs = [(l.a, l.b) for l in g.links]
    pos = fill(force_layout(keys, pairs), WIDTH, HEIGHT, 40)
    degree = {k: 0 for k in keys}
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    radius = {k: 4.0 if k in g.hubs else 4 + min(degree[k], 16) * 0.5 for k in keys}
    labels = {k: (hub_label(g.nodes[k]) if k in g.hubs else (k if len(k) <= 4 else g.nodes[k][:18])) for k in keys}
    order = sorted((k for k in keys if k not in g.hubs), key=lambda k: (-degree[k], k)) + \
        sorted((k for k in keys if k in g.hubs), key=lambda k: (-degree[k], k))
    placed = place_labels(pos, labels, radius, order)
    out = [f'<svg class="network" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
           f'aria-label="{len(keys) - len(g.hubs)} states, {len(g.hubs)} multilateral treaties, {len(g.links)} links" '
           f'xmlns="http://www.w3.org/2000/svg"><style>{STYLE}</style>']
    for l in sorted(g.links, key=lambda l: CLASSES.index(l.strongest) if l.strongest in CLASSES else 0):
        (x1, y1), (x2, y2) = pos[l.a], pos[l.b]
        out.append(f'<a href="{escape(l.href)}"><path class="link {escape(l.strongest)}" '
                   f'd="M{x1:.1f},{y1:.1f} L{x2:.1f},{y2:.1f}"><title>{escape(l.title)} — strongest obligation: '
                   f'{escape(l.strongest)}</title></path></a>')
    for k in keys:
        x, y = pos[k]
        r = radius[k]
        title = f"<title>{escape(g.nodes[k])}</title>"
        shape = (f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}">{title}</rect>'
                 if k in g.hubs else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">{title}</circle>')
        out.append(f'<g class="{"hub" if k in g.hubs else "node"}">{shape}</g>')
    for k in keys:  # labels after every node: none is painted over
        if k in placed:
            lx, ly, anchor = placed[k]
            out.append(f'<text class="{"hub" if k in g.hubs else "node"}" x="{lx:.1f}" y="{ly:.1f}" '
                       f'text-anchor="{anchor}">{escape(labels[k])}</text>')
    out.append("</svg>")
    return Markup("".join(out))
