"""Running text as quotes, events and entities read it: body sentences (never
footnote definitions), the footnote markers each sentence carries, and a
fallback sentence split when ``structure`` found none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pactlens.structure.doc import Doc, Span
from pactlens.structure.sentences import plain_line_sentences

#: A footnote definition as ingest writes it: a line starting with "[n] ".
_DEF_LINE = re.compile(r"^[ \t]*\[(?:\^)?[0-9]{1,3}\][: ]", re.MULTILINE)
_MARKER = re.compile(r"\[\^?([0-9]{1,3})\]|\^([0-9]{1,3})\b|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    block: int  # index of the paragraph (block) it lies in, for discourse order
    markers: tuple[str, ...]  # footnote labels carried by this sentence


def footnote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Spans of footnote definitions: structure's, or lines that start with a marker."""
    if doc.footnotes:
        return [(f.span.start, f.span.end) for f in doc.footnotes]
    out = []
    for m in _DEF_LINE.finditer(doc.text):
        end = doc.text.find("\n", m.start())
        out.append((m.start(), len(doc.text) if end < 0 else end))
    return out


def _blocks(doc: Doc) -> list[Span]:
    if doc.blocks:
        return doc.blocks
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", doc.text)]


def _markers_after(doc: Doc, span: Span, markers: list | None = None) -> tuple[Span, tuple[str, ...]]:
    """A sentence's markers, including ones just after its end ("…."[4])."""
    end = span.end
    m = re.match(r"[\s\"”’')\]]*(?:(?:\[\^?[0-9]{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)[\s,]*)+", doc.text[end : end + 40])
    if m and re.search(r"\d|[¹²³⁴⁵⁶⁷⁸⁹⁰]", m.group(0)) and "\n\n" not in m.group(0):
        end += len(m.group(0).rstrip())
    return Span(span.start, end), _labels(doc, span.start, end, markers)


def _labels(doc: Doc, start: int, end: int, markers: list | None = None) -> tuple[str, ...]:
    if doc.markers:
        markers = markers if markers is not None else sorted(doc.markers, key=lambda m: m.span.start)
        lo = bisect.bisect_left(markers, start, key=lambda m: m.span.start)
        hi = bisect.bisect_left(markers, end, key=lambda m: m.span.start)
        return tuple(m.label for m in markers[lo:hi])
    return tuple(
        (g1 or g2 or g3.translate(_SUPERSCRIPT)) for g1, g2, g3 in _MARKER.findall(doc.text, start, end)
    )


def _split_body(doc: Doc) -> tuple[Sentence, ...]:
    notes = sorted(footnote_ranges(doc))
    note_starts = [a for a, _ in notes]
    markers = sorted(doc.markers, key=lambda m: m.span.start)
    blocks = _blocks(doc)
    spans = doc.sentences or plain_line_sentences(doc.text)
    out: list[Sentence] = []
    b = 0
    for s in spans:
        i = bisect.bisect_right(note_starts, s.start) - 1
        if i >= 0 and s.start < notes[i][1]:
            continue
        while b + 1 < len(blocks) and blocks[b].end <= s.start:
            b += 1
        prev = out[-1] if out else None
        if prev and prev.block == b and _runs_on(doc.text, prev.span, s):
            s = Span(prev.span.start, s.end)  # a split before a lower-case word: one sentence
            out.pop()
        span, labels = _markers_after(doc, s, markers)
        out.append(Sentence(span, b, labels))
    return tuple(out)


def _runs_on(text: str, prev: Span, nxt: Span) -> bool:
    """Whether a sentence boundary cut a sentence: no closing punctuation before, lower case after."""
    head = text[nxt.start : nxt.start + 1]
    return head.islower() and not re.search(r"[.!?:;…]['\"”’)\]]*(?:\[\^?\d+\])*\s*$", text[prev.start : prev.end])


#: Recent documents' sentences; a Doc is unhashable, so keyed by identity.
_CACHE: dict[int, tuple[Doc, tuple[Sentence, ...]]] = {}


def body_sentences(doc: Doc) -> tuple[Sentence, ...]:
    """Sentences of running text in order, footnote definitions left out."""
    hit = _CACHE.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_CACHE) >= 4:
            _CACHE.clear()
        hit = _CACHE[id(doc)] = (doc, _split_body(doc))
    return hit[1]


# A Markdown inline link: "[label](target)"; the label may hold one level of brackets.
_MD_LINK = re.compile(r"\[(?P<label>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")
_READING: dict[int, tuple[Doc, str]] = {}


def markdown_links(text: str) -> list[re.Match[str]]:
    """Markdown inline links in ``text``, in order."""
    return list(_MD_LINK.finditer(text))


def reading_text(doc: Doc) -> str:
    """The document text as a reader sees it: each Markdown link's brackets and
    target blanked to spaces, so "the 2024 ATA [said](https://…) that" reads
    "the 2024 ATA  said  …  that" with every offset unchanged. Patterns that
    look for a subject next to its verb run over this; evidence still comes
    from ``doc.text``."""
    hit = _READING.get(id(doc))
    if hit is None or hit[0] is not doc:
        text = doc.text
        if "](" in text:
            parts, last = [], 0
            for m in _MD_LINK.finditer(text):
                a, b = m.span("label")
                parts += [text[last : m.start()], " ", text[a:b], " " * (m.end() - b)]
                last = m.end()
            parts.append(text[last:])
            text = "".join(parts)
        if len(_READING) >= 4:
            _READING.clear()
        hit = _READING[id(doc)] = (doc, text)
    return hit[1]


def url_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _URL.finditer(text, start, end)]


def without_urls(text: str) -> str:
    """``text`` with its URLs (as :func:`url_ranges` finds them) removed."""
    return _URL.sub("", text)
