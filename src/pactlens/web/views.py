"""What the pages show, computed from an ``Analysis`` (the templates only lay it out).

No analysis happens here: these functions regroup records the pipeline made,
so the templates stay free of logic and every page says "not stated" rather
than inventing a value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pactlens.compare import obligation_cells, strongest_obligation
from pactlens.model import OBLIGATION_TYPES, Agreement, Analysis, Obligation, Provision

STRENGTH_ORDER = {"binding": 0, "soft": 1, "excluded": 2}


@dataclass
class ObligationRow:
    type: str
    state: str  # "yes" | "no" | "not stated"
    articles: str
    conditions: list[str]
    record: str | None = None  # id of the record on the document page (for scrolling)


@dataclass
class DomainGroup:
    domain: str
    provisions: list[tuple[Provision, str | None]]  # (provision, record id)


@dataclass
class Profile:
    agreement: Agreement
    obligations: list[ObligationRow]
    domains: list[DomainGroup]
    quantities: list[tuple[str, str]] = field(default_factory=list)  # (article, quantity text)


def obligation_rows(obligations: list[Obligation], ids: dict[int, str] | None = None) -> list[ObligationRow]:
    """One row per ATOP type, in the codebook's order, with the same yes/no/not stated as ``compare``."""
    cells = obligation_cells(obligations)
    rows = []
    for t in OBLIGATION_TYPES:
        mine = [o for o in obligations if o.type == t]
        cell = cells[t]
        shown = [o for o in mine if o.present == (cell.status == "yes")]
        rows.append(ObligationRow(
            type=t,
            state=cell.status,
            articles=", ".join(cell.articles),
            conditions=[f"{c.type}: {c.text}" for o in shown for c in o.conditions],
            record=next((ids[id(o)] for o in shown if id(o) in (ids or {})), None),
        ))
    return rows


def _quantity_text(q) -> str:
    if q.text:
        return q.text
    value = f"{q.value:g}"
    return " ".join(x for x in (value, q.unit, f"per {q.per}" if q.per else None) if x)


def profile(a: Analysis, ag: Agreement, ids: dict[int, str] | None = None) -> Profile:
    """The agreement's obligations table, provisions grouped by domain, quantities."""
    obligations = [o for o in a.obligations if o.agreement == ag.id]
    provisions = [p for p in a.provisions if p.agreement == ag.id]
    groups: dict[str, list[tuple[Provision, str | None]]] = {}
    for p in sorted(provisions, key=lambda p: STRENGTH_ORDER.get(p.strength, 9)):
        groups.setdefault(p.domain, []).append((p, (ids or {}).get(id(p))))
    domains = [DomainGroup(d, ps) for d, ps in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    quantities = [(p.article or "", _quantity_text(q)) for p in provisions for q in p.quantities]
    return Profile(ag, obligation_rows(obligations, ids), domains, quantities)


def is_bare(p: Profile) -> bool:
    """An agreement a document only mentions and says nothing about: no parties, date, place,
    term, signatories, provisions or obligations. Its card would be rows of "not stated", so
    the page lists it by name instead."""
    ag = p.agreement
    stated = (ag.parties, ag.signatories, ag.signed.date, ag.signed.place, ag.term_years, p.domains,
              [o for o in p.obligations if o.state != "not stated"])
    return ag.role != "primary" and not any(stated)


def agreement_name(title: str | None, parties: list, signed: str | None = None, kind: str = "agreement") -> str:
    """What a reader calls an agreement: its title; without one, its kind, parties and year
    ("Treaty of Canada, Mexico and United States, 1992") — never an internal id. "Untitled
    agreement" only when the text names neither a title nor a party."""
    if title:
        return title
    names = [p.name for p in parties if not getattr(p, "via", None)][:4]
    if not names:
        return "Untitled " + (kind if kind and kind != "other" else "agreement")
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    more = " and others" if len([p for p in parties if not getattr(p, "via", None)]) > 4 else ""
    year = f", {signed[:4]}" if signed else ""
    return f"{(kind if kind and kind != 'other' else 'agreement').capitalize()} of {who}{more}{year}"


def name_of(ag: Agreement) -> str:
    return agreement_name(ag.title, ag.parties, ag.signed.date, ag.kind)


def public_source(source: str) -> str:
    """A document's source as others may see it: a URL as is, a local path reduced to its file
    name (the server's folders are nobody's business; the CLI shows the whole path)."""
    if source.startswith(("http://", "https://")):
        return source
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or source


@dataclass
class PickRow:
    """One document in the compare picker: enough to tell two of the same name apart."""

    document_id: str
    name: str
    signed: str | None
    parties: str
    kind: str
    source: str


def pick_rows(stored) -> list[PickRow]:
    """One row per document with an agreement of its own or one it is about (its first such),
    ordered by name then date."""
    rows: dict[str, PickRow] = {}
    for sa in stored:
        ag = sa.agreement
        if sa.document_id in rows or ag.role == "related":
            continue
        parties = ", ".join(p.name for p in ag.parties if not p.via)
        rows[sa.document_id] = PickRow(sa.document_id, name_of(ag), ag.signed.date,
                                       parties if len(parties) <= 90 else parties[:89] + "…",
                                       sa.document_kind, sa.document_title or "")
    return sorted(rows.values(), key=lambda r: (r.name.lower(), r.signed or ""))


#: The network's four colours: active commitments, passive ones, consultation, none.
NETWORK_CLASS = {"defense": "defence", "offense": "defence", "neutrality": "neutrality",
                 "nonaggression": "neutrality", "consultation": "consultation", "none": "none"}


def network_class(obligations: list[Obligation]) -> str:
    """Colour of a network link: offense counts with defence and non-aggression with
    neutrality, following ATOP's split of active and passive obligations."""
    return NETWORK_CLASS[strongest_obligation(obligations)]
