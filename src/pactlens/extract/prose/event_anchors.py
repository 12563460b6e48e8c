"""Dates written without their year, and the year (or day) they take.

News and reports date most happenings by the story they tell, not in full: "on April 7", "Aug.
13", "in August", "on Tuesday", "the same year", "two days later". A careful reader dates each by
what the text has set up:

- a day or month without a year takes the year of the latest date before it in its paragraph (the
  paragraph's narrative), else the year of the document's own date when the text tells of its own
  time (no earlier date, or one of the year before at the latest), else that of the latest date
  before it anywhere (a history); with none of these it is left out;
- a weekday ("on Tuesday", "said Monday") is the document's own day or the last such day before it
  (the next one in a clause that tells of the future); without a document date, or beside a written
  date ("Tuesday, 14 February 1941"), it dates nothing;
- a relative date ("the same year", "later that year", "the following year", "two days later", "the
  next day") counts from the latest date before it in its paragraph or the one before, at that
  date's precision: "two days later" needs a day to count from.
"""

from __future__ import annotations

import bisect
import datetime
import re

from pactlens.extract.dates import DateMention
from pactlens.extract.numwords import parse_cardinal
from pactlens.resources.lexicon import words
from pactlens.structure.sentences import BodySentence
from pactlens.regexes import lazy_re

_MONTHS = [m.lower() for m in words("months")]
#: Month numbers by full name and by abbreviation ("sept" is 9).
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS, 1)} | {
    a.lower(): next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(a.lower()[:3])) for a in words("month_abbreviations")
}
_FULL_MONTH = "|".join(m.capitalize() for m in _MONTHS)
# Full names, then abbreviations with their stop ("Aug. 13", "Sept. 11").
_MONTH_WORD = _FULL_MONTH + "|" + "|".join(rf"{a}\." for a in words("month_abbreviations"))
#: A month's name as _YEARLESS and _MONTH_ONLY read it, to find where one can be (capitalised literals:
#: the engine skips to them).
_MONTH_NAME = lazy_re(_MONTH_WORD)
_YEAR = r"(?:1[5-9]|20)\d\d"
# "on April 7", "June 7-8", "on 4 March", "Aug. 13": a day with no year written after it.
_YEARLESS = lazy_re(
    # A range of days in one month may end in the year: "September 5–17, 1978", "March 8 and 9, 2007".
    rf"\b(?:(?P<m1>{_MONTH_WORD})\s+(?P<d1>[0-3]?\d)(?:\s*(?:[-–]|and|&)\s*[0-3]?\d\b(?:,?\s*(?P<dy>{_YEAR})\b)?)?"
    rf"|(?P<d2>[0-3]?\d)\s+(?P<m2>{_MONTH_WORD}))"
    # The first end of a range whose other end, in another month, carries the year
    # ("November 22–December 19, 2022", "from December 3 to December 5, 2025"): that year.
    rf"(?:\s*(?:[-–]|and|to|&)\s*(?:{_MONTH_WORD})\s+[0-3]?\d,?\s*(?P<ry>{_YEAR})\b)?"
    rf"(?!(?:\s*(?:[-–]|and|to|&)\s*[0-3]?\d)?,?\s*{_YEAR})(?![\d\w])"
)
# "in August", "since early March", "in April and June 2024" (the first month of a pair takes the
# second's year), "In December of 1989": a month with no day after it, after a word that makes it a time.
_MONTH_ONLY = lazy_re(
    rf"\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring|[Ff]rom|[Bb]etween)\s+(?:(?:early|late|mid)(?:-|\s+))?|(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s+))"
    rf"(?P<m>{_FULL_MONTH})"
    # "In December of 1989": the year is written after all.
    rf"(?:\s+of\s+(?P<oy>{_YEAR})\b|\s*(?:[-–]|and|to|or|&)\s*(?:{_MONTH_WORD})\s+(?P<ry>{_YEAR})\b)?"
    rf"(?!\s*[-–]?\s*\d)(?![\w’'-])"
)
_WEEKDAYS = words("weekdays")
# "on Tuesday", "Monday morning", "said Monday": not "a Tuesday", "every Monday", "Tuesdays", nor
# "Tuesday's ceremony" (the weekday names a happening the clause is not about), nor a
# weekday written before its date ("Tuesday, September 15"); "Super Tuesday" is left by ``weekdays``.
_WEEKDAY = lazy_re(
    rf"(?<![Aa] )(?<![Ee]very )\b(?P<w>{'|'.join(_WEEKDAYS)})(?!s\b|\w|['’]s\b)"
    rf"(?!,?\s+(?:the\s+)?(?:\d|{_MONTH_WORD}))"
)
# A capitalised word right before the weekday, not opening the sentence: "Super Tuesday", "Black Monday".
_NAME_BEFORE = lazy_re(r"(?<=[\w,] )[A-Z][\w’'-]*\s+$")
_THIS_YEAR = lazy_re(r"\bthis\s+year\b", re.I)
_FUTURE = lazy_re(r"\b(?:will|is\s+(?:set|scheduled|expected|due)\s+to|are\s+(?:set|scheduled|expected|due)\s+to|next)\b[^.;]*$", re.I)
_NUMBER = (
    r"(?<![\w-])(?:\d{1,2}|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|an)"
)
# Dates counted from the one before: (unit, step) by group.
_RELATIVE = lazy_re(
    r"\b(?:(?P<same_y>(?:later|earlier)\s+that\s+year|that\s+(?:same\s+)?year|the\s+same\s+year)"
    r"|(?P<next_y>the\s+(?:following|next)\s+year)"
    r"|(?P<same_m>(?:later|earlier)\s+that\s+month|the\s+same\s+month)"
    r"|(?P<next_m>the\s+(?:following|next)\s+month)"
    r"|(?P<next_d>the\s+(?:following|next)\s+day)"
    rf"|(?P<n>{_NUMBER})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>later|afterwards?|earlier))",
    re.I,
)


