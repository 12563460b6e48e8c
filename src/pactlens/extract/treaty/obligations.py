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
    rf"met\s+with\s+{_W}{{0,3}}?(?:collective|joint|military)\s+(?:action|response)|defend)"
)
#: Whom an equivalence extends the attack to: all the members, the others, the whole community.
_ALL_OF_US = (
    r"(?:them\s+all|all\s+of\s+them|all\b|each\s+of\s+(?:them|the\s+other)|every\b|the\s+others?\b|"
    r"other\s+(?:member|part|contracting|american|signator|high)\w*|the\s+entire|the\s+whole|itself|"
    r"themselves|both|any\s+(?:other|one)\s+of\s+them)"
)
#: "an armed attack against one ... shall be considered an attack against them all", in any wording:
#: the verb of equivalence, then an attack or aggression directed against all the members.
_ATTACK_ON_ALL = re.compile(
    rf"(?:consider\w*|regard\w*|deem\w*|treat\w*|view\w*|constitut\w*)\s+{_W}{{0,16}}?"
    rf"(?:attack|aggression|threat\s+or\s+aggression)\s+(?:\w+\s+){{0,3}}?(?:directed\s+)?(?:against|on|upon)\s+"
    rf"(?:the\s+)?{_ALL_OF_US}",
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
    rf"|{_ATTACK}\s+(?:by|from)\s+(?:an?\s+|any\s+)?{_W}{{0,3}}?(?:states?|powers?|countr(?:y|ies)|third)"
    rf"|(?:party|parties|state|states|power)\s+against\s+(?:whom|which)\s+{_W}{{0,8}}?(?:aggression|attack|"
    rf"violation|breach)",
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
REMAIN_NEUTRAL = re.compile(rf"\b(?:remain|observe|maintain|preserve|keep)\s+{_W}{{0,5}}?neutral(?:ity)?\b", _I)
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
    rf"|\b(?:not|never|in\s+no\s+(?:case|circumstances?)|under\s+no\s+circumstances?)\s+(?:to\s+)?"
    rf"(?:attack|invade|resort\s+to\s+(?:war|(?:armed\s+)?force|the\s+(?:threat\s+or\s+(?:the\s+)?)?use\s+of\s+"
    rf"(?:armed\s+)?force|arms)|"
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
    rf"consult\w*\s+{_W}{{0,4}}?(?:in|on|about|regarding|concerning|over|with\s+regard\s+to|with\s+respect\s+to|"
    rf"in\s+regard\s+to)\s+{_W}{{0,4}}?(?:defen[cs]e|security|military)\s+{_W}{{0,3}}?(?:matters|questions|issues|"
    rf"threats|problems|policy|policies|planning)",
    _I,
)
DEFENSE_EXCLUDED_TOPIC = re.compile(
    r"(?:military\s+alliance|mutual\s+(?:military\s+)?(?:defen[cs]e|assistance)|collective\s+defen[cs]e|"
    r"defen[cs]e\s+(?:commitments?|obligations?|pact|clause)|security\s+guarantees?|military\s+assistance)",
    _I,
)

