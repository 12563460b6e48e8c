"""Find how a normalized text is built: title, preamble, articles, paragraphs,
sentences, footnotes, annexes, final clause.

Each detector is a small function over the text (one module each); ``build``
runs them in the order their inputs require and assembles the :class:`Doc`.
"""

from __future__ import annotations

import bisect

from pactlens.ingest.types import NormalizedText
from pactlens.structure.articles import Label, find_article_labels, heading_after
from pactlens.structure.blocks import find_blocks, label_spans
from pactlens.structure.doc import Article, Doc, Section, Span
from pactlens.structure.footnotes import find_footnotes
from pactlens.structure.front import find_cover_lines, find_front_matter
from pactlens.structure.frame import find_final_clause, find_preamble, find_title, trailing_heading_start
from pactlens.structure.paragraphs import find_paragraphs
from pactlens.structure.sections import find_sections
from pactlens.structure.sentences import article_cuts, split_sentences
from pactlens.structure.spans import rstrip, trimmed


def build(norm: NormalizedText) -> Doc:
    """Structure a normalized text."""
    text = norm.text
    front = find_front_matter(text)
    cover = find_cover_lines(text, front.end if front else 0)
    parts = sorted(label_spans(text) + ([front] if front else []) + [line for _, line, _ in cover], key=lambda s: s.start)
    markers, footnotes = find_footnotes(text)
    notes = [f.span for f in footnotes]
    title = find_title(text, parts)
    labels = [lb for lb in find_article_labels(text) if _in_body(lb.start, title, notes + parts)]
    sections = find_sections(text, title, getattr(norm, "parts", []))
    blocks = find_blocks(text, parts + notes)
    ends = _boundaries(labels, sections, notes, len(text))
    articles = [_article(text, lb, _end_of(text, lb.start, ends), sections) for lb in labels]
    _name_instruments(articles, labels)
    cuts = [c for a in articles for c in article_cuts(a)] + [s.span.start for s in sections]
    cuts += [title.end] if title else []
    sentences = split_sentences(text, blocks, markers, cuts)
    final = _final_clause(text, articles, sections, notes, sentences)
    if final:
        articles = [_trim(text, a, final) for a in articles]
    preamble = find_preamble(text, title, articles[0].span.start if articles else None, parts)
    return Doc(
        text=text,
        source=norm,
        title=title,
        preamble=preamble,
        articles=articles,
        annexes=sections,
        final_clause=final,
        blocks=blocks,
        sentences=sentences,
        markers=markers,
        footnotes=footnotes,
        front_matter=front,
        cover=cover,
    )


def _in_body(pos: int, title: Span | None, notes: list[Span]) -> bool:
    if title and title.contains(pos):
        return False
    return not any(n.contains(pos) for n in notes)


def _boundaries(labels: list[Label], sections: list[Section], notes: list[Span], end: int) -> list[int]:
    """Offsets where an article must end: the next article, section or footnote block."""
    return sorted({lb.start for lb in labels} | {s.span.start for s in sections} | {n.start for n in notes} | {end})


def _end_of(text: str, start: int, ends: list[int]) -> int:
    i = bisect.bisect_right(ends, start)
    end = ends[i] if i < len(ends) else len(text)
    return trailing_heading_start(text, start, rstrip(text, start, end))


def _article(text: str, lb: Label, end: int, sections: list[Section]) -> Article:
    heading = heading_after(text, lb, end)
    body_start = heading.end if heading else lb.end
    body = trimmed(text, body_start, end) or Span(end, end)
    return Article(
        label=lb.label,
        number=lb.number,
        span=Span(lb.start, max(end, lb.end)),
        heading=heading,
        paragraphs=find_paragraphs(text, body) if len(body) else [],
        part=_part_of(lb.start, sections),
    )


def _part_of(pos: int, sections: list[Section]) -> str:
    before = [s for s in sections if s.span.start <= pos]
    return before[-1].label if before else "main"


def _name_instruments(articles: list[Article], labels: list[Label]) -> None:
    """A numbering that restarts at 1 inside one part is a further instrument of that part."""
    count: dict[str, int] = {}
    prev: Label | None = None
    for a, lb in zip(articles, labels):
        restart = prev is not None and lb.base <= prev.base and lb.sub == 0
        if restart and (a.part == articles[0].part or count.get(a.part)):
            count[a.part] = count.get(a.part, 1) + 1
        if count.get(a.part, 1) > 1:
            a.part = f"{a.part} ({count[a.part]})"
        prev = lb


def _final_clause(text: str, articles: list[Article], sections: list[Section], notes: list[Span],
                  sentences: list[Span]) -> Span | None:
    main = [a for a in articles if a.part == (articles[0].part if articles else "main")]
    after = main[-1].span.start if main else 0
    later = [s.span.start for s in sections if s.span.start > after] + [n.start for n in notes if n.start > after]
    before = min(later) if later else len(text)
    # the main text's own closing, else one after its annexes (signed at the very end)
    return find_final_clause(text, after, before, sentences) or find_final_clause(text, before, len(text), sentences)


def _trim(text: str, a: Article, final: Span) -> Article:
    """End an article where the final clause begins, when the clause sits inside it."""
    if not (a.span.start < final.start < a.span.end):
        return a
    end = rstrip(text, a.span.start, final.start)
    a.span = Span(a.span.start, end)
    a.paragraphs = [p for p in a.paragraphs if p.span.start < end]
    if a.paragraphs:
        last = a.paragraphs[-1]
        last.span = trimmed(text, last.span.start, min(last.span.end, end)) or last.span
    return a
