"""Provisions: what each operative clause commits the parties to, by domain and strength.

The unit of analysis is the clause, not the document. In an agreement's own
text (role ``primary``) a unit is an operative paragraph, or the article when
it has no numbered paragraphs; the preamble states purposes and is never a
unit. In writing about an agreement (role ``subject``) a unit is a sentence
that says what the agreement does — its subject is the agreement or its
parties ("the Treaty commits…", "Both countries will…"), or it is an item
of a bulleted list of the agreement's contents.

A unit becomes a provision only if it commits someone to something (see
:mod:`pactlens.extract.commitment`): definitions and the instrument's own
mechanics (entry into force, ratification, duration) are left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from pactlens.extract.commitment import StrengthOrNone, strength, strongest
from pactlens.extract.domains import classify
from pactlens.extract.quantities import find_quantities
from pactlens.model import Agreement, Provision, Quantity
from pactlens.structure.doc import Doc, Span
from pactlens.structure.sentences import sentences_in
from pactlens.regexes import lazy_re


@dataclass(frozen=True)
class Unit:
    """One candidate clause: its span, its sentences, and where it sits."""

    agreement: str
    article: str | None
    span: Span
    sentences: tuple[Span, ...]
    role: str  # "primary" (the agreement's text) or "subject" (writing about it)
    lead: Span | None = None  # for a list item, the paragraph that leads the list in ("agree that: (i) …")


# --- finding the units ----------------------------------------------------------

#: The formula that closes a preamble when structure found none ("have agreed as follows:").
_OPERATIVE_START = lazy_re(
    r"\b(?:have|hereby|do\s+hereby)?\s*(?:agreed?|decided?|resolved?)\s+(?:as\s+follows|upon\s+the\s+following"
    r"|to\s+th(?:is|e\s+present)\b[^.:\n]{0,80})\s*[:.]|\bdo\s+hereby\s+enter\s+into\s+this\s+\w+\s*[:.]",
    re.IGNORECASE,
)
_SPLIT = lazy_re(r"(?<=[.;!?])[\"'”’)]?[ \t]+(?=[\"'“(]?[A-Z0-9(])|[ \t]*\n\s*")
_BULLET = lazy_re(r"^[ \t]*(?:[-*•–]|\d+[.)])[ \t]+(?:\*\*)?(?:[A-Z][\w ,&'/-]{1,60}:(?:\*\*)?[ \t]*)?", re.MULTILINE)
_AGREEMENT_SUBJECT = (
    r"(?:(?:the|this|that|its|their)\s+(?:\d{4}\s+|new\s+|[A-Z][\w-]*\s+){0,4}"
    r"(?:treaty|agreement|pact|accord|memorandum|partnership|deal|document|charter|convention)"
    r"|it|both\s+(?:countries|parties|sides|states|nations|governments)|the\s+(?:two\s+)?(?:parties|sides|signatories)"
    r"|each\s+(?:party|side|country))"
)
#: What an agreement does, said of it by a brief: the verb must follow its subject closely, so
#: commentary ("It remains uncertain when…", "Both sides could assess…") is not taken for content.
_CONTENT_VERB = (
    r"(?:commit\w*|establish\w*|provides?|provided\s+for|oblig\w*|requires?|will|shall|would|does\s+not|do\s+not|"
    r"aims?|seeks?|promotes?|fosters?|emphasi[sz]es|envisages?|includes?|calls?\s+for|stipulates?|guarantees?|"
    r"pledged?|agreed?|undert\w*|plans?|stops?\s+short|lays?\s+down|sets?\s+up|creates?|grants?|prohibits?|"
    r"binds?|refrains?)"
)
_ABOUT_AGREEMENT = lazy_re(
    rf"^\W*(?:\w+,?\s+){{0,4}}?{_AGREEMENT_SUBJECT}\s+(?:\w+\s+){{0,3}}?{_CONTENT_VERB}\b",
    re.IGNORECASE,
)


def split_sentences(doc: Doc, span: Span) -> tuple[Span, ...]:
    """The mended sentences of ``span`` (:func:`pactlens.structure.sentences.mended_sentences`)
    that end inside it; a punctuation split when none does."""
    found = [s for s in sentences_in(doc, span) if s.end <= span.end]
    if found:
        return tuple(found)
    out, start = [], span.start
    for m in _SPLIT.finditer(doc.text, span.start, span.end):
        out.append(Span(start, m.start()))
        start = m.end()
    out.append(Span(start, span.end))
    return tuple(s for s in out if doc.text[s.start : s.end].strip())


def _article_body(doc: Doc, art) -> Span:
    """An article without its label. The heading stays: structure cannot always tell a title
    from an opening sentence ("35. The two Governments agree that- (a) …"), and a bare
    title commits to nothing, so it never becomes a provision on its own."""
    start = art.span.start
    if doc.text.startswith(art.label, start):
        start += len(art.label)
    return Span(start, art.span.end)


def _article_spans(doc: Doc, art) -> list[Span]:
    """The article's paragraphs, led by its chapeau (text before the first paragraph) if any."""
    body = _article_body(doc, art)
    if not art.paragraphs:
        return [body]
    spans = [p.span for p in art.paragraphs]
    chapeau = Span(body.start, spans[0].start)
    return ([chapeau] if doc.text[chapeau.start : chapeau.end].strip() else []) + spans


