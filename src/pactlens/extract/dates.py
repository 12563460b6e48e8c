"""Find written dates in text and give them as ISO strings truncated to their precision.

Finding is done with patterns (fast, and they give exact spans); turning a
found phrase into a date is left to dateparser, which knows ordinals, "the
4th day of April", abbreviations and the like. Bare years ("in 2001") are
found only on request, since a year alone is often not a date (a figure, part
of a URL or of a document number).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from pactlens.extract.numwords import NUMBER_WORD, parse_ordinal, parse_year
from pactlens.resources.lexicon import alternation, words
from pactlens.regexes import compile as compile_cached, lazy_re
from pactlens.structure.scan import folded, literal_trie, matches_at, opened_matches, starts_in

_MONTHS = alternation("months", "month_abbreviations")
_M = rf"(?:{_MONTHS})\.?"
_DAY = r"(?:[0-3]?\d)(?:\s*-?\s*(?:st|nd|rd|th|ST|ND|RD|TH))?\.?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
#: An ordinal day in words, OCR forms included: "twentieth", "twenty first", "twenty-first", "twentyfirst".
_ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_DAY_WORDS = (
    r"(?:(?:twenty|thirty)[\s-]*" + _ORD + r"|" + _ORD
    + r"|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth)"
)
#: A year in words: a run of number words, separators (spaces, line breaks, hyphens, commas) and
#: glued forms allowed ("one thousand, nine hundred andseventy"); numwords decides what it is worth.
#: One word or one separator character per step, and a bounded number of steps: no nested
#: repetition, so the pattern stays linear on any input.
_WORD_YEAR = rf"(?:one|two|nineteen|eighteen|seventeen|twenty)(?:[\s,\-]|{NUMBER_WORD}){{0,48}}"

# Order matters: longer forms first so that "17 January 2025" is not read as "January 2025".
_PATTERNS: list[tuple[str, str]] = [
    # the 4th day of April, 1949 / this fourth day of April 1949 / the eighteenth of April one thousand ...
    ("day", rf"\b(?:the\s+|this\s+)?(?P<d>{_DAY}|{_DAY_WORDS})\s+(?:day\s+)?of\s+(?:the\s+month\s+of\s+)?(?P<m>{_M}),?\s+(?:of\s+|in\s+)?(?:the\s+year\s+(?:of\s+our\s+lord\s+)?)?(?P<y>{_YEAR})\b"),
    ("day", rf"\b(?:the\s+|this\s+)?(?P<d>{_DAY}|{_DAY_WORDS})\s+(?:day\s+)?of\s+(?:the\s+month\s+of\s+)?(?P<m>{_M}),?\s+(?:of\s+|in\s+)?(?:the\s+year\s+(?:of\s+our\s+lord\s+)?)?(?P<wy>{_WORD_YEAR})\b"),
    ("day", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_M}),?\s+(?P<y>{_YEAR})\b"),
    ("day", rf"\b(?P<m>{_M})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
    ("day", rf"\b(?P<y>{_YEAR})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\b"),
    ("month", rf"\b(?P<m>{_M}),?\s+(?P<y>{_YEAR})\b"),
]
# Not inside a figure or a range written with a hyphen; "mid-1948", "early-2025" are years.
_YEAR_RE = lazy_re(rf"(?:(?<=\b[Mm]id-)|(?<=\b[Ee]arly-)|(?<=\b[Ll]ate-)|(?<![\d/.\-]))(?P<y>{_YEAR})(?![\d/\-]|\.\d)")
#: Where a match of ``_YEAR_RE`` can begin: its look-behinds come first, so the engine tries it at
#: every character; this literal-led pattern it skips to in C. A year beginning inside another
#: hit would follow a digit, which ``_YEAR_RE`` refuses, so trying it only here misses none.
_YEAR_OPENING = lazy_re(_YEAR)


def word_year(phrase: str) -> int | None:
    """1965 for "One thousand nine hundred and sixty-five", 1980 for "nineteen hundred and eighty"."""
    year = parse_year(phrase)
    return year if year is not None and 1500 <= year <= 2099 else None


def _word_year_end(phrase: str) -> int | None:
    """How much of a run of number words is a year: the longest leading part that reads as one
    ("nineteen ninety-one, one original" is 1991 followed by other words)."""
    cuts = [m.end() for m in re.finditer(r"[^\s,\-]+", phrase)]
    for end in reversed(cuts):
        if word_year(phrase[:end]) is not None:
            return end
    return None


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    iso: str  # "2025-01-17", "2025-01", "2025"
    precision: str  # "day" | "month" | "year"


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    return [(p, compile_cached(rx, re.IGNORECASE)) for p, rx in _PATTERNS]


#: The first words of ``_DAY_WORDS`` and the article before a day: with a digit, where a match of
#: the two "the fourth day of April" patterns can begin.
_DAY_OPENERS = ("the this first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
                "thirtieth twenty thirty").split()


@lru_cache(maxsize=1)
def _openings() -> list[re.Pattern[str]]:
    """For each of ``_PATTERNS``, where its matches can begin, as lowercase literals at a word start
    (scanned in the lowercased text, see :mod:`pactlens.structure.scan`): a digit or a day opener,
    a digit, or a month. Each pattern is an IGNORECASE alternation that opens with ``\\b``, which
    the regex engine tries at every character; tried only at these offsets it finds the same matches
    in a fraction of the time (dates are read in every sentence of a prose document)."""
    months = literal_trie(sorted({w.lower() for w in words("months") + words("month_abbreviations")}))
    digit_or_day = compile_cached(rf"\b(?:\d|{literal_trie(sorted(_DAY_OPENERS))})")
    digit, month = compile_cached(r"\b\d"), compile_cached(rf"\b{months}")
    return [digit_or_day, digit_or_day, digit, month, digit, month]


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
        year = str(word_year(g["wy"][: _word_year_end(g["wy"]) or 0]) or "")
    day = g.get("d")
    if day is not None:
        n = parse_ordinal(re.sub(r"\s+", " ", day))
        day = str(n) if n is not None else day
        return f"{day} {g['m'].rstrip('.')} {year}"
    return f"{g['m'].rstrip('.')} {year}"


def find_dates(text: str, start: int = 0, end: int | None = None, *, years: bool = False) -> list[DateMention]:
    """Dates written in ``text[start:end]``, with spans into ``text``, in order.

    With ``years=True`` bare years not inside a longer date are included too.
    Patterns run longest form first; a match overlapping a date already taken
    is dropped. The taken spans do not overlap, so each check is a binary
    search among them (a reference list with thousands of dates stays linear).
    """
    end = len(text) if end is None else end
    window = text[start:end]
    low = folded(window)
    has_day = "day" in low  # the costly "the fourth day of April" forms need the word
    taken = _Taken()
    out: list[DateMention] = []
    for (precision, rx), opening in zip(_compiled(), _openings(), strict=True):
        if not has_day and "day\\s+of" in rx.pattern:
            continue
        found = []
        for m in matches_at(rx, window, starts_in(opening, window, low=low)):
            a, b = m.start(), m.end()
            if m.group(0)[:1].isspace():
                a += len(m.group(0)) - len(m.group(0).lstrip())
            if m.groupdict().get("wy"):
                keep = _word_year_end(m.group("wy"))
                if keep is None:
                    continue
                b = m.start("wy") + keep  # the year ends where its words stop making a year
            if not taken.free(a, b):
                continue
            iso = _parse(_phrase(m), precision)
            if iso is None:
                continue
            found.append((a, b))  # one pattern's matches never overlap each other
            out.append(DateMention(start + a, start + b, iso, precision))
        taken.add(found)
    if years:
        for m in opened_matches(_YEAR_RE, _YEAR_OPENING, window):
            a, b = m.span()
            if taken.free(a, b):
                out.append(DateMention(start + a, start + b, m.group("y"), "year"))
    out.sort(key=lambda d: d.start)
    return out


class _Taken:
    """Spans already taken, none overlapping another: sorted, so overlap is a binary search."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        """True when ``[a, b)`` overlaps no taken span."""
        i = bisect.bisect_right(self.starts, a)
        if i > 0 and self.ends[i - 1] > a:
            return False
        return not (i < len(self.starts) and self.starts[i] < b)

    def add(self, spans: list[tuple[int, int]]) -> None:
        """Take ``spans`` (in text order, free of the taken ones and of each other)."""
        if spans:
            merged = sorted(list(zip(self.starts, self.ends)) + spans)
            self.starts = [s for s, _ in merged]
            self.ends = [e for _, e in merged]
