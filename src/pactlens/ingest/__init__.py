"""Read any supported input into one normalized UTF-8 text with an offset map.

(stub: the foundation issue fills readers and normalization)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pactlens.errors import InputError
from pactlens.ingest.types import NormalizedText, OffsetMap

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def load_bytes(data: bytes, name: str, *, max_bytes: int | None = None) -> NormalizedText:
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return NormalizedText(
        source=name,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type="text/plain",
        text=text,
        original=text,
        offsets=OffsetMap([(0, len(text), 0, len(text))]),
    )


def load(source: str, *, allow_private: bool = False, max_bytes: int | None = None) -> NormalizedText:
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    return load_bytes(path.read_bytes(), source, max_bytes=max_bytes)
