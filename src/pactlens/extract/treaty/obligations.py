"""ATOP alliance obligations: defense, offense, neutrality, non-aggression, consultation.

Each obligation is a clause-level pattern, not a keyword: a *trigger* (an
attack on a party, a war a party is in, a security threat), a *promised
action* (assist, join, refrain from aiding, not use force, consult), the
action's *negation* and *recipient*, and the clause's *modality*. Definitions
follow the ATOP codebook (Leeds et al. 2002, v4; summarised in the project's
ATOP-OBLIGATIONS.md):

- defense: active military support if a partner is attacked. "shall not
  render any assistance to the aggressor" is neutrality (negated action,
  aggressor as recipient), never defense.
- offense: active military support in other circumstances (joining a war,
  any war a partner is engaged in). A promise to join *any* war a partner
  fights also covers the partner being attacked, so it is coded as both.
- neutrality: refraining from supporting anyone who attacks or is in
  conflict with a partner, remaining neutral. Promises not to let one's
  territory be used for aggression against a partner, or not to join
  alliances directed against it, are read as neutrality too (the partner's
  adversary is denied support), with lower confidence.
- non-aggression: not attacking / not using force against each other,
  including the UN-Charter-style "refrain … from the threat or use of force"
  pledge among the parties (ATOP codes NAT Art. 1 this way).
- consultation: consulting in a crisis that could become militarized, or on
  defence and security matters, with a view to coordination. Routine
  consultation on "questions of mutual interest" or trade difficulties is not.

Only operative clauses are read (the preamble is never a unit), so "resolved
to unite their efforts for collective defence" and "being guided by the
Treaty on … Mutual Assistance" decide nothing. A sentence that excludes a
defence commitment ("does not establish a formal military alliance or
obligate mutual defence commitments") records defense ``present: false``.
In an agreement's full text, every type no clause promises is recorded
``present: false`` with no evidence; in writing about an agreement, such
types are simply absent.

Two independent signals, combined by one rule (:func:`_decide`):

1. *Rules*: the clause patterns below, each read with the sentence's promise
   frame (:mod:`pactlens.extract.treaty.promise`: who is bound, the action, its
   negation, the trigger; from the dependency parse when the sentence is long).
2. *Embeddings*: the clause's sentence embedding against a bank of labelled
   real treaty clauses (:mod:`pactlens.resources.atop_bank`), nearest row per
   label; for an agreement's own text only (the bank is of treaty clauses).

The rule: a frame that is not a promise (a right, a procedure, a general
principle, a mention of another instrument) or whose bound party is an organ
or nobody vetoes the type whatever either signal says; otherwise a rule that
fires decides (``signal: rule``, or ``both`` when the nearest bank clause has
the same label); when no rule fires, the embedding decides alone only if the
clause carries the type's anchor words, its nearest bank clause has that
label with similarity at least :data:`EMBED_MIN` and beats the nearest
near miss (``none``) and every other label by :data:`EMBED_MARGIN`
(``signal: embedding``, lower confidence). The evidence is always the clause.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field

from pactlens.extract.treaty import promise
from pactlens.extract.commitment import folded, strength
from pactlens.extract.treaty.obligation_patterns import (
    CONDITIONS,
    CRISIS,
    DEFENSE_EXCLUDED_TOPIC,
    FOREIGN_POLICY_TOPIC,
    NONAGG_SCOPE,
    SECURITY_CONTEXT,
    WAR_TRIGGER,
)
from pactlens.extract.treaty.obligation_rules import DETECTORS, NONE, Found, gated
from pactlens.extract.treaty.provisions import LIST_ITEM, Unit, find_units, lead_strength
from pactlens.model import OBLIGATION_TYPES, Agreement, Condition, Evidence, Obligation, Provision
from pactlens.structure.doc import Doc, Span
from pactlens.regexes import lazy_re

_I = re.IGNORECASE

# --- matching ---------------------------------------------------------------------------


@dataclass
class Hit:
    """One clause deciding one obligation type."""

    type: str
    present: bool
    span: Span
    confidence: float
    article: str | None
    conditions: list[Condition] = field(default_factory=list)
    signal: str | None = None  # "rule", "embedding" or "both"
    basis: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Coding:
    """Which signals code obligations, and whether the bank leaves out the treaty being coded.

    The defaults are what ``analyze`` does; ``pactlens bench atop`` sets others for its ablation
    and leave-one-out runs (:data:`CODING`)."""

    rules: bool = True
    embeddings: bool = True
    leave_one_out: bool = False


CODING: ContextVar[Coding] = ContextVar("atop_coding", default=Coding())
#: The embedding signal alone decides only above this similarity to a bank clause of the type ...
EMBED_MIN = 0.62
#: ... and this far above the nearest near miss and the nearest clause of any other type.
EMBED_MARGIN = 0.06


#: The words a clause of each type cannot do without: the embedding signal may only propose a type
#: whose anchor the clause carries (a customs clause near "mutual assistance" is never defence).
_ANCHORS = {
    "defense": lazy_re(r"\b(?:attack\w*|aggress\w*|invasion|invaded|war|hostilities|enem\w+)\b", _I),
    "offense": lazy_re(r"\b(?:war|warlike|hostilities|military\s+action)\b", _I),
    "neutrality": lazy_re(r"\bneutral\w*|\b(?:not|no)\b[^.;]{0,60}\b(?:support|assist\w*|aid|help)\b", _I),
    "nonaggression": lazy_re(r"\b(?:force|attack\w*|aggress\w*|hostil\w*|violence|war)\b", _I),
    "consultation": lazy_re(r"\b(?:consult\w*|confer|convene\w*|exchange\s+views)\b", _I),
}
#: A word each anchor's every match holds (one of them): a clause with none skips that anchor's scan.
_ANCHOR_NEEDS = {
    "defense": ("attack", "aggress", "invasion", "invaded", "war", "hostilities", "enem"),
    "offense": ("war", "hostilities", "military"),
    "neutrality": ("neutral", "support", "assist", "aid", "help"),
    "nonaggression": ("force", "attack", "aggress", "hostil", "violence", "war"),
    "consultation": ("consult", "confer", "convene", "exchange"),
}


def _anchored(text: str) -> bool:
    """Whether ``text`` carries some type's anchor words."""
    low = folded(text)
    return any(any(w in low for w in _ANCHOR_NEEDS[name]) and rx.search(text) for name, rx in _ANCHORS.items())


