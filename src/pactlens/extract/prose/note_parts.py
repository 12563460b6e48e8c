"""The pieces of a note the reference readers share: the parsed :class:`Reference` and its
:class:`Piece` spans, and the helpers that find a note's first source, its date and the segment
after a title.

Kept apart from the readers of each citation style (:mod:`pactlens.extract.prose.note_readers`) so
that every style reads a segment, a date or a publisher the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pactlens.extract.dates import DateMention, find_dates
from pactlens.extract.urls import UrlMention
from pactlens.resources.lexicon import words
from pactlens.regexes import lazy_re

ITALIC = lazy_re(r"(?<![\w*_])([*_])(?P<t>[^*_\n]{2,120}?)\1(?![\w*_])")
#: "Jan", "January", "Sept." followed by a day: each month by its first three letters.
_MONTH3 = "|".join(m[:3] for m in words("months"))
_MONTH_START = lazy_re(rf"(?:{_MONTH3})[a-z]*\.?\s+\d", re.IGNORECASE)
# What a note calls its medium rather than its outlet ("…," video, May 2).
_MEDIUM = lazy_re(
    r"^(?:video|audio|podcast|post|tweet|press release|transcript|statement|speech|remarks|"
    r"fact sheet|report|letter|interview|op-ed|blog|news release|web page|website)$",
    re.IGNORECASE,
)
_BIB_ABBREV = lazy_re(r"^(?:vol|no|nos|pp?|eds?|ch|sec|art|para)\.?(?:\s|$)", re.IGNORECASE)
_MEDIUM_SUFFIX = lazy_re(r"\s+(?:post|tweet|video|blog|website)$")  # lower case: "Truth Social post", not "Washington Post"
LEAD_IN = lazy_re(r"^(?:see(?:,? (?:for example|e\.g\.))?,?|for (?:more|details)(?:,? see)?|cited in|quoted in|as reported (?:by|in))\s+",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Piece:
    """A span of the note with its cleaned value."""

    start: int
    end: int
    value: str


@dataclass
class Reference:
    """What one note says about its source; spans are offsets into the full text."""

    start: int
    end: int
    title: Piece | None = None
    outlet: Piece | None = None
    author: Piece | None = None
    date: DateMention | None = None
    url: UrlMention | None = None
    urls: list[UrlMention] = field(default_factory=list)
    ibid: bool = False
    quotes_balanced: bool = True
    style: str = "unknown"  # chicago | apa | crs | url | ibid | empty | note

    @property
    def empty(self) -> bool:
        return self.style == "empty"


# --- helpers -------------------------------------------------------------------
def balanced(s: str) -> bool:
    straight = s.count('"')
    curly_ok = s.count("“") == s.count("”")
    return straight % 2 == 0 and curly_ok


def covers(text: str, start: int, end: int, urls: list[UrlMention]) -> bool:
    """True when the note is nothing but URLs (and punctuation)."""
    rest = text[start:end]
    for u in reversed(urls):
        rest = rest[: u.start - start] + rest[u.end - start :]
    return not re.sub(r"[\s.,;:()\[\]<>-]", "", rest)


def mask(text: str, urls: list[UrlMention]) -> str:
    """The text with URLs blanked out (same length), so no year in a URL is read as a date."""
    if not urls:
        return text
    # Slices joined (a copy in C) rather than a list of every character: called once per
    # note, a per-character copy of the whole text made long reference lists quadratic.
    parts, at = [], 0
    for u in sorted(urls, key=lambda u: u.start):
        if u.end <= at:
            continue
        a = max(u.start, at)
        parts += [text[at:a], " " * (u.end - a)]
        at = u.end
    parts.append(text[at:])
    return "".join(parts)


def first_source_end(text: str, start: int, end: int) -> int:
    """Where the first of several sources ends: at a ``;`` outside quotes."""
    inside = False
    for i in range(start, end):
        c = text[i]
        if c in "“”":
            inside = c == "“"
        elif c == '"':
            inside = not inside
        elif c == ";" and not inside:
            return i
    return end


_DAY_RANGE = lazy_re(
    rf"\b(?P<m>(?:{_MONTH3})[a-z]*\.?)\s+(?P<d>\d{{1,2}})\s*(?:and|-|–|to)\s*\d{{1,2}},?\s+"
    r"(?P<y>(?:1[6-9]|20)\d\d)\b"
)


def first_date(masked: str, start: int, end: int) -> DateMention | None:
    """The first written date; a day range ("December 16 and 17, 2025") gives its first day."""
    dates = find_dates(masked, start, end)
    r = _DAY_RANGE.search(masked, start, end)
    if r and (not dates or r.start() < dates[0].start):
        phrase = f"{r.group('m')} {r.group('d')}, {r.group('y')}"
        first = find_dates(phrase)
        if first:
            return DateMention(r.start(), r.end(), first[0].iso, first[0].precision)
    return dates[0] if dates else None


_YEAR_SEGMENT = lazy_re(r",[\"”]?\s*(?P<y>(?:1[6-9]|20)\d\d)\s*(?=[.;)]|$)")


def year_segment(masked: str, start: int, end: int, ref: Reference) -> DateMention | None:
    """A year standing as a note's last element (`"Title," 2025.`): its date."""
    after = ref.title.end if ref.title else start
    m = _YEAR_SEGMENT.search(masked, after, end)
    if m is None or any(d.start <= m.start("y") < d.end for d in find_dates(masked, after, end)):
        return None  # no year alone, or only the year of a full date
    return DateMention(m.start("y"), m.end("y"), m.group("y"), "year")


