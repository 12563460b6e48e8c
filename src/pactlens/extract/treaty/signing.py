"""Where and when an instrument was signed: its signing formula ("Done at Washington, the
fourth day of April, 1949") or a dateline ("(Baku, September 30, 1992)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pactlens.extract.dates import DateMention, find_dates
from pactlens.extract.places import CAP, PLACE, good_place
from pactlens.extract.records import title_case
from pactlens.extract.treaty.instrument import Instrument
from pactlens.model import Evidence, Signed
from pactlens.resources.states import lookup
from pactlens.structure.doc import Doc

#: "Done at Washington", "SIGNED AT KABUL", "Done in duplicate at Kabul", "issued ... in Tunis City".
_SIGNING_VERB = re.compile(r"\b(?i:done|signed|sign\s+(?:this|the\s+present)|concluded|made|issued|initialled)\b")
_AT_PLACE = re.compile(rf"\b(?i:at|in)\s+(?:(?i:the\s+city\s+of)\s+)?(?P<place>{PLACE})")
#: "(Baku, September 30, 1992)", "Lima, Peru, December 4, 1954": a place right before a date.
_PLACE_BEFORE_DATE = re.compile(rf"(?:^|[(\s])(?P<place>{PLACE})(?:,\s*{CAP})?,\s*(?:on\s+)?$")


def _trim_place(place: str) -> str:
    """"Tunis City" stays; "Kabul, May" was never taken; "Washington, the" is cut by the pattern."""
    return title_case(place.strip())


@dataclass
class Signing:
    place: str | None = None
    date: DateMention | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_signed(self) -> Signed:
        return Signed(
            date=self.date.iso if self.date else None,
            precision=self.date.precision if self.date else None,  # type: ignore[arg-type]
            place=self.place,
            evidence=self.evidence,
        )

    @property
    def weight(self) -> int:
        return (2 if self.date and self.date.precision == "day" else 1 if self.date else 0) + (1 if self.place else 0)


def _signing_in(doc: Doc, start: int, end: int) -> Signing | None:
    """A signing formula inside ``[start, end)``: its place and its date, if stated."""
    text = doc.text
    best: Signing | None = None
    for verb in _SIGNING_VERB.finditer(text, start, end):
        window_end = min(end, verb.end() + 220)
        stop = re.compile(r"[.;](?:\s|$)(?![^(]*\))").search(text, verb.end(), window_end)
        clause_end = stop.start() if stop else window_end
        found = Signing()
        for m in _AT_PLACE.finditer(text, verb.end(), min(clause_end, verb.end() + 120)):
            if m.group(0)[:2].lower() == "in" and lookup(m.group("place")) is not None:
                continue  # "in Madagascar" is where, not where signed; "at Luxembourg" is a city
            if good_place(m.group("place")):
                found.place = _trim_place(m.group("place"))
                found.evidence.append(doc.evidence(m.start("place"), m.end("place")))
                break
        dates = find_dates(text, verb.end(), min(clause_end + 1, len(text)))
        if dates:
            found.date = dates[0]
            found.evidence.append(doc.evidence(dates[0].start, dates[0].end))
        if found.weight and (best is None or found.weight > best.weight):
            found.evidence.insert(0, doc.evidence(verb.start(), verb.end()))
            best = found
            if best.weight == 3:
                break
    return best


def _dated_place(doc: Doc, start: int, end: int) -> Signing | None:
    """"(Baku, September 30, 1992)": a place directly before a date, in an opening."""
    for d in find_dates(doc.text, start, end):
        before = doc.text[max(start, d.start - 60) : d.start]
        m = _PLACE_BEFORE_DATE.search(before)
        if m is None:
            continue
        a = d.start - len(before) + m.start("place")
        b = d.start - len(before) + m.end("place")
        prep = list(re.finditer(r"\s(?:In|IN|At|AT)\s+", doc.text[a:b]))
        a = a + prep[-1].end() if prep else a  # "... TREATY OF LIMITS In Buenos Aires, on the fifth day ..."
        if (a == 0 or not doc.text[a - 1].isalnum()) and good_place(doc.text[a:b]):
            return Signing(_trim_place(doc.text[a:b]), d, [doc.evidence(a, b), doc.evidence(d.start, d.end)])
    return None


def instrument_signing(doc: Doc, inst: Instrument, *, first: bool = True) -> Signing | None:
    """Signed: the closing, else the title/opening ("SIGNED AT KABUL, MAY 6TH, 1935", "(Baku, September 30, 1992)").
    Only the first instrument reads a signing formula in its title zone or after its last article:
    a further one's title cites the first's signing ("... AS OF SEPTEMBER 30, 1992, SIGNED ON ...")."""
    text = doc.text
    start, end = inst.span.start, inst.span.end
    signing = None
    if inst.final is not None:
        signing = _signing_in(doc, inst.final.start, min(end, inst.final.end + 200))
    first_article = inst.articles[0].span.start if inst.articles else None
    head_end = min(end, (first_article or inst.opening + 600))
    head_start = inst.title.start if inst.title else start
    # Only the title and the line under it: dates further into a preamble belong to other instruments.
    title_zone = min(head_end, (inst.title.end if inst.title else start) + 200)
    heads = [_signing_in(doc, head_start, title_zone)] if first else []
    for candidate in heads + [_dated_place(doc, start, min(head_end, inst.opening + 400))]:
        if candidate and (signing is None or candidate.weight > signing.weight):
            signing = candidate
    if signing is None and inst.articles and first:
        signing = _signing_in(doc, inst.articles[-1].span.start, min(end, len(text)))
    return signing
