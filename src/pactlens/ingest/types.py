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

    def _find(self, offset: int) -> tuple[int, int, int, int] | None:
        if not self.segments:
            return None
        starts = [s[0] for s in self.segments]
        i = bisect.bisect_right(starts, offset) - 1
        return self.segments[max(i, 0)]

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


@dataclass
class NormalizedText:
    """One input document after reading and normalization."""

    source: str
    sha256: str
    media_type: str
    text: str
    original: str
    offsets: OffsetMap
    title: str | None = None
    date: str | None = None
    repairs: list[str] = field(default_factory=list)