def _treaty_units(doc: Doc, agreement: str) -> list[Unit]:
    units: list[Unit] = []
    for art in doc.articles:
        spans = _article_spans(doc, art)
        units += [Unit(agreement, art.number, s, split_sentences(doc, s), "primary", lead)
                  for s, lead in zip(spans, _leads(doc, spans))]
    if units:
        return units
    # No articles found: the paragraphs after the preamble (numbered or not), or its sentences.
    start = doc.preamble.end if doc.preamble else 0
    if doc.preamble is None and (m := _OPERATIVE_START.search(doc.text)):
        start = m.end()
    end = doc.final_clause.start if doc.final_clause and doc.final_clause.start > start else len(doc.text)
    return [Unit(agreement, _number(doc, s), s, split_sentences(doc, s), "primary")
            for s in _paragraphs(doc, Span(start, end))]


LIST_ITEM = lazy_re(r"^\s*(?:\(?[ivx]{1,5}\)|\(?[a-z]\)|\(\d+\)|[-•–*]\s|[a-z])")
_NUMBERED = lazy_re(r"^\s*(?-i:[A-Z][A-Z ,'&-]{3,120}\s+)?(?:article\s+)?(?P<n>\d{1,3}|[IVXL]{1,6})\s*[.)]\s", re.IGNORECASE)
#: Longer paragraphs are OCR text that lost its line breaks: each sentence is a unit.
_MAX_PARAGRAPH = 2000


def _paragraphs(doc: Doc, span: Span) -> list[Span]:
    """Paragraph units by line, list items ("(i) …", "(a) …") kept with the line that leads them in."""
    lines: list[Span] = []
    pos = span.start
    for m in re.finditer(r"\n", doc.text[span.start : span.end]):
        lines.append(Span(pos, span.start + m.start()))
        pos = span.start + m.end()
    lines.append(Span(pos, span.end))
    merged: list[Span] = []
    for line in (x for x in lines if doc.text[x.start : x.end].strip()):
        body = doc.text[line.start : line.end]
        if merged and (LIST_ITEM.match(body) or doc.text[merged[-1].start : merged[-1].end].rstrip().endswith((":", ";", "-"))):
            merged[-1] = Span(merged[-1].start, line.end)
        else:
            merged.append(line)
    out: list[Span] = []
    for p in merged:
        out += list(split_sentences(doc, p)) if len(p) > _MAX_PARAGRAPH else [p]
    return out


def _leads(doc: Doc, spans: list[Span]) -> list[Span | None]:
    """For each paragraph that is a list item, the paragraph that introduced the list."""
    out: list[Span | None] = []
    lead: Span | None = None
    for s in spans:
        text = doc.text[s.start : s.end]
        if LIST_ITEM.match(text):
            out.append(lead)
            continue
        out.append(None)
        lead = s if text.rstrip().endswith((":", "-", "—")) else None
    return out


