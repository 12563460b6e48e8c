"""What ingest hands to structure: one normalized text and its way back to the source."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    """Maps normalized-text offsets back to offsets in :attr:`NormalizedText.original`.

    ``segments`` are ``(norm_start, norm_end, orig_start, orig_end)``, sorted by
    ``norm_start`` and covering the normalized text. Equal-length segments map
    character for character; others (a repaired marker, a joined hyphenation)
    map any offset inside them to the whole original range. Segments need not
    be monotonic in the original: normalization may move a footnote block.
    """

    segments: list[tuple[int, int, int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def _find(self, offset: int) -> tuple[int, int, int, int] | None:
        if not self.segments:
            return None
        if len(self._starts) != len(self.segments):  # built lazily: lookups are O(log n)
            self._starts = [s[0] for s in self.segments]
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.segments[max(i, 0)]

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls([(0, length, 0, length)])

    def pieces(self, start: int, end: int):
        """Split ``[start, end)`` at segment boundaries, yielding ``(a, b, orig_a, orig_b)``.

        Used to compose maps: a character-for-character stretch of an outer map
        stays exact wherever this map is exact.
        """
        if not self.segments:
            yield start, end, start, end
            return
        if len(self._starts) != len(self.segments):
            self._starts = [s[0] for s in self.segments]
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        pos = start
        while pos < end and i < len(self.segments):
            ns, ne, os_, oe = self.segments[i]
            b = min(end, ne) if i + 1 < len(self.segments) else end
            if b > pos:
                if (ne - ns) == (oe - os_):
                    yield pos, b, os_ + (pos - ns), os_ + (b - ns)
                else:
                    yield pos, b, os_, oe
                pos = b
            i += 1

    def compose(self, inner: "OffsetMap") -> "OffsetMap":
        """This map (text2 → text1) followed by ``inner`` (text1 → text0): text2 → text0."""
        out: list[tuple[int, int, int, int]] = []
        for ns, ne, os_, oe in self.segments:
            if ne <= ns:
                continue
            if (ne - ns) == (oe - os_):
                for a, b, oa, ob in inner.pieces(os_, oe):
                    _append(out, (ns + a - os_, ns + b - os_, oa, ob))
            else:
                oa, ob = inner.to_original(os_, oe) if oe > os_ else inner.to_original(os_, os_)
                _append(out, (ns, ne, oa, ob))
        return OffsetMap(out)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range that the normalized range ``[start, end)`` came from."""
        a = self._find(start)
        b = self._find(max(end - 1, start))
        if a is None or b is None:
            return start, end
        ns, ne, os_, oe = a
        o_start = os_ + (start - ns) if (ne - ns) == (oe - os_) else os_
        ns, ne, os_, oe = b
        o_end = os_ + (end - ns) if (ne - ns) == (oe - os_) else oe
        return o_start, max(o_start, o_end)


def _append(out: list[tuple[int, int, int, int]], seg: tuple[int, int, int, int]) -> None:
    """Append ``seg``, merging it into the previous one when both are exact and contiguous."""
    if out:
        ns, ne, os_, oe = out[-1]
        a, b, oa, ob = seg
        if ne == a and oe == oa and (ne - ns) == (oe - os_) and (b - a) == (ob - oa):
            out[-1] = (ns, b, os_, ob)
            return
    out.append(seg)


@dataclass
class NormalizedText:
    """One input document after reading and normalization.

    ``original`` is the text the reader extracted (a text file's decoded
    characters; an HTML page's main text; a PDF's text layer with pages joined
    by form feeds), and ``offsets.to_original`` leads from ``text`` back to it.
    ``sha256`` is of the source bytes. ``title``/``date`` come from the
    format's own metadata (``<title>``/meta tags, PDF info, DOCX core
    properties — a file's creation date, not a signature date) or are None.
    ``repairs`` says what normalization changed, e.g. ``"footnote markers
    repaired: 20"``.
    """

    source: str
    sha256: str
    media_type: str
    text: str
    original: str
    offsets: OffsetMap
    title: str | None = None
    date: str | None = None
    repairs: list[str] = field(default_factory=list)
    #: Instruments or sections a file declares itself (GGO's ``MainText:``,
    #: ``AppendixText:``, ``AnnexText:``): ``(name, start, end)`` in :attr:`text`.
    parts: list[tuple[str, int, int]] = field(default_factory=list)
    #: Where each page (PDF) or paragraph (DOCX) starts in :attr:`original`; empty for other formats.
    pages: list[int] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)


@dataclass
class Extracted:
    """What a reader hands to normalization: the text it found and the metadata the format carries."""

    text: str
    media_type: str
    title: str | None = None
    date: str | None = None
    #: Where each page (PDF) or paragraph (DOCX) starts in :attr:`text`.
    pages: list[int] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)
