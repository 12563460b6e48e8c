"""Parse one footnote or endnote into the source it cites.

No reference parser on PyPI reads news-style notes offline (refextract and
its kin target scholarly bibliographies), so this is a small set of careful
rules over the shapes real notes take:

- Chicago/news: ``"Title," Outlet, Month D, YYYY, URL`` (outlet may be in
  ``*italics*``), including a damaged form with the opening quote lost:
  ``Russia, Iran Sign … in Moscow." AP News, …``;
- author first: ``Author, "Title," Outlet, date`` and publisher first:
  ``Reuters, "Title," date`` (no outlet after the title);
- APA-like: ``Author (YYYY). Title. Outlet. URL``;
- CRS cross-references: ``CRS Report R45281, Title, by …``;
- ``Ibid.`` (the previous note's source) and bare URLs.

A note that cites several sources (``…; …``) is read for its first one.
Everything is found as a span of the note, so callers can point at it; what
cannot be told is left as None.
"""

from __future__ import annotations

import re

from pactlens.extract.prose.note_parts import (
    Piece,
    Reference,
    balanced,
    covers,
    first_date,
    first_source_end,
    mask,
    year_segment,
)
from pactlens.extract.prose.note_readers import read_apa, read_crs, read_quoted, read_unquoted
from pactlens.extract.urls import find_urls
from pactlens.structure.spans import lstrip, rstrip
from pactlens.regexes import lazy_re

__all__ = ["Piece", "Reference", "parse_reference"]

_IBID = lazy_re(r"\s*(?:ibid|ibidem|id)\b\.?", re.IGNORECASE)


def parse_reference(text: str, start: int, end: int) -> Reference:
    """Read the note ``text[start:end]`` (its body, without the marker)."""
    start = lstrip(text, start, end)
    end = rstrip(text, start, end)
    ref = Reference(start, end)
    if start == end:
        ref.style = "empty"
        return ref
    ref.urls = find_urls(text, start, end)
    ref.url = ref.urls[0] if ref.urls else None
    ref.quotes_balanced = balanced(text[start:end])
    if _IBID.match(text, start, end):
        ref.ibid, ref.style = True, "ibid"
        return ref
    first_end = first_source_end(text, start, end)
    masked = mask(text, ref.urls)
    ref.date = first_date(masked, start, first_end)
    if ref.url and covers(text, start, end, ref.urls):
        ref.style = "url"
        return ref
    for reader in (read_crs, read_quoted, read_apa, read_unquoted):
        if reader(text, masked, start, first_end, ref):
            break
    if ref.date is None and ref.title is not None:
        ref.date = year_segment(masked, start, first_end, ref)
    return ref
