"""Render report blocks as Markdown."""

from __future__ import annotations

from typing import TextIO

from pactlens.model import Analysis
from pactlens.report.blocks import Fields, Lines, Table
from pactlens.report.sections import build_report


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render(analyses: list[Analysis], out: TextIO) -> None:
    for a in analyses:
        out.write(f"# {a.document.title or a.document.source}\n\n")
        for block in build_report(a):
            out.write(f"## {block.title}\n\n")
            if isinstance(block, Fields):
                for k, v in block.items:
                    out.write(f"- **{k}**: {_cell(v)}\n")
            elif isinstance(block, Table):
                out.write("| " + " | ".join(block.columns) + " |\n")
                out.write("|" + "---|" * len(block.columns) + "\n")
                for r in block.rows:
                    out.write("| " + " | ".join(_cell(x) for x in r) + " |\n")
                if block.note:
                    out.write(f"\n{block.note}\n")
            elif isinstance(block, Lines):
                for line in block.lines:
                    out.write(f"- {_cell(line)}\n")
            out.write("\n")
