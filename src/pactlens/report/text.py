"""Render report blocks for a terminal with rich."""

from __future__ import annotations

from typing import TextIO

from pactlens.model import Analysis
from pactlens.report.blocks import Block, Fields, Lines, Table
from pactlens.report.sections import build_report


#: Width at which a table's short columns wrap, leaving the room to its prose column.
WIDE = 20
#: The prose column is never narrower than this, even when the short columns leave less.
MIN_PROSE = 16


def _without_empty_columns(block: Table) -> Table:
    """The table without columns that are empty in every row (a brief's provisions have no
    article numbers): on an 80-column terminal they only squeeze the others."""
    keep = [i for i in range(len(block.columns)) if i == 0 or any(i < len(r) and r[i] for r in block.rows)]
    if len(keep) == len(block.columns):
        return block
    rows = [[r[i] if i < len(r) else "" for i in keep] for r in block.rows]
    return Table(title=block.title, columns=[block.columns[i] for i in keep], rows=rows, note=block.note)


def _token_columns(block: Table) -> set[int]:
    """Columns of ids, counts and spans: one short token in every row, never folded or cut."""
    if not block.rows:
        return set()
    return {i for i in range(len(block.columns))
            if all(len(r[i].split()) <= 1 and len(r[i]) <= WIDE for r in block.rows if i < len(r))}


def _widths(block: Table, total: int, tokens: set[int]) -> list[int]:
    """Fixed column widths: short columns as wide as their content (at most ``WIDE``),
    the longest column — the clause, the message — gets the rest of the line."""
    natural = [max([len(c)] + [len(r[i]) for r in block.rows if i < len(r)]) for i, c in enumerate(block.columns)]
    widths = [min(n, max(WIDE, len(c))) for n, c in zip(natural, block.columns)]
    prose = max(range(len(natural)), key=natural.__getitem__)
    chrome = 2 * len(widths)  # one space between columns (see _rich), and rich's margin
    # Too narrow for the prose column: short columns give up room first, down to their header
    # or their longest word, whichever is longer ("education-culture" is not cut in two).
    floors = [max([len(c)] + [len(w) for r in block.rows if i < len(r) for w in r[i].split()])
              for i, c in enumerate(block.columns)]
    floors = [min(f, w) for f, w in zip(floors, widths)]
    # Last resort, for many columns on a narrow terminal: words may be cut, down to the header's
    # first word (at least 6), but never an id or a count (``tokens``).
    heads = [len(c.split()[0]) if c.split() else 0 for c in block.columns]
    last = [w if i in tokens else min(w, max(6, heads[i])) for i, w in enumerate(widths)]
    for limit in (floors, last):
        while total - chrome - sum(w for i, w in enumerate(widths) if i != prose) < MIN_PROSE:
            wide = max((i for i in range(len(widths)) if i != prose and widths[i] > limit[i]),
                       key=widths.__getitem__, default=None)
            if wide is None:
                break
            widths[wide] -= 1
    room = total - chrome - sum(w for i, w in enumerate(widths) if i != prose)
    widths[prose] = min(natural[prose], max(MIN_PROSE, room))
    return widths


def _rich(block: Block, width: int):
    from rich import box
    from rich.table import Table as RTable
    from rich.text import Text

    if isinstance(block, Fields):
        # as wide as the terminal: a long agreement title would otherwise wrap to the width of short values
        t = RTable(box=None, show_header=False, pad_edge=False, title=block.title, title_justify="left",
                   title_style="bold cyan", width=width)
        t.add_column(style="bold", no_wrap=True, width=max((len(k) for k, _ in block.items), default=1))
        t.add_column(overflow="fold", ratio=1)
        for k, v in block.items:
            t.add_row(k, Text(v))
        return t
    if isinstance(block, Table):
        block = _without_empty_columns(block)
        t = RTable(box=box.SIMPLE_HEAD, title=block.title, title_justify="left", title_style="bold cyan",
                   caption=block.note, padding=(0, 1, 0, 0), pad_edge=False)
        tokens = _token_columns(block)
        for i, (c, w) in enumerate(zip(block.columns, _widths(block, width, tokens))):
            t.add_column(c, overflow="fold", width=w, no_wrap=i in tokens)
        for r in block.rows:
            t.add_row(*[Text(x) for x in r])
        return t
    t = RTable(box=None, show_header=False, title=block.title, title_justify="left", title_style="bold cyan")
    t.add_column(overflow="fold")
    for line in block.lines:
        t.add_row(Text(line))
    return t


def render(analyses: list[Analysis], out: TextIO, *, width: int | None = None) -> None:
    from rich.console import Console
    from rich.rule import Rule

    console = Console(file=out, width=width, highlight=False, soft_wrap=False)
    for i, a in enumerate(analyses):
        if i:
            console.print()
        console.print(Rule(f"[bold]{a.document.source}[/bold]"))
        for block in build_report(a):
            console.print(_rich(block, console.width))
            console.print()
