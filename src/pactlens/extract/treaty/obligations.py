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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pactlens.extract.commitment import EXCLUDED, folded, strength
from pactlens.extract.treaty.provisions import LIST_ITEM, Unit, find_units, lead_strength
from pactlens.model import OBLIGATION_TYPES, Agreement, Condition, Evidence, Obligation, Provision
from pactlens.structure.doc import Doc, Span

_I = re.IGNORECASE
_W = r"(?:[\w'’,-]+\s+)"  # one word and its trailing space, for bounded gaps

# --- vocabulary ----------------------------------------------------------------------

_PARTY = (
    r"(?:(?:high\s+)?contracting\s+part(?:y|ies)|part(?:y|ies)|signator(?:y|ies)|member(?:\s+state)?s?|"
    r"allies|ally|them|one\s+another|each\s+other|either|the\s+other|both|itself|countr(?:y|ies)|sides?|"
    r"governments?|territor(?:y|ies))"
)
_ATTACK = (
    r"(?:armed\s+attack|attack(?:ed|s)?|aggression|act\s+of\s+aggression|invasion|invaded|"
    r"aggressor|victim\s+of\s+aggression)"
)
_WAR = r"(?:war|hostilities|armed\s+conflict|military\s+conflict)"
_ASSIST = (
    rf"(?:assist(?:ance)?|aid|help|support|"
    rf"(?:render|give|provide|afford|extend|lend|grant)\s+{_W}{{0,6}}?(?:assistance|aid|support|help)|"
    rf"come\s+to\s+(?:the|its|his|their)\s+(?:aid|assistance|help|defen[cs]e)|"
    rf"take\s+{_W}{{0,8}}?action|act\s+to\s+meet\s+the\s+common\s+danger|use\s+of\s+armed\s+force|"
    rf"defend)"
)
_ATTACK_ON_ALL = re.compile(
    rf"(?:considered|regarded|deemed|treated)\s+(?:as\s+)?(?:an?\s+)?(?:armed\s+)?(?:attack|aggression)\s+"
    rf"(?:against|on|upon)\s+(?:them\s+all|all|each|both|every|the\s+other|itself|all\s+the)",
    _I,
)
_NEGATOR = r"(?:not|never|no|refrain\w*\s+from|abstain\w*\s+from|avoid\w*|nor)"
_ADVERSARY = (
    rf"(?:aggressors?|attackers?|enem(?:y|ies)|adversar(?:y|ies)|(?:the\s+)?attacking\s+(?:state|power|party|country)|"
    rf"(?:this|such|that|said)\s+third\s+(?:state|power|party|country|group)s?\b|"
    rf"(?:any\s+)?(?:third\s+)?(?:state|party|power|countr(?:y|ies))s?\s+(?:which|that|who)\s+{_W}{{0,3}}?"
    rf"(?:attack|commit|wage|is\s+engaged|are\s+engaged|at\s+war|is\s+in\s+conflict))"
)

# --- clause patterns ------------------------------------------------------------------