def piece(text: str, a: int, b: int, strip: str = " \t\n,.;:") -> Piece | None:
    while a < b and (text[a] in strip or text[a] in "*_"):
        a += 1
    while b > a and (text[b - 1] in strip or text[b - 1] in "*_"):
        b -= 1
    if b - a < 2:
        return None
    return Piece(a, b, re.sub(r"\s+", " ", text[a:b]))


def segment_after(text: str, masked: str, a: int, end: int, ref: Reference) -> Piece | None:
    """The first comma/period-delimited segment at ``a`` (an outlet candidate):
    stops at a date, a URL or the end of the first source."""
    stop = end
    if ref.date and ref.date.start >= a:
        stop = min(stop, ref.date.start)
    for u in ref.urls:
        if u.start >= a:
            stop = min(stop, u.start)
    a = skip(text, a, stop)
    m = ITALIC.match(text, a, stop)
    if m:
        return piece(text, m.start("t"), m.end("t"))
    seg_end = a
    while seg_end < stop:
        c = text[seg_end]
        if c == "," or (c == "." and sentence_period(text, seg_end)) or c in "(\n":
            break
        seg_end += 1
    p = piece(text, a, seg_end)
    if p is None:
        return None
    if re.search(r"#\s*\d", p.value) and seg_end < stop:
        # A series and number ("PolicyWatch #4266"): the publisher follows it.
        return segment_after(text, masked, seg_end + 1, end, ref)
    value = _MEDIUM_SUFFIX.sub("", p.value)
    if _BIB_ABBREV.match(value) or _MEDIUM.match(value) or LEAD_IN.match(value + " ") or not value[:1].isupper() or value.isdigit() or _MONTH_START.match(value):
        return None
    if len(value.split()) > 8:
        return None
    return Piece(p.start, p.start + len(value), value) if value != p.value else p


def skip(text: str, a: int, stop: int) -> int:
    while a < stop and text[a] in " \t,.;:":
        a += 1
    return a


def sentence_period(text: str, i: int) -> bool:
    """A period that ends a segment rather than an abbreviation (U.S., Inc., J.)."""
    before = text[max(0, i - 4) : i]
    if re.search(r"(?:\b[A-Z]|\b[A-Z]\.[A-Z]|\bInc|\bLtd|\bCo|\bNo|\bSt|\bJr|\bSr|\bvs|\bet al)$", before):
        return False
    return i + 1 >= len(text) or text[i + 1] in " \n\t*_\"”"
