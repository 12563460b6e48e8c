"""The citation audit: what an editor or fact-checker would flag in a brief's notes.

Each check is a small function ``(AuditContext) -> list[Finding]``; ``audit``
runs them all. Evidence points at what the editor must look at: the
definition(s) for problems of a note, the sentence for problems of the text.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from pactlens.extract.prose.citations import body_markers, parse_footnotes
from pactlens.extract.prose.references import Reference
from pactlens.extract.urls import article_id, normalize, url_problem
from pactlens.model import Citation, Evidence, Finding, Quote
from pactlens.structure.doc import Doc, FootnoteDef, FootnoteMarker, Span
from pactlens.structure.sentences import sentence_around
from pactlens.verify.link_audit import broken_links, duplicate_links
from pactlens.verify.same_work import same_work_links
from pactlens.regexes import lazy_re


@dataclass
class AuditContext:
    doc: Doc
    citations: list[Citation]
    quotes: list[Quote]
    refs: list[tuple[FootnoteDef, Reference]] = field(default_factory=list)

    @cached_property
    def markers(self) -> list[FootnoteMarker]:
        return body_markers(self.doc)

    @cached_property
    def marker_starts(self) -> list[int]:
        """Where the body markers start, sorted: a sentence's markers are a binary search away."""
        return sorted(m.span.start for m in self.markers)

    @cached_property
    def defined(self) -> set[str]:
        return {fn.label for fn in self.doc.footnotes}


def audit(doc: Doc, citations: list[Citation], quotes: list[Quote]) -> list[Finding]:
    ctx = AuditContext(doc, citations, quotes, parse_footnotes(doc))
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(ctx))
    return findings


# --- where to point ---------------------------------------------------------------
def sentence_span(doc: Doc, offset: int) -> Span:
    """The sentence holding ``offset``: the document's mended sentence around it."""
    return sentence_around(doc, offset)


def _def_evidence(ctx: AuditContext, fn: FootnoteDef) -> Evidence:
    return ctx.doc.evidence(fn.span.start, fn.span.end)


# --- checks on markers and definitions ------------------------------------------------
def missing_footnote(ctx: AuditContext) -> list[Finding]:
    """Markers without a definition, one finding per label with every sentence using it."""
    places: dict[str, list[FootnoteMarker]] = defaultdict(list)
    for m in ctx.markers:
        if m.label not in ctx.defined:
            places[m.label].append(m)
    out = []
    for label, ms in places.items():
        spans = [sentence_span(ctx.doc, m.span.start) for m in ms]
        times = "" if len(ms) == 1 else f" ({len(ms)} places)"
        out.append(Finding(
            code="missing-footnote", severity="error",
            message=f"Marker {ctx.doc.slice(ms[0].span)} has no footnote definition{times}: add the note or remove the marker.",
            markers=[label],
            evidence=list({(s.start, s.end): ctx.doc.evidence(s.start, max(s.end, m.span.end))
                           for s, m in zip(spans, ms)}.values()),
        ))
    return out


def uncited_footnote(ctx: AuditContext) -> list[Finding]:
    used = {m.label for m in ctx.markers}
    return [
        Finding(code="uncited-footnote", severity="warning",
                message=f"Footnote {fn.label} is never cited in the text: cite it where it belongs or delete it.",
                markers=[fn.label], evidence=[_def_evidence(ctx, fn)])
        for fn in ctx.doc.footnotes if fn.label not in used
    ]


def reused_marker(ctx: AuditContext) -> list[Finding]:
    by_label: dict[str, list[FootnoteDef]] = defaultdict(list)
    for fn in ctx.doc.footnotes:
        by_label[fn.label].append(fn)
    return [
        Finding(code="reused-marker", severity="error",
                message=f"Marker {label} is defined {len(defs)} times: renumber the notes so each marker has one source.",
                markers=[label], evidence=[_def_evidence(ctx, fn) for fn in defs])
        for label, defs in by_label.items() if len(defs) > 1
    ]


# --- checks on what notes say -----------------------------------------------------------
def _source_keys(fn: FootnoteDef, ref: Reference) -> list[str]:
    """Every key under which two notes are one source."""
    keys = []
    if ref.url:
        keys.append("url:" + normalize(ref.url.url))
        aid = article_id(ref.url.url)
        if aid:
            keys.append("id:" + aid)
    if ref.outlet and ref.title and ref.date:
        keys.append("otd:" + "|".join(_fold(x) for x in (ref.outlet.value, ref.title.value, ref.date.iso)))
    return keys


def _fold(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.casefold()).strip()