#: Defence is a promise to act: the embedding signal needs the action as well as the attack.
_DEFENSE_ACTION = lazy_re(r"\b(?:assist\w*|aid|help|support|defen[cs]e|defend|act|action|means|forces|resources|"
                             r"considered|regarded|deemed|constitute)\b", _I)
#: Consultation is coded for what it is about: the embedding signal needs a security subject too.
_CONSULT_SUBJECT = lazy_re(rf"{CRISIS.pattern}|{SECURITY_CONTEXT.pattern}|{FOREIGN_POLICY_TOPIC.pattern}", _I)
#: A type the frame may veto, and why: not a promise, or nobody / an organ is bound by it.
_BOUND_BY_MEMBERS = {"defense", "offense", "nonaggression", "neutrality"}


def _conditions(doc: Doc, span: Span) -> list[Condition]:
    text = doc.text[span.start : span.end]
    out = []
    for kind, rx in CONDITIONS:
        for m in rx.finditer(text):
            ev = doc.evidence(span.start + m.start(), span.start + m.end())
            out.append(Condition(type=kind, text=ev.text, evidence=[ev]))
    return out


def _clauses(doc: Doc, unit: Unit) -> list[Span]:
    """Sentences of the unit, plus the whole unit when it is short enough to be one promise
    spread over sentences ("If either Party is attacked. … the other shall assist")."""
    clauses = list(unit.sentences)
    if len(clauses) > 1 and len(unit.span) <= 1200:
        clauses.append(unit.span)
    return clauses


_BROKEN_WORD = lazy_re(r"(?<=[a-z])-(?:[ \t]+\n?|\n)[ \t]*(?=[a-z])")


def _dehyphenate(text: str) -> str:
    """Words split at an OCR line end ("aggres- sion", "at-\ntack") joined for matching only;
    evidence keeps the text as written."""
    return _BROKEN_WORD.sub("", text) if "- " in text or "-\n" in text else text


@dataclass
class _Clause:
    unit: Unit
    span: Span
    text: str  # dehyphenated, for matching
    level: str  # "binding" or "soft"


