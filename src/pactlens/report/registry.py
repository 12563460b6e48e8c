"""One registry of output formats: every command that writes a result (``analyze``, ``check``, ``export``,
the API) chooses its renderer here, so a format means the same thing wherever it is offered.

A renderer reads one kind of thing: whole analyses, agreements with their
obligations and provisions (:class:`pactlens.model.library.StoredAgreement`,
one row or edge each), or a check result. Callers hand it that; a caller
holding analyses turns them into agreements with
:func:`pactlens.compare.agreements_of`. Renderers are named as
``module:function`` and imported on first use, so choosing a format (and
``pactlens --help``) costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from importlib import import_module
from typing import Any, Literal, TextIO

Reads = Literal["analyses", "agreements", "check"]
#: The text report's width where there is no terminal to fit (a file, an HTTP response).
FILE_WIDTH = 120


@dataclass(frozen=True)
class Renderer:
    name: str
    reads: Reads
    target: str  # "module:function" called as function(items, out, **options)
    media_type: str
    options: frozenset[str] = frozenset()  # the options the function takes; others a caller passes are not its

    def load(self) -> Callable[..., None]:
        module, function = self.target.split(":")
        return getattr(import_module(module), function)

    def write(self, items: Any, out: TextIO, **options: Any) -> None:
        """Render ``items`` to ``out``; of ``options``, only those this renderer takes are passed on."""
        self.load()(items, out, **{k: v for k, v in options.items() if k in self.options})


RENDERERS: tuple[Renderer, ...] = (
    Renderer("text", "analyses", "pactlens.report.text:render", "text/plain", frozenset({"width"})),
    Renderer("json", "analyses", "pactlens.report.wire:write_json", "application/json",
             frozenset({"single", "compact"})),
    Renderer("md", "analyses", "pactlens.report.markdown:render", "text/markdown"),
    Renderer("jsonl", "analyses", "pactlens.report.wire:write_jsonl", "application/jsonl"),
    Renderer("csv", "agreements", "pactlens.report.agreements_csv:render", "text/csv"),
    Renderer("atop", "analyses", "pactlens.report.atop:render", "text/csv"),
    Renderer("graphml", "agreements", "pactlens.report.graphml:render", "application/graphml+xml"),
    Renderer("text", "check", "pactlens.report.check_report:render_text", "text/plain"),
    Renderer("json", "check", "pactlens.report.wire:write_one", "application/json"),
    Renderer("md", "check", "pactlens.report.check_report:render_markdown", "text/markdown"),
)


def formats(*reads: Reads) -> list[str]:
    """The format names offered for these kinds of input, in registry order."""
    return list(dict.fromkeys(r.name for r in RENDERERS if r.reads in reads))


def renderer(name: str, *reads: Reads) -> Renderer:
    """The renderer called ``name`` for the first of ``reads`` it exists for."""
    for kind in reads:
        for r in RENDERERS:
            if r.name == name and r.reads == kind:
                return r
    from pactlens.errors import PactlensError  # here, not at the top: the CLI imports this module for --help

    raise PactlensError(f"unknown format {name!r}: use one of {', '.join(formats(*reads))}")


def format_choices(name: str, *reads: Reads) -> type[Enum]:
    """A choice type (a CLI ``--format``, an API ``format=``) holding the formats for ``reads``, so that no
    command or route lists its own."""
    return Enum(name, {f: f for f in formats(*reads)}, type=str)  # type: ignore[return-value]
