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

#: The opening fence, the block, the closing fence (``---`` or YAML's ``...``).
_FRONT = re.compile(r"\A\ufeff?[ \t]*---[ \t]*\n(?P<body>(?:.*\n){0,80}?)[ \t]*(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_KEY = re.compile(r"^[ \t]*(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$", re.M)


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
        if m.group("value") is None:
            continue
        key, value = m.group("key").lower(), m.group("value")
        a, b = m.span("value")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value, a, b = value[1:-1], a + 1, b - 1
        if value.strip() and key not in out:
            out[key] = (value.strip(), a, a + len(value.rstrip()))
    return out
