"""The Typer application that every command module registers on.

Command modules import only this and typer at import time; the work they call
is imported inside the command bodies so that ``pactlens --help`` stays fast. For the
same reason the command modules do not use ``from __future__ import annotations``:
typer reads every command's signature on each start, and annotations already
evaluated spare it an ``eval`` per parameter.
"""

from __future__ import annotations

from typing import Annotated, Optional

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

#: ``--limit NAME=VALUE``, shared by every command that reads documents (see pactlens.limits).
LimitOpt = Annotated[Optional[list[str]], typer.Option(
    "--limit", metavar="NAME=VALUE",
    help="Raise or lower a limit on one document (repeatable): bytes, part-bytes, ratio, pages, chars, "
         "seconds; 0 switches it off [default: $PACTLENS_LIMIT_<NAME> or the built-in value].",
    show_default=False)]
#: ``--max-mb``, the byte limit in MB (kept for scripts that use it; ``--limit bytes=N`` is the same).
MaxMbOpt = Annotated[Optional[float], typer.Option(
    help="Refuse inputs larger than this many MB [default: 50, or $PACTLENS_LIMIT_BYTES].", show_default=False)]


def limits_from(options: list[str] | None, max_mb: float | None = None):
    """The limits a command runs under: the environment's, then ``--limit`` options, then ``--max-mb``."""
    from dataclasses import replace

    from pactlens.limits import Limits

    limits = Limits.from_env().parse_options(options)
    return limits if max_mb is None else replace(limits, bytes=int(max_mb * 1024 * 1024))
