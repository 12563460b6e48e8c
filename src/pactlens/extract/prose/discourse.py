"""Running text as prose readers take it, beyond its sentences (those are
``structure.sentences.body_sentences``): the text with Markdown links read as
their labels, and the URLs in it (a date or a word inside a link is no event's).
"""

from __future__ import annotations

import re

from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re
from pactlens.structure.markdown import MD_LINK

_URL = lazy_re(r"\b(?:https?://|www\.)\S+")
# A Markdown inline link: "[label](target)"; the label may hold one level of brackets.


def markdown_links(text: str) -> list[re.Match[str]]:
    """Markdown inline links in ``text``, in order."""
    return list(MD_LINK.finditer(text))


def reading_text(doc: Doc) -> str:
    """The document text as a reader sees it: each Markdown link's brackets and
    target blanked to spaces, so "the 2024 ATA [said](https://…) that" reads
    "the 2024 ATA  said  …  that" with every offset unchanged. Patterns that
    look for a subject next to its verb run over this; evidence still comes
    from ``doc.text``. Made once per document and kept on it."""
    return doc.once("reading text", lambda: _reading_text(doc.text))


def _reading_text(text: str) -> str:
    if "](" not in text:
        return text
    parts, last = [], 0
    for m in MD_LINK.finditer(text):
        a, b = m.span("label")
        parts += [text[last : a - 1], " ", text[a:b], " " * (m.end() - b)]  # an image's "!" stays
        last = m.end()
    parts.append(text[last:])
    return "".join(parts)


def url_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _URL.finditer(text, start, end)]


def without_urls(text: str) -> str:
    """``text`` with its URLs (as :func:`url_ranges` finds them) removed."""
    return _URL.sub("", text)