def _year(phrase: str) -> int:
    return int(phrase[:4])


# Words that may follow a date that dates its clause ("In 1978 the", "on 5 May and", "in 1990, as").
_AFTER_A_TIME = frozenset(
    "in on at and or to when as the a an with by for of after before that which was were is are had has "
    "have when while until since but than then his her its their this these".split()
)
_NEXT_WORD = lazy_re(r"\s+([a-z][a-z-]*)\b")


def attributive(text: str, d: DateMention) -> bool:
    """Whether a date stands before a noun it describes ("to June 4, 1967 borders", "the 1967 war"):
    it sets no time for the story around it."""
    m = _NEXT_WORD.match(text, d.end, d.end + 30)
    return m is not None and m.group(1) not in _AFTER_A_TIME and not m.group(1).endswith(("ed", "ly"))


class Anchors:
    """The dates known before a point of the text, for dating what is written without a year.

    ``known`` are dates that date (a day, a month, a year in a time frame; not one that describes a
    noun, :func:`attributive`), ``blocks`` the paragraph of each sentence; ``doc_date`` the
    document's own date (ISO), if known."""

    def __init__(self, known: list[DateMention], sentences: tuple[BodySentence, ...], doc_date: str | None,
                 text: str = "") -> None:
        self._every = sorted(known, key=lambda d: d.start)
        self._every_starts = [d.start for d in self._every]
        self.known = [d for d in self._every if not attributive(text, d)]
        self._starts = [d.start for d in self.known]
        self._sent_starts = [s.span.start for s in sentences]
        self._sentences = sentences
        self.doc_date = doc_date

    def block(self, at: int) -> int:
        i = bisect.bisect_right(self._sent_starts, at) - 1
        return self._sentences[i].block if i >= 0 else -1

    def before(self, at: int) -> DateMention | None:
        i = bisect.bisect_left(self._starts, at) - 1
        return self.known[i] if i >= 0 else None

    def any_before(self, at: int) -> DateMention | None:
        """The latest date before ``at``, whatever it dates (an agreement's clauses tell no story)."""
        i = bisect.bisect_left(self._every_starts, at) - 1
        return self._every[i] if i >= 0 else None

    def year_for(self, at: int, sentence_start: int | None = None, text: str = "") -> int | None:
        """The paragraph's year, else the document's, else the latest before anywhere; the
        document's when the sentence says "this year" before ``at`` ("with up to three more possible
        this year, including Xi's state visit in September")."""
        if self.doc_date and sentence_start is not None and _THIS_YEAR.search(text, sentence_start, at):
            return _year(self.doc_date)
        last = self.before(at)
        if last is not None and self.block(last.start) == self.block(at):
            return _year(last.iso)
        if self.doc_date and (last is None or _year(last.iso) >= _year(self.doc_date) - 1):
            return _year(self.doc_date)  # a story of the document's own time
        return _year(last.iso) if last is not None else None  # a history: its latest year

    def narrative(self, at: int) -> DateMention | None:
        """The latest date before ``at`` in its paragraph or the one before."""
        last = self.before(at)
        if last is not None and self.block(at) - self.block(last.start) <= 1:
            return last
        return None


def _taken(dates: list[DateMention]) -> tuple[list[tuple[int, int]], list[int]]:
    taken = sorted((d.start, d.end) for d in dates)  # the dates do not overlap: ends are sorted too
    return taken, [e for _, e in taken]


def _free(taken: tuple[list[tuple[int, int]], list[int]], a: int, b: int) -> bool:
    spans, ends = taken
    j = bisect.bisect_right(ends, a)  # the first date ending after ``a``
    return not (j < len(spans) and spans[j][0] < b)


