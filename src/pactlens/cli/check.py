"""``pactlens check BRIEF --against TREATY``: the brief's claims about an agreement, labelled against its text."""

import sys
from typing import Annotated

import typer

from pactlens.cli.app import app
from pactlens.report.registry import format_choices

CheckFormat = format_choices("CheckFormat", "check")


@app.command()
def check(
    brief: Annotated[str, typer.Argument(help="The brief, news or commentary to check.", show_default=False)],
    against: Annotated[str, typer.Option("--against", "-a", help="The agreement's own text.", show_default=False)],
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat["text"],
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on loopback, private or link-local addresses.")] = False,
) -> None:
    """Label each claim the brief makes about the agreement: supported, contradicted or not-in-text."""
    from pactlens.pipeline import check as run
    from pactlens.report.registry import renderer

    result = run(brief, against, allow_private=allow_private)
    renderer(format.value, "check").write(result, sys.stdout)
