"""Small offset helpers shared by the detectors."""

from __future__ import annotations

from pactlens.structure.doc import Span, lstrip, rstrip

__all__ = ["lstrip", "rstrip", "trimmed"]


def trimmed(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, or None if nothing is left."""
    a = lstrip(text, start, end)
    z = rstrip(text, a, end)
    return Span(a, z) if z > a else None
