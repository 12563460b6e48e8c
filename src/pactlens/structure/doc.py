"""The structured document: the one type every extractor reads.

Spans are half-open character ranges into ``Doc.text`` (the normalized text).
Extractors turn spans into contract :class:`~pactlens.model.Evidence` with
:meth:`Doc.evidence`, which is the only place evidence is built, so the
``text == document[start:end]`` invariant holds by construction.

A Doc is also the per-document context (spaCy style: results live on the
document): what several readers need is computed once, on first use, and kept
on it, in ``derived`` through :meth:`Doc.once` — the body sentences, repaired
once (``structure/sentences.py``), the parse of its prose (``structure/nlp.py``)
and results later stages share (people mentions). Nothing is cached in module globals, so
a document's results live and die with it and threads serving other
documents never see them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from pactlens.ingest.types import NormalizedText
from pactlens.model import Evidence

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def lstrip(text: str, start: int, end: int) -> int:
    """The first non-space offset in ``[start, end)`` (``end`` if none)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def rstrip(text: str, start: int, end: int) -> int:
    """The offset just after the last non-space character in ``[start, end)``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


@dataclass
class Paragraph:
    span: Span
    number: str | None = None  # "1", "2", "a" as written in the article, if numbered


@dataclass
class Article:
    label: str  # as written: "Article 5", "ARTICLE V", "Art. 3"
    number: str  # normalized: "5", "3(2)", "12bis"
    span: Span  # the whole article, label included
    heading: Span | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    part: str | None = None  # the instrument it belongs to when a file holds several ("main", "annex I")


@dataclass
class Section:
    kind: str  # "annex", "protocol", "section"
    label: str
    span: Span


@dataclass
class FootnoteMarker:
    label: str  # "1", "a", "*"
    span: Span  # the marker itself, e.g. "[1]"


@dataclass
class FootnoteDef:
    label: str
    span: Span  # the whole definition, marker included
    body: Span  # the reference text after the marker


@dataclass
class Doc:
    """A normalized text and the structure found in it."""

    text: str
    source: NormalizedText
    title: Span | None = None
    preamble: Span | None = None
    articles: list[Article] = field(default_factory=list)
    annexes: list[Section] = field(default_factory=list)
    final_clause: Span | None = None
    blocks: list[Span] = field(default_factory=list)  # blank-line separated paragraphs of running text
    sentences: list[Span] = field(default_factory=list)
    markers: list[FootnoteMarker] = field(default_factory=list)
    footnotes: list[FootnoteDef] = field(default_factory=list)
    front_matter: Span | None = None  # a leading YAML block: metadata, never body text
    #: Cover and byline lines at the head ("Updated May 1, 2025", "By Jane Roe"): (key, line, value).
    cover: list[tuple[str, Span, Span]] = field(default_factory=list)
    #: Results of costly stages over this one document (the spaCy parse of its
    #: prose, see structure/nlp.py; people mentions), computed once on first use and
    #: dropped with the Doc; no module keeps them.
    derived: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    # --- the per-document context: computed once, on first use ------------------
    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, run on the first call for ``key`` and kept in :attr:`derived`."""
        if key not in self.derived:
            self.derived[key] = compute()
        return self.derived[key]

    # --- evidence -----------------------------------------------------------
    def evidence(self, start: int, end: int, *, strip: bool = True) -> Evidence:
        """Evidence for ``text[start:end]``, trimmed of surrounding whitespace."""
        if strip:
            start = lstrip(self.text, start, end)
            end = rstrip(self.text, start, end)
        source_start, source_end = self.source.offsets.to_original(start, end)
        return Evidence(start=start, end=end, text=self.text[start:end],
                        source_start=source_start, source_end=source_end,
                        page=_unit(self.source.pages, source_start),
                        paragraph=_unit(self.source.paragraphs, source_start))

    def span_evidence(self, span: Span) -> Evidence:
        return self.evidence(span.start, span.end)

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    # --- lookups --------------------------------------------------------------
    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i].contains(offset):
            return self.sentences[i]
        return None

    def sentences_in(self, span: Span) -> list[Span]:
        lo = bisect.bisect_left(self._sentence_starts, span.start)
        out = []
        for s in self.sentences[lo:]:
            if s.start >= span.end:
                break
            out.append(s)
        return out

    def article_at(self, offset: int) -> Article | None:
        return _at(self.articles, self._article_starts, offset, lambda a: a.span)

    def block_at(self, offset: int) -> Span | None:
        return _at(self.blocks, self._block_starts, offset, lambda b: b)

    def in_footnotes(self, offset: int) -> bool:
        return _at(self.footnotes, self._footnote_starts, offset, lambda f: f.span) is not None

    # Lookups bisect over start offsets: extractors call them once per record.
    @cached_property
    def _article_starts(self) -> list[int]:
        return [a.span.start for a in self.articles]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    @cached_property
    def _footnote_starts(self) -> list[int]:
        return [f.span.start for f in self.footnotes]


def _at(items: list, starts: list[int], offset: int, span_of):
    """The item whose span holds ``offset``, for items sorted by start and not overlapping."""
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(items) and span_of(items[i]).contains(offset):
        return items[i]
    return None


def _unit(starts: list[int], offset: int) -> int | None:
    """The 1-based page or paragraph whose start is the last at or before ``offset``; None when
    the format has no such units."""
    return bisect.bisect_right(starts, offset) if starts else None
