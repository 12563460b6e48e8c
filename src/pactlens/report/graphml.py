"""The library as a state network in GraphML, for Gephi, networkx and igraph.

Alliance research reads agreements as ties between states (ATOP and COW
publish dyads), so states are nodes and every agreement links each pair of
its parties: a multilateral treaty becomes a clique, and two states bound by
several agreements get parallel edges (networkx reads a MultiGraph). Each
edge carries the agreement's facts, the five ATOP obligations as
``yes`` / ``no`` / ``not stated`` and the strongest one (for colouring).

An agreement stored more than once (its text, and a brief about it) is drawn
once, from its most direct source. Parties without an ISO3 code cannot be
placed as states and are left out rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations
from typing import TextIO
from xml.etree import ElementTree as ET

from pactlens.compare import obligation_cells, strongest_obligation
from pactlens.model import OBLIGATION_TYPES
from pactlens.model.library import StoredAgreement

NS = "http://graphml.graphdrawing.org/xmlns"
_ROLE_RANK = {"primary": 0, "subject": 1, "related": 2}
_NODE_KEYS = (("label", "string"), ("iso3", "string"), ("cow", "int"), ("agreements", "int"))
_EDGE_KEYS = (
    ("label", "string"), ("document", "string"), ("agreement", "string"), ("kind", "string"),
    ("role", "string"), ("signed", "string"), ("year", "int"), ("term_years", "int"), ("parties", "int"),
    *((kind, "string") for kind in OBLIGATION_TYPES), ("strongest", "string"),
)


def network_agreements(stored: Iterable[StoredAgreement]) -> list[StoredAgreement]:
    """Agreements with at least two coded states, each drawn once (the most direct source wins)."""
    best: dict[tuple, StoredAgreement] = {}
    for sa in stored:
        states = frozenset(p.iso3 for p in sa.agreement.parties if p.iso3)
        if len(states) < 2:
            continue
        key = _identity(sa, states)
        if key not in best or _ROLE_RANK[sa.agreement.role] < _ROLE_RANK[best[key].agreement.role]:
            best[key] = sa
    return list(best.values())


def _identity(sa: StoredAgreement, states: frozenset[str]) -> tuple:
    """Same states and same signing date (or, undated, same title) means the same agreement."""
    ag = sa.agreement
    if ag.signed.date:
        return states, ag.signed.date
    if ag.title:
        return states, re.sub(r"\W+", " ", ag.title.lower()).strip()
    return states, sa.document_id, ag.id


def to_graphml(stored: Iterable[StoredAgreement]) -> str:
    """The undirected state–agreement multigraph as a GraphML document."""
    agreements = network_agreements(stored)
    root = ET.Element("graphml", xmlns=NS)
    for scope, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": f"{scope[0]}_{name}", "for": scope, "attr.name": name,
                                         "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="pactlens", edgedefault="undirected")
    for iso3, (name, cow, count) in sorted(_states(agreements).items()):
        node = ET.SubElement(graph, "node", id=iso3)
        _data(node, "n", {"label": name, "iso3": iso3, "cow": cow, "agreements": count})
    for sa in agreements:
        attrs = _edge_attrs(sa)
        states = sorted({p.iso3 for p in sa.agreement.parties if p.iso3})
        for a, b in combinations(states, 2):
            edge = ET.SubElement(graph, "edge", id=f"{sa.document_id}/{sa.agreement.id}/{a}-{b}", source=a,
                                 target=b)
            _data(edge, "e", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render(stored: Iterable[StoredAgreement], out: TextIO) -> None:
    out.write(to_graphml(stored))


def _states(agreements: list[StoredAgreement]) -> dict[str, tuple[str, int | None, int]]:
    """Each coded state: its first-seen name, COW code and how many agreements it is party to."""
    out: dict[str, tuple[str, int | None, int]] = {}
    for sa in agreements:
        for iso3 in {p.iso3 for p in sa.agreement.parties if p.iso3}:
            party = next(p for p in sa.agreement.parties if p.iso3 == iso3)
            name, cow, count = out.get(iso3, (party.name, party.cow, 0))
            out[iso3] = (name, cow if cow is not None else party.cow, count + 1)
    return out


def _edge_attrs(sa: StoredAgreement) -> dict[str, object]:
    ag = sa.agreement
    cells = obligation_cells(sa.obligations)
    year = ag.signed.date[:4] if ag.signed.date else None
    return {
        "label": ag.title, "document": sa.document_id, "agreement": ag.id, "kind": ag.kind, "role": ag.role,
        "signed": ag.signed.date, "year": int(year) if year and year.isdigit() else None,
        "term_years": ag.term_years, "parties": len({p.iso3 for p in ag.parties if p.iso3}),
        **{kind: cells[kind].status for kind in OBLIGATION_TYPES},
        "strongest": strongest_obligation(sa.obligations),
    }


def _data(parent: ET.Element, scope: str, values: dict[str, object]) -> None:
    """Only known values are written: a missing attribute is GraphML's 'unknown'."""
    for name, value in values.items():
        if value is not None and value != "":
            ET.SubElement(parent, "data", key=f"{scope}_{name}").text = str(value)
