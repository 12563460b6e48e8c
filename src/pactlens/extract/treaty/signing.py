"""Where and when an instrument was signed: its signing formula ("Done at Washington, the
fourth day of April, 1949") or a dateline ("(Baku, September 30, 1992)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pactlens.extract.dates import DateMention, find_dates
from pactlens.extract.places import CAP, PLACE, good_place
from pactlens.structure.scan import folded_text, literal_trie, matches_at, starts_in
from pactlens.extract.records import KIND_RE, title_case
from pactlens.extract.signing_clauses import SIGNING_VERB, clause_kind, signing_date, signs_other_kind
from pactlens.extract.treaty.instrument import Instrument
from pactlens.model import Evidence, Signed
from pactlens.resources.states import lookup
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re

_AT_PLACE = lazy_re(rf"\b(?i:at|in)\s+(?:(?i:the\s+city\s+of)\s+)?(?P<place>{PLACE})")
#: "(Baku, September 30, 1992)", "Lima, Peru, December 4, 1954": a place right before a date.
_PLACE_BEFORE_DATE = lazy_re(rf"(?:^|[(\s])(?P<place>{PLACE})(?:,\s*{CAP})?,\s*(?:on\s+)?$")


def _trim_place(place: str) -> str:
    """"Tunis City" stays; "Kabul, May" was never taken; "Washington, the" is cut by the pattern."""
    return title_case(place.strip())


@dataclass
class Signing:
    place: str | None = None
    date: DateMention | None = None
    evidence: list[Evidence] = field(default_factory=list)
    blank: bool = False  # the clause leaves its date blank: unknown, and no other date stands in

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


#: The words a ``SIGNING_VERB`` match opens with, lowercased ("sign" of "signed" and "sign this").
_SIGNING_OPENING = lazy_re(literal_trie(["done", "sign", "concluded", "made", "issued", "initialled", "executed"]))


def _signing_in(doc: Doc, start: int, end: int, head: str | None = None) -> Signing | None:
    """The instrument's own signing clause inside ``[start, end)``: its place and its date, if
    stated. A signing verb that dates another instrument the text cites is skipped, and so is a
    closing that signs an instrument of another kind than ``head`` (the instrument's title word)."""
    text = doc.text
    best: Signing | None = None
    opening = starts_in(_SIGNING_OPENING, text, start, end, folded_text(doc))
    for verb in matches_at(SIGNING_VERB, text, opening, end):
        if clause_kind(text, verb.start(), verb.end(), start) == "cited" or signs_other_kind(text, verb.start(), head):
            continue
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
        dated = signing_date(text, verb.end(), window_end)
        if dated.date is not None:
            found.date = dated.date
            found.evidence.append(doc.evidence(dated.date.start, dated.date.end))
        elif dated.blank is not None:
            found.blank = True
            found.evidence.append(doc.evidence(*dated.blank))
        if (found.weight or found.blank) and (best is None or found.weight > best.weight):
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
        if any(clause_kind(doc.text, v.start(), v.end(), start) == "cited"
               for v in SIGNING_VERB.finditer(doc.text, max(start, a - 80), a)):
            continue  # "the Treaty of Friendship, signed in the city of Rivera, on June 12, 1975": another's
        if (a == 0 or not doc.text[a - 1].isalnum()) and good_place(doc.text[a:b]):
            return Signing(_trim_place(doc.text[a:b]), d, [doc.evidence(a, b), doc.evidence(d.start, d.end)])
    return None


def instrument_signing(doc: Doc, inst: Instrument, *, first: bool = True) -> Signing | None:
    """Signed: the closing, else the title/opening ("SIGNED AT KABUL, MAY 6TH, 1935", "(Baku, September 30, 1992)"),
    else a testimonium after its last article or anywhere in its own span; a blank closing date
    stays unknown. Only the first instrument reads a signing formula in its title zone: a further
    one's title cites the first's signing ("... AS OF SEPTEMBER 30, 1992, SIGNED ON ...")."""
    text = doc.text
    start, end = inst.span.start, inst.span.end
    # Its own instrument word: the title's, else the first one at its head ("AGREEMENT ON THE ...").
    kind = KIND_RE.search(doc.slice(inst.title) if inst.title else text[start : min(end, start + 200)])
    head = kind.group(0).split()[0] if kind else None
    signing = None
    if inst.final is not None:
        signing = _signing_in(doc, inst.final.start, min(end, inst.final.end + 200), head)
    first_article = inst.articles[0].span.start if inst.articles else None
    head_end = min(end, (first_article or inst.opening + 600))
    head_start = inst.title.start if inst.title else start
    # Only the title and the line under it: dates further into a preamble belong to other instruments.
    title_zone = min(head_end, (inst.title.end if inst.title else start) + 200)
    heads = [_signing_in(doc, head_start, title_zone)] if first else []
    for candidate in heads + [_dated_place(doc, start, min(head_end, inst.opening + 400))]:
        if candidate and (signing is None or candidate.weight > signing.weight):
            signing = candidate
    if signing is None and inst.articles:
        signing = _signing_in(doc, inst.articles[-1].span.start, min(end, len(text)), head)
    if signing is None:
        # No closing found by structure: a testimonium anywhere in the instrument's own span.
        signing = _signing_in(doc, inst.opening, end, head)
    return signing
