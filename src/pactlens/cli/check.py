"""``pactlens check BRIEF --against TREATY``: the brief's claims about an agreement, labelled against its text."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from pactlens.cli.app import app


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"


@app.command()
def check(
    brief: Annotated[str, typer.Argument(help="The brief, news or commentary to check.", show_default=False)],
    against: Annotated[str, typer.Option("--against", "-a", help="The agreement's own text.", show_default=False)],
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on loopback, private or link-local addresses.")] = False,
) -> None:
    """Label each claim the brief makes about the agreement: supported, contradicted or not-in-text."""
    import json

    from pactlens.pipeline import check as run

    result = run(brief, against, allow_private=allow_private)
    if format is CheckFormat.json:
        json.dump(result.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from pactlens.report.check_report import render_markdown, render_text

    (render_markdown if format is CheckFormat.md else render_text)(result, sys.stdout)
