"""Build a Doc from a normalized text for the extractor and verifier tests.

Uses ``structure.build`` and fills in, by plain rules, whatever it leaves
empty (footnote definitions ``[n] …`` at a line start, ``[n]`` markers,
sentences), so these tests exercise the citations, audit, check, quotes,
events and entities code whatever state structure is in.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pactlens.ingest.types import NormalizedText, OffsetMap
from pactlens.structure import build
from pactlens.structure.doc import Doc, FootnoteDef, FootnoteMarker, Span
from pactlens.structure.sentences import plain_line_sentences

FIXTURES = Path(__file__).parent / "fixtures"

_FOOTNOTE_DEF = re.compile(r"^\[(\d+)\] ([^\n]*)", re.MULTILINE)
#: The citation tests also take "[1]Text" (no space after the marker) for a definition.
_FOOTNOTE_DEF_BARE = re.compile(r"^\[(\d+)\] ?([^\n]*)", re.MULTILINE)


def normalized(text: str, name: str = "fixture.txt", date: str | None = None) -> NormalizedText:
    return NormalizedText(
        source=name, sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
        text=text, original=text, offsets=OffsetMap([(0, len(text), 0, len(text))]), date=date,
    )


def make_doc(text: str, date: str | None = None, *, bare_footnotes: bool = False) -> Doc:
    doc = build(normalized(text, date=date))
    if not doc.footnotes:
        for m in (_FOOTNOTE_DEF_BARE if bare_footnotes else _FOOTNOTE_DEF).finditer(text):
            doc.footnotes.append(FootnoteDef(m.group(1), Span(m.start(), m.end()), Span(m.start(2), m.end())))
    if not doc.markers:
        for m in re.finditer(r"\[(\d+)\]", text):
            if not any(f.span.start == m.start() for f in doc.footnotes):
                doc.markers.append(FootnoteMarker(m.group(1), Span(m.start(), m.end())))
    if not doc.sentences:
        doc.sentences.extend(plain_line_sentences(text))
    return doc


def fixture_doc(name: str, date: str | None = None, *, bare_footnotes: bool = False) -> Doc:
    return make_doc((FIXTURES / name).read_text(encoding="utf-8"), date=date, bare_footnotes=bare_footnotes)


def dated_events(text: str, date: str | None = None) -> list[tuple[str, str]]:
    """(date, first evidence text) of each event found in ``text``, every span checked against the text."""
    from pactlens.extract.prose.events import find_events

    doc = make_doc(text, date=date)
    out = []
    for e in find_events(doc, []):
        for ev in e.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
        out.append((e.date, e.evidence[0].text))
    return out


def direct_speakers(text: str) -> dict[str, str | None]:
    """Each direct quotation's first 16 characters and its speaker, every span checked against the text."""
    from pactlens.extract.prose.quotes import find_quotes

    doc = make_doc(text)
    quotes = find_quotes(doc, [])
    for q in quotes:
        assert all(doc.text[e.start : e.end] == e.text for e in q.evidence)
    return {q.text[:16]: q.speaker for q in quotes if q.direct}