DEFENSE_TRIGGER = re.compile(
    rf"{_ATTACK}\s+{_W}{{0,6}}?(?:against|on|upon)\s+{_W}{{0,5}}?{_PARTY}"
    rf"|{_PARTY}\s+{_W}{{0,6}}?(?:is|are|be|being|becomes?|shall\s+be)\s+(?:\w+\s+)?(?:attacked|invaded|"
    rf"(?:the\s+)?(?:object|victim|subject(?:ed)?)\s+(?:of|to)\s+(?:an?\s+)?{_ATTACK})"
    rf"|(?:in|on)\s+(?:the\s+)?event\s+of\s+(?:an?\s+)?{_ATTACK}|(?:party|parties|state)\s+so\s+attacked"
    rf"|(?:faces?|facing|suffers?)\s+{_W}{{0,2}}?(?:aggression|attack)"
    rf"|\b(?:be|been|is|are|being|was|were)\s+(?:\w+\s+)?(?:attacked|invaded)\b|\bpart(?:y|ies)\s+attacked\b"
    rf"|{_ATTACK}\s+(?:by|from)\s+(?:an?\s+|any\s+)?{_W}{{0,3}}?(?:states?|powers?|countr(?:y|ies)|third)",
    _I,
)
DEFENSE_PROMISE = re.compile(rf"\b{_ASSIST}", _I)
OFFENSE = re.compile(
    rf"(?:join|enter|participate|take\s+part|engage)\s+(?:in\s+)?{_W}{{0,3}}?(?:the\s+)?(?:war|hostilities|military\s+"
    rf"(?:action|operations?))\s+(?:on\s+the\s+side\s+of|against|together)"
    rf"|declare\s+war\s+(?:on|upon|against)",
    _I,
)
WAR_TRIGGER = re.compile(
    rf"{_PARTY}\s+{_W}{{0,4}}?(?:is|are|be|becomes?|shall\s+be|find\s+(?:itself|themselves))\s+"
    rf"(?:\w+\s+)?(?:engaged|involved|at)\s+(?:in\s+)?(?:an?\s+)?{_WAR}",
    _I,
)
NEUTRALITY = re.compile(
    rf"\b{_NEGATOR}\s+{_W}{{0,4}}?(?:to\s+)?(?:render|give|provide|grant|extend|lend|furnish|aid|aiding|"
    rf"assist|assisting|support|supporting|help|helping)\w*\s+{_W}{{0,8}}?(?:to\s+|of\s+)?(?:the\s+|any\s+|an?\s+)?"
    rf"{_ADVERSARY}"
    ,
    _I,
)
REMAIN_NEUTRAL = re.compile(rf"\b(?:remain|observe|maintain|preserve|keep)\s+{_W}{{0,2}}?neutral(?:ity)?\b", _I)
#: "remain neutral" is a neutrality promise only about a war ("neutral in regard to competitiveness" is not).
WAR_CONTEXT = re.compile(r"\b(?:war|conflict|hostilities|belligeren\w*|aggress\w*|attack\w*)\b", _I)
NEUTRALITY_WEAK = re.compile(
    rf"\b(?:not|never)\s+(?:to\s+)?(?:allow|permit|let)\s+{_W}{{0,5}}?territor(?:y|ies)\s+{_W}{{0,8}}?"
    rf"(?:aggression|attack|armed\s+force|hostile\s+acts?|military\s+action)\s+{_W}{{0,4}}?against"
    rf"|\b(?:not|never)\s+(?:to\s+)?(?:join|participate\s+in|take\s+part\s+in|enter\s+into|conclude)\s+{_W}{{0,4}}?"
    rf"(?:alliances?|blocs?|coalitions?|military\s+(?:alliances?|blocs?))\s+{_W}{{0,4}}?directed\s+against",
    _I,
)
NONAGGRESSION = re.compile(
    rf"\b(?:refrain\w*|abstain\w*|desist\w*)\s+{_W}{{0,8}}?from\s+{_W}{{0,8}}?(?:(?:the\s+)?threat\s+or\s+(?:the\s+)?use\s+"
    rf"of\s+force|use\s+(?:or\s+threat\s+)?of\s+(?:armed\s+)?force|aggress\w*|attack\w*|acts?\s+of\s+violence|war)\b"
    rf"|\b(?:not|never)\s+(?:to\s+)?(?:attack|invade|resort\s+to\s+(?:war|force|the\s+use\s+of\s+force|arms)|"
    rf"use\s+(?:armed\s+)?force|commit\s+(?:any\s+)?(?:act\s+of\s+)?aggression)\b"
    rf"|\brenounce\w*\s+{_W}{{0,3}}?(?:war|the\s+(?:threat\s+or\s+)?use\s+of\s+force)",
    _I,
)
#: The scope of a no-force pledge: among the parties, or "in their international relations".
NONAGG_SCOPE = re.compile(
    r"international\s+relations|(?:against|on|upon|towards?)\s+(?:each\s+other|one\s+another|the\s+other\b|"
    r"any\s+(?:other\s+)?party)"
    r"|between\s+(?:them|the\s+parties)|(?:their|mutual)\s+relations",
    _I,
)
CONSULT = re.compile(
    r"\b(?:consult\w*|confer\b|exchange\s+(?:of\s+)?views|contact\s+(?:with\s+)?(?:each\s+other|one\s+another)|"
    r"negotiat\w*|coordinate\s+their\s+(?:positions|stances|actions))",
    _I,
)
CRISIS = re.compile(
    r"\b(?:threat\w*|danger\w*|endanger\w*|jeopardi\w*|menace\w*|aggression|attack\w*|crisis|crises|"
    r"breach\s+of\s+the\s+peace|emergenc\w*)",
    _I,
)
SECURITY_CONTEXT = re.compile(
    r"\b(?:(?<!social\s)(?<!food\s)security|peace|territorial\s+integrity|political\s+independence|sovereignty|military|armed|war|"
    r"aggression|attack\w*|defen[cs]e)\b",
    _I,
)
#: Consultation *on* defence or security matters (the coordination ATOP asks for), not merely near them.
CONSULT_ON_SECURITY = re.compile(
    rf"consult\w*\s+{_W}{{0,4}}?(?:in|on|about|regarding|concerning|over)\s+{_W}{{0,4}}?(?:defen[cs]e|security|"
    rf"military)\s+{_W}{{0,3}}?(?:matters|questions|issues|threats|problems|policy|policies)",
    _I,
)
DEFENSE_EXCLUDED_TOPIC = re.compile(
    r"(?:military\s+alliance|mutual\s+(?:military\s+)?(?:defen[cs]e|assistance)|collective\s+defen[cs]e|"
    r"defen[cs]e\s+(?:commitments?|obligations?|pact|clause)|security\s+guarantees?|military\s+assistance)",
    _I,
)