def yearless(text: str, sentences: tuple[BodySentence, ...], dates: list[DateMention],
             anchors: Anchors, operative: tuple[int, int] | None = None) -> list[DateMention]:
    """Days and months written without a year ("On April 7, …", "Aug. 13", "in August"), dated as
    the module docstring says. In an agreement's ``operative`` text (its articles) only a day with
    a month's full name is read, with the year of the latest date before it: its clauses tell no
    story, and "in January" there is every January."""
    taken = _taken(dates)
    out: list[DateMention] = []
    # Every match holds a month's name: sentences where none begins are skipped (most of an agreement's).
    months = [m.start() for m in _MONTH_NAME.finditer(text)]
    for s in sentences:
        i = bisect.bisect_left(months, s.span.start)
        if i == len(months) or months[i] >= s.span.end:
            continue
        clause = operative is not None and operative[0] <= s.span.start < operative[1]
        for m in _YEARLESS.finditer(text, s.span.start, s.span.end):
            first_end = m.end("d1") if m.group("d1") else m.end("m2")
            name = (m.group("m1") or m.group("m2")).lower()
            if not _free(taken, m.start(), first_end) or (clause and name.endswith(".")):
                continue
            if m.group("ry") or m.group("dy"):
                year: int | None = int(m.group("ry") or m.group("dy"))
            elif clause:
                year = _year(last.iso) if (last := anchors.any_before(m.start())) is not None else None
            else:
                year = anchors.year_for(m.start(), s.span.start, text)
            month = _MONTH_NUMBER[name.rstrip(".")]
            day = int(m.group("d1") or m.group("d2"))
            try:
                iso = datetime.date(year, month, day).isoformat() if year else None
            except ValueError:
                iso = None
            if iso:
                out.append(DateMention(m.start(), first_end, iso, "day"))
        for m in _MONTH_ONLY.finditer(text, s.span.start, s.span.end):
            if clause or not _free(taken, m.start("m"), m.end("m")):
                continue
            written = m.group("oy") or m.group("ry")
            year = int(written) if written else anchors.year_for(m.start(), s.span.start, text)
            if year:
                month = _MONTH_NUMBER[m.group("m").lower()]
                end = m.end("oy") if m.group("oy") else m.end("m")
                out.append(DateMention(m.start("m"), end, f"{year:04d}-{month:02d}", "month"))
    return out


def weekdays(text: str, sentences: tuple[BodySentence, ...], dates: list[DateMention], doc_date: str | None) -> list[DateMention]:
    """Weekdays dated from the document's own day (see the module docstring)."""
    if not doc_date or len(doc_date) != 10:
        return []
    day = datetime.date.fromisoformat(doc_date)
    taken = _taken(dates)
    out: list[DateMention] = []
    for s in sentences:
        for m in _WEEKDAY.finditer(text, s.span.start, s.span.end):
            if not _free(taken, m.start(), m.end() + 3) or _NAME_BEFORE.search(text, max(s.span.start, m.start() - 20), m.start()):
                continue
            want = _WEEKDAYS.index(m.group("w"))
            if _FUTURE.search(text, s.span.start, m.start()):
                when = day + datetime.timedelta(days=(want - day.weekday()) % 7 or 7)
            else:
                when = day - datetime.timedelta(days=(day.weekday() - want) % 7)
            out.append(DateMention(m.start(), m.end(), when.isoformat(), "day"))
    return out


def relative(text: str, sentences: tuple[BodySentence, ...], anchors: Anchors) -> list[DateMention]:
    """Dates counted from the narrative's last date ("the same year", "two days later")."""
    out: list[DateMention] = []
    for s in sentences:
        for m in _RELATIVE.finditer(text, s.span.start, s.span.end):
            base = anchors.narrative(m.start())
            if base is None:
                continue
            found = _count(m, base)
            if found is not None:
                out.append(DateMention(m.start(), m.end(), *found))
    return out


def _count(m: re.Match[str], base: DateMention) -> tuple[str, str] | None:
    """The ISO date and precision ``m`` names, counted from ``base``."""
    y = _year(base.iso)
    if m.group("same_y"):
        return str(y), "year"
    if m.group("next_y"):
        return str(y + 1), "year"
    if m.group("same_m") or m.group("next_m"):
        if base.precision == "year":
            return None
        month = int(base.iso[5:7]) + (1 if m.group("next_m") else 0)
        y, month = y + (month - 1) // 12, (month - 1) % 12 + 1
        return f"{y:04d}-{month:02d}", "month"
    if m.group("next_d"):
        n, unit, sign = 1, "day", 1
    else:
        word = m.group("n").lower()
        n = 1 if word in ("a", "an") else (int(word) if word.isdigit() else parse_cardinal(word.replace("-", " ")))
        unit = m.group("unit").lower().rstrip("s")
        sign = -1 if m.group("dir").lower() == "earlier" else 1
    if n is None:
        return None
    if unit == "year":
        return str(y + sign * n), "year"
    if unit == "month":
        if base.precision == "year":
            return None
        month = int(base.iso[5:7]) - 1 + sign * n
        return f"{y + month // 12:04d}-{month % 12 + 1:02d}", "month"
    if base.precision != "day":
        return None
    step = datetime.timedelta(days=sign * n * (7 if unit == "week" else 1))
    return (datetime.date.fromisoformat(base.iso) + step).isoformat(), "day"
