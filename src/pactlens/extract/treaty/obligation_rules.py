"""The rule signal of the ATOP obligations: one detector per type over a clause's text, and the
gate that skips the clauses none of them could match.

Each detector reads the patterns of :mod:`pactlens.extract.treaty.obligation_patterns` and says how
sure it is and by which rule; :mod:`pactlens.extract.treaty.obligations` weighs this signal against
the promise frame and the embeddings.
"""

from __future__ import annotations

import re

from pactlens.extract.treaty.obligation_patterns import (
    ATTACK_ON_ALL,
    CONSULT,
    CONSULT_ON_SECURITY,
    CRISIS,
    DEFENSE_ORGAN,
    DEFENSE_ORGAN_SET_UP,
    DEFENSE_PROMISE,
    DEFENSE_TRIGGER,
    DEFENSE_WAR,
    FOREIGN_POLICY_TOPIC,
    NEUTRALITY,
    NEUTRALITY_WEAK,
    NONAGG_LETTERS,
    NONAGG_SCOPE,
    NONAGG_SCOPE_LETTERS,
    NONAGG_TERRITORY,
    NONAGG_UNIVERSAL_LETTERS,
    NONAGGRESSION,
    OFFENSE,
    REMAIN_NEUTRAL,
    SECURITY_CONTEXT,
    WAR_CONTEXT,
    WAR_TRIGGER,
    assist_to_adversary,
    negated_before,
)
from pactlens.regexes import lazy_re

_I = re.IGNORECASE

#: Literals every defense trigger (and "attack on all") contains; without one the patterns cannot match.
_DEFENSE_NEEDS = ("attack", "aggress", "invad", "invasion")
#: Literals OFFENSE ("join the war", "military operations") or WAR_TRIGGER ("armed conflict") need.
_OFFENSE_NEEDS = ("war", "hostilit", "military", "conflict")

#: What a detector found: confidence, the rule's name, where the promised action starts.
Found = tuple[float, str, int]
NONE: Found = (0.0, "", 0)


def _defense(text: str, low: str) -> Found:
    """Confidence that ``text`` promises defense, 0 when it does not (``low``: :func:`folded` text)."""
    if any(w in low for w in _DEFENSE_NEEDS):
        if m := ATTACK_ON_ALL.search(text):
            return 0.95, "attack on one is an attack on all", m.start()
        if trigger := DEFENSE_TRIGGER.search(text):
            for m in DEFENSE_PROMISE.finditer(text):
                if negated_before(text, m.start()) or assist_to_adversary(text, m.end()):
                    continue
                if m.start() >= trigger.start() - 200:
                    return 0.85, "assistance if a party is attacked", m.start()
    if ("war" in low or "enem" in low) and (m := DEFENSE_WAR.search(text)):
        return 0.8, "military means against the enemy in a war under way", m.start()
    if "defen" in low or "armed forces" in low:
        for m in DEFENSE_ORGAN.finditer(text):
            if DEFENSE_ORGAN_SET_UP.search(text):
                return 0.7, "a common organ of the members' defence", m.start()
    return NONE


def _offense(text: str, low: str) -> Found:
    if not any(w in low for w in _OFFENSE_NEEDS):
        return NONE
    if m := OFFENSE.search(text):
        return NONE if negated_before(text, m.start()) else (0.8, "joining military action", m.start())
    if WAR_TRIGGER.search(text):
        for m in DEFENSE_PROMISE.finditer(text):
            if not negated_before(text, m.start()) and not assist_to_adversary(text, m.end()):
                return 0.7, "support in any war a party is engaged in", m.start()
    return NONE


#: A word every match of a pattern holds (one of them): a clause without any skips the pattern.
_NEUTRALITY_NEEDS = ("render", "give", "provide", "grant", "extend", "lend", "furnish", "aid", "assist", "support",
                     "help")
_NONAGGRESSION_NEEDS = ("force", "aggress", "attack", "violence", "war", "invade", "arms")
_CONSULT_NEEDS = ("consult", "confer", "exchange", "contact", "negotiat", "coordinate")


def _neutrality(text: str, low: str) -> Found:
    if any(w in low for w in _NEUTRALITY_NEEDS) and (m := NEUTRALITY.search(text)):
        return 0.9, "no support to the adversary", m.start()
    if "neutral" in low and (m := REMAIN_NEUTRAL.search(text)) and WAR_CONTEXT.search(text):
        return 0.9, "neutrality in a partner's war", m.start()
    if "against" in low and (m := NEUTRALITY_WEAK.search(text)):
        return 0.6, "no territory or alliance against the partner", m.start()
    return NONE


_LETTERS_ONLY = lazy_re(r"[^a-z0-9]+")


def _nonaggression(text: str, low: str) -> Found:
    """A no-force pledge counts only with its scope among the parties: "refrain from aggression"
    against third states, or a general peace formula, is not a promise between partners. OCR-damaged
    wording ("use offorce", "thre at", "forcc") is read again over its letters alone."""
    if any(w in low for w in _NONAGGRESSION_NEEDS) and (m := NONAGGRESSION.search(text)) and NONAGG_SCOPE.search(text):
        return 0.9, "no force against the partner", m.start()
    if ("territor" in low or "soil" in low) and (m := NONAGG_TERRITORY.search(text)):
        return 0.75, "no hostile acts against the partner from one's territory", m.start()
    if "force" in low or "forc" in low or "f0rce" in low:
        letters = _LETTERS_ONLY.sub("", low)
        if NONAGG_LETTERS.search(letters) and NONAGG_SCOPE_LETTERS.search(letters) \
                and not NONAGG_UNIVERSAL_LETTERS.search(letters):
            return 0.75, "no force against the partner (damaged wording)", 0
    return NONE


def _consultation(text: str, low: str) -> Found:
    m = CONSULT.search(text) if any(w in low for w in _CONSULT_NEEDS) else None
    if not m:
        return NONE
    if CONSULT_ON_SECURITY.search(text):
        return 0.8, "consultation on defence or security", m.start()
    topic = FOREIGN_POLICY_TOPIC.search(text)
    if topic and abs(topic.start() - m.start()) <= 250:
        return 0.8, "consultation on foreign and security policy", m.start()
    if CRISIS.search(text) and SECURITY_CONTEXT.search(text):
        return 0.85, "consultation when security is threatened", m.start()
    return NONE


#: Every detector needs one of these words; most clauses of most agreements have none.
_GATE = lazy_re(
    r"attack|aggress|invade|invasion|\bwar\b|hostilit|neutral|force|consult|negotiat|contact|confer|views|"
    r"territor|allianc|bloc|coalition|military|coordinat|belligeren|assist|support|\baid|enem|adversar|defen",
    _I,
)
#: The gate's words that need no word boundary: one of them in the folded text is a gate match.
_GATE_PLAIN = ("attack", "aggress", "invade", "invasion", "hostilit", "neutral", "force", "consult", "negotiat",
               "contact", "confer", "views", "territor", "allianc", "bloc", "coalition", "military", "coordinat",
               "belligeren", "assist", "support", "enem", "adversar", "defen", "forc")


def gated(text: str, low: str) -> bool:
    """``_GATE.search(text)``, mostly without the regex scan: plain words are looked up in the
    folded text, and the regex runs only when "war" or "aid" occurs (they need word boundaries)."""
    if any(w in low for w in _GATE_PLAIN):
        return True
    return ("war" in low or "aid" in low) and _GATE.search(text) is not None


DETECTORS = {
    "defense": _defense,
    "offense": _offense,
    "neutrality": _neutrality,
    "nonaggression": _nonaggression,
    "consultation": _consultation,
}
