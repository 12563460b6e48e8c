"""The dates of running text with the years the text leaves unwritten: one reading for every reader.

Events and the signing clauses of agreements both need "signed on March 26" dated, and a
careful reader dates it one way whoever asks: a day or month without a year takes the year of the
paragraph's narrative, else the document's own date's, else the latest written before it
(:class:`pactlens.extract.prose.event_anchors.Anchors` states the rule); weekdays count from the
document's day, relative dates ("the same year") from the latest date before them. Kept here,
below both readers, so the rule is written once.
"""

from __future__ import annotations

from pactlens.extract.dates import DateMention
from pactlens.extract.metadata import document_metadata
from pactlens.extract.prose.discourse import reading_text
from pactlens.extract.prose.event_anchors import Anchors, relative, weekdays, yearless
from pactlens.extract.prose.event_dates import dates_with_years, year_is_date
from pactlens.structure.doc import Doc
from pactlens.structure.nlp import operative_text
from pactlens.structure.sentences import BodySentence, body_sentences
from pactlens.regexes import lazy_re

#: The second end of a year range ("the winter of 1978–1979"): the story goes on from there.
_RANGE_END = lazy_re(r"(?:1[5-9]|20)\d\d\s*[–-]\s*$")


def unwritten_years(doc: Doc, text: str, sentences: tuple[BodySentence, ...],
                    dates: list[DateMention], doc_date: str | None) -> tuple[list[DateMention], set[int]]:
    """``dates`` with the days, months, weekdays and relative dates written without a year
    (:mod:`pactlens.extract.prose.event_anchors`), in text order; and where the relative ones start
    (their words, "the same year", are no frame a bare year needs)."""
    known = [d for d in dates if d.precision in {"day", "month"} or year_is_date(text, d, d.start - 20)
             or _RANGE_END.search(text, max(0, d.start - 8), d.start)]
    # An agreement's operative clauses say "the following year", "in January" of no year in particular.
    op = operative_text(doc)
    prose = tuple(s for s in sentences if op is None or not op.start <= s.span.start < op.end)
    more = yearless(text, sentences, dates, Anchors(known, sentences, doc_date, text), op and (op.start, op.end))
    more += weekdays(text, prose, dates + more, doc_date)
    rel = relative(text, prose, Anchors(known + more, sentences, doc_date, text))
    return sorted(dates + more + rel, key=lambda d: d.start), {d.start for d in rel}


def document_date(doc: Doc) -> str | None:
    """The document's own date (metadata, front matter, dateline), found once."""
    return doc.once("document date", lambda: document_metadata(doc, title=doc.source.title, date=doc.source.date).date)


def body_dates(doc: Doc) -> list[DateMention]:
    """Every date of the body's running text, the unwritten years filled in, in text order;
    computed once per document."""
    def compute() -> list[DateMention]:
        text = reading_text(doc)
        sentences = body_sentences(doc)
        return unwritten_years(doc, text, sentences, dates_with_years(text, sentences), document_date(doc))[0]
    return doc.once("body dates", compute)
