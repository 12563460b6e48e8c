"""Who promises what to whom: the frame of one operative sentence.

An ATOP obligation is a promise, and words that look like one often are not:
"Nothing in the present Charter shall impair the inherent right of ...
self-defence" grants a right; "the parties to any dispute shall seek a
solution by negotiation" lays down a procedure; "All Members shall refrain
... from the threat or use of force against ... any state" states a general
principle towards every state, not a pledge between partners; "Japan accepts
the obligations set forth in Article 2 of the Charter" takes on another
instrument's duties. :func:`read` reads the frame that tells these apart:

- ``promiser``: who is bound (the subject of the action's governing verb);
  ``promiser_kind`` says whether that is the parties or members ("The
  Parties", "each of them", "Member States", "the two Governments"), an organ
  ("the Security Council", "the Council"), nobody ("Nothing in ...") or unknown;
- ``action``: the promised action (assist, act, consult, refrain, ...);
  ``negated``: whether the action is negated ("shall in no manner lend",
  "refrain from supporting");
- ``recipient``: towards whom ("to the aggressor", "against each other",
  "against ... any state");
- ``trigger``: on what ("if an armed attack occurs", "in the event of ...");
- ``kind``: ``promise``, or the reason it is not one: ``right``,
  ``procedure``, ``principle``, ``mention``.

A sentence longer than :data:`PARSE_WORDS` words is read from spaCy's
dependency parse (subjects and negation are far from the verb there, across
parentheticals such as "in exercise of the right of individual or collective
self-defence recognised by Article 51"); a shorter one, and every sentence
when spaCy is not installed, from its surface order. Only sentences where a
signal already proposed an obligation are read, so the parser runs on a
handful of sentences per treaty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pactlens.resources.lexicon import alternation
from pactlens.regexes import lazy_re

_I = re.IGNORECASE
#: Sentences longer than this (in words) are read from the dependency parse.
PARSE_WORDS = 40

Kind = Literal["promise", "right", "procedure", "principle", "mention"]
PromiserKind = Literal["parties", "organ", "nobody", "unknown"]

_PARTY_WORDS = lazy_re(
    r"\b(?:part(?:y|ies)|member(?:\s+state)?s?|states?|governments?|powers?|signator(?:y|ies)|allies|ally|"
    r"countr(?:y|ies)|sides?|nations?|each|either|both|they|them|it|we|one|other|all)\b",
    _I,
)
_ORGAN_WORDS = lazy_re(rf"\b(?:{alternation('organ_words')})\b", _I)
_NOBODY = lazy_re(r"^\W*(?:nothing|no\s+provision|none)\b", _I)

#: A savings clause or a right: "Nothing in ... shall impair the inherent right of ... self-defence".
RIGHT = lazy_re(
    r"^\W*(?:nothing|no\s+provision)\b[^.;]{0,120}?\b(?:shall|will|may)\s+(?:\w+\s+){0,2}?"
    r"(?:impair|affect|prejudice|derogate|limit|restrict|preclude)\w*"
    r"|\b(?:recogni[sz]\w*|reaffirm\w*|retain\w*|reserv\w*|ha(?:ve|s))\s+(?:\w+\s+){0,3}?(?:inherent\s+)?rights?\s+of\s+"
    r"(?:individual\s+(?:and|or)\s+collective\s+|collective\s+|individual\s+)?self[\s-]*defen[cs]e",
    _I,
)
#: Dispute settlement: what is consulted or negotiated about is a dispute or a violation to be settled peacefully.
PROCEDURE = lazy_re(
    r"\b(?:seek\s+a\s+solution|settle\w*|settlement|resol(?:ve|ving|ution))\s+(?:\w+\s+){0,8}?"
    r"(?:disputes?|differences|controvers\w+|violations?)\b"
    r"|\bseek\w*\s+a\s+(?:solution|settlement)\s+by\b"
    r"|\b(?:disputes?|differences|controvers\w+|violations?)\b[^.;]{0,240}?\b(?:(?:through|by)\s+peaceful\s+means|"
    r"peaceful\s+(?:procedures|settlement)|arbitration|conciliation|mediation|judicial\s+settlement)",
    _I,
)
#: Another instrument's obligations taken on or recalled: a mention, not this treaty's own promise.
MENTION = lazy_re(
    r"\b(?:accept|assume|reaffirm|recall|confirm)\w*\s+(?:\w+\s+){0,3}?obligations?\s+"
    r"(?:set\s+forth|contained|laid\s+down|under|of|arising|assumed)\b",
    _I,
)
#: A no-force pledge towards every state rather than the partner ("against ... any state").
UNIVERSAL_TARGET = lazy_re(
    r"\bagainst\s+(?:the\s+(?:territorial\s+integrity|sovereignty)\s+[^.;]{0,60}?\s+of\s+)?"
    r"(?:any|every|all)\s+(?:other\s+)?(?:states?|countr(?:y|ies)|nations?)\b"
    r"|\bof\s+any\s+(?:other\s+)?(?:state|country|nation)\b",
    _I,
)
#: The partner as the object of a promise: if named, a no-force pledge is between the parties after all.
PARTNER_TARGET = lazy_re(
    r"\b(?:each\s+other|one\s+another|the\s+other\s+(?:high\s+)?(?:contracting\s+)?(?:part(?:y|ies)|states?|sides?)|"
    r"the\s+other\b|either\s+(?:high\s+)?(?:contracting\s+)?part(?:y|ies)|any\s+(?:of\s+the\s+)?(?:other\s+)?part(?:y|ies)|"
    r"any\s+member\s+state|mutual(?:ly)?)\b",
    _I,
)
_TRIGGER = lazy_re(
    r"\b(?:if|whenever|should|in\s+(?:the\s+)?(?:event|case)\s+(?:of|that)|in\s+case)\b[^;:]{5,200}?(?=,|;|$)", _I)
_NEG = lazy_re(r"\b(?:not|never|no|nor|refrain\w*\s+from|abstain\w*\s+from|desist\w*\s+from)\b", _I)


@dataclass(frozen=True)
class Frame:
    kind: Kind
    promiser: str | None
    promiser_kind: PromiserKind
    action: str | None
    negated: bool
    recipient: str | None
    trigger: str | None
    via: Literal["parse", "pattern"]

    def explain(self) -> str:
        bits = [f"{self.kind}", f"by {self.promiser or '?'} ({self.promiser_kind})"]
        if self.action:
            bits.append(("not " if self.negated else "") + self.action)
        if self.recipient:
            bits.append(f"towards {self.recipient}")
        if self.trigger:
            bits.append(f"on '{self.trigger[:60]}'")
        return ", ".join(bits) + f" [{self.via}]"


def _promiser_kind(subject: str | None) -> PromiserKind:
    if not subject:
        return "unknown"
    if _NOBODY.match(subject):
        return "nobody"
    organ, party = _ORGAN_WORDS.search(subject), _PARTY_WORDS.search(subject)
    if organ and not (party and party.start() < organ.start()):
        return "organ"
    return "parties" if party else "unknown"


def _kind(text: str, obligation: str, promiser_kind: PromiserKind) -> Kind:
    """What the sentence is, for one obligation type: a right, a procedure, a principle or a promise."""
    if promiser_kind == "nobody" or RIGHT.search(text) and obligation in ("defense", "offense"):
        return "right"
    if MENTION.search(text):
        return "mention"
    if obligation == "consultation" and PROCEDURE.search(text):
        return "procedure"
    if obligation == "nonaggression" and UNIVERSAL_TARGET.search(text) and not PARTNER_TARGET.search(text):
        return "principle"
    return "promise"


def _surface(text: str, at: int) -> tuple[str | None, bool, str | None]:
    """Subject, negation and recipient from surface order: the noun phrase that opens the sentence
    (after an opening condition), the negator just before the action, the phrase after it."""
    head = text[:at]
    clause = re.split(r"[,;]\s+(?=(?:the|each|both|all|either|they|it|member|high|contracting)\b)", head, flags=_I)
    subject_zone = clause[-1] if len(clause) > 1 and _TRIGGER.match(clause[0].strip()) else clause[0]
    m = re.match(r"\W*((?:[\w'’-]+\s+){0,8}?)(?:shall|will|would|must|undertake|agree|pledge|obligate|bind|"
                 r"declare|recogni[sz]e|consider|may|have)\w*\b", subject_zone, _I)
    subject = m.group(1).strip() if m and m.group(1).strip() else None
    negated = re.search(r"\b(?:not|never|no|nor|refrain\w*\s+from|abstain\w*\s+from|desist\w*\s+from|in\s+no\s+"
                        r"(?:manner|case|circumstances?|way))\b(?:\s+\S+){0,4}\s*$", head, _I) is not None
    rec = re.match(r"\S*\s+(?:\S+\s+){0,6}?((?:to|towards|against|on|upon)\s+(?:\S+\s+){0,5}?\S+?)[,.;]", text[at:] + ".")
    return subject, negated, rec.group(1) if rec else None


@lru_cache(maxsize=2048)
def _parsed(text: str) -> tuple[tuple[int, int, str, str, str, int], ...] | None:
    """(start, end, dep, Penn tag, lower, head index) per token, or None without spaCy."""
    from pactlens.resources import nlp

    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return None
    return tuple((t.idx, t.idx + len(t.text), t.dep_, t.tag_, t.lower_, t.head.i) for t in doc)


_SUBJ = ("nsubj", "nsubjpass", "csubj")
_MODIFIER = ("aux", "auxpass", "neg", "advmod", "prt", "det", "amod", "compound", "mark")
_INHERIT = ("xcomp", "conj", "ccomp", "advcl", "acl", "relcl", "pcomp", "prep", "pobj", "dobj", "attr", "oprd")


def _from_parse(text: str, at: int, toks: tuple[tuple[int, int, str, str, str, int], ...]):
    """Subject, negation and the subject's head word for the action at character ``at``: climb from
    its token through the verbs that govern it until one has a subject; a ``neg`` child on the way
    negates it. The head word decides who is bound ("Measures taken by Members ..." binds no member)."""
    idx = next((i for i, t in enumerate(toks) if t[0] <= at < t[1] or t[0] >= at), None)
    if idx is None:
        return None, False, None
    children: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        if t[5] != i:
            children.setdefault(t[5], []).append(i)
    negated, i, seen = False, idx, set()
    while toks[i][2] in _MODIFIER and toks[i][5] != i:  # "will" of "will assist": start from the verb
        i = toks[i][5]
    while i not in seen:
        seen.add(i)
        kids = children.get(i, [])
        if any(toks[k][2] == "neg" for k in kids):
            negated = True
        subj = next((k for k in kids if toks[k][2] in _SUBJ), None)
        if subj is not None and (toks[i][3].startswith("VB") or toks[i][3] == "MD"):
            start, end = _span(subj, children, toks)
            return text[start:end], negated, text[toks[subj][0]:toks[subj][1]]
        if toks[i][5] == i or toks[i][2] not in _INHERIT:
            break
        i = toks[i][5]
    return None, negated, None


def _span(i: int, children: dict[int, list[int]], toks) -> tuple[int, int]:
    stack, lo, hi = [i], toks[i][0], toks[i][1]
    while stack:
        j = stack.pop()
        lo, hi = min(lo, toks[j][0]), max(hi, toks[j][1])
        stack.extend(children.get(j, []))
    return lo, hi


def read(text: str, obligation: str, action_at: int = 0, action: str | None = None) -> Frame:
    """The frame of ``text`` for one obligation type, ``action_at`` being where the promised action
    (the word a signal matched) starts."""
    subject, negated, recipient = _surface(text, action_at)
    head = subject
    via: Literal["parse", "pattern"] = "pattern"
    if len(text.split()) > PARSE_WORDS and (toks := _parsed(text)) is not None:
        p_subject, p_negated, p_head = _from_parse(text, action_at, toks)
        via = "parse"
        if p_subject:
            subject, head = p_subject, p_head
        negated = negated or p_negated
    trigger = _TRIGGER.search(text)
    pk = _promiser_kind(head)
    return Frame(_kind(text, obligation, pk), subject, pk, action, negated, recipient,
                 trigger.group(0) if trigger else None, via)