def duplicate_source(ctx: AuditContext) -> list[Finding]:
    """Notes that cite one source under different markers (``Ibid.`` is meant to, so it is skipped)."""
    parent = list(range(len(ctx.refs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    why: dict[int, set[str]] = defaultdict(set)
    for i, (fn, ref) in enumerate(ctx.refs):
        if ref.ibid:
            continue
        for key in _source_keys(fn, ref):
            if key in first:
                parent[find(i)] = find(first[key])
                why[i].add(key.split(":", 1)[0])
            else:
                first[key] = i
    notes = ["" if ref.ibid else ctx.doc.slice(fn.body) for fn, ref in ctx.refs]
    for i, j, reason in same_work_links(notes):
        parent[find(j)] = find(i)
        why[j].add(reason)
    for i, (_, ref) in enumerate(ctx.refs):
        if ref.ibid and i > 0:
            # "Ibid." / "Id." cites the note before it: one source, written as a repeat.
            parent[find(i)] = find(i - 1)
            why[i].add("ibid")
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ctx.refs)):
        groups[find(i)].append(i)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        defs = [ctx.refs[i][0] for i in members]
        labels = [fn.label for fn in defs]
        if len(set(labels)) < 2:
            continue  # one label defined twice is reused-marker's business
        reasons = sorted(set().union(*(why[i] for i in members)))
        verbatim = len({_fold(ctx.doc.slice(fn.body)) for fn in defs}) == 1
        out.append(Finding(
            code="duplicate-source", severity="info" if verbatim else "warning",
            message=f"Footnotes {', '.join(labels)} cite the same source ({_reason_text(reasons)})"
                    + ("" if verbatim else ", written differently") + ": cite it once and reuse that note.",
            markers=labels, evidence=[_def_evidence(ctx, fn) for fn in defs],
        ))
    return out


def _reason_text(reasons: list[str]) -> str:
    names = {"url": "same URL", "id": "same article id in the URL", "otd": "same outlet, title and date",
             "same-work": "the same work, pinpoint aside", "short-form": "a shortened citation of it",
             "same-title": "same title", "same-report": "same CRS report number", "ibid": "Ibid./Id. repeats the note before"}
    return "; ".join(names[r] for r in reasons)


def malformed_citation(ctx: AuditContext) -> list[Finding]:
    out = []
    for fn, ref in ctx.refs:
        problems = _malformations(ref)
        if not problems:
            continue
        severe = ref.empty or not ref.quotes_balanced
        out.append(Finding(
            code="malformed-citation", severity="warning" if severe else "info",
            message=f"Footnote {fn.label}: {'; '.join(problems)}.",
            markers=[fn.label], evidence=[_def_evidence(ctx, fn)],
        ))
    return out


def _malformations(ref: Reference) -> list[str]:
    """What an editor must fix in a note. A news-style reference needs a
    date and an outlet; a CRS cross-reference, a government record or an
    explanatory note is written without them by convention and is not flagged."""
    if ref.empty:
        return ["empty note, no source given"]
    if ref.ibid:
        return []
    problems = []
    if not ref.quotes_balanced:
        problems.append("unbalanced quotation marks around the title")
    if ref.style in ("chicago", "apa") and ref.date is None:
        problems.append("no date")
    if ref.style in ("chicago", "apa") and ref.outlet is None and ref.author is None:
        problems.append("no outlet")
    if ref.style == "url":
        problems.append("bare URL without title, outlet or date")
    return problems


def broken_url(ctx: AuditContext) -> list[Finding]:
    out = []
    for fn, ref in ctx.refs:
        for u in ref.urls:
            problem = url_problem(u.url)
            if problem:
                out.append(Finding(
                    code="broken-url", severity="warning",
                    message=f"Footnote {fn.label}: URL {problem}; check the link.",
                    markers=[fn.label], evidence=[ctx.doc.evidence(u.start, u.end)],
                ))
    return out


def source_after_document(ctx: AuditContext) -> list[Finding]:
    own = ctx.doc.source.date
    if not own:
        return []
    out = []
    for c in ctx.citations:
        if c.date and _after(c.date, own):
            out.append(Finding(
                code="source-after-document", severity="warning",
                message=f"Footnote {c.marker} cites a source dated {c.date}, after the document's own date {own}: "
                        "check the date or the document's date.",
                markers=[c.marker], evidence=list(c.evidence),
            ))
    return out


def _after(a: str, b: str) -> bool:
    """``a`` is later than ``b`` at the precision both are known to."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


# --- checks on the text -----------------------------------------------------------------
def unsourced_quote(ctx: AuditContext) -> list[Finding]:
    """Direct quotations whose own sentence has no marker; quotes sharing a sentence give one finding."""
    by_sentence: dict[tuple[int, int], list[Quote]] = defaultdict(list)
    for q in ctx.quotes:
        if not q.direct or not q.evidence:
            continue
        start = min(e.start for e in q.evidence)
        end = max(e.end for e in q.evidence)
        if ctx.doc.in_footnotes(start):
            continue
        span = _sentences_covering(ctx.doc, start, end)
        if not _marker_in(ctx, span):
            by_sentence[(span.start, span.end)].append(q)
    out = []
    for (a, b), qs in by_sentence.items():
        speakers = list(dict.fromkeys(q.speaker for q in qs if q.speaker))
        noun = "quotation" if len(qs) == 1 else "quotations"
        if speakers:
            # Someone's words with no source: what a fact-checker asks for first.
            severity, message = "warning", f"Direct {noun} of {', '.join(speakers)} without a footnote in its sentence: " \
                                           "add the source of the quote."
        else:
            # Quoted wording with no speaker (a document's terms, a phrase): worth a look, less often a fault.
            severity, message = "info", "Quoted wording (no speaker named) without a footnote in its sentence: " \
                                        "check that its source is cited nearby."
        out.append(Finding(code="unsourced-quote", severity=severity, message=message,
                           markers=[], evidence=[ctx.doc.evidence(a, b)]))
    return out


def _sentences_covering(doc: Doc, start: int, end: int) -> Span:
    """The sentences holding the quote, mended where a splitter cut one
    sentence in two: at a ``!`` or ``?`` inside quotation marks (the next part
    starts in lower case) or inside a quoted passage left open."""
    a = sentence_span(doc, start)
    b = sentence_span(doc, max(start, end - 1))
    span = Span(min(a.start, start), max(b.end, end))
    block = doc.block_at(start) or Span(0, len(doc.text))
    text = doc.text
    for _ in range(5):
        if span.start <= block.start or not text[span.start].islower():
            break
        prev = sentence_span(doc, _prev_word(text, span.start))
        if prev.start >= span.start:
            break
        span = Span(prev.start, span.end)
    for _ in range(5):
        nxt_at = _next_word(text, span.end)
        if nxt_at >= block.end or nxt_at >= len(text):
            break
        if _quotes_closed(text[span.start : span.end]) and not text[nxt_at].islower():
            break
        nxt = sentence_span(doc, nxt_at)
        if nxt.end <= span.end:
            break
        span = Span(span.start, nxt.end)
    return span


def _prev_word(text: str, i: int) -> int:
    j = i - 1
    while j > 0 and text[j].isspace():
        j -= 1
    return max(j, 0)


def _quotes_closed(s: str) -> bool:
    return s.count('"') % 2 == 0 and s.count("“") <= s.count("”")


def _next_word(text: str, i: int) -> int:
    m = re.compile(r"\S").search(text, i)
    return m.start() if m else i


#: What may stand between a sentence and its marker: bracketed labels, superscript digits,
#: anything that is not a word character. Possessive: each character is tried once.
_NO_WORDS = lazy_re(r"(?:\[\^?\w+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\W)*+")
#: How far past a sentence its marker is looked for.
_AFTER = 1000


def _marker_in(ctx: AuditContext, span: Span) -> bool:
    """A marker in the sentence, or right after it (``…."[4]``), before any new words.

    Binary searches among the sorted marker starts, and one bounded scan past
    the sentence end: linear in the text however many quotes and markers.
    """
    starts = ctx.marker_starts
    i = bisect.bisect_left(starts, span.start)
    if i < len(starts) and starts[i] < span.end:
        return True
    # Only punctuation, spaces or other markers between the sentence and the marker.
    reach = _NO_WORDS.match(ctx.doc.text, span.end, min(len(ctx.doc.text), span.end + _AFTER)).end()
    j = bisect.bisect_left(starts, span.end)
    return j < len(starts) and starts[j] <= reach


def link_sources(ctx: AuditContext) -> list[Finding]:
    """broken-url and duplicate-source over sources given as inline links."""
    return broken_links(ctx.doc, ctx.citations) + duplicate_links(ctx.citations)


CHECKS: list[Callable[[AuditContext], list[Finding]]] = [
    link_sources,
    missing_footnote,
    uncited_footnote,
    reused_marker,
    duplicate_source,
    malformed_citation,
    broken_url,
    source_after_document,
    unsourced_quote,
]
