"""Small offset helpers shared by the detectors."""

from __future__ import annotations

from pactlens.structure.doc import Span


def lstrip(text: str, start: int, end: int) -> int:
    """The first non-space offset in ``[start, end)`` (``end`` if none)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def rstrip(text: str, start: int, end: int) -> int:
    """The offset just after the last non-space character in ``[start, end)``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def trimmed(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, or None if nothing is left."""
    a = lstrip(text, start, end)
    z = rstrip(text, a, end)
    return Span(a, z) if z > a else None
