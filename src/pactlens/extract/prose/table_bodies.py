"""Organizations a table lists in a column whose heading says what its cells are.

A report's table of arms sales has a "Contractor" column ("Lockheed Martin",
"General Dynamics Land Systems and others"); a sanctions table an "Entity" or
"Company" column. The cells are names without a sentence around them, which
the language-analysis stage does not parse (table rows are blanked there: read
as prose, the cells run together made people of companies). The heading is
the evidence the cell holds a body: each name in such a cell is an
organization, split at "and", commas and semicolons, with "others", "n/a" and
the like left out.

Tables reach the text as rows of cells separated by " | " (the HTML and
Markdown readers write them so), the first row the headings.
"""

from __future__ import annotations

import re

from pactlens.extract.prose.org_evidence import COMPANY_SUFFIXES
from pactlens.regexes import lazy_re

#: Column headings that say each cell names a body.
_BODY_HEADINGS = {
    "contractor", "contractors", "prime contractor", "prime contractors", "company", "companies", "manufacturer",
    "manufacturers", "firm", "firms", "supplier", "suppliers", "vendor", "vendors", "bank", "banks",
    "organization", "organizations", "organisation", "organisations", "agency", "agencies", "operator",
    "operators", "builder", "builders", "shipyard", "developer", "developers", "entity", "entities",
    "institution", "institutions",
}
_ROW = lazy_re(r"^[^\n]*\|[^\n]*$", re.M)
_CELL_SPLIT = lazy_re(r"\s*(?:,|;|\band\b|&)\s*")
#: Cell contents that are no name.
_NOT_NAMES = {"others", "other", "n/a", "na", "none", "various", "tbd", "unknown", "not specified"}
_NAME = lazy_re(r"[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,7}")


def tabled_bodies(text: str, inside) -> list[tuple[int, int, str]]:
    """(start, end, name) of every name in a table column headed as bodies, in the body ``inside`` says."""
    out: list[tuple[int, int, str]] = []
    columns: list[int] = []
    last_end: int | None = None
    for m in _ROW.finditer(text):
        cells = _cells(text, m.start(), m.end())
        if last_end is None or text[last_end : m.start()].strip():  # a new table: this row holds its headings
            columns = [i for i, (a, b) in enumerate(cells) if text[a:b].strip().lower() in _BODY_HEADINGS]
        elif columns and inside(m.start()):
            for i in columns:
                if i < len(cells):
                    out += _names(text, *cells[i])
        last_end = m.end()
    return out


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in re.finditer(r"\|", text[start:end]):
        out.append((a, start + m.start()))
        a = start + m.end()
    out.append((a, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip()))) for a, b in out]


def _names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = start
    for sep in [*_CELL_SPLIT.finditer(text, start, end), None]:
        a, b = pos, sep.start() if sep else end
        pos = sep.end() if sep else end
        part = text[a:b].strip()
        a += len(text[a:b]) - len(text[a:b].lstrip())
        if out and part.lower().rstrip(".") in COMPANY_SUFFIXES:  # "Coupang, Inc.": the suffix ends the name before
            out[-1] = (out[-1][0], a + len(part), text[out[-1][0] : a + len(part)])
        elif _NAME.fullmatch(part) and part.lower() not in _NOT_NAMES:
            out.append((a, a + len(part), part))
    return out
