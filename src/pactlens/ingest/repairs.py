"""One function per repair: each reads the current text and returns the edits it wants.

Repairs never apply anything themselves (see :mod:`pactlens.ingest.edits`),
so each can be tested alone and every change stays traceable to the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pactlens.ingest.edits import Edit
from pactlens.ingest.util import bracket_markers, exponent_context
from pactlens.regexes import lazy_re

# --- characters -----------------------------------------------------------------

_INVISIBLE_CHARS = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
_INVISIBLE = lazy_re(f"[{_INVISIBLE_CHARS}]+")
_LINE_END = lazy_re(r"\r\n?|[\u2028\u2029\x0b\x85]")
_NON_ASCII_RUN = lazy_re(r"[\x00-\x7f]?[^\x00-\x7f]+")


def strip_invisible(text: str) -> list[Edit]:
    """BOMs, zero-width characters and soft hyphens: they split words for every later matcher."""
    if not any(ch in text for ch in _INVISIBLE_CHARS):  # `in` is a fast scan; most texts have none
        return []
    return [Edit(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]


def unify_line_ends(text: str) -> list[Edit]:
    """CRLF, CR and Unicode line separators become ``\\n``."""
    if not any(ch in text for ch in "\r\u2028\u2029\x0b\x85"):
        return []
    return [Edit(m.start(), m.end(), "\n") for m in _LINE_END.finditer(text)]


def nfc(text: str) -> list[Edit]:
    """Compose characters (NFC), one edit per changed stretch of non-ASCII text.

    Composition only happens inside a run of non-ASCII characters and the one
    character before it (an ASCII base letter plus combining marks), so each
    such run can be normalized on its own.
    """
    if unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    for m in _NON_ASCII_RUN.finditer(text):
        composed = unicodedata.normalize("NFC", m.group())
        if composed != m.group():
            edits.append(Edit(m.start(), m.end(), composed))
    return edits


# --- GGO section labels -----------------------------------------------------------

# matched only at the start of a line that holds "Text:" (found with str.find): scanning
# the whole text with ``^`` and re.M, or a look-behind, is several times slower
_GGO_LABEL = lazy_re(r"[ \t]*(Main|Appendix|Annex)Text:[ \t]*(?:\n|\Z)")
_NA_LINE = lazy_re(r"^[ \t]*NA[ \t]*(?:\n|$)", re.M)


def ggo_sections(text: str) -> tuple[list[Edit], list[tuple[str, int, int]]]:
    """Drop ``MainText:``/``AppendixText:``/``AnnexText:`` labels and their ``NA`` placeholders.

    Returns the edits and the sections the labels declared, as ``(name, start,
    end)`` in the current text, so structure can tell where each instrument
    starts. Files in the unlabelled GGO form (three long lines: main text,
    appendix, annex, ``NA`` when empty) get the same treatment.
    """
    labels = _ggo_labels(text)
    if not labels:
        return _ggo_unlabelled(text)
    edits: list[Edit] = []
    parts: list[tuple[str, int, int]] = []
    for i, m in enumerate(labels):
        body_end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        edits.append(Edit(m.start(), m.end(), ""))
        body = text[m.end() : body_end]
        na = _NA_LINE.match(body)
        if na and not body[na.end() :].strip():
            edits.append(Edit(m.end(), m.end() + na.end(), ""))
        elif body.strip():
            start = m.end() + len(body) - len(body.lstrip())
            parts.append((m.group(1).lower(), start, m.end() + len(body.rstrip())))
    return edits, parts


def _ggo_labels(text: str) -> list[re.Match]:
    """Label lines, each alone on its line."""
    found = []
    i = text.find("Text:")
    while i != -1:
        m = _GGO_LABEL.match(text, text.rfind("\n", 0, i) + 1)
        if m and m.end() > i:
            found.append(m)
        i = text.find("Text:", i + 5)
    return found


def _ggo_unlabelled(text: str) -> tuple[list[Edit], list[tuple[str, int, int]]]:
    lines = text.split("\n")
    if len(lines) not in (3, 4) or (len(lines) == 4 and lines[3]) or not any(
        ln.strip() == "NA" for ln in lines[1:3]
    ):
        return [], []
    edits: list[Edit] = []
    parts: list[tuple[str, int, int]] = []
    pos = 0
    for name, line in zip(("main", "appendix", "annex"), lines):
        if line.strip() == "NA":
            edits.append(Edit(pos, min(pos + len(line) + 1, len(text)), ""))
        elif line.strip():
            parts.append((name, pos, pos + len(line.rstrip())))
        pos += len(line) + 1
    return edits, parts


# --- footnote markers written as (mangled) HTML -------------------------------------

_SUP_OPEN = r"(?:<sup>&</sup>lt;sup>|<sup>&lt;sup>|&lt;sup&gt;|<sup>)"
_SUP_CLOSE = r"(?:</sup>|&lt;/sup&gt;)"
_SUP_MARKER = lazy_re(_SUP_OPEN + r"[ \t]*(\d{1,3}(?:[ \t]*,[ \t]*\d{1,3})*|[*†‡§])[ \t]*" + _SUP_CLOSE)
_SUP_ORDINAL = lazy_re(r"(?<=\d)" + _SUP_OPEN + r"(st|nd|rd|th|er|e)" + _SUP_CLOSE)
_SUP_ORPHAN = lazy_re(r"[ \t]*<sup>&</sup>(?!lt;)")
_INDENTED_DEF = lazy_re(r"\n([ \t]+)(?=\[\d{1,3}\] )")
_INDENTED_FIRST = lazy_re(r"([ \t]+)(?=\[\d{1,3}\] )")


def sup_markers(text: str) -> list[Edit]:
    """``<sup>1</sup>`` and the mangled ``<sup>&</sup>lt;sup>1</sup>`` become ``[1]``.

    Text converted from HTML by a careless tool keeps the tags; ordinals
    (``119<sup>th</sup>``) lose them, and an orphaned ``<sup>&</sup>`` is dropped.
    """
    if "sup>" not in text and "sup&gt;" not in text:
        return []
    edits = [Edit(m.start(), m.end(), m.group(1) if exponent_context(text[max(0, m.start() - 8) : m.start()])
                  else bracket_markers(m.group(1))) for m in _SUP_MARKER.finditer(text)]
    edits += [Edit(m.start(), m.end(), m.group(1)) for m in _SUP_ORDINAL.finditer(text)]
    edits += [Edit(m.start(), m.end(), "") for m in _SUP_ORPHAN.finditer(text)]
    return _disjoint(edits)


def indented_definitions(text: str) -> list[Edit]:
    """Footnote definitions start at the line start, whatever indentation the source had."""
    if "] " not in text:
        return []
    first = _INDENTED_FIRST.match(text)
    found = ([first] if first else []) + list(_INDENTED_DEF.finditer(text))
    return [Edit(m.start(1), m.end(1), "") for m in found]


def _disjoint(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if not out or e.start >= out[-1].end:
            out.append(e)
    return out


# --- a paragraph split by a footnote block -------------------------------------------

_DEF_LINE = lazy_re(r"\[\^?\w{1,4}\]:?[ \t]")
_TERMINAL = set(".!?:;…\"”’')]*")


def split_paragraphs(text: str) -> list[Edit]:
    """Rejoin a paragraph that a block of footnote definitions cut in two.

    Pages converted to text leave a page's footnotes where the page ended; when
    the line before them stops mid-sentence (no terminal punctuation) and the
    line after them starts in lower case, the two halves are one paragraph:
    join them and move the footnote block after the whole paragraph.
    """
    if "[" not in text:
        return []
    lines = _lines(text)
    edits: list[Edit] = []
    i = 0
    while i < len(lines):
        if not _is_def(text, lines[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and (_is_def(text, lines[j + 1]) or _blank(text, lines[j + 1])):
            j += 1
        while _blank(text, lines[j]):
            j -= 1
        prev = _neighbour(text, lines, i, -1)
        nxt = _neighbour(text, lines, j, +1)
        if prev is not None and nxt is not None and _cut(text, lines[prev], lines[nxt]):
            edits += _move_block(text, lines[prev][1], lines[i][0], lines[j][1], lines[nxt][0], lines[nxt][1])
        i = j + 1
    return edits


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _blank(text: str, line: tuple[int, int]) -> bool:
    return not text[line[0] : line[1]].strip()


def _is_def(text: str, line: tuple[int, int]) -> bool:
    return _DEF_LINE.match(text, line[0], line[1]) is not None


def _neighbour(text: str, lines: list[tuple[int, int]], k: int, step: int) -> int | None:
    k += step
    while 0 <= k < len(lines) and _blank(text, lines[k]):
        k += step
    return k if 0 <= k < len(lines) else None


def _cut(text: str, prev: tuple[int, int], nxt: tuple[int, int]) -> bool:
    before = text[prev[0] : prev[1]].rstrip()
    after = text[nxt[0] : nxt[1]].lstrip()
    return bool(before) and before[-1] not in _TERMINAL and not _DEF_LINE.match(before) and after[:1].islower()


def _move_block(text: str, prev_end: int, block_start: int, block_end: int, next_start: int,
                next_end: int) -> list[Edit]:
    """``prev ⏎ block ⏎ next`` → ``prev next ⏎⏎ block``; each piece keeps its own origin."""
    return [
        Edit(prev_end, next_start, " ", origin=(prev_end, block_start)),
        Edit(next_end, next_end, "\n\n", origin=(block_end, next_start)),
        Edit(next_end, next_end, text[block_start:block_end], origin=(block_start, block_end)),
    ]


# --- page breaks ---------------------------------------------------------------------------------

_PAGE_NUMBER = lazy_re(r"(?i)\s*(?:page\s+)?[-\u2013(]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-\u2013)]?(?:\s*(?:of|/)\s*\d{1,4})?\s*")
#: Headings that may open many pages and are text, not running heads ("Article 5", "CHAPTER II").
_STRUCTURAL_LINE = lazy_re(r"(?i)\s*(?:article|art\.|chapter|part|section|annex|appendix|schedule|protocol)\b")
#: A line is a running head or foot when it opens or closes at least this share of the pages.
_RUNNING_SHARE = 0.4


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _edge_lines(page_start: int, page: str) -> list[tuple[int, int]]:
    """The first and the last non-blank line of a page, as spans of the whole text."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", page) if m.group(0).strip()]
    edges = lines[:1] + lines[-1:] if len(lines) > 1 else lines
    return [(page_start + a, page_start + b) for a, b in dict.fromkeys(edges)]


