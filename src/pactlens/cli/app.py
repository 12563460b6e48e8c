"""The Typer application that every command module registers on.

Command modules import only this and typer at import time; the work they call
is imported inside the command bodies so that ``pactlens --help`` stays fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="pactlens",
    help="Evidence-linked records from international agreements and what is written about them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

#: ``pactlens bench ...`` sub-commands (benchmarks against gold data).
bench_app = typer.Typer(help="Measure pactlens against gold data.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")
