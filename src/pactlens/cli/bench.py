"""``pactlens bench atop DIR --gold GOLD.tsv``: code treaty texts and compare with ATOP."""

import sys
from dataclasses import asdict
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
    explain: Annotated[bool, typer.Option("--explain", help="Per code: the deciding clause, the signal, the rule "
                                                            "or the nearest bank clauses with their similarity.")] = False,
    ablation: Annotated[bool, typer.Option("--ablation", help="Also code with rules only and embeddings only.")] = False,
    leave_one_out: Annotated[bool, typer.Option(
        "--leave-one-out/--no-leave-one-out",
        help="Code each text without the bank clauses of its own treaty (on by default: no text is "
             "scored against its own clauses).")] = True,
) -> None:
    """Code every text listed in GOLD and print per-type agreement with ATOP's codes."""
    import json

    from pactlens.errors import InputError
    from pactlens.extract.treaty.obligations import CODING, Coding
    from pactlens.pipeline import analyze
    from pactlens.report.atop_bench import explain as explain_codes
    from pactlens.report.atop_bench import load_gold, render_text, score
    from pactlens.resources import atop_bank

    if not gold.is_file():
        raise InputError(f"{gold}: no such gold file")
    rows = load_gold(gold)
    missing = [r.file for r in rows if not (directory / r.file).is_file()]
    if missing:
        raise InputError(f"{directory}: gold lists files that are not there: {', '.join(missing)}")
    def run(coding: Coding):
        token = CODING.set(coding)
        try:
            return {r.file: analyze(directory / r.file) for r in rows}
        finally:
            CODING.reset(token)

    analyses = run(Coding(leave_one_out=leave_one_out))
    result = score(rows, analyses)
    if leave_one_out:
        result.left_out = {f: sorted(atop_bank.treaties_in(a.document.text)) for f, a in analyses.items()}
    if explain:
        result.explanations = explain_codes(rows, analyses)
    if ablation:
        for mode, coding in (("rules", Coding(embeddings=False)), ("embeddings", Coding(rules=False)), ("both", Coding())):
            scored = score(rows, run(Coding(coding.rules, coding.embeddings, leave_one_out)))
            result.ablation.append({"mode": mode, "all": asdict(scored.scores[-1])})
    if format is BenchFormat.json:
        json.dump(result.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(result))
