"""The terminal report: tables stay readable on an 80-column terminal."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from pactlens.report.blocks import Table
from pactlens.report.text import _rich, _token_columns, _widths, _without_empty_columns

CLAUSE = ("The Parties agree that an armed attack against one or more of them in Europe or North America "
          "shall be considered an attack against them all")


def _table() -> Table:
    return Table(title="Provisions", columns=["domain", "also", "article", "strength", "quantities", "text"],
                 rows=[["defence", "regional-security, security", "", "binding", "", CLAUSE],
                       ["energy", "nuclear", "", "soft", "20 years", "Both countries will cooperate."]])


def _shown(block: Table, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False).print(_rich(block, width))
    return out.getvalue()


def test_columns_empty_in_every_row_are_left_out():
    t = _without_empty_columns(_table())
    assert t.columns == ["domain", "also", "strength", "quantities", "text"]
    assert [r[3] for r in t.rows] == ["", "20 years"]


@pytest.mark.parametrize("width", [80, 100, 160])
def test_headers_are_never_broken_and_the_table_fits(width):
    text = _shown(_table(), width)
    header = next(line for line in text.splitlines() if "domain" in line)
    for name in ("domain", "also", "strength", "quantities", "text"):
        assert name in header.split()
    assert "article" not in header
    assert max(len(line) for line in text.splitlines()) <= width


def test_short_columns_give_way_to_the_prose_column():
    block = _without_empty_columns(_table())
    widths = _widths(block, 80, _token_columns(block))
    assert widths[-1] >= 16 and sum(widths) + 2 * len(widths) <= 80
    assert widths[0] >= len("defence") and widths[1] >= len("regional-security,")  # no word cut in two


def test_a_long_agreement_title_takes_the_terminal_width():
    from pactlens.report.blocks import Fields

    title = ("Agreement: Protocol on Exceptions to Free Trade Regime to the Agreement between the Government of "
             "the Russian Federation and the Government of the Republic of Azerbaijan")
    text = _shown(Fields(title=title, items=[("role", "primary"), ("kind", "agreement")]), 100)
    lines = text.splitlines()
    assert len(lines[0].rstrip()) > 80  # not wrapped to the width of the short values
    assert lines[-2].startswith("role ") and lines[-1].startswith("kind ")  # keys as wide as the longest


def test_ids_and_counts_are_never_cut_on_a_narrow_terminal():
    block = Table(title="Search", columns=["id", "document", "span", "sentence"],
                  rows=[["2f5946dc3be972df", "U.S. Conflict with Iran", "24073-24146", CLAUSE]])
    text = _shown(block, 60)
    assert "2f5946dc3be972df" in text and "24073-24146" in text
    assert max(len(line) for line in text.splitlines()) <= 60
