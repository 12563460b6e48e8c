"""A news item's dateline ("WASHINGTON, June 13, 2014 –") and the day "today" means after it.

Wire copy dates what happened by the dateline, not in the sentence: "The United States and the
Philippines to-day signed a new defence pact", "Hagel said today", "met ... this morning". The
dateline's day is that day. Without a dateline "today" is unknown: the day the text is read is
not the day it tells of, so nothing is dated by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactlens.extract.dates import DateMention, find_dates
from pactlens.resources.lexicon import alternation
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re

#: A line opening with a place in capitals (or a capitalised place) and a month-day date, then a dash,
#: a stop or a colon: "WASHINGTON, Aug. 11, 2014 –", "TOKYO, April 6, 2014 –", "WASHINGTON, August 30.".
_DATELINE = lazy_re(
    rf"^(?P<place>[A-Z][A-Z.'’ -]{{1,40}}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,3}}),[^\S\n]+"
    rf"(?P<date>(?:{alternation('months', 'month_abbreviations')})\.?[^\S\n]+\d{{1,2}}(?:,[^\S\n]+\d{{4}})?)[^\S\n]*(?:[–—-]|\.[^\S\n]|:)",
    re.MULTILINE,
)
#: Words that mean the dateline's day.
TODAY = lazy_re(r"\b(?:today|to-day|this\s+(?:morning|afternoon|evening)|tonight)\b", re.IGNORECASE)
#: How far into the text a dateline may stand (after a title, a byline, an agency line).
_HEAD = 1500


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline: its place and its date (``start``/``end`` into the document text; ``iso`` the
    day, None when the dateline gives no year)."""

    start: int
    end: int
    iso: str | None
    place: str
    place_start: int
    place_end: int


def dateline(doc: Doc) -> Dateline | None:
    """The dateline at the head of ``doc``, if it has one."""
    return doc.once("pactlens.dateline", lambda: _find(doc))


def _find(doc: Doc) -> Dateline | None:
    text = doc.text
    head_end = min(len(text), (doc.front_matter.end if doc.front_matter else 0) + _HEAD)
    for m in _DATELINE.finditer(text, 0, head_end):
        if doc.in_footnotes(m.start()):
            continue
        days = [d for d in find_dates(text, m.start("date"), m.end("date")) if d.precision == "day"]
        iso = days[0].iso if days else None  # a dateline without a year: its day is not known
        place = m.group("place").strip()
        return Dateline(m.start("date"), m.end("date"), iso, place.title() if place.isupper() else place,
                        m.start("place"), m.start("place") + len(place))
    return None


def today_in(doc: Doc, start: int, end: int) -> tuple[int, int, Dateline] | None:
    """The span of "today"/"this morning" in ``[start, end)`` after the dateline, and the dateline."""
    line = dateline(doc)
    if line is None or end <= line.end:
        return None
    m = TODAY.search(doc.text, max(start, line.end), end)
    return (m.start(), m.end(), line) if m else None


def today_dates(doc: Doc) -> list[DateMention]:
    """Each "today"/"this morning" after the dateline as a date of the dateline's day, where the
    dateline gives a year: wire copy tells the day's happenings so ("Hagel said today that …")."""
    line = dateline(doc)
    if line is None or line.iso is None:
        return []
    out = []
    for m in TODAY.finditer(doc.text, line.end):
        if doc.in_footnotes(m.start()):
            continue
        out.append(DateMention(m.start(), m.end(), line.iso, "day"))
    return out
