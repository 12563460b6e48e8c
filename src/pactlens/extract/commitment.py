"""How strongly a sentence commits its parties: binding, soft, excluded, or not at all.

Shared by provisions (strength) and obligations (a promise needs a commitment
verb). The cues are modal and commitment verb phrases read with their
negation scope:

- ``excluded``: the text rules a commitment out ("does not establish a
  formal military alliance", "shall not be construed as", "stops short of").
- ``soft``: a commitment to try rather than to do ("strive", "endeavour",
  "may", "encourage", "seek to", "promote", "facilitate", "consider"); a
  binding modal followed closely by a soft verb stays soft ("shall endeavour",
  "shall promote").
- ``binding``: "shall", "will", "undertake", "agree to", "are obliged to",
  "commit(s)", "must" — and "shall not" + verb, which is a negative duty
  ("shall not render assistance to the aggressor"), not an exclusion.

Sentences that commit nobody to anything are ``None``: definitions ("shall
mean") and the mechanics of the instrument itself (entry into force,
ratification, deposit, authentic texts, duration, denunciation). Those are
rules about the treaty, not promises the parties make to each other.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pactlens.structure.scan import folded, literal_trie, matches_at, starts_in
from pactlens.regexes import compile as compile_cached, lazy_re

StrengthOrNone = Literal["binding", "soft", "excluded"] | None

_I = re.IGNORECASE

EXCLUDED = lazy_re(
    r"\b(?:does|do|did|will|would|shall|is|are)\s+not\s+(?:\w+ly\s+)?"
    r"(?:establish|create|constitute|provide\s+for|oblige|obligate|entail|imply|amount\s+to|commit|contain|"
    r"include\s+(?:any|a)\s+(?:mutual|military|defen[cs]e))\w*"
    r"|\b(?:shall|will|should|may)\s+not\s+be\s+(?:construed|interpreted|regarded|considered|deemed)\s+as\b"
    r"|\bnothing\s+in\s+th(?:is|e\s+present)\s+\w+\s+shall\s+be\s+(?:construed|interpreted)\b"
    r"|\bstops?\s+short\s+of\b|\bfalls?\s+short\s+of\b"
    r"|\b(?:is|are)\s+not\s+(?:a|an)\s+(?:formal\s+)?(?:military\s+)?(?:alliance|defen[cs]e\s+pact)\b"
    r"|\bwithout\s+(?:establishing|creating)\s+(?:a|an|any)\s+(?:formal\s+)?(?:military\s+)?alliance\b",
    _I,
)
_SOFT_VERBS = (
    r"strive|endeavou?r|encourage|intend|seek|aim|promote|facilitate|consider|explore|foster|try|"
    r"make\s+efforts|make\s+every\s+effort|take\s+(?:the\s+necessary\s+)?measures\s+to\s+promote|"
    r"study|examine|support\s+the\s+development|contribute\s+to\s+the\s+development|work\s+towards?|favour|favor"
)
SOFT = lazy_re(
    rf"\b(?:may(?!\s+\d)|might|could|should)\b(?!\s+not\b)"
    rf"|\b(?:{_SOFT_VERBS})(?:s|es|ed|ing)?\b"
    r"|\b(?:plans?|planned)\s+(?:to|include)\b|\bproposals?\s+to\b|\bemphasi[sz]es\b|\bas\s+far\s+as\s+possible\b"
    r"|\bwhere\s+(?:appropriate|possible)\b|\bbest\s+efforts\b",
    _I,
)
BINDING = lazy_re(
    r"\b(?:shall|will|must)\b(?!\s+be\s+(?:construed|interpreted))"
    r"|\bundertak(?:e|es|ing)\b|\bundertook\b|\bagree(?:s|d)?\s+(?:to|that|not)\b|\bare\s+agreed\b"
    r"|\b(?:is|are)\s+(?:obliged|bound|obligated|required)\s+to\b|\bcommit(?:s|ted)?\b|\bpledge(?:s|d)?\b"
    r"|\bguarantee(?:s|d)?\b|\bhereby\s+(?:establish|create|set\s+up)\b|\bestablishes\b|\bobligat(?:es|ing)\b"
    r"|\brefrains?\s+from\b|\bare\s+to\b|\bbinds?\s+(?:themselves|itself)\b|\bobligates?\s+(?:themselves|itself)\b"
    r"|\bdeclares?\s+that\s+(?:it|they|each)\s+would\b",
    _I,
)
#: A soft verb this close after a binding modal makes the modal soft ("shall endeavour to").
_MODAL_THEN_SOFT = lazy_re(
    rf"\b(?:shall|will|undertake\s+to|agree\s+to)\s+(?:(?!be\b)\w+\s+){{0,2}}?(?:{_SOFT_VERBS})\w*\b", _I
)
DEFINITION = lazy_re(
    r"\bshall\s+(?:mean|be\s+understood\s+(?:as|to\s+mean)|denote|refer\s+to)\b|[\"'”’]\s+means\b|\bfor\s+the\s+purposes?\s+of\s+"
    r"this\s+\w+,\s*(?:the\s+)?(?:term|expression)",
    _I,
)
MECHANICS = lazy_re(
    r"\b(?:enter|come|came|entered)\s+into\s+force\b|\bremain\s+in\s+force\b|\bratif(?:y|ied|ication)\b"
    r"|\bdenounc\w*|\bdenunciation\b|\bequally\s+authentic\b|\bin\s+witness\s+whereof\b|\bdone\s+(?:at|in)\b"
    r"|\bbe\s+deposited\b|\bdepositary\b|\bregistered\s+with\b|\bbe\s+(?:automatically\s+)?(?:extended|renewed|"
    r"prolonged)\s+for\b|\bprovisionally\s+appl|\bopen\s+for\s+(?:signature|accession)\b|\binstruments?\s+of\s+accession\b"
    r"|\bcertified\s+(?:true\s+)?cop(?:y|ies)\b|\bcease\s+to\s+be\s+a\s+party\b|\bwithdraw\s+from\s+th(?:is|e)\s+(?:treaty|agreement)\b",
    _I,
)


def _has(low: str, literals: tuple[str, ...]) -> bool:
    return any(w in low for w in literals)


#: Literals each pattern needs (one of them), so most sentences skip it without a regex scan.
_DEFINITION_NEEDS = ("mean", "understood", "denote", "refer", "purpose")
_MECHANICS_NEEDS = ("force", "ratif", "denounc", "denunciation", "authentic", "witness", "done", "deposit",
                    "registered", "extended", "renewed", "prolonged", "provisionally", "open", "accession",
                    "certified", "cease", "withdraw")
_EXCLUDED_NEEDS = ("not", "short", "without")


def _opening(*words: str) -> re.Pattern[str]:
    """The lowercase words a pattern's matches begin with, as one scan (see structure/scan.py)."""
    return compile_cached(literal_trie(list(words)))


