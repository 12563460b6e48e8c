"""Numbers written in words, as treaties date themselves: read them, and write them back.

Signing clauses spell their dates out ("this twentieth day of November in
the year one thousand, nine hundred and ninety-five"), and the texts that
reach us are often OCR output: words glued together ("andseventy",
"seventyseven", "twentyfirst"), a hyphen left where a line broke ("one-
thousand"), commas between the parts, ordinals with a stray hyphen
("8-th"). Reading goes through one tokenizer that splits such runs into the
number words they are made of, so the grammar below sees clean tokens.

Writing (:func:`cardinal_words`, :func:`ordinal_words`) exists so that the
reader can be checked against every number, not a list of examples: the
tests round-trip numbers to words and back.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pactlens.regexes import lazy_re

UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_OF = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
    "twelve": "twelfth",
}

CARDINAL: dict[str, int] = {w: i for i, w in enumerate(UNITS)}
CARDINAL |= {w: 10 + i for i, w in enumerate(TEENS)}
CARDINAL |= {w: 10 * i for i, w in enumerate(TENS) if w}
CARDINAL["fourty"] = 40  # a common misspelling in treaty texts
SCALES = {"hundred": 100, "thousand": 1000}


def _ordinal(word: str) -> str:
    if word in _ORDINAL_OF:
        return _ORDINAL_OF[word]
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


ORDINAL: dict[str, int] = {_ordinal(w): n for w, n in CARDINAL.items() if w not in {"zero", "fourty"}}
ORDINAL |= {"hundredth": 100, "thousandth": 1000}
_CARDINAL_OF = {_ordinal(w): w for w in CARDINAL if w not in {"zero", "fourty"}} | {"hundredth": "hundred", "thousandth": "thousand"}

#: Longest first; equal lengths in word order, so the pattern is the same in every process (a set
#: iterates in an order that changes with the hash seed, and the regex cache keys on the pattern).
_VOCABULARY = sorted({*CARDINAL, *ORDINAL, *SCALES, "and"}, key=lambda w: (-len(w), w))
_PIECE = lazy_re("|".join(_VOCABULARY))
#: One number word (or "and"), longest first; glued runs ("ninetyfive", "andseventy") are several.
NUMBER_WORD = r"(?:" + "|".join(_VOCABULARY) + r")"
#: Figures with an ordinal suffix, OCR forms included: "21st", "8-th", "2 nd", "3rd".
_FIGURE_ORDINAL = lazy_re(r"(?i)(?P<n>\d{1,4})\s*-?\s*(?:st|nd|rd|th|d)?\.?")


@lru_cache(maxsize=8192)
def _split_glued(word: str) -> tuple[str, ...] | None:
    """``"seventyseven"`` → ("seventy", "seven"); None when the word is not made of number words.
    Longest piece first, with a fall-back to shorter ones."""
    if not word:
        return ()
    for piece in _VOCABULARY:
        if word.startswith(piece):
            rest = _split_glued(word[len(piece):])
            if rest is not None:
                return (piece, *rest)
    return None


def tokens(phrase: str) -> list[str] | None:
    """The number words of ``phrase``, glued words split; None if it holds anything else.

    Hyphens, commas, dashes and line breaks are separators ("one-\\nthousand",
    "one thousand, nine hundred").
    """
    out: list[str] = []
    for raw in re.split(r"[\s,\-\u2010-\u2014]+", phrase.lower()):
        if not raw:
            continue
        parts = _split_glued(raw)
        if parts is None:
            return None
        out.extend(parts)
    return out


def _groups(words: list[str]) -> list[int | str] | None:
    """Cardinal words as numbers below 100 and scale words: "ninety five" → [95]."""
    items: list[int | str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in SCALES:
            items.append(w)
            i += 1
            continue
        n = CARDINAL.get(w)
        if n is None:
            return None
        nxt = CARDINAL.get(words[i + 1], 99) if i + 1 < len(words) else 99
        if n >= 20 and n % 10 == 0 and 0 < nxt < 10:
            n, i = n + nxt, i + 1  # "ninety five", "ninety-five"
        items.append(n)
        i += 1
    return items


def _value(words: list[str]) -> int | None:
    """The value of cardinal words: "one thousand nine hundred and ninety five" → 1995,
    "nineteen hundred and eighty" → 1980, "nineteen ninety-five" → 1995 (a year read in pairs)."""
    items = _groups([w for w in words if w != "and"])
    if not items:
        return None
    total, current = 0, None
    thousand = hundred = False
    for it in items:
        if it == "thousand":
            if thousand or hundred:
                return None
            total, current, thousand = total + (current or 1) * 1000, None, True
        elif it == "hundred":
            if hundred or (current or 1) >= 100:
                return None
            current, hundred = (current or 1) * 100, True
        elif current is not None and current % 100:
            if thousand or hundred or not (10 <= current < 100 and 10 <= it < 100):  # type: ignore[operator]
                return None
            current = current * 100 + it  # type: ignore[operator]  # "nineteen ninety-five"
            hundred = True
        else:
            current = (current or 0) + it  # type: ignore[operator]
    return total + (current or 0)


def parse_cardinal(phrase: str) -> int | None:
    """The number a phrase of cardinal words spells, or None."""
    words = tokens(phrase)
    return _value(words) if words else None


def parse_ordinal(phrase: str) -> int | None:
    """The number an ordinal names: "twentieth" 20, "twenty first"/"twenty-first"/"twentyfirst" 21,
    "8-th"/"8th"/"21st" by figures; None for anything else (a bare cardinal is not an ordinal)."""
    text = phrase.strip()
    fig = _FIGURE_ORDINAL.fullmatch(text)
    if fig is not None:
        return int(fig.group("n"))
    words = tokens(text)
    if not words or words[-1] not in ORDINAL:
        return None
    # "twenty first" is "twenty one" read as an ordinal: swap the last word for its cardinal.
    value = _value([*words[:-1], _CARDINAL_OF[words[-1]]])
    return value if value else None


def parse_year(phrase: str) -> int | None:
    """A year in words, 1000 to 2999: "one thousand, nine hundred and ninety-five",
    "nineteen hundred and eighty", "two thousand and five", "nineteen ninety-five"."""
    n = parse_cardinal(phrase)
    return n if n is not None and 1000 <= n <= 2999 else None


# --- writing -------------------------------------------------------------------------------


def _below_hundred(n: int) -> str:
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return TENS[tens] + (f"-{UNITS[unit]}" if unit else "")


def cardinal_words(n: int) -> str:
    """``n`` (0–9999) in words, British style: 1995 → "one thousand nine hundred and ninety-five"."""
    if not 0 <= n <= 9999:
        raise ValueError(f"out of range: {n}")
    if n < 100:
        return _below_hundred(n)
    parts: list[str] = []
    thousands, rest = divmod(n, 1000)
    hundreds, small = divmod(rest, 100)
    if thousands:
        parts.append(f"{UNITS[thousands]} thousand")
    if hundreds:
        parts.append(f"{UNITS[hundreds]} hundred")
    if small:
        parts.append("and " + _below_hundred(small))
    return " ".join(parts)


def ordinal_words(n: int) -> str:
    """``n`` (1–9999) as an ordinal in words: 21 → "twenty-first", 100 → "one hundredth"."""
    if n < 1:
        raise ValueError(f"out of range: {n}")
    words = cardinal_words(n)
    head, sep, last = words.rpartition("-") if "-" in words.split(" ")[-1] else words.rpartition(" ")
    return f"{head}{sep}{_ordinal(last)}"
