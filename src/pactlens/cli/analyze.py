"""``pactlens analyze`` and ``pactlens schema``."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from pactlens.cli.app import LimitOpt, MaxMbOpt, app, limits_from
from pactlens.cli.output import text_width, write
from pactlens.report.registry import format_choices

Format = format_choices("Format", "analyses", "agreements")


@app.command()
def analyze(
    files: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs to analyse.", show_default=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format["text"],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on loopback, private or link-local addresses.")] = False,
    max_mb: MaxMbOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for --format jsonl (0: one per core).")] = 1,
    limit: LimitOpt = None,
) -> None:
    """Analyse documents and print what they are, how they are built and what they commit to."""
    from pactlens.ingest.discover import expand_inputs
    from pactlens.pipeline import analyze as run
    from pactlens.report.registry import renderer

    limits = limits_from(limit, max_mb)
    sources = expand_inputs(files)
    r = renderer(format.value, "analyses", "agreements")

    if r.name == "jsonl":
        _stream_jsonl(sources, out, jobs=jobs, allow_private=allow_private, limits=limits)
        return

    # Everything is analysed before anything is written: no partial result presented as whole.
    analyses = [run(src, allow_private=allow_private, limits=limits) for src in sources]
    if r.reads == "agreements":
        from pactlens.compare import agreements_of

        items = [sa for a in analyses for sa in agreements_of(a)]
    else:
        items = analyses
    single = len(analyses) == 1 and len(files) == 1 and not Path(files[0]).is_dir()
    write(out, lambda fh: r.write(items, fh, single=single, width=text_width(out)))


def _stream_jsonl(sources: list[str], out: Optional[Path], *, jobs: int, **opts) -> None:
    """One analysis per line, in input order, as soon as each is ready.

    A file that fails is reported on stderr and skipped; the exit status is 2
    if any failed, so a pipeline never takes a partial stream for a whole one.
    """
    import os

    from pactlens.batch import engines
    from pactlens.errors import PactlensError, one_line
    from pactlens.report.registry import renderer

    jobs = jobs or os.cpu_count() or 1
    failed = 0

    def payloads():
        nonlocal failed
        for outcome in engines.run(sources, jobs, ordered=True, **opts):
            if outcome.ok:
                yield outcome.payload  # already serialized by the worker
            else:
                failed += 1
                print(f"pactlens: error: {one_line(outcome.payload)}", file=sys.stderr)

    write(out, lambda fh: renderer("jsonl", "analyses").write(payloads(), fh))
    if failed:
        raise PactlensError(f"{failed} of {len(sources)} inputs failed (see above)")


@app.command()
def schema(
    type_: Annotated[str, typer.Option("--type", "-t", metavar="NAME",
                                       help="Which wire type: analysis, check, comparison, document-summary, search-hit.")]
    = "analysis",
) -> None:
    """Print the JSON Schema of a wire type (default pactlens.analysis/1), generated from the models."""
    import json

    from pactlens.errors import PactlensError
    from pactlens.model.schemas import WIRE_TYPES, json_schema

    if type_ not in WIRE_TYPES:
        raise PactlensError(f"unknown schema type {type_!r}: use one of {', '.join(WIRE_TYPES)}")
    json.dump(json_schema(type_), sys.stdout, indent=2)
    sys.stdout.write("\n")