def _candidates(doc: Doc, unit: Unit, hits: dict[str, Hit]) -> list[_Clause]:
    """The unit's committing clauses worth reading; an exclusion ("does not establish a military
    alliance") is recorded in ``hits`` at once."""
    out = []
    lead = lead_strength(doc, unit)  # the commitment of what leads a list in ("agree that: (i) …")
    for span in _clauses(doc, unit):
        text = _dehyphenate(doc.text[span.start : span.end])
        level = strength(text)
        if LIST_ITEM.match(text):
            level = level or lead
        elif level is not None:
            lead = level
        if level is None:
            continue
        if level == "excluded":
            if "defense" not in hits and DEFENSE_EXCLUDED_TOPIC.search(text):
                hits["defense"] = Hit("defense", False, span, 0.8, unit.article, signal="rule",
                                      basis=["the text excludes a defence commitment"])
            continue
        if gated(text, folded(text)):
            out.append(_Clause(unit, span, text, level))
    return out


def _neighbours(clauses: list[_Clause], doc: Doc, coding: Coding) -> list[dict]:
    """The nearest bank clause of each label for every clause (empty dicts without the model)."""
    from pactlens.resources import atop_bank, embeddings

    out: list[dict] = [{} for _ in clauses]
    # Only a binding clause of an agreement's own text with some type's anchor words can be decided by
    # the embedding signal: the bank holds treaty clauses, and writing about an agreement is read by
    # the rules alone (so a brief never pays for loading the model).
    wanted = [i for i, c in enumerate(clauses) if c.level == "binding" and c.unit.role == "primary"
              and _anchored(c.text)]
    if not coding.embeddings or not wanted or not embeddings.available():
        return out
    exclude = atop_bank.treaties_in(doc.text) if coding.leave_one_out else frozenset()
    for i, best in zip(wanted, atop_bank.best_by_label(embeddings.encode([clauses[i].text for i in wanted]), exclude),
                       strict=True):
        out[i] = best
    return out


def _embedding_vote(best: dict) -> tuple[str | None, list[str]]:
    """The type the nearest bank clauses give, if it clears :data:`EMBED_MIN` and
    :data:`EMBED_MARGIN`; and the basis (nearest clauses with their similarity)."""
    if not best:
        return None, []
    ranked = sorted(best.values(), key=lambda n: -n.similarity)
    basis = [f"{n.clause.id} ({n.clause.label}) {n.similarity:.2f}" for n in ranked[:3]]
    top = ranked[0]
    runner_up = ranked[1].similarity if len(ranked) > 1 else -1.0
    if top.clause.label == "none" or top.similarity < EMBED_MIN or top.similarity - runner_up < EMBED_MARGIN:
        return None, basis
    return top.clause.label, basis


def _decide(kind: str, clause: _Clause, found: Found, voted: str | None, basis: list[str],
            coding: Coding) -> tuple[float, str, list[str]] | None:
    """The combination rule (module docstring): frame veto, then rule, then embedding."""
    conf, rule, at = found
    by_rule = coding.rules and conf > 0
    by_embedding = voted == kind and clause.level == "binding" and _ANCHORS[kind].search(clause.text) is not None \
        and (kind != "consultation" or _CONSULT_SUBJECT.search(clause.text) is not None) \
        and (kind != "defense" or _DEFENSE_ACTION.search(clause.text) is not None) \
        and (kind != "nonaggression" or NONAGG_SCOPE.search(clause.text) is not None
             or promise.PARTNER_TARGET.search(clause.text) is not None)
    if not by_rule and not by_embedding:
        return None
    frame = promise.read(clause.text, kind, at if by_rule else 0)
    if frame.kind != "promise":
        return None
    if kind in _BOUND_BY_MEMBERS and frame.promiser_kind in ("nobody", "organ") and rule != \
            "a common organ of the members' defence":
        return None
    if kind == "defense" and by_rule and frame.negated and rule == "assistance if a party is attacked":
        return None
    if by_rule:
        signal = "both" if by_embedding else "rule"
        return min(1.0, conf + (0.05 if by_embedding else 0.0)), signal, [f"rule: {rule}", f"frame: {frame.explain()}"] + basis
    return 0.6, "embedding", [f"frame: {frame.explain()}"] + basis


def _code(doc: Doc, clauses: list[_Clause], neighbours: list[dict], hits: dict[str, Hit], coding: Coding) -> None:
    """Code every clause by both signals; the strongest present clause of a type wins."""
    for clause, best in zip(clauses, neighbours, strict=True):
        voted, basis = _embedding_vote(best)
        low = folded(clause.text)
        for kind, detect in DETECTORS.items():
            found = detect(clause.text, low) if coding.rules else NONE
            decided = _decide(kind, clause, found, voted, basis, coding)
            if decided is None:
                continue
            conf, signal, why = decided
            if clause.level == "soft":
                conf *= 0.7  # "plan to", "seek to": a weaker reading of the same promise
            old = hits.get(kind)
            if old is None or not old.present or conf > old.confidence:
                hits[kind] = Hit(kind, True, clause.span, round(conf, 2), clause.unit.article,
                                 _conditions(doc, clause.span), signal, why)
            if kind == "offense" and found[0] > 0 and WAR_TRIGGER.search(clause.text) and "defense" not in hits:
                hits["defense"] = Hit("defense", True, clause.span, round(conf, 2), clause.unit.article,
                                      _conditions(doc, clause.span), signal,
                                      ["rule: support in any war covers an attack on the partner"] + why)


