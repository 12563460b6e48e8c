"""Report section: what each agreement commits its parties to.

Per agreement, an ATOP obligations table (yes / no / not stated, with the
deciding articles and conditions) and its provisions grouped by domain with
their strength, so a reader sees both the alliance promises and the
everyday cooperation in one place.
"""

from __future__ import annotations

from pactlens.model import DOMAINS, OBLIGATION_TYPES, Agreement, Analysis, Obligation, Provision
from pactlens.report.blocks import Block, Lines, Table

_EXCERPT = 140


def _excerpt(text: str, limit: int = _EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _coded(ob: Obligation | None) -> str:
    if ob is None:
        return "not stated"
    if ob.present:
        return "yes"
    return "no (excluded)" if ob.evidence else "no"


def _obligation_rows(obs: dict[str, Obligation]) -> list[list[str]]:
    rows = []
    for kind in OBLIGATION_TYPES:
        ob = obs.get(kind)
        rows.append([
            kind,
            _coded(ob),
            ", ".join(ob.articles) if ob and ob.articles else "",
            "; ".join(f"{c.type}: {c.text}" for c in ob.conditions) if ob else "",
            f"{ob.confidence:.2f}" if ob else "",
            _excerpt(ob.evidence[0].text) if ob and ob.evidence else "",
        ])
    return rows


def _provision_rows(provisions: list[Provision]) -> list[list[str]]:
    order = {d: i for i, d in enumerate(DOMAINS)}
    ranked = sorted(provisions, key=lambda p: order[p.domain])
    rows = []
    for p in ranked:
        quantities = ", ".join(q.text or f"{q.value:g} {q.unit or ''}".strip() for q in p.quantities)
        rows.append([p.domain, ", ".join(p.domains[1:]), p.article or "", p.strength, quantities, _excerpt(p.text)])
    return rows


def _agreement_blocks(a: Analysis, ag: Agreement) -> list[Block]:
    name = ag.title or ag.id
    obs = {o.type: o for o in a.obligations if o.agreement == ag.id}
    provisions = [p for p in a.provisions if p.agreement == ag.id]
    if not obs and not provisions:
        return []
    note = ("ATOP obligations; 'no' = no clause of the full text makes the promise; "
            "'no (excluded)' = the text rules it out; 'not stated' = neither.")
    blocks: list[Block] = [Table(f"Obligations: {name}", ["obligation", "coded", "articles", "conditions",
                                                          "confidence", "clause"], _obligation_rows(obs), note)]
    if provisions:
        blocks.append(Table(f"Provisions by domain: {name}", ["domain", "also", "article", "strength",
                                                              "quantities", "text"], _provision_rows(provisions)))
    return blocks


def obligations_section(a: Analysis) -> list[Block]:
    blocks: list[Block] = []
    for ag in a.agreements:
        blocks += _agreement_blocks(a, ag)
    if not blocks and a.agreements:
        return [Lines("Obligations", ["No commitments found."])]
    return blocks
