"""Agreements side by side: parties, date, term, the five ATOP obligations and the domains
they cover with their strength — the table an analyst draws by hand when
asking how the 2025 Russia–Iran treaty differs from the 2001 one.

Used by ``pactlens compare`` and by the web app's compare page; the network
views use :func:`strongest_obligation` to colour links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from pactlens.model import DOMAINS, OBLIGATION_TYPES, Analysis, Obligation, Provision
from pactlens.model.compare import (
    ComparedAgreement, ComparedParty, Comparison, ComparisonRow, DomainCell, ObligationCell,
)
from pactlens.model.library import ProvisionRow, StoredAgreement

#: ATOP obligations from the strongest commitment to the weakest.
OBLIGATION_ORDER: tuple[str, ...] = ("defense", "offense", "neutrality", "nonaggression", "consultation")
STRENGTH_ORDER: tuple[str, ...] = ("binding", "soft", "excluded")
#: Which agreements of a document are compared: its own text first, else what it is about.
_ROLE_CHOICE: tuple[str, ...] = ("primary", "subject")


def compare(items: Iterable[Analysis | StoredAgreement],
            provisions: Mapping[tuple[str, str], Sequence[Provision | ProvisionRow]] | None = None) -> Comparison:
    """Compare stored agreements, or the main agreements of whole analyses.

    For an analysis, its own agreements (role ``primary``) are compared, or
    the ones it is about (``subject``) when it is a brief; agreements it only
    mentions are left out. ``provisions`` (by document id and agreement id, as
    :meth:`pactlens.store.Library.provision_rows` gives them) stands in for each
    agreement's own list, so a library can compare without reading clause texts.
    """
    compared = [summarize(sa, provisions) for item in items for sa in _agreements_of(item)]
    return Comparison(agreements=compared, rows=_rows(compared))


def compare_stored(library, doc_ids: Sequence[str]) -> Comparison:
    """The comparison of stored documents from the library's rows (``library``: a
    :class:`pactlens.store.Library`): agreements, obligations and the provisions' domain
    columns, never a whole analysis nor a clause's text, so twelve long treaties compare as
    fast as twelve short ones. Used by ``pactlens compare`` and the web app alike."""
    return compare(main_agreements(library.agreements(list(doc_ids), provisions=False), doc_ids),
                   library.provision_rows(list(doc_ids)))


def main_agreements(stored: Iterable[StoredAgreement], doc_ids: Sequence[str]) -> list[StoredAgreement]:
    """Of stored agreements, those :func:`compare` takes from each document of ``doc_ids``
    (its own, else the ones it is about), documents in the order of ``doc_ids``."""
    by_doc: dict[str, list[StoredAgreement]] = {}
    for sa in stored:
        by_doc.setdefault(sa.document_id, []).append(sa)
    return [sa for doc_id in doc_ids for sa in _main(by_doc.get(doc_id, []))]


def agreements_of(analysis: Analysis) -> list[StoredAgreement]:
    """Every agreement of an analysis with its own obligations and provisions."""
    return [
        StoredAgreement(
            document_id=analysis.document.id, document_title=analysis.document.title,
            document_kind=analysis.document.kind, agreement=ag,
            obligations=[o for o in analysis.obligations if o.agreement == ag.id],
            provisions=[p for p in analysis.provisions if p.agreement == ag.id],
        )
        for ag in analysis.agreements
    ]


def _agreements_of(item: Analysis | StoredAgreement) -> list[StoredAgreement]:
    return [item] if isinstance(item, StoredAgreement) else _main(agreements_of(item))


def _main(found: list[StoredAgreement]) -> list[StoredAgreement]:
    for role in _ROLE_CHOICE:
        chosen = [sa for sa in found if sa.agreement.role == role]
        if chosen:
            return chosen
    return []


def strongest_obligation(obligations: Iterable[Obligation]) -> str:
    """The strongest obligation stated present (ATOP order), or ``"none"``."""
    present = {o.type for o in obligations if o.present}
    return next((kind for kind in OBLIGATION_ORDER if kind in present), "none")


def obligation_cells(obligations: list[Obligation]) -> dict[str, ObligationCell]:
    """Per ATOP type: 'yes' if any clause states it, else 'no' if the text excludes it, else 'not stated'."""
    cells = {}
    for kind in OBLIGATION_TYPES:
        mine = [o for o in obligations if o.type == kind]
        present = [o for o in mine if o.present]
        chosen = present or mine
        if not chosen:
            cells[kind] = ObligationCell(status="not stated")
            continue
        cells[kind] = ObligationCell(
            status="yes" if present else "no",
            articles=_unique(a for o in chosen for a in o.articles),
            conditions=_unique(c.type for o in chosen for c in o.conditions),
            confidence=max(o.confidence for o in chosen),
        )
    return cells


def domain_cells(provisions: Sequence[Provision | ProvisionRow]) -> dict[str, DomainCell]:
    """Per domain an agreement touches (in the contract's domain order), its provisions' strengths."""
    by_domain: dict[str, list[Provision | ProvisionRow]] = {}
    for p in provisions:
        for d in _unique(p.domains or [p.domain]):
            by_domain.setdefault(d, []).append(p)
    cells = {}
    for d in sorted(by_domain, key=DOMAINS.index):
        counts = Counter(p.strength for p in by_domain[d])
        cells[d] = DomainCell(
            strength=next(s for s in STRENGTH_ORDER if counts[s]),
            counts={s: counts[s] for s in STRENGTH_ORDER if counts[s]},
            articles=_unique(p.article for p in by_domain[d] if p.article),
        )
    return cells


def summarize(sa: StoredAgreement,
              provisions: Mapping[tuple[str, str], Sequence[Provision | ProvisionRow]] | None = None
              ) -> ComparedAgreement:
    ag = sa.agreement
    own = sa.provisions if provisions is None else provisions.get((sa.document_id, ag.id), [])
    return ComparedAgreement(
        document_id=sa.document_id, agreement_id=ag.id, title=ag.title, kind=ag.kind, role=ag.role,
        parties=[ComparedParty(name=p.name, iso3=p.iso3) for p in ag.parties],
        signed=ag.signed.date, place=ag.signed.place, term_years=ag.term_years, renewal=ag.renewal,
        article_count=ag.article_count, obligations=obligation_cells(sa.obligations),
        strongest_obligation=strongest_obligation(sa.obligations), domains=domain_cells(own),
    )


def _rows(compared: list[ComparedAgreement]) -> list[ComparisonRow]:
    def row(group, label, fn) -> ComparisonRow:
        return ComparisonRow(group=group, label=label, values=[fn(c) for c in compared])

    rows = [
        row("agreement", "title", lambda c: c.title or "unknown"),
        row("agreement", "kind", lambda c: c.kind),
        row("agreement", "parties", lambda c: ", ".join(p.iso3 or p.name for p in c.parties) or "unknown"),
        row("agreement", "signed", lambda c: " ".join(x for x in (c.signed, c.place) if x) or "unknown"),
        row("agreement", "term", lambda c: _term(c)),
        row("agreement", "articles", lambda c: _text(c.article_count)),
        row("agreement", "strongest obligation", lambda c: c.strongest_obligation),
    ]
    rows += [row("obligation", kind, lambda c, k=kind: _obligation_text(c.obligations[k])) for kind in OBLIGATION_TYPES]
    touched = sorted({d for c in compared for d in c.domains}, key=DOMAINS.index)
    rows += [row("domain", d, lambda c, d=d: _domain_text(c.domains.get(d))) for d in touched]
    return rows


def _term(c: ComparedAgreement) -> str:
    if c.term_years is None:
        return "unknown"
    return f"{c.term_years} years" + (f" ({c.renewal})" if c.renewal else "")


def _articles(articles: list[str]) -> str:
    return ", ".join(f"Art. {a}" if a[:1].isdigit() else a for a in articles)


def _obligation_text(cell: ObligationCell) -> str:
    extra = [x for x in (_articles(cell.articles), ", ".join(cell.conditions)) if x]
    return cell.status + (f" ({'; '.join(extra)})" if extra else "")


def _domain_text(cell: DomainCell | None) -> str:
    if cell is None:
        return "—"
    text = ", ".join(f"{s} ×{n}" for s, n in cell.counts.items())
    return text + (f" ({_articles(cell.articles)})" if cell.articles else "")


def _text(value: object) -> str:
    return "unknown" if value is None else str(value)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