#: A pledge to use one's military means against an enemy in a war under way ("employ its full
#: resources, military or economic, against those ... with which such government is at war").
DEFENSE_WAR = re.compile(
    rf"\b(?:employ|use|devote|direct|place|put|commit|afford|render|give|provide|lend|mobili[sz]e)\w*\s+{_W}{{0,10}}?"
    rf"(?:resources|forces|means|assistance|support|aid)\b[^.;]{{0,160}}?"
    rf"(?:against\s+{_W}{{0,16}}?(?:(?:is|are)\s+at\s+war|enem(?:y|ies))|in\s+the\s+(?:present\s+|common\s+)?"
    rf"(?:war|struggle|fight)\s+(?:against|with))",
    _I,
)
#: A common organ charged with the members' defence: "a Joint Defence Council shall be formed",
#: "establish a Joint Command of the armed forces". Defence *co-operation* bodies are not this.
_ORGAN = r"(?:council|command|committee|commission|organ|staff|headquarters|board|body|authority)\b"
DEFENSE_ORGAN = re.compile(
    rf"\b{_ORGAN}\s+(?:\w+\s+){{0,3}}?(?:responsible|charged|entrusted|competent)\s+(?:for|with)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:collective|common|joint|mutual)\s+defen[cs]e"
    rf"|\b(?:joint|collective|common|unified|combined)\s+(?:defen[cs]e\s+{_ORGAN}|(?:military\s+)?{_ORGAN}"
    r"(?:\s+of\s+the\s+armed\s+forces|(?=[^.;]{0,200}?(?:defen[cs]e(?!\s+(?:co-?operation|industr\w*|research|"
    r"procurement|technolog\w*))|armed\s+forces))))",
    _I,
)
DEFENSE_ORGAN_SET_UP = re.compile(r"\b(?:establish|set\s+up|creat|form|constitut|institut)\w*\b", _I)
#: Not letting one's territory serve hostile acts against the partner: a non-aggression promise.
NONAGG_TERRITORY = re.compile(
    rf"\b(?:(?:not|never)\s+(?:to\s+)?(?:allow|permit|tolerate|let)|prevent|prohibit|forbid|suppress)\w*\s+"
    rf"{_W}{{0,14}}?(?:territor(?:y|ies)|soil)\b[^.;]{{0,200}}?"
    rf"(?:hostil\w*|aggress\w*|attack\w*|subversi\w*|armed\s+bands|injur\w*|detriment|military\s+action)"
    rf"[^.;]{{0,120}}?(?:the\s+other|each\s+other|one\s+another|either|against\s+(?-i:[A-Z]\w+)\s+or\s+(?-i:[A-Z]))",
    _I,
)
#: OCR-proof no-force pledge: read over letters only, with the usual misread letters (e/c, o/0, l/1/i).
_E, _O, _L = "[ec]", "[o0]", "[li1]"
NONAGG_LETTERS = re.compile(
    rf"(?:r{_E}fra{_L}n|abstain|d{_E}s{_L}st)\w{{0,80}}?fr{_O}m\w{{0,60}}?"
    rf"(?:thr{_E}at{_O}ru?s{_E}{_O}ff{_O}rc{_E}|u?s{_E}{_O}ff{_O}rc{_E}|us{_E}{_O}rthr{_E}at{_O}ff{_O}rc{_E})"
    rf"|n{_O}tt{_O}(?:r{_E}s{_O}rtt{_O}|us{_E})(?:arm{_E}d)?f{_O}rc{_E}"
)
NONAGG_SCOPE_LETTERS = re.compile(
    r"internati[o0]na[l1i]r[ec][l1i]ati[o0]ns|[ec]ach[o0]th[ec]r|[o0]n[ec]an[o0]th[ec]r|th[ec][o0]th[ec]r|mutua[l1i]r[ec][l1i]ati[o0]ns")
