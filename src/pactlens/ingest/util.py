"""Small helpers the readers share."""

from __future__ import annotations


def one_line(exc: BaseException, limit: int = 160) -> str:
    """A library's error message squeezed onto one short line (errors are shown as one line)."""
    return " ".join(str(exc).split())[:limit]
