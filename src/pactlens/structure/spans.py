"""Small offset helpers shared by the detectors."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from pactlens.structure.doc import Span, lstrip, rstrip

__all__ = ["covering", "lstrip", "rstrip", "trimmed"]


def trimmed(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, or None if nothing is left."""
    a = lstrip(text, start, end)
    z = rstrip(text, a, end)
    return Span(a, z) if z > a else None


def covering(ranges: Iterable[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset lies in any of ``ranges`` (``start <= offset < end``).

    A binary search among the ranges by start, with the furthest end reached so far:
    ranges may overlap or nest, and asking once per item costs log n instead of a
    scan of every range (quadratic over a long reference list).
    """
    ordered = sorted(ranges)
    starts = [a for a, _ in ordered]
    reach, furthest = [], -1
    for _, b in ordered:
        furthest = max(furthest, b)
        reach.append(furthest)

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and reach[i] > offset

    return inside
