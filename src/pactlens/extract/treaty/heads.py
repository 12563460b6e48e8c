"""The heads of signature blocks and plenipotentiary lists: "For the Government of X",
"THE PRESIDENT OF THE FRENCH REPUBLIC", "His Excellency the President of ...", and the state
each names; a signer takes the state of the head it stands under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactlens.extract.names import LOW, UP
from pactlens.resources.states import find_states
from pactlens.resources.styles import find_styles
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re

#: A head: "For the Government of X", "THE PRESIDENT OF THE FRENCH REPUBLIC", "His Excellency the President of ...".
_HEAD = lazy_re(
    r"\b(?:(?P<for>(?:For|FOR|for)(?:\s+(?i:and\s+on\s+behalf(?:\s+of)?))?\s+)"
    r"|(?:(?i:(?:his|her|their)\s+(?:majesty|royal\s+highness|highness|excellency)|the\s+honou?rable)\s+)?(?i:the)\s+"
    r"(?=(?:[\w'\u2019-]+\s+){0,3}?(?i:president|king|queen|grand\s+du(?:ke|chess)|emperor|government|council|junta"
    r"|head\s+of\s+state|sovereign|prince\s+royal|regent)\b)"
    r"|(?i:(?:his|her)\s+(?:majesty|royal\s+highness)\s+(?=the\b)))"
)


#: What a "For ..." head names: a state, or a government or institution ("for Foreign Affairs" is a title).
_HEAD_NOUN = lazy_re(
    r"(?i:(?:the\s+)?(?:government|council|commission|communit(?:y|ies)|republic|kingdom|principality|grand\s+duchy"
    r"|confederation|federation|federal|sultanate|state|states|president|union|agency|organi[sz]ation|european"
    r"|international|his|her|swiss|people['\u2019]s|islamic|democratic|united|emirates?|hashemite|co-?operative"
    r"|commonwealth|dominion|socialist|eastern|plurinational|bolivarian)\b)"
)


def find_heads(doc: Doc, start: int, end: int) -> list[Head]:
    """The heads in ``[start, end)``: "For ..." naming a state or government, and sovereigns' or
    governments' styles standing at the start of a list item (not inside a title: "accredited to the
    Argentine Government")."""
    text = doc.text
    out: list[Head] = []
    for m in _HEAD.finditer(text, start, end):
        if out and m.start() < out[-1].end:
            continue  # "THE GOVERNMENT OF HIS MAJESTY THE KING OF AFGHANISTAN": one head
        if m.group("for"):
            rest = re.compile(r"(?i:the\s+)?").match(text, m.end()).end()
            states = find_states(text, rest, min(end, rest + 80))
            if not (_HEAD_NOUN.match(text, m.end()) or (states and states[0].start == rest)):
                continue
        else:
            before = text[start : m.start()].rstrip()
            if before and before[-1] not in ":;,.|\n)" and not text[m.start()].isupper():
                continue  # "accredited to the Argentine Government": inside a title
        out.append(_head_at(doc, m, end))
    return out


@dataclass
class Head:
    start: int
    end: int
    iso3: str | None
    state_ev: tuple[int, int] | None = None


def _head_party(doc: Doc, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    found = [m for m in find_states(doc.text, start, end)]
    if found:
        return found[0].iso3, (found[0].start, found[0].end)
    styles = find_styles(doc.text, start, end)
    if styles:
        return styles[0].iso3, (styles[0].start, styles[0].end)
    return None, None


def _head_at(doc: Doc, m: re.Match[str], limit: int) -> Head:
    """A head's extent and state: up to its colon or comma, else up to the end of the state it names."""
    text = doc.text
    window_end = min(limit, m.end() + 170)
    nxt = next((h for h in _HEAD.finditer(text, m.end() + 1, window_end) if h.group("for")), None)
    stop = re.compile(r"[:,;(\[]|\bwho\b|\n").search(text, m.end(), nxt.start() if nxt else window_end)
    cut = stop.start() if stop else (nxt.start() if nxt else window_end)
    states = find_states(text, m.end(), cut)
    states = [s for s in states if s.form != "adjective" or re.match(r"\s+(?i:government|council|republic)", text[s.end : s.end + 14])]
    if states and (stop is None or re.search(rf"[{UP}][{LOW}{UP}]+\s+[{UP}]", text[states[-1].end : cut])):
        end = states[-1].end  # "FOR THE GOVERNMENT OF PANAMA FERNANDO MANFREDO": the name follows the state
    else:
        end = cut + (1 if stop and text[cut] in ":," else 0)
    iso3, ev = _head_party(doc, m.end(), end)
    if iso3 is None and states:
        iso3, ev = states[0].iso3, (states[0].start, states[0].end)
    return Head(m.start(), end, iso3, ev)
