"""Place names in signing formulas ("Done at Washington", "signed in Moscow"), and what is no place.

Shared by both readings of where an agreement was signed.
"""

from __future__ import annotations

import re

from pactlens.resources.lexicon import lowered
from pactlens.resources.states import lookup

_MONTHS = lowered("months")
_LANGUAGES = {"english", "arabic", "persian", "farsi", "hindi", "urdu", "swahili", "latin", "hebrew"}
CAP = r"[A-Z\u00c0-\u00de][^\W\d_]*(?:['\u2019\-][^\W\d_]+)*"
PLACE = rf"{CAP}(?:[ -](?:{CAP}|de|del|da|do|la|le|es|am|sur))*"


def good_place(place: str) -> bool:
    low = place.lower()
    if re.search(r"['\u2019]s$", place):
        return False  # "Madagascar's waters"
    if low in _MONTHS or low in _LANGUAGES or low.split()[0] in _MONTHS:
        return False
    state = lookup(place)
    if state is not None and place.lower() in {a.lower() for a in state.adjectives}:
        return False  # "done in Russian": a language
    return not re.match(
        r"(?i)(?:the|this|that|witness|faith|duplicate|triplicate|two|three|force|appendix|annex|chapter|article|title"
        r"|part|section|schedule|protocol|paragraph|accordance|respect|conformity|order|case|addition)\b",
        place,
    )