def running_heads(text: str) -> list[Edit]:
    """Lines a PDF repeats at the top or bottom of its pages (a running title, "UNTS Vol. 34",
    page numbers) are removed: they would cut sentences in two and read as text.

    Only in texts of three pages or more; a line counts when, with its digits ignored, it
    opens or closes at least 40% of the pages (a page number alone: any page), and never
    when it is a heading such as "Article 5".
    """
    if text.count("\f") < 2:
        return []
    pages, pos = [], 0
    for page in text.split("\f"):
        pages.append((pos, page))
        pos += len(page) + 1
    edges = [(a, b, _line_key(text[a:b])) for start, page in pages for a, b in _edge_lines(start, page)]
    counts = Counter(key for _, _, key in edges)
    need = max(3, _RUNNING_SHARE * len(pages))
    edits = []
    for a, b, key in edges:
        line = text[a:b]
        if len(line) > 120 or _STRUCTURAL_LINE.match(line):
            continue
        if _PAGE_NUMBER.fullmatch(line) or counts[key] >= need:
            end = b + 1 if text[b : b + 1] == "\n" else b
            edits.append(Edit(a, end, ""))
    return edits


_PAGE_BREAK = lazy_re(r"[ \t\n]*\f[ \t\n\f]*")


def page_breaks(text: str) -> list[Edit]:
    """A page break (form feed, as the PDF reader leaves it) ends a paragraph unless the
    sentence runs on: no terminal punctuation before it and a lower-case word after."""
    if "\f" not in text:
        return []
    edits = []
    for m in _PAGE_BREAK.finditer(text):
        before = text[: m.start()].rstrip()[-1:]
        after = text[m.end() : m.end() + 1]
        runs_on = bool(before) and before not in _TERMINAL and after.islower()
        # a hyphen before the break is left to line_hyphens, which needs a line end
        edits.append(Edit(m.start(), m.end(), ("\n" if before == "-" else " ") if runs_on else "\n\n"))
    return edits


