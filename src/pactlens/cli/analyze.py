"""``pactlens analyze`` and ``pactlens schema``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from pactlens.cli.app import app


class Format(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    jsonl = "jsonl"
    atop = "atop"


def _write(out: Optional[Path], render) -> None:
    """Write to --out atomically (a failure never leaves a half-written file), or to stdout."""
    if out is None:
        render(sys.stdout)
        return
    import os
    import tempfile

    from pactlens.errors import PactlensError

    out = out.expanduser()
    if out.is_dir():
        raise PactlensError(f"cannot write {out}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(dir=out.parent if str(out.parent) else ".", prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise PactlensError(f"cannot write {out}: {exc.strerror or exc}"
                            + (f" (folder {out.parent} does not exist)" if not out.parent.exists() else "")) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            render(fh)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PactlensError(f"cannot write {out}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command()
def analyze(
    files: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs to analyse.", show_default=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on loopback, private or link-local addresses.")] = False,
    max_mb: Annotated[float, typer.Option(help="Refuse inputs larger than this many MB.")] = 50.0,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for --format jsonl (0: one per core).")] = 1,
) -> None:
    """Analyse documents and print what they are, how they are built and what they commit to."""
    import json

    from pactlens.ingest.discover import expand_inputs
    from pactlens.pipeline import analyze as run

    sources = expand_inputs(files)
    max_bytes = int(max_mb * 1024 * 1024)

    if format is Format.jsonl:
        _stream_jsonl(sources, out, jobs=jobs, allow_private=allow_private, max_bytes=max_bytes)
        return

    # Everything is analysed before anything is written: no partial result presented as whole.
    analyses = [run(src, allow_private=allow_private, max_bytes=max_bytes) for src in sources]

    if format is Format.json:
        payload = [a.to_json_dict() for a in analyses]
        obj = payload[0] if len(payload) == 1 and len(files) == 1 and not Path(files[0]).is_dir() else payload
        _write(out, lambda fh: (json.dump(obj, fh, ensure_ascii=False, indent=2), fh.write("\n")))
    elif format is Format.md:
        from pactlens.report.markdown import render

        _write(out, lambda fh: render(analyses, fh))
    elif format is Format.atop:
        from pactlens.report import atop

        _write(out, lambda fh: atop.render(analyses, fh))
    else:
        from pactlens.report.text import render

        _write(out, lambda fh: render(analyses, fh, width=None if out is None else 120))


def _stream_jsonl(sources: list[str], out: Optional[Path], *, jobs: int, **opts) -> None:
    """One analysis per line, in input order, as soon as each is ready.

    A file that fails is reported on stderr and skipped; the exit status is 2
    if any failed, so a pipeline never takes a partial stream for a whole one.
    """
    import os

    from pactlens.batch import engines
    from pactlens.errors import PactlensError

    jobs = jobs or os.cpu_count() or 1
    failed = 0

    def render(fh) -> None:
        nonlocal failed
        stream = engines.run(sources, jobs, ordered=True, **opts)
        for outcome in stream:
            if outcome.ok:
                fh.write(outcome.payload + "\n")
                fh.flush()
            else:
                failed += 1
                print(f"pactlens: error: {outcome.payload}", file=sys.stderr)

    _write(out, render)
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