# --- conditions (ATOP's limits on a promise) ------------------------------------------

_CONDITIONS: list[tuple[str, re.Pattern[str]]] = [
    ("location", re.compile(
        r"\b(?:in|within|on\s+the\s+territory\s+of|in\s+the\s+territory\s+of)\s+(?:the\s+)?"
        r"(?:[A-Z][\w-]+\s+(?:(?:or|and|of|the)\s+)?){0,4}(?:[Aa]rea|[Rr]egion|[Zz]one|Europe|America|Asia|Africa)\b")),
    ("non-provocation", re.compile(r"\bunprovoked\b|\bwithout\s+(?:\w+\s+){0,2}provocation\b|\bnot\s+provoked\b", _I)),
    ("request", re.compile(r"\b(?:at|upon|on)\s+(?:the\s+)?(?:its\s+)?request\s+of\b|\bif\s+(?:so\s+)?requested\b|"
                           r"\bupon\s+request\b|\bat\s+the\s+request\b", _I)),
    ("conflict", re.compile(r"\b(?:the\s+present\s+(?:war|hostilities|conflict)|the\s+war\s+(?:against|with)\s+"
                            r"[A-Z]\w+)", _I)),
    ("adversary", re.compile(r"\b(?:attack\w*|aggression|war)\s+(?:by|from|with)\s+(?-i:(?:[A-Z][\w-]+\s?){1,3})", _I)),
]


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


def _negated_before(text: str, start: int) -> bool:
    """A negator in the few words before ``start`` ("shall not render", "refrain from supporting")."""
    window = text[max(0, start - 40) : start]
    return re.search(rf"\b{_NEGATOR}\s+(?:\w+\s+){{0,3}}$", window, _I) is not None


def _assist_to_adversary(text: str, end: int) -> bool:
    return re.match(rf"\s+{_W}{{0,6}}?(?:to\s+|of\s+)?(?:the\s+|any\s+|an?\s+)?{_ADVERSARY}", text[end:], _I) is not None


#: Literals every defense trigger (and "attack on all") contains; without one the patterns cannot match.
_DEFENSE_NEEDS = ("attack", "aggress", "invad", "invasion")
#: Literals OFFENSE ("join the war", "military operations") or WAR_TRIGGER ("armed conflict") need.
_OFFENSE_NEEDS = ("war", "hostilit", "military", "conflict")


def _defense(text: str, low: str) -> float:
    """Confidence that ``text`` promises defense, 0 when it does not (``low``: :func:`folded` text)."""
    if not any(w in low for w in _DEFENSE_NEEDS):
        return 0.0
    if _ATTACK_ON_ALL.search(text):
        return 0.95
    trigger = DEFENSE_TRIGGER.search(text)
    if not trigger:
        return 0.0
    for m in DEFENSE_PROMISE.finditer(text):
        if _negated_before(text, m.start()) or _assist_to_adversary(text, m.end()):
            continue
        if m.start() >= trigger.start() - 200:
            return 0.85
    return 0.0


def _offense(text: str, low: str) -> float:
    if not any(w in low for w in _OFFENSE_NEEDS):
        return 0.0
    if m := OFFENSE.search(text):
        return 0.0 if _negated_before(text, m.start()) else 0.8
    if WAR_TRIGGER.search(text) and any(
        not _negated_before(text, m.start()) and not _assist_to_adversary(text, m.end())
        for m in DEFENSE_PROMISE.finditer(text)
    ):
        return 0.7
    return 0.0


