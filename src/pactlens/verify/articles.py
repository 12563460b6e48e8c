"""References to a treaty's parts in a brief ("Article 27", "Articles 45–47", "Article VI of the GATT",
"article 2, paragraph 4", "Article 24, paragraph 5B", "Chapter VII", "Part IV"), and their resolution to
the treaty's own structure.

A claim about Article N is first compared with Article N: a reference is a claim in itself (that the
article says what the sentence says), which a lawyer checks before anything else. Chapters and parts
are resolved through their headings in the treaty's text ("CHAPTER VII", "PART IV") to the articles
between that heading and the next one of its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pactlens.structure.doc import Article, Doc, Span
from pactlens.structure.numbers import roman_value
from pactlens.regexes import lazy_re

_NUM = r"(?:\d{1,3}|[IVXLC]{1,7})(?![\w])"
_RANGE = rf"{_NUM}(?:\s*(?:[-–—]|to|and|,)\s*{_NUM})*"
_REF = lazy_re(
    rf"\b(?P<kind>Articles?|Art\.|Chapters?|Parts?)\s+(?P<nums>{_RANGE})"
    r"(?:\s*,?\s*(?:paragraphs?|para\.|§)\s*(?P<para>\d{1,2}\s*\(?[a-zA-Z]?\)?))?",
)


@dataclass(frozen=True)
class ArticleRef:
    """A reference in a claim: the article numbers it names (normalized like ``Article.number``),
    its extent in the claim, and a paragraph if one is named."""

    numbers: tuple[str, ...]
    start: int
    end: int
    paragraph: str | None = None
    kind: str = "article"  # article | chapter | part


def _value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return roman_value(token)


def find_article_refs(text: str) -> list[ArticleRef]:
    """Article, chapter and part references in ``text``; a range "45–47" names every article in it."""
    out = []
    for m in _REF.finditer(text):
        kind = m.group("kind").lower().rstrip("s.")
        kind = "article" if kind.startswith("art") else kind
        tokens = re.findall(_NUM, m.group("nums"))
        values = [v for v in (_value(t) for t in tokens) if v]
        if not values:
            continue
        if re.search(r"[-–—]|\bto\b", m.group("nums")) and len(values) == 2 and values[0] < values[1] <= values[0] + 30:
            values = list(range(values[0], values[1] + 1))
        para = re.sub(r"\W", "", m.group("para") or "") or None
        out.append(ArticleRef(tuple(str(v) for v in values), m.start(), m.end(), para, kind))
    return out


def resolve(ref: ArticleRef, doc: Doc) -> list[Article]:
    """The treaty's articles a reference names (none when the treaty has no such article)."""
    if ref.kind == "article":
        by_number = {a.number.split("(")[0]: a for a in doc.articles}
        return [by_number[n] for n in ref.numbers if n in by_number]
    spans = [s for n in ref.numbers for s in _division_spans(doc.text, ref.kind, int(n))]
    return [a for a in doc.articles if any(s.start <= a.span.start < s.end for s in spans)]


def _division_spans(text: str, kind: str, n: int) -> list[Span]:
    """Where chapter or part ``n`` runs: from its heading to the next heading of its kind."""
    heads = _headings(text, kind)
    out = []
    for i, (value, at) in enumerate(heads):
        if value == n:
            end = heads[i + 1][1] if i + 1 < len(heads) else len(text)
            out.append(Span(at, end))
    return out


@lru_cache(maxsize=8)
def _headings(text: str, kind: str) -> list[tuple[int, int]]:
    word = kind.upper()
    rx = re.compile(rf"(?:^|(?<=[\s.:]))(?:{word}|{word.title()})\s+({_NUM})(?=\s+[A-Z])", re.MULTILINE)
    out = []
    for m in rx.finditer(text):
        v = _value(m.group(1))
        if v and (not out or v >= out[-1][0]):  # headings go up; cross-references in running text do not
            out.append((v, m.start()))
    return out