# --- words hyphenated across line breaks ------------------------------------------------

_HYPHEN_BREAK = lazy_re(r"(?<![\w-])([^\W_]+)-[ \t]*\n[ \t]*([^\W_]+)")
_HYPHEN_EOL = lazy_re(r"-[ \t]*\n")
_WORDS = lazy_re(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: Prefixes English writes with a hyphen whatever the line breaking did ("self-defence").
_HYPHEN_PREFIXES = {"self", "ex", "quasi", "all", "half", "well"}


def line_hyphens(text: str) -> list[Edit]:
    """``coopera-⏎tion`` → ``cooperation``; ``Russia-⏎Iran`` → ``Russia-Iran``.

    The hyphen stays when a part is a number (``20-⏎year``) or the second is
    capitalised, after prefixes such as ``self-``, and when the text itself
    writes the hyphenated form elsewhere and never the joined one.
    """
    if not _HYPHEN_EOL.search(text):  # cheap test first: most texts have none
        return []
    matches = list(_HYPHEN_BREAK.finditer(text))
    if not matches:
        return []
    counts = Counter(w.lower() for w in _WORDS.findall(text))
    edits = []
    for m in matches:
        first, second = m.group(1), m.group(2)
        joined, hyphened = (first + second).lower(), f"{first}-{second}".lower()
        keep = (second[0].isupper() or first[-1].isdigit() or second[0].isdigit()
                or first.lower() in _HYPHEN_PREFIXES or (counts[hyphened] > 0 and counts[joined] == 0))
        edits.append(Edit(m.end(1), m.start(2), "-" if keep else ""))
    return edits


# --- spacing ------------------------------------------------------------------------------

# Candidates only, each found by its own pattern that starts with a literal: ``re`` scans
# those fast, while a class, a quantifier or an alternation up front is several times slower.
_HINT_SPACE = lazy_re(r" [ ,.;:!?)\]\n]")
_HINT_OPEN = lazy_re(r"[(\[] ")
_HINT_TABS = lazy_re(r"[ \t][ \t,.;:!?)\]\n]|[(\[][ \t]")  # slow; only for texts with tabs
_BLANKS = " \t"


def ocr_spacing(text: str) -> list[Edit]:
    """Runs of spaces, spaces before punctuation (``Parties :``), inside brackets, at line ends."""
    edits: list[Edit] = []
    done = 0
    for a in _spacing_candidates(text):
        if a < done:
            continue
        while a > 0 and text[a - 1] in _BLANKS:
            a -= 1
        b = a
        while b < len(text) and text[b] in _BLANKS:
            b += 1
        done = b
        fix = _spacing_fix(text, a, b)
        if fix is not None:
            edits.append(Edit(a, b, fix))
    return edits


def _spacing_candidates(text: str) -> list[int]:
    """Offsets of blanks that may need a repair, in order."""
    if "\t" in text:
        found = [m.start() + (1 if text[m.start()] in "([" else 0) for m in _HINT_TABS.finditer(text)]
    else:
        found = [m.start() for m in _HINT_SPACE.finditer(text)]
        found += [m.start() + 1 for m in _HINT_OPEN.finditer(text)]
    if text.endswith((" ", "\t")):
        found.append(len(text) - 1)
    return sorted(found)


def _spacing_fix(text: str, a: int, b: int) -> str | None:
    """What the blank run ``[a, b)`` should become, or None to keep it."""
    after = text[b : b + 1]
    before = text[a - 1 : a] if a else ""
    if after in ("", "\n"):
        return ""
    if after in ",.;:!?" and _is_word_char(before) and (b + 1 == len(text) or text[b + 1].isspace()):
        return ""
    if (after in ")]" and _is_word_char(before)) or (before in ("(", "[") and _is_word_char(after)):
        return ""
    if b - a >= 2 and before and not before.isspace() and not after.isspace():
        return " "
    return None


def _is_word_char(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or ch == "_")


_BLANK_RUN = lazy_re(r"\n(?:[ \t]*\n){2,}")


def blank_lines(text: str) -> list[Edit]:
    """At most one blank line between paragraphs, none at either end of the text."""
    edits: list[Edit] = []  # the text's ends first: on a tie, _disjoint keeps the earlier edit
    lead = len(text) - len(text.lstrip())
    if lead:
        edits.append(Edit(0, lead, ""))
    trail = len(text.rstrip())
    if trail < len(text) and trail >= lead:
        edits.append(Edit(trail, len(text), ""))
    edits += [Edit(m.start(), m.end(), "\n\n") for m in _BLANK_RUN.finditer(text)]
    return _disjoint(edits)
