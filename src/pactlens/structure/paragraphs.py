"""Paragraphs inside an article: ``1.``, ``(1)``, ``(a)``, ``(i)``, or blank-line separated.

The top level is the numbering style of the first marker, when it opens the
article's body (or, for arabic numbers, follows an introductory sentence);
markers of other styles are sub-items inside those paragraphs. A marker
counts only at a line start or after a sentence end, so "paragraph 1. of
Article 3" is not a paragraph start.
"""

from __future__ import annotations

import re

from pactlens.structure.doc import Paragraph, Span
from pactlens.structure.numbers import letter_value, roman_value
from pactlens.structure.spans import trimmed
from pactlens.regexes import lazy_re

_MARKER_RE = lazy_re(
    r"(?<![\w(])(?P<m>(?P<dot>\d{1,2})\.(?!\d)|\((?P<par>\d{1,2})\)|(?P<close>\d{1,2})\)"
    r"|\((?P<letter>[a-z])\)|(?P<lclose>[a-z])\)|\((?P<roman>[ivx]{1,5})\))(?=[ \t]*\S)"
)
_BLANK_RE = lazy_re(r"\n[ \t]*\n")


def find_paragraphs(text: str, body: Span) -> list[Paragraph]:
    """The article's paragraphs; one unnumbered paragraph when the body is not divided."""
    markers = [
        (m.start(), style, value, raw)
        for m in _MARKER_RE.finditer(text, body.start, body.end)
        if _opens(text, body.start, m.start())
        for style, value, raw in [_style(m)]
        if value
    ]
    numbered = _top_level(text, body, markers)
    if numbered:
        return numbered
    return _blank_separated(text, body)


def _opens(text: str, body_start: int, pos: int) -> bool:
    """A marker opens a paragraph at the body start, a line start or after a sentence end."""
    i = pos - 1
    while i >= body_start and text[i] in " \t":
        i -= 1
    return i < body_start or text[i] in "\n.:;"


def _style(m: re.Match[str]) -> tuple[str, int | None, str]:
    for style in ("dot", "par", "close"):
        if m[style]:
            return style, int(m[style]), m[style]
    if m["letter"] or m["lclose"]:
        raw = m["letter"] or m["lclose"]
        return ("letter" if m["letter"] else "lclose"), letter_value(raw), raw
    return "roman", roman_value(m["roman"]), m["roman"]


def _top_level(text: str, body: Span, markers: list[tuple[int, str, int, str]]) -> list[Paragraph]:
    if not markers:
        return []
    first_pos, style, value, raw = markers[0]
    if style == "letter" and raw == "i":
        style, value = "roman", 1  # "(i)" opening a list is a Roman one
    intro = trimmed(text, body.start, first_pos)
    if value != 1 or (intro and style not in ("dot", "par")):
        return []
    chosen = [markers[0]]
    expected = 2
    for mk in markers[1:]:
        if _value_as(mk, style) == expected:
            chosen.append(mk)
            expected += 1
    out = [Paragraph(span=intro)] if intro else []
    for i, (pos, _, _, raw) in enumerate(chosen):
        end = chosen[i + 1][0] if i + 1 < len(chosen) else body.end
        span = trimmed(text, pos, end)
        if span:
            out.append(Paragraph(span=span, number=raw))
    return out


def _value_as(marker: tuple[int, str, int, str], style: str) -> int | None:
    """The marker's value read in ``style`` ("(v)" is 22 as a letter, 5 as a Roman numeral)."""
    _, own, value, raw = marker
    if own == style:
        return value
    if style == "roman" and own == "letter":
        return roman_value(raw)
    return None


def _blank_separated(text: str, body: Span) -> list[Paragraph]:
    out, pos = [], body.start
    for m in _BLANK_RE.finditer(text, body.start, body.end):
        if span := trimmed(text, pos, m.start()):
            out.append(Paragraph(span=span))
        pos = m.end()
    if span := trimmed(text, pos, body.end):
        out.append(Paragraph(span=span))
    return out
