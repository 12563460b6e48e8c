"""``pactlens add | list | show | search | compare | export | reanalyse | delete``: the library commands.

A thin shell over :mod:`pactlens.store` (and :mod:`pactlens.batch` for
``add``); every command takes ``--db URL`` and ``--format json``.
"""

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from pactlens.cli.app import LimitOpt, MaxMbOpt, app, limits_from
from pactlens.cli.output import text_width, write
from pactlens.report.registry import format_choices

DbOpt = Annotated[Optional[str], typer.Option(
    "--db", help="Library: a SQLite file or postgresql://… URL [default: $PACTLENS_DB or ./pactlens.db].",
    show_default=False)]


class Fmt(str, Enum):
    text = "text"
    json = "json"


ExportFmt = format_choices("ExportFmt", "analyses", "agreements")


class Engine(str, Enum):
    local = "local"
    ray = "ray"


FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


def _open(db: str | None):
    from pactlens.store import open_library

    return open_library(db)


def _print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


#: Short columns kept on one line, so long titles and sentences take the wrapping.
_NO_WRAP = {"id", "kind", "span", "chars", "added", ""}
#: Longest sentence shown in a search table (the JSON output has it whole).
_SHOWN = 300


def _table(title: str | None, columns: list[str], rows: list[list[str]]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", title_style="bold cyan")
    for i, c in enumerate(columns):
        # ids, counts, spans keep their whole width; the prose columns wrap around them
        widest = max((len(r[i]) for r in rows if i < len(r)), default=0)
        fixed = c in _NO_WRAP and bool(c)
        table.add_column(c, overflow="fold", no_wrap=c in _NO_WRAP, min_width=min(widest, 20) if fixed else None,
                         ratio=None if fixed else 1)
    for r in rows:
        table.add_row(*[Text(x) for x in r])
    Console(highlight=False).print(table)


def _resolve(lib, doc_id: str) -> str:
    from pactlens.store import StoreError

    found = lib.resolve(doc_id)
    if found is None:
        raise StoreError(f"no document {doc_id!r} in the library {lib.url.render_as_string(hide_password=True)}")
    return found


@app.command()
def add(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs to analyse and store.",
                                                show_default=False)],
    db: DbOpt = None,
    reanalyse: Annotated[bool, typer.Option("--reanalyse", help="Analyse and replace documents already stored.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes [default: all cores].",
                                                show_default=False)] = None,
    engine: Annotated[Engine, typer.Option(help="Where the pipeline runs.")] = Engine.local,
    ray_address: Annotated[Optional[str], typer.Option(help="Ray cluster address (with --engine ray).")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on loopback, private or link-local addresses.")] = False,
    max_mb: MaxMbOpt = None,
    format: FmtOpt = Fmt.text,
    limit: LimitOpt = None,
) -> None:
    """Analyse documents and store them in the library (already stored ones are skipped)."""
    from pactlens.batch import add_sources
    from pactlens.errors import one_line
    from pactlens.ingest.discover import expand_inputs

    limits = limits_from(limit, max_mb)
    sources = expand_inputs(inputs)
    with _open(db) as lib:
        report = add_sources(lib, sources, jobs=jobs, engine=engine.value, ray_address=ray_address,
                             reanalyse=reanalyse, allow_private=allow_private, limits=limits,
                             progress=format is Fmt.text)
    for source, reason in report.failures:
        print(f"pactlens: error: {one_line(reason if source in reason else f'{source}: {reason}')}", file=sys.stderr)
    if format is Fmt.json:
        _print_json({"stored": report.stored, "skipped": report.skipped,
                     "failed": [{"source": s, "reason": r} for s, r in report.failures],
                     "interrupted": report.interrupted, "seconds": round(report.seconds, 3)})
    else:
        print(f"{len(report.stored)} stored, {len(report.skipped)} already in the library, "
              f"{len(report.failures)} failed" + (" (interrupted)" if report.interrupted else ""))
    if report.interrupted:
        raise SystemExit(130)
    if report.failures:
        raise SystemExit(2)


