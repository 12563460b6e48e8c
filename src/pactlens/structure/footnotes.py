"""Footnote markers and footnote definitions, in the styles real documents use.

Markers: ``[12]``, ``[^3]``, ``^4``, Unicode superscripts ``¹²``. Definitions:
lines starting with ``[n]``, ``[^n]:``, superscript digits, and numbered lists
under a "Notes"/"Endnotes"/"References" heading. A definition's own label is
never counted as a marker, and the definition is never body text.

Bracketed numbers at a line start are taken as definitions only when the
same label is also used as a marker in the body: a treaty that numbers its
paragraphs ``[1]`` has no footnotes.
"""

from __future__ import annotations

import re

from pactlens.structure.doc import FootnoteDef, FootnoteMarker, Span
from pactlens.structure.spans import covering
from pactlens.structure.spans import lstrip as _lstrip
from pactlens.structure.spans import rstrip as _rstrip
from pactlens.regexes import lazy_re

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "0123456789")

_BRACKET_MARKER_RE = lazy_re(
    r"\[(?:\^(?P<md>[A-Za-z0-9_-]{1,20})\](?!:)"  # [^3] (Markdown), not its definition
    r"|(?P<br>\d{1,3})\](?![(:]))"  # [12], but not a Markdown link or definition
)
_CARET_MARKER_RE = lazy_re(r"(?<![\d\s^\[])\^(?P<caret>\d{1,3})(?!\d)")  # word^4
_SUP_MARKER_RE = lazy_re(rf"(?P<sup>[{_SUPERSCRIPTS}]+)")
# Superscript 2/3 right after a unit is a power (km², m³), not a note.
_UNIT_BEFORE_RE = lazy_re(r"(?:\b(?:k|c|m|d)?m|\bft|\bin|\bmi|\bsq)$")

_BRACKET_DEF_RE = lazy_re(r"^[ \t]*\[(?P<label>\d{1,3})\](?=[ \t]|$)", re.M)
_MD_DEF_RE = lazy_re(r"^[ \t]*\[\^(?P<label>[A-Za-z0-9_-]{1,20})\]:", re.M)
_SUP_DEF_RE = lazy_re(rf"^[ \t]*(?P<label>[{_SUPERSCRIPTS}]+)(?=[ \t]*\S)", re.M)
_NOTES_HEADING_RE = lazy_re(
    r"^[ \t]*#*[ \t]*(?:Notes|NOTES|Footnotes|FOOTNOTES|Endnotes|ENDNOTES|References|REFERENCES)"
    r"[ \t]*:?[ \t]*$",
    re.M,
)
#: A numbered note under a notes heading: "1. Text", or a row of a table of notes as a web page's
#: Markdown capture writes it ("| 1. | United Nations Conference on Trade …", CRS reports).
_NUMBERED_ITEM_RE = lazy_re(
    r"^[ \t]*(?:\|[ \t]*)?(?P<label>\d{1,3})(?:[.)][ \t]*\||[.)]|[ \t]*\|)[ \t]+\S", re.M
)
_BLANK_LINE_RE = lazy_re(r"\n[ \t]*\n")


def find_footnotes(text: str) -> tuple[list[FootnoteMarker], list[FootnoteDef]]:
    """All footnote markers in the body and all footnote definitions, each sorted."""
    candidates = _marker_candidates(text)
    defs = _definitions(text, _definition_starts(text, candidates))
    inside = covering((d.span.start, d.span.end) for d in defs)
    markers = [m for m in candidates if not inside(m.span.start)]
    return markers, defs


def _marker_matches(text: str) -> list[re.Match[str]]:
    """Matches of each marker style, scanning only for the styles the text can hold."""
    found = list(_BRACKET_MARKER_RE.finditer(text)) if "[" in text else []
    if "^" in text:
        found += _CARET_MARKER_RE.finditer(text)
    if any(ch in text for ch in _SUPERSCRIPTS):
        found += _SUP_MARKER_RE.finditer(text)
    return sorted(found, key=lambda m: m.start())


def _marker_candidates(text: str) -> list[FootnoteMarker]:
    out = []
    for m in _marker_matches(text):
        g = m.groupdict()
        if g.get("sup"):
            if g["sup"] in "²³" and _UNIT_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()):
                continue
            label = g["sup"].translate(_SUP_TO_DIGIT)
        else:
            label = g.get("md") or g.get("br") or g["caret"]
        out.append(FootnoteMarker(label=label, span=Span(m.start(), m.end())))
    return out


def _definition_starts(text: str, candidates: list[FootnoteMarker]) -> list[tuple[int, int, str]]:
    """(start of definition, start of its body, label) for every definition found."""
    starts = [(m.start("label") - 2, m.end(), m["label"]) for m in _MD_DEF_RE.finditer(text)]
    line_start = [
        (m.start("label") - 1, m.end(), m["label"]) for m in _BRACKET_DEF_RE.finditer(text)
    ] + [
        (m.start("label"), m.end(), m["label"].translate(_SUP_TO_DIGIT)) for m in _SUP_DEF_RE.finditer(text)
    ]
    # A line-start label is a definition only if the body uses it as a marker too.
    at_line_start = {s for s, _, _ in line_start}
    used = {m.label for m in candidates if m.span.start not in at_line_start}
    starts += [s for s in line_start if s[2] in used]
    starts += _notes_list_items(text)
    starts.sort()
    return _dedupe(starts)


def _notes_list_items(text: str) -> list[tuple[int, int, str]]:
    """Numbered items of a list that follows a Notes/Endnotes/References heading."""
    out: list[tuple[int, int, str]] = []
    for h in _NOTES_HEADING_RE.finditer(text):
        expected = 1
        pos = h.end()
        for m in _NUMBERED_ITEM_RE.finditer(text, pos):
            gap = text[pos : m.start()]
            if int(m["label"]) != expected or (expected > 1 and _ends_list(gap)):
                break
            body = m.end() - 1
            # A table row's note opens at its cell's bar, so the note before it ends on its own line.
            bar = text.find("|", m.start(), m.start("label"))
            out.append((bar if bar >= 0 else m.start("label"), body, m["label"]))
            expected += 1
            pos = m.end()
    return out


def _ends_list(gap: str) -> bool:
    """Text between two numbered notes that is not a continuation of the first (a heading)."""
    lines = [ln for ln in gap.split("\n")[1:] if ln.strip()]
    return any(_NOTES_HEADING_RE.match(ln) or (len(ln) < 60 and ln.strip().istitle()) for ln in lines)


def _dedupe(starts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s in starts:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


def _definitions(text: str, starts: list[tuple[int, int, str]]) -> list[FootnoteDef]:
    """A definition runs to the next definition or the next blank line."""
    defs = []
    for i, (start, body_start, label) in enumerate(starts):
        limit = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        blank = _BLANK_LINE_RE.search(text, body_start, limit)
        end = blank.start() if blank else limit
        end = _rstrip(text, body_start, end)
        b = _lstrip(text, body_start, end)
        defs.append(FootnoteDef(label=label, span=Span(start, max(end, body_start)), body=Span(b, max(end, b))))
    return defs
