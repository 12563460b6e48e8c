"""Read the numbers treaties use in their labels: 12, XIV, FIFTEEN, Twenty-One, 12bis.

Labels are compared as numbers when articles are checked for a running
sequence, so every written form has to come down to the same integer.
"""

from __future__ import annotations

import re
from pactlens.regexes import lazy_re

_ROMAN_RE = lazy_re(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORDINAL_UNITS = [
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth",
]
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                 "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}
_WORD_VALUES: dict[str, int] = {
    **{w: i for i, w in enumerate(_UNITS) if i},
    **_TENS,
    **{w: i for i, w in enumerate(_ORDINAL_UNITS) if i},
    **_ORDINAL_TENS,
}

#: Suffixes of inserted articles, in the order they follow the plain number.
SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")

#: A regex alternative matching one number word or a hyphenated/spaced compound.
_WORD_ALT = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
NUMBER_WORDS_RX = rf"(?:(?:{'|'.join(_TENS)})[- ](?:{'|'.join(_UNITS[1:10] + _ORDINAL_UNITS[1:10])})|{_WORD_ALT})"


def roman_value(token: str) -> int | None:
    """The value of a Roman numeral (either case), or None if ``token`` is not one."""
    up = token.upper()
    if not up or not _ROMAN_RE.match(up):
        return None
    total = 0
    for a, b in zip(up, up[1:] + " "):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def word_value(token: str) -> int | None:
    """The value of an English number word ("Five", "TWENTY-ONE", "first"), or None."""
    parts = re.split(r"[- ]+", token.strip().lower())
    if len(parts) == 1:
        return _WORD_VALUES.get(parts[0])
    if len(parts) == 2 and parts[0] in _TENS:
        unit = _WORD_VALUES.get(parts[1])
        if unit is not None and unit < 10:
            return _TENS[parts[0]] + unit
    return None


def letter_value(token: str) -> int | None:
    """The position of a single letter in the alphabet ("a" → 1), or None."""
    if len(token) == 1 and token.isalpha() and token.isascii():
        return ord(token.lower()) - ord("a") + 1
    return None


def suffix_rank(suffix: str | None) -> int:
    """0 for no suffix, 1 for "bis", 2 for "ter"... (unknown suffixes rank last)."""
    if not suffix:
        return 0
    s = suffix.lower()
    return SUFFIXES.index(s) + 1 if s in SUFFIXES else len(SUFFIXES) + 1
