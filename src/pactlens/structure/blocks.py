"""Blocks: the paragraphs of running text, the units sentences never cross.

A block ends at a blank line, at a list bullet, and at a line break that
follows a finished sentence or a heading. Footnote definitions and the GGO
corpus's part labels (``MainText:``, ``AppendixText:`` and their ``NA``
placeholders) are not running text and are cut out.
"""

from __future__ import annotations

import re

from pactlens.structure.doc import Span
from pactlens.structure.spans import trimmed
from pactlens.regexes import lazy_re

#: A GGO part label on its own line, with the "NA" that marks an empty part.
PART_LABEL_RE = lazy_re(r"^[ \t]*(?P<name>[A-Z][A-Za-z]*Text):[ \t]*(?:\n[ \t]*NA[ \t]*(?=\n|$))?", re.M)

_BREAK_RE = lazy_re(r"\n")
_BULLET_RE = lazy_re(r"[ \t]*(?:[-*•◦▪]|\d{1,3}[.)]|\([a-z0-9]{1,4}\))[ \t]")
_SENTENCE_END_RE = lazy_re(r"[.!?:;\"”’)\]¹²³⁴⁵⁶⁷⁸⁹⁰]\s*$")


def label_spans(text: str) -> list[Span]:
    """Spans of GGO part labels (and empty-part placeholders)."""
    return [Span(m.start(), m.end()) for m in PART_LABEL_RE.finditer(text)]


def find_blocks(text: str, exclude: list[Span]) -> list[Span]:
    """Running-text paragraphs, sorted, never overlapping an excluded span."""
    pieces = _subtract(Span(0, len(text)), sorted(exclude, key=lambda s: s.start))
    out: list[Span] = []
    for piece in pieces:
        out += _split_piece(text, piece)
    return out


def _subtract(whole: Span, holes: list[Span]) -> list[Span]:
    out, pos = [], whole.start
    for h in holes:
        if h.start > pos:
            out.append(Span(pos, h.start))
        pos = max(pos, h.end)
    if pos < whole.end:
        out.append(Span(pos, whole.end))
    return out


def _split_piece(text: str, piece: Span) -> list[Span]:
    out: list[Span] = []
    start = piece.start
    for m in _BREAK_RE.finditer(text, piece.start, piece.end):
        if _is_boundary(text, start, m.start(), m.end(), piece.end):
            _emit(text, start, m.start(), out)
            start = m.end()
    _emit(text, start, piece.end, out)
    return out


def _is_boundary(text: str, block_start: int, nl: int, after: int, end: int) -> bool:
    line_start = max(text.rfind("\n", block_start, nl) + 1, block_start)
    line = text[line_start:nl]
    nxt_end = text.find("\n", after, end)
    nxt = text[after : nxt_end if nxt_end >= 0 else end]
    if not line.strip() or not nxt.strip():
        return True  # a blank line
    if _BULLET_RE.match(nxt):
        return True
    first = nxt.lstrip()[:1]
    starts_new = first.isupper() or first.isdigit() or first in "[(\"“"
    if not starts_new:
        return False
    if _SENTENCE_END_RE.search(line) is not None:
        return True
    return _is_heading(line) and _set_apart(text, line, nxt, line_start, end)


def _is_heading(line: str) -> bool:
    """A short line without final punctuation: a title, a label or a section heading."""
    s = line.strip()
    return 0 < len(s) <= 80 and s[-1] not in ",-–(" and (s.isupper() or len(s.split()) <= 8)


def _set_apart(text: str, line: str, nxt: str, line_start: int, end: int) -> bool:
    """Whether a short line is a heading of its own rather than one line of a hard-wrapped paragraph.

    A wrapped line ends where the next word would not fit: its length, a space and the next
    line's first word pass the paragraph's width (its longest line; about 70-80 columns in
    Markdown written by converters), though it may hold eight words or fewer ("the Leaders
    underscored the fundamental principles guiding" / "Vietnam–U.S. relations"). A heading stops
    short of that width. A Markdown '#' heading, a line in capitals or a line padded with spaces
    (a column of a signature block) is one whatever its length."""
    s = line.strip()
    if s.startswith("#") or s.isupper() or len(line) - len(line.rstrip()) >= 2:
        return True  # a run of spaces after the words pads a column (a signature block)
    width = _paragraph_width(text, line_start, end)
    return width < _NARROWEST_WRAP or len(line.rstrip()) + 1 + len(nxt.split(None, 1)[0]) <= width


#: No converter wraps running text narrower: lines of a block whose longest is shorter were
#: broken by hand ("Article 2" / "They consult."; a dateline's place under its venue).
_NARROWEST_WRAP = 40


def _paragraph_width(text: str, pos: int, end: int) -> int:
    """The longest line (trailing spaces aside) of the run of non-blank lines around ``pos``,
    looked for within 2,000 characters either side (a width needs a few lines, not a whole page),
    leaving out lines that overrun it with a word too long to wrap."""
    lo, hi = max(0, pos - 2000), min(end, pos + 2000)
    start = lo
    for m in _BLANK_LINE_RE.finditer(text, lo, pos):
        start = m.end()
    after = _BLANK_LINE_RE.search(text, pos, hi)
    stop = after.start() if after else hi
    lines = text[start:stop].split("\n")
    # A line holding a word no wrapper can break (a link's address) overruns the width.
    wrapped = [ln for ln in lines if max(map(len, ln.split()), default=0) <= _LONGEST_WORD]
    return max(len(ln.rstrip()) for ln in wrapped or lines)


#: Longer than any word of running text: a web address, a path, a file name.
_LONGEST_WORD = 30


_BLANK_LINE_RE = lazy_re(r"\n[ \t\xa0]*\n")


def is_heading_block(block: str) -> bool:
    """A block that is one heading line, not a short sentence: a brief's section title
    ("Background", "Implications for the Region"), which an outline of the text lists."""
    s = _TRAILING_MARKERS.sub("", block.strip())  # "It was signed.[2]" ends a sentence
    return bool(s) and "\n" not in s and _is_heading(s) and s[-1] not in ".;:!?\"”'’" and not s[0].islower()


_TRAILING_MARKERS = lazy_re(r"(?:\[\d{1,4}\]|<sup>[^<]{0,8}</sup>|\s)+$")


def _emit(text: str, start: int, end: int, out: list[Span]) -> None:
    if span := trimmed(text, start, end):
        out.append(span)
