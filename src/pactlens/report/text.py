"""Render report blocks for a terminal with rich."""

from __future__ import annotations

from typing import TextIO

from pactlens.model import Analysis
from pactlens.report.blocks import Block, Fields, Lines, Table
from pactlens.report.sections import build_report


def _rich(block: Block):
    from rich import box
    from rich.table import Table as RTable
    from rich.text import Text

    if isinstance(block, Fields):
        t = RTable(box=None, show_header=False, pad_edge=False, title=block.title, title_justify="left",
                   title_style="bold cyan")
        t.add_column(style="bold", no_wrap=True)
        t.add_column(overflow="fold")
        for k, v in block.items:
            t.add_row(k, Text(v))
        return t
    if isinstance(block, Table):
        t = RTable(box=box.SIMPLE_HEAD, title=block.title, title_justify="left", title_style="bold cyan",
                   caption=block.note)
        for c in block.columns:
            t.add_column(c, overflow="fold")
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
            console.print(_rich(block))
            console.print()
