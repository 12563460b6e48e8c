"""Sovereigns' styles that name their state in words no gazetteer lists.

Older treaties name their parties by their heads of state, and a few styles
name the people, not the country: "His Majesty the King of the Belgians",
"the King of the Hellenes". The gazetteer rightly does not take "Belgians"
for Belgium anywhere, so these styles are found here, as state mentions of
their own form (``"style"``), for the readers of preambles and signature
blocks.
"""

from __future__ import annotations

import re

from pactlens.resources.states import StateMention
from pactlens.regexes import lazy_re

_STYLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (lazy_re(r"(?i)\bking\s+of\s+the\s+belgians\b"), "BEL"),
    (lazy_re(r"(?i)\bking\s+of\s+the\s+hellenes\b"), "GRC"),
    (lazy_re(r"(?i)\bking\s+of\s+the\s+bulgarians\b"), "BGR"),
    (lazy_re(r"(?i)\bswiss\s+federal\s+council\b"), "CHE"),
)


def find_styles(text: str, start: int = 0, end: int | None = None) -> list[StateMention]:
    """Styles in ``text[start:end]`` that name a state, as mentions of form ``"style"``, in order."""
    end = len(text) if end is None else end
    found = [StateMention(m.start(), m.end(), iso3, "style") for rx, iso3 in _STYLES for m in rx.finditer(text, start, end)]
    return sorted(found, key=lambda m: m.start)
