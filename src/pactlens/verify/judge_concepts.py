"""Commitments briefs describe in many words and most often get wrong (a mutual-defence
commitment, a consultation mechanism, a clause against aiding an aggressor), judged by the
treaty's clauses and, where extract coded it, the ATOP obligation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactlens.structure.doc import Span
from pactlens.verify.check_treaty import Treaty
from pactlens.verify.fact_record import Verdict
from pactlens.regexes import lazy_re

_NEGATION = lazy_re(r"\b(?:does not|do not|doesn't|did not|stops? short of|no|not|without|neither|nor|never)\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Concept:
    name: str
    claim: re.Pattern[str]
    clause: re.Pattern[str]
    obligation: str | None


_CONCEPTS = [
    Concept(
        "mutual defence commitment",
        lazy_re(r"mutual[- ](?:defen[cs]e|assistance)|military alliance|collective defen[cs]e|defen[cs]e (?:pact|commitment|obligation)|"
                   r"come to (?:each other's|the) (?:aid|defen[cs]e)", re.IGNORECASE),
        lazy_re(r"armed attack against .{0,120}?(?:considered|deemed) an attack against|"
                   r"(?:will|shall) (?:assist|come to the (?:aid|assistance) of) the part(?:y|ies) (?:so )?attacked|"
                   r"(?:render|provide|extend) (?:to it )?(?:immediate )?(?:military )?(?:aid|assistance)(?: and support)? .{0,60}?(?:attack|aggression)",
                   re.IGNORECASE | re.DOTALL),
        "defense",
    ),
    Concept(
        "consultation mechanism",
        lazy_re(r"\bconsult(?:ation|ations|ing)?\b", re.IGNORECASE),
        lazy_re(r"\b(?:consult|consultations?)\b", re.IGNORECASE),
        "consultation",
    ),
    Concept(
        "clause against aiding an aggressor",
        lazy_re(r"(?:not|refrain from|avoid) (?:aid|support|assist|help)\w* (?:the |any )?aggressors?", re.IGNORECASE),
        lazy_re(r"(?:not|refrain from) (?:provid\w+|render\w*|giv\w+)? ?(?:any )?(?:military or other )?(?:aid|assistance|support) to the aggressor",
                   re.IGNORECASE),
        "neutrality",
    ),
]


def judge_concepts(claim: str, t: Treaty) -> Verdict | None:
    for c in _CONCEPTS:
        cm = c.claim.search(claim)
        if not cm:
            continue
        negated = _negated_before(claim, cm.start())
        found = [Span(m.start(), m.end()) for m in c.clause.finditer(t.doc.text)
                 if not t.doc.in_footnotes(m.start())]
        present = _obligation_present(t, c.obligation)
        if present is None:
            present = bool(found)
        spans = [_unit_of(t, s) for s in found[:2]]
        if negated:
            if present:
                return "contradicted", f"the treaty does contain a {c.name}", spans
            return "supported", f"no {c.name} in the treaty's full text", []
        if present:
            return "supported", f"the treaty contains a {c.name}", spans
        return "not-in-text", f"no {c.name} in the treaty's full text", []
    return None


def _negated_before(claim: str, at: int) -> bool:
    """A negation governs the phrase: in the same clause, before it."""
    head = re.split(r"[;,:]\s|\bwhile\b|\bbut\b", claim[:at])[-1]
    return bool(_NEGATION.search(head))


def _obligation_present(t: Treaty, kind: str | None) -> bool | None:
    if kind is None:
        return None
    found = [o for o in t.analysis.obligations if o.type == kind]
    if not found:
        return None
    return any(o.present for o in found)


def _unit_of(t: Treaty, span: Span) -> Span:
    for u in t.units:
        if u.start <= span.start < u.end:
            return u
    return span
