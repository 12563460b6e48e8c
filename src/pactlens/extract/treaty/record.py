"""The ``primary`` agreement records of a treaty file: one per instrument that is an agreement
in its own right, the first instrument first, each read from its own span only.

What makes a record: the title, the parties, the signatories, the signing formula, the term,
and the number of articles. Everything is a rule over the structured text plus the states
gazetteer; a fact no rule finds stays ``None``.
"""

from __future__ import annotations

import re

from pactlens.extract.bloc_parties import with_members
from pactlens.extract.records import agreement_kind, agreement_slug, acronyms_in, title_case, unique_ids
from pactlens.extract.treaty.further import further_instrument, further_parties, heading_starts, same_title
from pactlens.extract.treaty.instrument import Instrument, body_end, primary_instrument
from pactlens.extract.treaty.parties import primary_parties
from pactlens.extract.treaty.signatories import find_signatories
from pactlens.extract.treaty.signing import instrument_signing
from pactlens.extract.treaty.term import term_in
from pactlens.extract.treaty.title import find_title
from pactlens.model import Agreement, Evidence, Party, Signed
from pactlens.structure.doc import Doc, Span


def _instrument_agreement(doc: Doc, inst: Instrument, parties: list[Party], *, first: bool = True) -> Agreement:
    """The ``primary`` record of one instrument, read from its own span only. A further instrument
    is dated by its own closing or dateline only: the text after its last article is often a
    schedule, full of other instruments' dates."""
    title = re.sub(r"\s+", " ", doc.slice(inst.title)).strip() if inst.title else None
    evidence: list[Evidence] = [doc.span_evidence(inst.title)] if inst.title else []
    signatories = find_signatories(doc, inst.opening, inst.span.end).signatories
    signing = instrument_signing(doc, inst, first=first)
    if inst.final is not None and inst.final.start > inst.span.start:
        evidence.append(doc.span_evidence(inst.final))
    end = inst.articles[-1].span.end if inst.articles else inst.span.end
    if inst.final is not None:
        end = max(end, inst.final.end)
    head_start = inst.title.start if inst.title else inst.span.start
    term, renewal, term_ev = term_in(doc, head_start, end)
    evidence += term_ev
    kind = agreement_kind(title)
    signed = signing.to_signed() if signing else Signed()
    parties = with_members(parties, signed.date)
    return Agreement(
        id=agreement_slug(parties, signed.date, kind, title),
        title=_title(doc, inst, title),
        kind=kind,
        parties=parties,
        signatories=signatories,
        signed=signed,
        term_years=term,
        renewal=renewal,
        article_count=len(inst.articles) or None,
        role="primary",
        evidence=evidence or [doc.evidence(inst.span.start, min(inst.span.end, inst.span.start + 200))],
    )


def _title(doc: Doc, inst: Instrument, title: str | None) -> str | None:
    """The title as a reader writes it; an all-caps title keeps the acronyms its own text uses."""
    if not title:
        return None
    return title_case(title, acronyms_in(doc.text, title, inst.span.start, inst.span.end) if title.isupper() else ())


def _primary(doc: Doc, end: int, title: Span | None) -> Agreement:
    inst = primary_instrument(doc, end, title)
    return _instrument_agreement(doc, inst, primary_parties(doc, inst))


def _treaty_agreements(doc: Doc) -> list[Agreement]:
    """Every instrument of a treaty file that is an agreement in its own right, the first one first."""
    title = find_title(doc)
    starts = heading_starts(doc, body_end(doc, title))
    bounds = starts + [len(doc.text)]
    further = [inst for i, s in enumerate(starts) if (inst := further_instrument(doc, s, bounds[i + 1])) is not None]
    # A repeat of the first instrument's own text (GGO files sometimes hold one twice) is no further one.
    further = [inst for inst in further if not (title and inst.title and same_title(doc.slice(title), doc.slice(inst.title)))]
    first = _primary(doc, further[0].span.start if further else len(doc.text), title)
    return [first] + [_instrument_agreement(doc, inst, further_parties(doc, inst, first), first=False) for inst in further]


def find_treaty_agreements(doc: Doc) -> list[Agreement]:
    """The agreement records of an agreement's own text."""
    return unique_ids(_treaty_agreements(doc))