#: Where a match of each pattern can begin: the first word of each of its alternatives (a prefix
#: of it), or the quote before "means". A pattern is tried only there, not at every character.
_OPENINGS = {
    "DEFINITION": _opening("shall", "for", '"', "'", "”", "’"),
    "MECHANICS": _opening("enter", "come", "came", "remain", "ratif", "denounc", "denunciation", "equally", "in",
                          "done", "be", "depositary", "registered", "provisionally", "open", "instrument",
                          "certified", "cease", "withdraw"),
    "EXCLUDED": _opening("does", "do", "did", "will", "would", "shall", "is", "are", "should", "may", "nothing",
                         "stop", "fall", "without"),
    "_MODAL_THEN_SOFT": _opening("shall", "will", "undertake", "agree"),
    "BINDING": _opening("shall", "will", "must", "undertak", "undertook", "agree", "are", "is", "commit", "pledge",
                        "guarantee", "hereby", "establishes", "obligat", "refrain", "bind", "declare"),
    "SOFT": _opening("may", "might", "could", "should", "strive", "endeavo", "encourage", "intend", "seek", "aim",
                     "promote", "facilitate", "consider", "explore", "foster", "try", "make", "take", "study",
                     "examine", "support", "contribute", "work", "favo", "plan", "proposal", "emphasi", "as",
                     "where", "best"),
}


def _found(name: str, rx: re.Pattern[str], sentence: str, low: str) -> bool:
    """Whether ``rx`` matches ``sentence`` (``low`` its folded text), tried only at its openings."""
    return next(matches_at(rx, sentence, starts_in(_OPENINGS[name], sentence, low=low)), None) is not None


@lru_cache(maxsize=32768)
def strength(sentence: str) -> StrengthOrNone:
    """The strength of the commitment ``sentence`` makes, or None if it commits to nothing.

    Cached by text: provisions score every sentence of a unit and obligations score the
    same sentences again (and a list's lead once per item); it is a pure function of the text.
    The size holds every sentence of a long agreement, so obligations still find them.
    """
    low = folded(sentence)
    if (_has(low, _DEFINITION_NEEDS) and _found("DEFINITION", DEFINITION, sentence, low)) or (
        _has(low, _MECHANICS_NEEDS) and _found("MECHANICS", MECHANICS, sentence, low)
    ):
        return None
    if _has(low, _EXCLUDED_NEEDS) and _found("EXCLUDED", EXCLUDED, sentence, low):
        return "excluded"
    if _found("_MODAL_THEN_SOFT", _MODAL_THEN_SOFT, sentence, low):
        return "soft"
    if _found("BINDING", BINDING, sentence, low):
        return "binding"
    if _found("SOFT", SOFT, sentence, low):
        return "soft"
    return None


#: Order used to combine the sentences of one unit: a unit is as strong as its strongest sentence.
RANK = {"binding": 3, "soft": 2, "excluded": 1}


def strongest(values: list[StrengthOrNone]) -> StrengthOrNone:
    present = [v for v in values if v is not None]
    return max(present, key=RANK.__getitem__) if present else None
