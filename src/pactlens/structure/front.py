"""Front matter: the metadata block some Markdown files open with.

Static-site Markdown (Jekyll, Hugo, Eleventy) starts with a YAML block fenced
by ``---`` lines (``title:``, ``date:``, ``author:``). It is metadata, not
prose: no extractor may read its lines as sentences, quotes or events, and
the document's title and date are read from it instead. Fence lines may
carry trailing spaces; a ``---`` that is a Markdown rule under prose is not
a fence (the block must open the file and hold ``key: value`` lines).
"""

from __future__ import annotations

import re

from pactlens.structure.doc import Span
from pactlens.regexes import lazy_re

#: The opening fence, the block, the closing fence (``---`` or YAML's ``...``).
_FRONT = lazy_re(r"\A\ufeff?[ \t]*---[ \t]*\n(?P<body>(?:.*\n){0,80}?)[ \t]*(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FOLDED = lazy_re(r"(?:\n[ \t]+(?![A-Za-z_][\w-]*[ \t]*:(?:\s|$))[^\n]*\S)+")
_KEY = lazy_re(r"^[ \t]*(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$", re.M)


def find_front_matter(text: str) -> Span | None:
    """The span of a leading YAML front-matter block, fences included, or None."""
    m = _FRONT.match(text)
    if m is None:
        return None
    body = m.group("body")
    lines = [ln for ln in body.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    keyed = sum(1 for ln in lines if _KEY.match(ln))
    if not lines or keyed * 2 < len(lines):  # mostly key: value lines, or it is not YAML
        return None
    return Span(0, m.end())


def front_matter_fields(text: str, span: Span) -> dict[str, tuple[str, int, int]]:
    """Top-level ``key: value`` pairs of the block: ``{key: (value, start, end)}``.

    Values are unquoted; offsets are the value's span in ``text`` (evidence for
    a title or date read from it). Only scalar values on the key's own line are
    read: nested YAML says nothing the pipeline needs.
    """
    out: dict[str, tuple[str, int, int]] = {}
    for m in _KEY.finditer(text, span.start, span.end):
        if m.group("value") is None or m.group(0)[:1].isspace():
            continue
        key, value = m.group("key").lower(), m.group("value")
        a, b = m.span("value")
        more = _FOLDED.match(text, b, span.end)  # a long value folded onto indented lines
        if more and more.group(0).strip():
            b = more.end()
            value = re.sub(r"\s+", " ", text[a:b])
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value, a, b = value[1:-1], a + 1, b - 1
        if value.strip() and key not in out:
            out[key] = (value.strip(), a, b)
    return out


#: A cover or byline line at the head of a report or article: "Updated September 23, 2026
#: (95-1013)", "**Publication Date:** 04/22/2026", "Author(s): Fink, Anya L.", "By Jane Roe".
_COVER = lazy_re(
    r"^[ \t]*(?:[*_]{1,2})?(?P<key>Publication\s+Date|Date\s+Published|Published(?:\s+on)?|Last\s+updated|Updated|"
    r"Posted(?:\s+on)?|Date|Author\(s\)|Authors?|Written\s+by|By|Report\s+No\.|Product\s+Type|Version|Topics|Source)"
    r"(?:[ \t]*:)?(?:[*_]{1,2})?(?:[ \t]*:)?[ \t]+(?P<value>[^\n]{1,160}?)[ \t]*$",
    re.M,
)
#: A byline's value is names, not a sentence: capitalised words, initials, commas, "and".
_NAMES = lazy_re(r"(?:[A-Z][\w.'’-]*|and|et al\.?|,|&|\s)+")
#: How far into the text cover lines are looked for.
_HEAD = 3000


def find_cover_lines(text: str, start: int = 0) -> list[tuple[str, Span, Span]]:
    """Cover and byline lines near the head: ``(key, line, value)``, key lower-cased.

    Only lines standing alone (a key, a short value, nothing else) before the
    first long paragraph count: "Updated" inside a sentence is prose.
    """
    out: list[tuple[str, Span, Span]] = []
    end = min(len(text), start + _HEAD)
    prose = re.search(r"^[^\n]{400,}$", text[start:end], re.M)  # the first long paragraph ends the head
    if prose:
        end = start + prose.start()
    for m in _COVER.finditer(text, start, end):
        key = re.sub(r"\s+", " ", m.group("key")).lower()
        value = m.group("value").strip("*_ \t")
        if key in {"by", "written by", "author", "authors", "author(s)"} and (
            not _NAMES.fullmatch(value) or len(value.split()) > 12 or not value[:1].isupper()
        ):
            continue  # "By 1958 there were concerns ..." is a sentence
        if key in {"date", "updated", "published", "last updated", "posted", "published on", "posted on",
                   "publication date", "date published"} and not re.search(r"\d{4}", value):
            continue
        a = m.start("value") + m.group("value").find(value)
        out.append((key, Span(m.start(), m.end()), Span(a, a + len(value))))
    return out