def _neutrality(text: str, low: str) -> float:
    if NEUTRALITY.search(text) or (REMAIN_NEUTRAL.search(text) and WAR_CONTEXT.search(text)):
        return 0.9
    return 0.6 if NEUTRALITY_WEAK.search(text) else 0.0


def _nonaggression(text: str, low: str) -> float:
    """A no-force pledge counts only with its scope among the parties: "refrain from aggression"
    against third states, or a general peace formula, is not a promise between partners."""
    return 0.9 if NONAGGRESSION.search(text) and NONAGG_SCOPE.search(text) else 0.0


def _consultation(text: str, low: str) -> float:
    if not CONSULT.search(text):
        return 0.0
    if CONSULT_ON_SECURITY.search(text):
        return 0.8
    crisis = CRISIS.search(text)
    if crisis and SECURITY_CONTEXT.search(text):
        return 0.85
    return 0.0


#: Every detector needs one of these words; most clauses of most agreements have none.
_GATE = re.compile(
    r"attack|aggress|invade|invasion|\bwar\b|hostilit|neutral|force|consult|negotiat|contact|confer|views|"
    r"territor|allianc|bloc|coalition|military|coordinat|belligeren|assist|support|\baid|enem|adversar",
    _I,
)
#: The gate's words that need no word boundary: one of them in the folded text is a gate match.
_GATE_PLAIN = ("attack", "aggress", "invade", "invasion", "hostilit", "neutral", "force", "consult", "negotiat",
               "contact", "confer", "views", "territor", "allianc", "bloc", "coalition", "military", "coordinat",
               "belligeren", "assist", "support", "enem", "adversar")


def _gated(text: str, low: str) -> bool:
    """``_GATE.search(text)``, mostly without the regex scan: plain words are looked up in the
    folded text, and the regex runs only when "war" or "aid" occurs (they need word boundaries)."""
    if any(w in low for w in _GATE_PLAIN):
        return True
    return ("war" in low or "aid" in low) and _GATE.search(text) is not None


_DETECTORS = {
    "defense": _defense,
    "offense": _offense,
    "neutrality": _neutrality,
    "nonaggression": _nonaggression,
    "consultation": _consultation,
}


def _conditions(doc: Doc, span: Span) -> list[Condition]:
    text = doc.text[span.start : span.end]
    out = []
    for kind, rx in _CONDITIONS:
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


_BROKEN_WORD = re.compile(r"(?<=[a-z])-(?:[ \t]+\n?|\n)[ \t]*(?=[a-z])")


def _dehyphenate(text: str) -> str:
    """Words split at an OCR line end ("aggres- sion", "at-\ntack") joined for matching only;
    evidence keeps the text as written."""
    return _BROKEN_WORD.sub("", text) if "- " in text or "-\n" in text else text


def clause_hits(doc: Doc, unit: Unit) -> list[Hit]:
    """Obligations the unit promises or excludes, one hit per type at most."""
    hits: dict[str, Hit] = {}
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
                hits["defense"] = Hit("defense", False, span, 0.8, unit.article)
            continue
        low = folded(text)
        if not _gated(text, low):
            continue
        for kind, detect in _DETECTORS.items():
            conf = detect(text, low)
            if conf <= 0:
                continue
            if level == "soft":
                conf *= 0.7  # "plan to", "seek to": a weaker reading of the same promise
            old = hits.get(kind)
            if old is None or not old.present or conf > old.confidence:
                hits[kind] = Hit(kind, True, span, round(conf, 2), unit.article, _conditions(doc, span))
            if kind == "offense" and WAR_TRIGGER.search(text) and "defense" not in hits:
                hits["defense"] = Hit("defense", True, span, round(conf, 2), unit.article, _conditions(doc, span))
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
    return Obligation(
        agreement=agreement,
        type=kind,
        present=present,
        articles=articles,
        conditions=_dedupe(conditions),
        confidence=max(h.confidence for h in chosen),
        evidence=evidence,
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


def _agreement_obligations(doc: Doc, agreement: str, units: list[Unit]) -> list[Obligation]:
    role = units[0].role
    by_type: dict[str, list[Hit]] = {}
    for unit in units:
        for hit in clause_hits(doc, unit):
            by_type.setdefault(hit.type, []).append(hit)
    out = []
    for kind in OBLIGATION_TYPES:
        if kind in by_type:
            out.append(_merge(agreement, kind, by_type[kind], doc))
        elif role == "primary":
            out.append(Obligation(agreement=agreement, type=kind, present=False,
                                  confidence=_absent_confidence(units), evidence=[]))
    return out