def clause_hits(doc: Doc, unit: Unit) -> list[Hit]:
    """Obligations the unit promises or excludes, one hit per type at most."""
    hits: dict[str, Hit] = {}
    coding = CODING.get()
    clauses = _candidates(doc, unit, hits)
    _code(doc, clauses, _neighbours(clauses, doc, coding), hits, coding)
    return list(hits.values())


# --- aggregation per agreement --------------------------------------------------------------


def _merge(agreement: str, kind: str, hits: list[Hit], doc: Doc) -> Obligation:
    chosen = [h for h in hits if h.present] or hits
    present = chosen[0].present
    evidence: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for h in chosen:
        if (h.span.start, h.span.end) not in seen:
            seen.add((h.span.start, h.span.end))
            evidence.append(doc.evidence(h.span.start, h.span.end))
    articles = sorted({h.article for h in chosen if h.article}, key=_article_key)
    conditions = [c for h in chosen for c in h.conditions]
    best = max(chosen, key=lambda h: h.confidence)
    signals = {h.signal for h in chosen if h.signal}
    return Obligation(
        agreement=agreement,
        type=kind,
        present=present,
        articles=articles,
        conditions=_dedupe(conditions),
        confidence=best.confidence,
        evidence=evidence,
        signal="both" if len(signals) > 1 else best.signal,
        basis=best.basis,
    )


def _article_key(a: str) -> tuple[int, str]:
    return (int(a), "") if a.isdigit() else (10**6, a)


def _dedupe(conditions: list[Condition]) -> list[Condition]:
    seen, out = set(), []
    for c in conditions:
        if (c.type, c.text) not in seen:
            seen.add((c.type, c.text))
            out.append(c)
    return out


def _absent_confidence(units: list[Unit]) -> float:
    """How sure "no clause promises it" is: lower when few operative units were found."""
    articles = {u.article for u in units if u.article}
    return 0.8 if len(articles) >= 3 else 0.6 if units else 0.3


def find_obligations(doc: Doc, agreements: list[Agreement], provisions: list[Provision]) -> list[Obligation]:
    """Obligations of each agreement whose clauses the document holds (each instrument of a
    treaty file its own)."""
    by_agreement: dict[str, list[Unit]] = {}
    for unit in find_units(doc, agreements):
        by_agreement.setdefault(unit.agreement, []).append(unit)
    return [o for agreement, units in by_agreement.items() for o in _agreement_obligations(doc, agreement, units)]


def _by_unit(clauses: list[_Clause]) -> list[list[_Clause]]:
    groups: dict[int, list[_Clause]] = {}
    for c in clauses:
        groups.setdefault(id(c.unit), []).append(c)
    return list(groups.values())


def _agreement_obligations(doc: Doc, agreement: str, units: list[Unit]) -> list[Obligation]:
    role = units[0].role
    coding = CODING.get()
    by_type: dict[str, list[Hit]] = {}
    clauses: list[_Clause] = []
    per_unit: list[dict[str, Hit]] = []
    for unit in units:  # exclusions at once; every other clause embedded in one batch
        excluded: dict[str, Hit] = {}
        clauses.extend(_candidates(doc, unit, excluded))
        per_unit.append(excluded)
    for hits in per_unit:
        for hit in hits.values():
            by_type.setdefault(hit.type, []).append(hit)
    neighbours = dict(zip(map(id, clauses), _neighbours(clauses, doc, coding), strict=True))
    for group in _by_unit(clauses):
        hits: dict[str, Hit] = {}
        _code(doc, group, [neighbours[id(c)] for c in group], hits, coding)
        for hit in hits.values():
            by_type.setdefault(hit.type, []).append(hit)
    out = []
    for kind in OBLIGATION_TYPES:
        if kind in by_type:
            out.append(_merge(agreement, kind, by_type[kind], doc))
        elif role == "primary":
            out.append(Obligation(agreement=agreement, type=kind, present=False,
                                  confidence=_absent_confidence(units), evidence=[]))
    return out
