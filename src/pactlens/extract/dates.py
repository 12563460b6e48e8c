"""Find written dates in text and give them as ISO strings truncated to their precision.

Finding is done with patterns (fast, and they give exact spans); turning a
found phrase into a date is left to dateparser, which knows ordinals, "the
4th day of April", abbreviations and the like. Bare years ("in 2001") are
found only on request, since a year alone is often not a date (a figure, part
of a URL or of a document number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_M = rf"(?:{_MONTHS})\.?"
_DAY = r"(?:[0-3]?\d)(?:\s*(?:st|nd|rd|th|ST|ND|RD|TH))?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_BELOW_100 = rf"(?:{_TENS}(?:[- ]{_UNITS})?|{_TEENS}|{_UNITS})"
#: Years written out, as old treaties date themselves: "One thousand nine hundred and sixty-five",
#: "nineteen hundred and eighty", "two thousand and five".
_WORD_YEAR = (
    rf"(?:(?:one\s+thousand\s+(?:{_UNITS}|eight|nine)\s+hundred|(?:fifteen|sixteen|seventeen|eighteen|nineteen)\s+hundred)"
    rf"(?:\s+and)?(?:\s+{_BELOW_100})?|two\s+thousand(?:\s+and)?(?:\s+{_BELOW_100})?)"
)

# Order matters: longer forms first so that "17 January 2025" is not read as "January 2025".
_PATTERNS: list[tuple[str, str]] = [
    # the 4th day of April, 1949 / this fourth day of April 1949
    ("day", rf"\b(?:the\s+|this\s+)?(?P<d>{_DAY}|[a-z]+(?:-[a-z]+)?)\s+day\s+of\s+(?:the\s+month\s+of\s+)?(?P<m>{_M}),?\s+(?:of\s+|in\s+)?(?:the\s+year\s+)?(?P<y>{_YEAR})\b"),
    ("day", rf"\b(?:the\s+|this\s+)?(?P<d>{_DAY}|[a-z]+(?:-[a-z]+)?)\s+day\s+of\s+(?:the\s+month\s+of\s+)?(?P<m>{_M}),?\s+(?:of\s+|in\s+)?(?:the\s+year\s+)?(?P<wy>{_WORD_YEAR})\b"),
    ("day", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_M}),?\s+(?P<y>{_YEAR})\b"),
    ("day", rf"\b(?P<m>{_M})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
    ("day", rf"\b(?P<y>{_YEAR})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\b"),
    ("month", rf"\b(?P<m>{_M}),?\s+(?P<y>{_YEAR})\b"),
]
_YEAR_RE = re.compile(rf"(?<![\d/.\-])(?P<y>{_YEAR})(?![\d/\-]|\.\d)")

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}


def word_year(phrase: str) -> int | None:
    """1965 for "One thousand nine hundred and sixty-five", 1980 for "nineteen hundred and eighty"."""
    total = current = 0
    for w in re.split(r"[\s-]+", phrase.lower()):
        if w == "and" or not w:
            continue
        if w == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _NUMBER_WORDS:
            current += _NUMBER_WORDS[w]
        else:
            return None
    year = total + current
    return year if 1500 <= year <= 2099 else None


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    iso: str  # "2025-01-17", "2025-01", "2025"
    precision: str  # "day" | "month" | "year"


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(p, re.compile(rx, re.IGNORECASE)) for p, rx in _PATTERNS]


_FAST_FORMATS = {"day": ("%d %B %Y", "%d %b %Y", "%Y-%m-%d"), "month": ("%B %Y", "%b %Y")}


@lru_cache(maxsize=4096)
def _parse(phrase: str, precision: str) -> str | None:
    # The phrase is already normalized ("6 May 1935"): strptime reads it in microseconds,
    # dateparser (tens of milliseconds a phrase) only gets what strptime cannot.
    from datetime import datetime

    for fmt in _FAST_FORMATS[precision]:
        try:
            dt = datetime.strptime(phrase, fmt)
        except ValueError:
            continue
        return dt.strftime("%Y-%m-%d") if precision == "day" else dt.strftime("%Y-%m")

    import dateparser

    parts = ["day", "month", "year"] if precision == "day" else ["month", "year"]
    dt = dateparser.parse(
        phrase,
        languages=["en"],
        settings={"REQUIRE_PARTS": parts, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False},
    )
    if dt is None:
        return None
    return dt.strftime("%Y-%m-%d") if precision == "day" else dt.strftime("%Y-%m")


def _phrase(m: re.Match[str]) -> str:
    g = m.groupdict()
    if g.get("mm"):
        return f"{g['y']}-{g['mm']}-{g['dd']}"
    year = g.get("y")
    if g.get("wy"):
        year = str(word_year(g["wy"]) or "")
    day = g.get("d")
    if day is not None:
        word = day.lower()
        if word in _ORDINAL_WORDS:
            day = str(_ORDINAL_WORDS[word])
        day = re.sub(r"\s*(st|nd|rd|th)$", "", day, flags=re.IGNORECASE)
        return f"{day} {g['m'].rstrip('.')} {year}"
    return f"{g['m'].rstrip('.')} {year}"


def find_dates(text: str, start: int = 0, end: int | None = None, *, years: bool = False) -> list[DateMention]:
    """Dates written in ``text[start:end]``, with spans into ``text``, in order.

    With ``years=True`` bare years not inside a longer date are included too.
    """
    end = len(text) if end is None else end
    window = text[start:end]
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for precision, rx in _compiled():
        for m in rx.finditer(window):
            a, b = m.start(), m.end()
            if m.group(0)[:1].isspace():
                a += len(m.group(0)) - len(m.group(0).lstrip())
            if not free(a, b):
                continue
            iso = _parse(_phrase(m), precision)
            if iso is None:
                continue
            taken.append((a, b))
            out.append(DateMention(start + a, start + b, iso, precision))
    if years:
        for m in _YEAR_RE.finditer(window):
            a, b = m.span()
            if free(a, b):
                taken.append((a, b))
                out.append(DateMention(start + a, start + b, m.group("y"), "year"))
    out.sort(key=lambda d: d.start)
    return out