NONAGG_UNIVERSAL_LETTERS = re.compile(r"[o0]fany(?:[o0]th[ec]r)?stat[ec]|aga[il1]nstany(?:[o0]th[ec]r)?stat[ec]")
#: Standing consultation on foreign and security policy in general (regional organisations with a
#: common foreign policy), not on "questions of mutual interest".
FOREIGN_POLICY_TOPIC = re.compile(
    r"\b(?:foreign\s+and\s+security\s+polic(?:y|ies)|security\s+(?:and\s+defen[cs]e\s+)?polic(?:y|ies)|"
    r"defen[cs]e\s+polic(?:y|ies)|(?:international|regional|collective|universal)\s+security|"
    r"questions\s+of\s+(?:war\s+and\s+)?peace|(?:questions|matters|issues|problems)\s+of\s+(?:their\s+)?"
    r"(?:common\s+|mutual\s+|regional\s+|international\s+|collective\s+|military\s+)?(?:security|defen[cs]e)"
    r"(?!\s+(?:of\s+)?(?:supply|food|energy|social|information|data|co-?operation)))\b"
    r"|\binternational\s+(?:political\s+)?(?:issues|questions|problems|situation|affairs)\b(?=[^.;]{0,200}?"
    r"\bsecurity\b)",
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

#: What a detector found: confidence, the rule's name, where the promised action starts.
Found = tuple[float, str, int]
_NONE: Found = (0.0, "", 0)


def _defense(text: str, low: str) -> Found:
    """Confidence that ``text`` promises defense, 0 when it does not (``low``: :func:`folded` text)."""
    if any(w in low for w in _DEFENSE_NEEDS):
        if m := _ATTACK_ON_ALL.search(text):
            return 0.95, "attack on one is an attack on all", m.start()
        if trigger := DEFENSE_TRIGGER.search(text):
            for m in DEFENSE_PROMISE.finditer(text):
                if _negated_before(text, m.start()) or _assist_to_adversary(text, m.end()):
                    continue
                if m.start() >= trigger.start() - 200:
                    return 0.85, "assistance if a party is attacked", m.start()
    if ("war" in low or "enem" in low) and (m := DEFENSE_WAR.search(text)):
        return 0.8, "military means against the enemy in a war under way", m.start()
    if "defen" in low or "armed forces" in low:
        for m in DEFENSE_ORGAN.finditer(text):
            if DEFENSE_ORGAN_SET_UP.search(text):
                return 0.7, "a common organ of the members' defence", m.start()
    return _NONE


def _offense(text: str, low: str) -> Found:
    if not any(w in low for w in _OFFENSE_NEEDS):
        return _NONE
    if m := OFFENSE.search(text):
        return _NONE if _negated_before(text, m.start()) else (0.8, "joining military action", m.start())
    if WAR_TRIGGER.search(text):
        for m in DEFENSE_PROMISE.finditer(text):
            if not _negated_before(text, m.start()) and not _assist_to_adversary(text, m.end()):
                return 0.7, "support in any war a party is engaged in", m.start()
    return _NONE


def _neutrality(text: str, low: str) -> Found:
    if m := NEUTRALITY.search(text):
        return 0.9, "no support to the adversary", m.start()
    if (m := REMAIN_NEUTRAL.search(text)) and WAR_CONTEXT.search(text):
        return 0.9, "neutrality in a partner's war", m.start()
    if m := NEUTRALITY_WEAK.search(text):
        return 0.6, "no territory or alliance against the partner", m.start()
    return _NONE


_LETTERS_ONLY = re.compile(r"[^a-z0-9]+")


def _nonaggression(text: str, low: str) -> Found:
    """A no-force pledge counts only with its scope among the parties: "refrain from aggression"
    against third states, or a general peace formula, is not a promise between partners. OCR-damaged
    wording ("use offorce", "thre at", "forcc") is read again over its letters alone."""
    if (m := NONAGGRESSION.search(text)) and NONAGG_SCOPE.search(text):
        return 0.9, "no force against the partner", m.start()
    if m := NONAGG_TERRITORY.search(text):
        return 0.75, "no hostile acts against the partner from one's territory", m.start()
    if "force" in low or "forc" in low or "f0rce" in low:
        letters = _LETTERS_ONLY.sub("", low)
        if NONAGG_LETTERS.search(letters) and NONAGG_SCOPE_LETTERS.search(letters) \
                and not NONAGG_UNIVERSAL_LETTERS.search(letters):
            return 0.75, "no force against the partner (damaged wording)", 0
    return _NONE


def _consultation(text: str, low: str) -> Found:
    m = CONSULT.search(text)
    if not m:
        return _NONE
    if CONSULT_ON_SECURITY.search(text):
        return 0.8, "consultation on defence or security", m.start()
    topic = FOREIGN_POLICY_TOPIC.search(text)
    if topic and abs(topic.start() - m.start()) <= 250:
        return 0.8, "consultation on foreign and security policy", m.start()
    if CRISIS.search(text) and SECURITY_CONTEXT.search(text):
        return 0.85, "consultation when security is threatened", m.start()
    return _NONE


#: Every detector needs one of these words; most clauses of most agreements have none.
_GATE = re.compile(
    r"attack|aggress|invade|invasion|\bwar\b|hostilit|neutral|force|consult|negotiat|contact|confer|views|"
    r"territor|allianc|bloc|coalition|military|coordinat|belligeren|assist|support|\baid|enem|adversar|defen",
    _I,
)
#: The gate's words that need no word boundary: one of them in the folded text is a gate match.
_GATE_PLAIN = ("attack", "aggress", "invade", "invasion", "hostilit", "neutral", "force", "consult", "negotiat",
               "contact", "confer", "views", "territor", "allianc", "bloc", "coalition", "military", "coordinat",
               "belligeren", "assist", "support", "enem", "adversar", "defen", "forc")


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

#: The words a clause of each type cannot do without: the embedding signal may only propose a type
#: whose anchor the clause carries (a customs clause near "mutual assistance" is never defence).
_ANCHORS = {
    "defense": re.compile(r"\b(?:attack\w*|aggress\w*|invasion|invaded|war|hostilities|enem\w+)\b", _I),
    "offense": re.compile(r"\b(?:war|warlike|hostilities|military\s+action)\b", _I),
    "neutrality": re.compile(r"\bneutral\w*|\b(?:not|no)\b[^.;]{0,60}\b(?:support|assist\w*|aid|help)\b", _I),
    "nonaggression": re.compile(r"\b(?:force|attack\w*|aggress\w*|hostil\w*|violence|war)\b", _I),
    "consultation": re.compile(r"\b(?:consult\w*|confer|convene\w*|exchange\s+views)\b", _I),
}
#: Defence is a promise to act: the embedding signal needs the action as well as the attack.
_DEFENSE_ACTION = re.compile(r"\b(?:assist\w*|aid|help|support|defen[cs]e|defend|act|action|means|forces|resources|"
                             r"considered|regarded|deemed|constitute)\b", _I)
#: Consultation is coded for what it is about: the embedding signal needs a security subject too.
_CONSULT_SUBJECT = re.compile(rf"{CRISIS.pattern}|{SECURITY_CONTEXT.pattern}|{FOREIGN_POLICY_TOPIC.pattern}", _I)
#: A type the frame may veto, and why: not a promise, or nobody / an organ is bound by it.
_BOUND_BY_MEMBERS = {"defense", "offense", "nonaggression", "neutrality"}


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
        if _gated(text, folded(text)):
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
              and any(rx.search(c.text) for rx in _ANCHORS.values())]
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
        for kind, detect in _DETECTORS.items():
            found = detect(clause.text, low) if coding.rules else _NONE
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
