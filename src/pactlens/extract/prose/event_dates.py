"""Which dates in running text date a happening: dates found only where a sentence holds a year,
days written without a year given the year of the latest date before them, and bare years kept
only in the frames that make them dates ("in 2023", not "the Trade Act of 1974" or "2023 census").

Also what is no happening at all: a heading, a dateline, a reference entry, a caption line.
"""

from __future__ import annotations

import bisect
import re

from pactlens.extract.dates import DateMention, find_dates
from pactlens.extract.prose.event_clauses import HAPPENING_NOUN
from pactlens.extract.prose.speech import VERB_FORMS
from pactlens.resources.lexicon import words
from pactlens.structure.scan import folded
from pactlens.structure.sentences import BodySentence
from pactlens.regexes import lazy_re

# A bare year is a date in these frames only: after a preposition ("in 2001"), a season ("in
# summer 2026", "fall 2022") or "both" ("in both 2019 and 2024").
_YEAR_BEFORE = lazy_re(
    r"(?:\b(?:in|since|by|during|until|till|from|of|early|late|mid|throughout|before|after|around|circa|c\.|both)\s*-?\s*"
    r"|\b(?:in|of)\s+(?:early|late|mid)-?\s*|\b(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+)$",
    re.I,
)
# A year that dates the happening or the document it stands before: "Russia's 2022 invasion of
# Ukraine", "the 1962 Cuban Missile Crisis", "A 2025 DIA statement indicated", "The 2024 ATA said".
_YEAR_AS_MODIFIER = lazy_re(r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|[\w.]+['’]s)\s+$")
HAPPENING_AFTER_YEAR = lazy_re(
    rf"\s+(?:[\w’'-]+\s+){{0,3}}?(?P<noun>{HAPPENING_NOUN}|crisis|summit|visit)\b(?!\s+(?:treaty|agreement|accords?|pact))", re.I
)
_HAPPENING_BEFORE = lazy_re(rf"\b(?P<noun>{HAPPENING_NOUN})\s+(?:of|in)\s+$", re.I)
# The document's own words before its verb: no clause opens between ("a 1928 agreement in which
# signatory states promised" is the states speaking, not a 1928 statement).
_SPOKEN_AFTER_YEAR = lazy_re(
    rf"\s+(?:(?!(?:in|which|that|who|whom|where|when|whose|of|to|for|by|with|and|or|on|at|as)\b)[\w.’'()-]+\s+){{1,5}}?"
    # In the past: "the 2026 Annual Threat Assessment states" is the document as it stands.
    rf"(?=\w+ed\b|said\b|told\b|wrote\b|spoke\b)(?:{VERB_FORMS})\b"
)
_YEAR_AFTER_NAME = lazy_re(r"^\s*[-–]?\s*(?:[A-Z]\w+|[a-z]+\s+(?:census|report|survey|law|act|exposé|edition|treaty|agreement))")
# Dates of the document itself or of a reference, not of a happening.
# "Updated" may be glued to a title run together with it ("Russia's Nuclear WeaponsUpdated April 22, 2026").
NOT_HAPPENING = lazy_re(r"(?:\b|(?<=[a-z]))(?:Updated|Accessed|Retrieved|Archived|Published|Category:)", re.I)
# A line that is apparatus, not narrative: a figure or table caption, a source line,
# or a list item that is only a link (a version history, a navigation menu).
_APPARATUS_LINE = lazy_re(
    r"^[\s>*_▲#-]*(?:(?:Figure|Fig\.|Table|Chart|Map|Graph|Source|Sources|Note|Photo)\s*[\d.:]"
    r"|\[[^\]\n]*\]\([^)\n]*\)\s*$)",
    re.I,
)


# "the Trade Act of 1974", "the Treaty of 1920": a year that ends a name.
# "Decision No. 1 of 1997": the year of a numbered instrument.
_YEAR_IN_NAME = lazy_re(
    r"(?:\b(?!(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Ee]nd|[Ss]tart|[Bb]eginning)\b)[A-Z][a-z]+|\bNo\.\s*\d+)\s+of\s+$"
)


def year_is_date(text: str, d: DateMention, sent_start: int) -> bool:
    before = text[max(0, sent_start, d.start - 20) : d.start]
    after = text[d.end : d.end + 30]
    if _YEAR_AS_MODIFIER.search(before) and modifies_happening(text, d.end):
        return True
    if _YEAR_AFTER_NAME.match(after) or re.match(r"^(?:\s*(?:%|-year|\s*per\s*cent)|['’]?s\b)", after):
        # (a figure, a duration, or a decade: "the early 1970s", "the 1950’s")
        return False
    if _YEAR_IN_NAME.search(before):
        return False
    return bool(_YEAR_BEFORE.search(before))


def modifies_happening(text: str, end: int) -> bool:
    """Whether the words after a year at ``end`` name a happening ("2022 invasion of Ukraine") or
    the document that spoke ("2025 DIA statement indicated"): the year dates it."""
    return bool(HAPPENING_AFTER_YEAR.match(text, end, end + 300) or _SPOKEN_AFTER_YEAR.match(text, end, end + 400))


def named_happening(text: str, start: int, end: int) -> str | None:
    """The happening noun a year at ``[start, end)`` dates right before or after it ("the 2011
    uprising", "the revolution of 1979"), lower-cased: a second mention of the same year's
    uprising retells it."""
    m = HAPPENING_AFTER_YEAR.match(text, end, end + 300)
    if m is None:
        m = _HAPPENING_BEFORE.search(text, max(0, start - 30), start)
    return m.group("noun").lower() if m else None


# Every written date holds a year, in figures or in words.
_HAS_YEAR = lazy_re(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\b(?:hundred|thousand)\b", re.I)


#: _HAS_YEAR's two parts, each scanned for apart over a whole text: the figures open with a digit the
#: engine skips to (the digit before is checked apart), and the words are found lowercased.
_YEAR_FIGURES = lazy_re(r"(?:1[5-9]\d\d|20\d\d)(?!\d)")
_YEAR_WORDS = lazy_re(r"\b(?:hundred|thousand)\b", re.I)
_YEAR_WORD_LITERALS = lazy_re(r"hundred|thousand")


class _YearIndex:
    """Where ``_HAS_YEAR`` matches in a text, found in one scan, so that asking whether a sentence
    holds a year is a binary search rather than a search of the sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in _YEAR_FIGURES.finditer(text) if not (m.start() and text[m.start() - 1].isdecimal())]
        low = folded(text)
        if len(low) == len(text):  # the words' places in the lowercased text, each checked in the text
            spans += [m.span() for w in _YEAR_WORD_LITERALS.finditer(low) if (m := _YEAR_WORDS.match(text, w.start()))]
        else:
            spans += [m.span() for m in _YEAR_WORDS.finditer(text)]
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def within(self, start: int, end: int) -> bool:
        """``_HAS_YEAR.search(text, start, end) is not None``."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.starts) and self.starts[i] < end and self.ends[i] <= end:
            return True
        nxt = self.text[end : end + 1]
        if nxt.isalnum() or nxt == "_":
            # Cut at ``end`` a match may end where the whole text's does not ("1999" before "5").
            return _HAS_YEAR.search(self.text, start, end) is not None
        return False


def dates_with_years(text: str, sentences: tuple[BodySentence, ...]) -> list[DateMention]:
    """The date finder run only over runs of consecutive sentences that hold a year:
    most sentences of a long agreement hold none, and the date patterns are costly."""
    out: list[DateMention] = []
    run: list[int] | None = None
    years = _YearIndex(text)
    for s in sentences:
        if years.within(s.span.start, s.span.end):
            if run and run[1] >= s.span.start - 2:
                run[1] = s.span.end
            else:
                if run:
                    out.extend(find_dates(text, run[0], run[1], years=True))
                run = [s.span.start, s.span.end]
    if run:
        out.extend(find_dates(text, run[0], run[1], years=True))
    return out


def in_apparatus(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a caption, a source line or a bare link list item."""
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return _APPARATUS_LINE.match(text[a : len(text) if b < 0 else b]) is not None
