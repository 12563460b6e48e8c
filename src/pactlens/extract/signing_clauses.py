"""The signing clause of an instrument: which "signed ... on <date>" is its own.

A treaty text is full of dates of signature, and most are not its own: the
convention it applies ("the Convention ... signed in Brussels on 15 December
1950"), the agreement it amends, the WTO Agreement, a tax treaty. Its own
signature is stated in a few places only, each a class of clause read here:

- the testimonium: a sentence that opens with "Done at", "Signed at", "Made
  at", "DONE in duplicate at ..." (often after "IN WITNESS WHEREOF ... have
  signed this Agreement."), or "have signed this Agreement at X on <date>";
- a sentence whose subject is the instrument itself: "This Agreement was
  signed at ... on ...", "The present Protocol is done in ...";
- a dateline under the title ("SIGNED AT KABUL, MAY 6TH, 1935").

The formula in capitals ("DONE at") is one even where OCR lost the full stop
before it. Any other signing verb is a participle hung on another
instrument's name and dates that instrument, or a later signature by one
state ("It was also signed on ... by Yemen"): ``cited``, never the signing. Entry into force, ratification and
accession clauses date other events and are kept apart (:func:`event_kind`).
A testimonium whose date is left blank ("this ___ day of ____ 19__") is read
as a clause with no date: the caller says unknown rather than borrow a date
from elsewhere in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pactlens.extract.dates import DateMention, find_dates
from pactlens.resources.lexicon import phrases
from pactlens.regexes import lazy_re

ClauseKind = Literal["signature", "cited"]
EventKind = Literal["signature", "entry-into-force", "ratification", "accession"]

#: The verbs that sign ("sign this" / "sign the present": "we sign this Treaty at ...").
SIGNING_VERB = lazy_re(
    r"\b(?i:done|signed|sign\s+(?:this|the\s+present)|concluded|made|issued|initialled|executed)\b"
)
_INSTRUMENT = (
    rf"(?:{phrases('agreement_nouns')}|act|arrangement|decision|regulation|understanding"
    r"|exchange\s+of\s+(?:letters|notes)|amendment|statute|covenant|instrument|letters?|notes?)"
)
#: An instrument's head word: after the witness formula, a sign that the clause names another one.
_OTHER = lazy_re(rf"(?i)\b{_INSTRUMENT}s?\b")
#: Where a sentence (or an item of a run-on OCR text) starts: the testimonium stands there.
_SENTENCE_START = lazy_re(r"(?:^|[.;:!?)\]}\u201d\"]|\n)[\s\-\u2013\u2014*]*$")
#: "IN WITNESS WHEREOF the undersigned ... have signed this Agreement" and its variants.
_WITNESS = lazy_re(r"(?i)\bin\s+(?:witness|faith|testimony)\s+(?:whereof|thereof|of\s+which)\b")
#: A verb that signs "this Agreement" directly: "have signed this Agreement at Lima on ...".
_SIGNS_SELF_AFTER = lazy_re(rf"(?i)\s+(?:(?:this|the\s+present)\s+(?:\w+\s+){{0,2}}?{_INSTRUMENT}\b)")
#: The instrument as the subject of the signing verb: "This Agreement was signed", "It is done".
_SELF_SUBJECT = lazy_re(
    rf"(?i)(?:\b(?:this|the\s+present)\s+(?:\w+\s+){{0,3}}?{_INSTRUMENT}|(?:^|[.;]\s*)it)"
    r"(?:\s*,[^,.;]{0,60},)?\s+(?:(?:was|is|has\s+been|shall\s+be|will\s+be|being|were|are)\s+)?"
    r"(?:(?:duly|hereby|jointly)\s+)?$"
)
#: Words that may open a testimonium before its verb: "Thus done and signed at ...".
_LEAD_WORDS = lazy_re(r"(?i)(?:\b(?:thus|so|hereby|done|signed|and)\s+)+$")
_AT_OR_IN = lazy_re(r"\s+(?i:at|in)\b")
#: Verbs that sign only in the formula itself ("Made at ...", "Issued in ..."), never as a participle.
_FORMULA_ONLY = {"made", "issued", "executed", "initialled"}
_FORMULA_NEXT = lazy_re(r"\s+(?i:at|in|on|this)\b")
#: A participle's clause: "... Purposes signed in Brussels": the verb follows a noun, not a sentence start.
_CLAUSE_START = lazy_re(r"[.;]\s|\n\s*\n")

#: A gap left for filling in at signature: underscores, dots or ellipses ("___", "......", "……").
_FILL = r"(?:[_\u2026]{2,}|\.{3,}|[_\u2026.]{3,})"
#: The date left blank: "this ___ day of ____", "on this…….. day of", "on ...... 19..".
BLANK_DATE = lazy_re(
    rf"(?i){_FILL}[^;]{{0,30}}?\bday\s+of\b|\bday\s+of\s*{_FILL}|\b(?:on|this|dated?)\s*{_FILL}"
    r"|\b(?:19|20)(?:__|\.\.)(?!\d)"
)


def clause_kind(text: str, verb_start: int, verb_end: int, zone_start: int = 0) -> ClauseKind:
    """Whether the signing verb at ``[verb_start, verb_end)`` signs the instrument itself
    (``signature``) or dates another one the text names (``cited``)."""
    before = text[max(zone_start, verb_start - 300) : verb_start]
    verb = text[verb_start:verb_end]
    formula_only = verb.split()[0].lower() in _FORMULA_ONLY
    lead = _LEAD_WORDS.sub("", before)  # "Thus done and signed at ..."
    if (_SENTENCE_START.search(lead) or not lead.strip()) and (not formula_only or _FORMULA_NEXT.match(text, verb_end)):
        return "signature"  # "Done at ...", "SIGNED at ...", after "have signed this Agreement."
    if verb.isupper() and len(verb) > 2 and _AT_OR_IN.match(text, verb_end):
        return "signature"  # the formula in capitals, its sentence break lost by OCR: "Concessions DONE at Belgrade"
    if formula_only:
        return "cited"  # "to be made on the following dates": these verbs sign only in the formula
    if _SIGNS_SELF_AFTER.match(text, verb_end):
        return "signature"  # "have signed this Agreement at ..."
    cut = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
    clause = before[cut:]
    if _SELF_SUBJECT.search(clause):
        return "signature"  # "This Agreement was signed at ..."
    witness = _WITNESS.search(clause)
    if witness and not _OTHER.search(clause, witness.end()):
        return "signature"  # "IN WITNESS WHEREOF ..., done at X"
    return "cited"  # a participle after another instrument's name, or no sign that it is this one's


#: Instrument words by the kind of instrument they name: a closing that signs "this Protocol" is
#: not the closing of an Agreement (a protocol's text run on into the agreement's, in one file).
_KIND_GROUPS = (
    ("agreement", "treaty", "convention", "pact", "charter", "accord", "covenant", "statute", "act"),
    ("protocol",), ("declaration",), ("memorandum",), ("exchange",), ("amendment",), ("decision",),
)
_SIGNED_THIS = lazy_re(r"(?i)\b(?:signed|sign)\s+(?:this|the\s+present)\s+(?P<w>[a-z]+)")


def _group(word: str) -> int | None:
    w = word.lower()
    return next((i for i, g in enumerate(_KIND_GROUPS) if any(w.startswith(k) for k in g)), None)


def signs_other_kind(text: str, verb_start: int, own_head: str | None) -> bool:
    """Whether the testimonium before ``verb_start`` signs an instrument of another kind than the
    one being read ("have signed this Protocol. DONE at ..." inside an Agreement's span)."""
    if not own_head:
        return False
    before = text[max(0, verb_start - 300) : verb_start]
    said = list(_SIGNED_THIS.finditer(before))
    if not said:
        return False
    theirs, ours = _group(said[-1].group("w")), _group(own_head)
    return theirs is not None and ours is not None and theirs != ours


@dataclass(frozen=True, slots=True)
class SigningDate:
    """The date read from a signing clause: a date, or a blank left for one (``date`` None)."""

    date: DateMention | None
    blank: tuple[int, int] | None = None


def clause_end(text: str, verb_end: int, limit: int) -> int:
    """Where a signing clause ends: its sentence's full stop (not one inside brackets or an
    abbreviation like "13." in "this 13. day"), or ``limit``."""
    stop = re.compile(r"(?<![\d\s][\d])(?<!\b\d)[.;](?:\s|$)(?![^(]*\))").search(text, verb_end, limit)
    return stop.start() if stop else limit


def signing_date(text: str, verb_end: int, end: int) -> SigningDate:
    """The date a signing clause states after its verb, within ``[verb_end, end)``: the first date,
    or the blank the text leaves for one; a date after a blank is not the clause's."""
    stop = clause_end(text, verb_end, end)
    blank = BLANK_DATE.search(text, verb_end, min(len(text), stop + 1))
    dates = find_dates(text, verb_end, min(len(text), stop + 1))
    if blank is not None and (not dates or blank.start() < dates[0].start):
        return SigningDate(None, blank.span())
    return SigningDate(dates[0] if dates else None)


#: An agreement's entry into force told with a verb: "shall enter into force", "came into effect", "took
#: effect". One phrase for the event table below and verify's checks of a claimed date of entry into
#: force; the table adds the noun "entry into force", "effective" and "in force on", which verify
#: cannot take ("effective measures", "the treaty in force").
ENTERS_INTO_FORCE = (r"(?:(?:enter\w*|came|come|comes|coming|went|go|goes)\s+into\s+(?:force|effect)"
                     r"|t[ao]ken?\s+effect|took\s+effect|takes\s+effect)")

#: The words that say which other event a date dates, in a treaty's final clauses ("shall enter into
#: force on", "ratified on") and in writing about one ("took effect on", "approved in", "acceded in",
#: "joined in"): the treaty readers and verify's fact checks read dates with the same table.
EVENT_WORDS: tuple[tuple[EventKind, re.Pattern[str]], ...] = (
    ("entry-into-force", lazy_re(
        rf"(?i)\b(?:{ENTERS_INTO_FORCE}|entry\s+into\s+(?:force|effect)|effective|in\s+force\s+(?:on|from|since))\b")),
    ("ratification", lazy_re(r"(?i)\b(?:ratif\w+|approv\w+|deposit\w*)\b")),
    ("accession", lazy_re(r"(?i)\b(?:acced(?:e|ed|es|ing)|accession|adher\w+|joined|join)\b")),
)


def event_kind(text: str, start: int, date_start: int) -> EventKind | None:
    """What a date in ``text`` dates, from the nearest event words before it in its clause:
    entry into force, ratification, accession, or signature (a signing verb); None if none."""
    before = text[max(start, date_start - 160) : date_start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
    clause = before[cut:]
    best: tuple[int, EventKind] | None = None
    for kind, rx in (*EVENT_WORDS, ("signature", SIGNING_VERB)):
        for m in rx.finditer(clause):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)  # type: ignore[assignment]
    return best[1] if best else None
