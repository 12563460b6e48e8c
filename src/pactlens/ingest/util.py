"""Small helpers the readers share."""

from __future__ import annotations

from pactlens.regexes import lazy_re


def one_line(exc: BaseException, limit: int = 160) -> str:
    """A library's error message squeezed onto one short line (errors are shown as one line)."""
    return " ".join(str(exc).split())[:limit]


_UNIT_BEFORE = lazy_re(r"\b(?:km|m|cm|mm|ft|mi|sq)$")


def exponent_context(before: str) -> bool:
    """True when a superscript number right after ``before`` is an exponent of a unit
    (``km<sup>2</sup>``), not a footnote marker. (After a number it is still taken for a
    marker: "signed in 2001<sup>9</sup>" is far commoner in briefs than 10<sup>6</sup>.)"""
    return bool(_UNIT_BEFORE.search(before[-8:]))


def bracket_markers(label: str) -> str:
    """``"1, 2"`` → ``"[1][2]"``: several notes cited in one superscript become one marker each."""
    return "".join(f"[{part.strip()}]" for part in label.split(","))


def joined(pieces: list[str], sep: str) -> tuple[str, list[int]]:
    """``sep.join(pieces)`` and where each piece starts in it: a page's or paragraph's place
    in the extracted text, so evidence can name the page or paragraph it stands in."""
    starts, pos = [], 0
    for piece in pieces:
        starts.append(pos)
        pos += len(piece) + len(sep)
    return sep.join(pieces), starts
