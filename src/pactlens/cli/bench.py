"""``pactlens bench atop DIR --gold GOLD.tsv``: code treaty texts and compare with ATOP."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from pactlens.cli.app import bench_app


class BenchFormat(str, Enum):
    text = "text"
    json = "json"


@bench_app.command("atop")
def bench_atop(
    directory: Annotated[Path, typer.Argument(help="Folder holding the gold file's texts.", show_default=False)],
    gold: Annotated[Path, typer.Option("--gold", help="Gold TSV: file atopid defense offense neutral nonagg consul.")],
    format: Annotated[BenchFormat, typer.Option("--format", "-f", help="Output format.")] = BenchFormat.text,
) -> None:
    """Code every text listed in GOLD and print per-type agreement with ATOP's codes."""
    import json

    from pactlens.errors import InputError
    from pactlens.pipeline import analyze
    from pactlens.report.atop_bench import load_gold, render_text, score

    if not gold.is_file():
        raise InputError(f"{gold}: no such gold file")
    rows = load_gold(gold)
    missing = [r.file for r in rows if not (directory / r.file).is_file()]
    if missing:
        raise InputError(f"{directory}: gold lists files that are not there: {', '.join(missing)}")
    analyses = {r.file: analyze(directory / r.file) for r in rows}
    result = score(rows, analyses)
    if format is BenchFormat.json:
        json.dump(result.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(result))
