"""A timeline of dated happenings: signings, meetings, visits, ratifications,
agreements reached, statements.

A date alone is not an event. A written day or month date is taken when its
clause says what happened; a bare year only where the wording makes it a
time ("in 2001", "since 2019"), never where it names something ("the 2025
Treaty", "a 1970 UN survey"), sits in a URL, or lies in a footnote
definition. Entry into force and accession count as ``ratification`` (the
steps that complete an agreement); a clause with no recognisable happening
is kept as ``other`` only when its date is precise to the month or day.
"""

from __future__ import annotations

import bisect
import re

from pactlens.extract.dates import DateMention
from pactlens.extract.prose.datelines import dateline, today_dates
from pactlens.extract.prose.discourse import reading_text, url_ranges
from pactlens.extract.prose.event_clauses import AS_OF
from pactlens.extract.prose.event_dates import dates_with_years, named_happening, year_is_date
from pactlens.extract.prose.written_dates import document_date, unwritten_years
from pactlens.extract.prose.event_index import EventIndex
from pactlens.extract.prose.people import find_people
from pactlens.model import Agreement, Event
from pactlens.structure.doc import Doc, Span
from pactlens.structure.nlp import operative_text
from pactlens.structure.sentences import body_sentences
from pactlens.regexes import lazy_re


#: A deadline year ("by 2017") in a clause that tells of the future.
_BY = lazy_re(r"\b(?:by|until|till)\s+$", re.I)
#: A definite description before a year: "the 2011 uprising", "Bahrain's 2011 uprising", "the uprising of".
_DEFINITE = lazy_re(r"(?:\b(?:the|its|their|his|her)|[\w.]+['’]s)\s+(?:\w+\s+(?:of|in)\s+)?$", re.I)
_WILL = lazy_re(r"\b(?:will|would|shall|(?:is|are)\s+(?:planning|expected|scheduled|set)\s+to|plans?\s+to|aims?\s+to|(?:is|are)\s+to)\b", re.I)


def find_events(doc: Doc, agreements: list[Agreement]) -> list[Event]:
    """Dated happenings in running text, in text order, duplicates of a more precise one dropped.

    What each date asks of its sentence and clause is answered by an :class:`EventIndex` built
    once per sentence and clause, so a sentence with thousands of dates is read in n log n."""
    # Read with Markdown links as their labels ("the 2024 ATA [said](https://…)" reads "the 2024 ATA
    # said"), same offsets; summaries and evidence are the document's own text.
    text = reading_text(doc)
    sentences = body_sentences(doc)
    if not sentences:
        return []
    people = find_people(doc, [(s.span.start, s.span.end) for s in sentences])
    index = EventIndex(text, sentences, people, agreements, lines=doc.text)
    events: list[Event] = []
    dates = dates_with_years(text, sentences)
    line = dateline(doc)
    # A news item's dateline dates the day's happenings, "today" and "this morning", not itself.
    # Later ones mostly retell the first ("made the announcement this morning"): the first that
    # dates a happening is kept.
    doc_date = document_date(doc)
    today = today_dates(doc)
    today_at = {d.start for d in today}
    today_done = False
    dates = [d for d in dates if line is None or d.start != line.start] + today
    dates, relative_at = unwritten_years(doc, text, sentences, dates, doc_date)
    starts = [s.span.start for s in sentences]
    retold: set[tuple[str, str]] = set()
    by_sentence: dict[int, list[DateMention]] = {}
    for d in dates:
        i = bisect.bisect_right(starts, d.start) - 1
        if i >= 0 and d.end <= sentences[i].span.end:
            by_sentence.setdefault(i, []).append(d)
    for i, found in sorted(by_sentence.items()):
        s = sentences[i]
        urls = url_ranges(text, s.span.start, s.span.end)
        url_starts = [u for u, _ in urls]
        for d in found:
            k = bisect.bisect_right(url_starts, d.start) - 1
            if (k >= 0 and d.start < urls[k][1]) or index.in_apparatus(d.start):
                continue
            if d.precision == "year" and d.start not in relative_at and not year_is_date(text, d, s.span.start):
                continue
            a, b = index.summary(*index.clause_around(i, d.start))
            c = index.clause(a, b)
            if not index.is_happening(c, d, a, b):
                continue
            at = d.start - a
            if d.precision == "year" and _BY.search(text, max(a, d.start - 8), d.start) and _WILL.search(c.text, index.part(c, at)[0], at):
                continue  # "will send two more ships by 2017": a target, not a happening
            kind = index.kind(c, at)
            if kind == "other" and d.precision == "year" and not (index.names_happening(c, at, d.end) or index.narrates(c, at)):
                continue
            if kind == "other" and AS_OF.search(text, max(a, d.start - 12), d.start):
                continue  # "18 killed … as of September 15, 2026": when a figure held, not a happening
            if d.precision == "year" and (noun := named_happening(text, d.start, d.end)) is not None:
                if (d.iso, noun) in retold and _DEFINITE.search(text, max(0, d.start - 40), d.start):
                    continue  # "Bahrain's 2011 uprising" after "a 2011 uprising": told once
                retold.add((d.iso, noun))
            if d.start in today_at:
                if today_done:
                    continue
                today_done = True  # one happening for the dateline's day
            events.append(
                Event(
                    date=d.iso,
                    precision=d.precision,
                    kind=kind,
                    summary=doc.text[a:b],
                    actors=list(index.actors(c, a, b)),
                    agreement=index.agreement_of(c, a, b, d.iso, kind),
                    evidence=[doc.evidence(d.start, d.end), doc.evidence(a, b)],
                )
            )
    return _dedupe(events, operative_text(doc))


def _people(actors: set[str]) -> bool:
    """Whether ``actors`` hold a person (a state's ISO code is three capitals): a state takes part
    in many happenings of a year, a person in few."""
    return any(not (len(a) == 3 and a.isupper()) for a in actors)


#: Kinds of happening an agreement goes through once: an actorless year of one retells the precise one
#: ("the treaty, signed in 2025").
_ONE_OFF = frozenset({"signing", "ratification", "agreement"})


def _dedupe(events: list[Event], operative: Span | None = None) -> list[Event]:
    """Drop a year-only (or month-only) event that repeats a more precise one of the same
    kind and agreement (and, with no agreement, a shared person: a state takes part in many; or no
    actor at all, for a signing, ratification or agreement, which an agreement goes through once,
    and for anything in an agreement's own clauses, which repeat their years). Talks and
    statements recur: "an impasse in the talks during the winter of 1978" is not the September
    1978 summit.

    The more precise events are indexed by kind, agreement and each shorter date
    they start with, with the union of their actors: one look-up per event.
    """
    def in_clauses(e: Event) -> bool:
        return operative is not None and operative.start <= e.evidence[0].start < operative.end

    precise: dict[tuple[str, str | None, str], set[str]] = {}
    for o in events:
        for cut in (4, 7):
            if len(o.date) > cut:
                precise.setdefault((o.kind, o.agreement, o.date[:cut]), set()).update(o.actors)
    out = []
    for e in events:
        actors = precise.get((e.kind, e.agreement, e.date)) if e.precision != "day" else None
        if actors is not None and (e.agreement or _people(actors & set(e.actors)) or (not e.actors and (e.kind in _ONE_OFF or in_clauses(e)))):
            continue
        out.append(e)
    return out