def _number(doc: Doc, span: Span) -> str | None:
    m = _NUMBERED.match(doc.text, span.start, span.end)
    return m.group("n") if m else None


def _bullet_starts(doc: Doc) -> dict[int, int]:
    """Line start of each bullet item -> where its body begins (after any "Heading:" lead)."""
    return {m.start(): m.end() for m in _BULLET.finditer(doc.text)}


def _brief_units(doc: Doc, agreement: str) -> list[Unit]:
    bullets = _bullet_starts(doc)
    units: list[Unit] = []
    for sent in split_sentences(doc, Span(0, len(doc.text))):
        if doc.in_footnotes(sent.start):
            continue
        line = doc.text.rfind("\n", 0, sent.start) + 1
        body_start = bullets.get(line)
        in_bullet = body_start is not None
        span = Span(max(sent.start, body_start), sent.end) if in_bullet and body_start > sent.start else sent
        text = doc.text[span.start : span.end]
        if span.end <= span.start or strength(text) is None:
            continue
        if in_bullet or _ABOUT_AGREEMENT.search(text):
            units.append(Unit(agreement, None, span, (span,), "subject"))
    return units


def _instrument_starts(primaries: list[Agreement]) -> list[int]:
    """Where each instrument of a treaty file begins: the first at the top, each further one at
    its heading (the first evidence agreements gives a further instrument)."""
    return [0] + [a.evidence[0].start for a in primaries[1:]]


def _by_instrument(units: list[Unit], primaries: list[Agreement]) -> list[Unit]:
    """Each unit attached to the instrument whose text holds it (a protocol's articles to the protocol)."""
    if len(primaries) < 2:
        return units
    starts = _instrument_starts(primaries)
    return [replace(u, agreement=primaries[max(0, bisect.bisect_right(starts, u.span.start) - 1)].id) for u in units]


def find_units(doc: Doc, agreements: list[Agreement]) -> list[Unit]:
    """Candidate clauses of the document's primary agreements (each clause its own instrument's),
    else of its subject agreement."""
    primaries = [a for a in agreements if a.role == "primary"]
    if primaries:
        return _by_instrument(_treaty_units(doc, primaries[0].id), primaries)
    subject = next((a for a in agreements if a.role == "subject"), None)
    if subject is not None:
        return _brief_units(doc, subject.id)
    return []


# --- provisions ----------------------------------------------------------------


def quantities_in(doc: Doc, span: Span) -> list[Quantity]:
    return [f.quantity for f in find_quantities(doc.text[span.start : span.end])]


#: A clause's domain is read from its opening: long units (schedules, annex chunks) state
#: their subject first, and scanning them whole costs more than it tells.
DOMAIN_WINDOW = 2000


def lead_strength(doc: Doc, unit: Unit) -> StrengthOrNone:
    """A list item commits as strongly as the sentence that leads the list in."""
    return strength(doc.text[unit.lead.start : unit.lead.end]) if unit.lead else None


def to_provision(doc: Doc, unit: Unit) -> Provision | None:
    """The provision ``unit`` makes, or None when it commits nobody to anything."""
    level = strongest([strength(doc.text[s.start : s.end]) for s in unit.sentences]) or lead_strength(doc, unit)
    if level is None:
        return None
    ev = doc.evidence(unit.span.start, unit.span.end)
    domains = classify(ev.text[:DOMAIN_WINDOW])
    return Provision(
        agreement=unit.agreement,
        article=unit.article,
        domain=domains[0],
        domains=domains,
        strength=level,
        text=ev.text,
        quantities=quantities_in(doc, unit.span),
        evidence=[ev],
    )


def find_provisions(doc: Doc, agreements: list[Agreement]) -> list[Provision]:
    return [p for u in find_units(doc, agreements) if (p := to_provision(doc, u)) is not None]
