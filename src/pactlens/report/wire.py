"""JSON and JSON Lines: contract objects as they travel (``--format json`` / ``jsonl``).

Two shapes of JSON array, both kept byte for byte: indented, for a few
analyses a person may read (``analyze``), and one compact analysis per line,
streamed, for a whole library of any size (``export``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from pydantic import BaseModel


def write_one(obj: BaseModel, out: TextIO) -> None:
    """One contract object (an analysis, a check result), indented."""
    _dump(_json(obj), out)


def write_json(analyses: Iterable[BaseModel], out: TextIO, *, single: bool = False, compact: bool = False) -> None:
    """An array of analyses, or the one object when ``single``; ``compact`` streams one analysis per line."""
    if compact:
        out.write("[")
        for i, a in enumerate(analyses):
            out.write(",\n" if i else "\n")
            out.write(a.model_dump_json(by_alias=True))
        out.write("\n]\n")
        return
    payload = [_json(a) for a in analyses]
    _dump(payload[0] if single else payload, out)


def write_jsonl(analyses: Iterable[BaseModel | str], out: TextIO) -> None:
    """One analysis per line, flushed as each comes. An item a worker process already serialized is written
    as it is: parsing it back would cost the parent what the workers saved."""
    for a in analyses:
        out.write((a if isinstance(a, str) else a.model_dump_json(by_alias=True)) + "\n")
        out.flush()


def _json(obj: BaseModel) -> dict:
    return obj.model_dump(mode="json", by_alias=True)


def _dump(obj: object, out: TextIO) -> None:
    json.dump(obj, out, ensure_ascii=False, indent=2)
    out.write("\n")
