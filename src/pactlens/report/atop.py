"""ATOP-style CSV: one row per agreement, in ATOP 4.01's column names.

Researchers put pactlens's codes beside ATOP's own, so the obligation and
condition columns carry ATOP's names (``defense offense neutral nonagg
consul``; ``defcoadv defcoloc defcocon defconpr`` and the same limits for the
other types, ``offcoadv``, ``neucoadv``, ``concoadv``…). ``atopid`` stays
blank: pactlens cannot know ATOP's number for a treaty. A type the document
neither states nor excludes (writing about an agreement) is blank, not 0.
``defcoreq``-style columns do not exist in ATOP; "on request" limits are kept
in the pactlens extension column ``<type>_conditions`` with every condition's
text, next to ``<type>_articles`` (the deciding articles).
"""

from __future__ import annotations

import csv
from typing import TextIO

from pactlens.model import Agreement, Analysis, Obligation

#: pactlens obligation type -> (ATOP column, ATOP condition-column prefix).
ATOP_TYPES: dict[str, tuple[str, str]] = {
    "defense": ("defense", "defco"),
    "offense": ("offense", "offco"),
    "neutrality": ("neutral", "neuco"),
    "nonaggression": ("nonagg", "nonco"),
    "consultation": ("consul", "conco"),
}
#: pactlens condition type -> ATOP condition-column suffix (defcoadv, defcoloc, defcocon, defconpr).
CONDITION_SUFFIX = {"adversary": "adv", "location": "loc", "conflict": "con", "non-provocation": "npr"}
#: ATOP codes conditions for these obligation types only.
CONDITIONED = ("defense", "offense", "neutrality", "consultation")


def _condition_column(kind: str, condition: str) -> str:
    return ATOP_TYPES[kind][1] + CONDITION_SUFFIX[condition]


def columns() -> list[str]:
    cols = ["atopid", "agreement", "title", "parties", "signed", "source"]
    cols += [col for col, _ in ATOP_TYPES.values()]
    for kind in CONDITIONED:
        cols += [_condition_column(kind, c) for c in CONDITION_SUFFIX]
    for kind in ATOP_TYPES:
        cols += [f"{kind}_articles", f"{kind}_conditions", f"{kind}_confidence"]
    return cols


def _code(ob: Obligation | None) -> str:
    return "" if ob is None else ("1" if ob.present else "0")


def row(a: Analysis, ag: Agreement) -> dict[str, str]:
    obs = {o.type: o for o in a.obligations if o.agreement == ag.id}
    out = {
        "atopid": "",
        "agreement": ag.id,
        "title": ag.title or "",
        "parties": ";".join(p.iso3 for p in ag.parties if p.iso3),
        "signed": ag.signed.date or "",
        "source": a.document.source,
    }
    for kind, (col, _) in ATOP_TYPES.items():
        ob = obs.get(kind)
        out[col] = _code(ob)
        out[f"{kind}_articles"] = ";".join(ob.articles) if ob else ""
        out[f"{kind}_conditions"] = " | ".join(f"{c.type}: {c.text}" for c in ob.conditions) if ob else ""
        out[f"{kind}_confidence"] = f"{ob.confidence:.2f}" if ob else ""
        if kind in CONDITIONED:
            for cond, _suffix in CONDITION_SUFFIX.items():
                limited = ob is not None and ob.present and any(c.type == cond for c in ob.conditions)
                out[_condition_column(kind, cond)] = "" if ob is None else ("1" if limited else "0")
    return out


def render(analyses: list[Analysis], out: TextIO) -> None:
    """Write one CSV row per agreement that has obligations coded (primary or subject)."""
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\n")
    writer.writeheader()
    for a in analyses:
        coded = {o.agreement for o in a.obligations}
        for ag in a.agreements:
            if ag.id in coded or ag.role in ("primary", "subject"):
                writer.writerow(row(a, ag))
