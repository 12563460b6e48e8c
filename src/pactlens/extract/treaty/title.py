"""The title at the head of a treaty file or of one instrument in it, without its repeated
parties, signing line or source note; None when the text starts with a preamble or an article.
"""

from __future__ import annotations

import re

from pactlens.extract.records import KIND_RE
from pactlens.structure.doc import Doc, Span
from pactlens.regexes import lazy_re

_LABEL = lazy_re(r"^\s*(?:MainText|MAIN\s+TEXT|AppendixText)\s*:\s*", re.IGNORECASE)
BETWEEN = lazy_re(r"\b(?:between|among|amongst)\s+", re.IGNORECASE)

#: A metadata record heading the text as R writes a character vector, the text its last field
#: (GGO's ECGRCA: 'c("eec - greece association agreement", "customs union", "247", ...,
#: "agreement establishing an association ...'): its short fields are data, not the title.
_RECORD = lazy_re(r'c\(\s*(?:"[^"\n]{0,300}"\s*,\s*){2,}"')


def strip_label(doc: Doc, start: int) -> int:
    """Where the title can begin: past a "MainText:" label and a metadata record."""
    m = _LABEL.match(doc.text, start)
    start = m.end() if m else start
    m = _RECORD.match(doc.text, start)
    return m.end() if m else start


#: Where a title run together with what follows it ends: its first full stop, "PREAMBLE",
#: or the start of the preamble's naming of the parties.
TITLE_STOPS = (r"\.\s", r"\bPREAMBLE\b|\bPreamble\b",
                r"\b(?:The|THE)\s+(?:Governments?|GOVERNMENTS?|Parties|PARTIES|President|PRESIDENT|High|HIGH)\b")


#: A stop that only continues the title's naming of parties ("BETWEEN THE GOVERNMENT OF ...").
_NAMING_GOES_ON = lazy_re(r"(?i)(?:\bbetween|\bamong|\band|\bof|\bto|\bby|\bwith|,)\s*$")


def opening_title(doc: Doc, start: int = 0, end: int | None = None, stops: tuple[str, ...] = TITLE_STOPS,
                   skip: int = 10) -> Span | None:
    """The title at the head of a text (or of one instrument in it) without line breaks: up to
    the first of ``stops`` after its first ``skip`` characters, and within 400 characters."""
    text = doc.text
    start = strip_label(doc, start)
    limit = min(len(text) if end is None else end, start + 400)
    stop = limit
    for rx in stops:
        for m in re.compile(rx).finditer(text, start + skip, limit):
            if stops is TITLE_STOPS or not _NAMING_GOES_ON.search(text, max(start, m.start() - 12), m.start()):
                stop = min(stop, m.start() + (1 if m.group(0).startswith(".") else 0))
                break
    return Span(start, stop) if stop > start else None


def _trim_title(doc: Doc, span: Span) -> Span:
    """Cut a title where the text after its "between" begins again (GGO texts run
    title and preamble together: "... BETWEEN THE GOVERNMENT OF A AND ... THE GOVERNMENT OF A (hereinafter...")."""
    text = doc.text
    span = Span(strip_label(doc, span.start), span.end)
    m = BETWEEN.search(text, span.start, span.end)
    if m:
        low = text.lower()
        and_at = low.find(" and ", m.end(), span.end)
        probe = low[m.end() : and_at if and_at > 0 else m.end() + 24][:60]
        if len(probe) >= 12:
            k = low.find(probe, max(and_at, m.end() + len(probe)), span.end)
            if k > 0:
                return Span(span.start, k)
    return span


#: A preamble that opens with its participle in capitals, run on after the title ("... (BANGKOK
#: AGREEMENT) RECOGNIZING the need ..."): a title names no such act, so the title ends before it;
#: a heading that starts with one is the preamble itself, and one that names the parties
#: "hereinafter" runs on into it: no title then (unknown rather than a sentence as a name).
_PREAMBLE_OPENS = lazy_re(
    r"\b(?:RECOGNI[SZ]ING|CONSIDERING|DESIRING|DESIROUS|DEEMING|WISHING|NOTING|RECALLING|REAFFIRMING|AFFIRMING"
    r"|CONSCIOUS|CONVINCED|MINDFUL|BEARING\s+IN\s+MIND|ANXIOUS|HAVING\s+REGARD|WHEREAS|ACKNOWLEDGING|BELIEVING"
    r"|EMPHASI[SZ]ING|STRESSING|WELCOMING|REALI[SZ]ING|TAKING\s+INTO|RESOLVED|DETERMINED|GUIDED|INSPIRED)\b")


#: The preamble's naming of its first party in capitals, run on after the title ("... on the other
#: THE EUROPEAN COMMUNITY, hereinafter referred to as"): the title ends before the name.
_NAMES_A_PARTY = lazy_re(r"\s(?=(?:THE\s+)?[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*){0,15},?\s+\(?hereinafter\b)")
#: A heading that opens with a participle in capitals and goes on in lower case ("MOVED by the
#: will", "RESOLVED to consolidate"): the preamble's first clause, not a title.
_PREAMBLE_START = lazy_re(r"\s*(?:[A-Z]{3,}(?:ING|ED|OUS|FUL)|AWARE|WHEREAS)\s+[a-z]")
_HEREINAFTER = lazy_re(r"(?i)\bhereinafter\b")
#: A source note or a "PREAMBLE" heading run on after the title.
_JUNK = lazy_re(r"(?i)\bsource:|\bpreamble\b")


def find_title(doc: Doc) -> Span | None:
    span = doc.title
    opening = opening_title(doc)
    if span is None or (
        opening is not None and opening.end > span.end and opening.start <= span.start + 12
        and re.search(r"(?i)\b(?:the|of|and|between|on|for)$", doc.slice(span).strip())
    ):
        span = opening  # a title cut short after a function word
    return clean_title(doc, span) if span is not None else None


def clean_title(doc: Doc, span: Span, *, trim: bool = True) -> Span | None:
    """A title span without its repeated parties (when ``trim``), a "SIGNED AT ..." line or a
    source note; None when what heads the text is no title (a preamble, an article)."""
    span = _trim_title(doc, span) if trim else Span(strip_label(doc, span.start), span.end)
    # Drop a trailing "SIGNED AT ..." line from the title text.
    m = re.search(r"(?i)[.,]?\s*\bsigned\s+at\b", doc.text[span.start : span.end])
    if m and m.start() > 10:
        span = Span(span.start, span.start + m.start())
    while span.end > span.start and doc.text[span.end - 1] in " .,;:\n":
        span = Span(span.start, span.end - 1)
    words = doc.slice(span)
    cuts = [m.start() for rx in (_JUNK, _PREAMBLE_OPENS, _NAMES_A_PARTY) if (m := rx.search(words, 11))]
    if cuts:  # the title ends at the first of these (past its first words; one at the very start is no title)
        span = Span(span.start, span.start + min(cuts))
        words = doc.slice(span)
    if len(words) > 350 or _PREAMBLE_START.match(words) or _HEREINAFTER.search(words) \
            or re.match(
        r"(?i)\s*(?:article|art\.|preamble|preface|contents|introduction|chapter|part|title|we\b|the\s+(?:governments?|parties|president|high\s+contracting|plenipotentiaries))\b",
        words,
    ) or not (
        KIND_RE.search(words) or BETWEEN.search(words)
    ):
        return None  # the text has no title of its own: it starts with a preamble or an article
    return span


#: "..., Emperor of India, in respect of the Dominion of Canada": a style of the sovereign, not a party.
