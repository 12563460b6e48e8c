"""One instrument of a treaty file (where it runs, its title, articles and closing), and the
file's first instrument, the one the file is named for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pactlens.structure.doc import Doc, Span
from pactlens.structure.frame import find_final_clause
from pactlens.regexes import lazy_re


def primary_articles(doc: Doc) -> list:
    if not doc.articles:
        return []
    part = doc.articles[0].part
    return [a for a in doc.articles if a.part == part]


@dataclass
class Instrument:
    """One instrument of a treaty file: where it runs, its title, its own articles and closing."""

    span: Span
    title: Span | None
    articles: list = field(default_factory=list)
    final: Span | None = None
    opening: int = 0  # where the naming of its parties (its preamble) starts


def primary_instrument(doc: Doc, end: int, title: Span | None) -> Instrument:
    """The file's first instrument, which runs to ``end`` (where a further one begins)."""
    opening = doc.preamble.start if doc.preamble else (title.end if title else 0)
    final = doc.final_clause
    articles = primary_articles(doc)
    if final is not None and final.start >= end:
        # The file's closing follows a later instrument: the first one's own, if it has one.
        after = articles[-1].span.start if articles else opening
        final = find_final_clause(doc.text, after, end, doc.sentences) or final
    return Instrument(Span(0, end), title, articles, final, skip_dateline(doc, opening))


def body_end(doc: Doc, title: Span | None) -> int:
    """Where further instruments may begin: after the first one's last article, and after its
    closing when no annex comes between the two (a closing after the annexes signs them all)."""
    articles = primary_articles(doc)
    after = articles[-1].span.start if articles else (title.end if title else 0)
    final = doc.final_clause
    if final is not None and final.start > after and not any(after < s.span.start < final.start for s in doc.annexes):
        after = final.start
    return after


def skip_dateline(doc: Doc, start: int) -> int:
    """Step over a "SIGNED AT X, <date>." or "(Baku, September 30, 1992)" line at the head of a preamble."""
    text = doc.text
    m = _DATELINE.match(text, start)
    return m.end() if m else start


#: What may stand before the naming of the parties: a dateline, "Preamble", or a section label
#: such as "MAIN TEXT:" (whose colon would otherwise end the parties' list before it starts).
_DATELINE = lazy_re(
    r"\s*(?:\([^()]{0,80}\)|(?i:signed\s+at)[^.]{0,80}\.|(?i:concluded\s+by\s*:|preamble)"
    r"|(?i:main\s+text|text|preamble)\s*:)\s*"
)