@app.command("list")
def list_(
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many documents.")] = 1000,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many (newest first).")] = 0,
    format: FmtOpt = Fmt.text,
) -> None:
    """List the documents in the library, newest first."""
    with _open(db) as lib:
        docs = lib.summaries(limit=limit, offset=offset)
    if format is Fmt.json:
        _print_json([d.model_dump(mode="json") for d in docs])
        return
    rows = [[d.id, d.kind, d.title or Path(d.source).name, "; ".join(d.agreements), f"{d.chars:,}",
             d.added_at.strftime("%Y-%m-%d")] for d in docs]  # the time is in --format json
    _table(None, ["id", "kind", "title", "agreements", "chars", "added"], rows)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="Document id (a unique prefix is enough).")],
    db: DbOpt = None,
    format: FmtOpt = Fmt.text,
) -> None:
    """Show one stored document: its report, or its pactlens.analysis/1 object with --format json."""
    with _open(db) as lib:
        analysis = lib.get(_resolve(lib, doc_id))
    if format is Fmt.json:
        sys.stdout.write(analysis.model_dump_json(by_alias=True, indent=2) + "\n")
        return
    from pactlens.report.text import render

    render([analysis], sys.stdout)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words (all must match), "a phrase", OR, -excluded, prefix*.')],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="Show at most this many sentences.")] = 20,
    format: FmtOpt = Fmt.text,
) -> None:
    """Find the sentences that match a query across the library, best first."""
    with _open(db) as lib:
        hits = lib.search(query, limit=limit)
    if format is Fmt.json:
        _print_json([h.model_dump(mode="json") for h in hits])
        return
    if not hits:
        print("no matching sentence")
        return
    rows = [[h.document_id, h.title or Path(h.source).name, f"{h.start}-{h.end}", _shorten(h.text)] for h in hits]
    _table(f"{len(hits)} matching sentences", ["id", "document", "span", "sentence"], rows)


def _shorten(sentence: str) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= _SHOWN else flat[:_SHOWN].rsplit(" ", 1)[0] + " …"


@app.command()
def compare(
    doc_ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Two or more document ids.")],
    db: DbOpt = None,
    format: FmtOpt = Fmt.text,
) -> None:
    """Agreements side by side: parties, date, term, ATOP obligations with articles, domains with strength."""
    from pactlens.compare import compare_stored
    from pactlens.store import StoreError

    with _open(db) as lib:
        ids = [_resolve(lib, d) for d in doc_ids]
        result = compare_stored(lib, ids)  # the stored rows it needs, not whole analyses
    shown = {c.document_id for c in result.agreements}
    for doc_id in ids:
        if doc_id not in shown:
            print(f"pactlens: note: {doc_id} states or discusses no agreement; left out", file=sys.stderr)
    if not result.agreements:
        raise StoreError("none of these documents states or discusses an agreement to compare")
    if format is Fmt.json:
        _print_json(result.model_dump(mode="json"))
        return
    heads = [c.title or c.agreement_id for c in result.agreements]
    _table("Comparison", [""] + heads, [[r.label] + r.values for r in result.rows])


@app.command()
def export(
    format: Annotated[ExportFmt, typer.Option("--format", "-f", help="What to write.")] = ExportFmt["json"],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    db: DbOpt = None,
) -> None:
    """Export the whole library: analyses (json, jsonl, text, md), agreements (csv, atop) or the state network
    (graphml)."""
    from pactlens.export import export as run

    with _open(db) as lib:
        write(out, lambda fh: run(lib, format.value, fh, width=text_width(out)))


@app.command()
def reanalyse(
    db: DbOpt = None,
    format: FmtOpt = Fmt.text,
) -> None:
    """Re-run the pipeline on documents stored by another pipeline version."""
    from pactlens.batch import reanalyse as run

    with _open(db) as lib:
        report = run(lib)
    for doc_id, reason in report.failures:
        print(f"pactlens: error: {doc_id}: {reason}", file=sys.stderr)
    if format is Fmt.json:
        _print_json({"updated": report.updated,
                     "failed": [{"id": d, "reason": r} for d, r in report.failures]})
    else:
        print(f"{len(report.updated)} re-analysed, {len(report.failures)} failed")
    if report.failures:
        raise SystemExit(2)


@app.command()
def delete(
    doc_ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Document ids to remove.")],
    db: DbOpt = None,
    format: FmtOpt = Fmt.text,
) -> None:
    """Remove documents (and everything found in them) from the library."""
    with _open(db) as lib:
        deleted = [d for d in (_resolve(lib, x) for x in doc_ids) if lib.delete(d)]
    if format is Fmt.json:
        _print_json({"deleted": deleted})
    else:
        print(f"{len(deleted)} deleted")
