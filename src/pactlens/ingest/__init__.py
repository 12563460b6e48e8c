"""Read any supported input into one normalized UTF-8 text with an offset map.

``load`` takes a path or an http(s) URL, ``load_bytes`` bytes already in
memory; both pick a reader by content and suffix (:mod:`.sniff`), extract
text and metadata, and normalize it (:mod:`.normalize`). Everything wrong
with an input is an :class:`~pactlens.errors.InputError` with one line.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from pactlens.errors import InputError
from pactlens.ingest import sniff
from pactlens.ingest.discover import is_url
from pactlens.ingest.types import Extracted, NormalizedText, OffsetMap

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

__all__ = ["DEFAULT_MAX_BYTES", "NormalizedText", "OffsetMap", "load", "load_bytes"]


def _reader(media_type: str) -> Callable[[bytes, str], Extracted]:
    if media_type == sniff.PDF:
        from pactlens.ingest.pdf import read_pdf

        return read_pdf
    if media_type == sniff.DOCX:
        from pactlens.ingest.docx import read_docx

        return read_docx
    if media_type == sniff.HTML:
        from pactlens.ingest.html import read_html

        return read_html
    from pactlens.ingest.text import read_text

    return lambda data, name: read_text(data, name, media_type)


def load_bytes(data: bytes, name: str, *, max_bytes: int | None = None,
               media_type: str | None = None) -> NormalizedText:
    """Read ``data`` (named ``name``, whose suffix hints at its type) and normalize it.

    ``media_type`` is a server's Content-Type; it decides only when the bytes
    themselves do not (text formats carry no magic).
    """
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise InputError(f"{name}: the file is larger than the limit of {limit} bytes")
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    kind = sniff.media_type(data, name, media_type)
    extracted = _reader(kind)(data, name)
    if not extracted.text.strip():
        raise InputError(f"{name}: the file is empty")
    return normalized(extracted, source=name, sha256=hashlib.sha256(data).hexdigest())


def normalized(extracted: Extracted, *, source: str, sha256: str) -> NormalizedText:
    """Normalize what a reader extracted into the text every later stage reads."""
    from pactlens.ingest.normalize import normalize

    text, offsets, repairs, parts = normalize(extracted.text)
    if not text.strip():
        raise InputError(f"{source}: no text left after normalization")
    return NormalizedText(source=source, sha256=sha256, media_type=extracted.media_type, text=text,
                          original=extracted.text, offsets=offsets, title=extracted.title,
                          date=extracted.date, repairs=repairs, parts=parts)


def load(source: str | os.PathLike[str], *, allow_private: bool = False, max_bytes: int | None = None) -> NormalizedText:
    """Read a file path (a ``str`` or a ``Path``) or an http(s) URL."""
    source = os.fspath(source)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if is_url(source):
        from pactlens.ingest.url import fetch

        got = fetch(source, max_bytes=limit, allow_private=allow_private)
        return load_bytes(got.data, source, max_bytes=limit, media_type=got.content_type)
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{source}: is a folder, not a file")
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    size = path.stat().st_size  # checked before reading the file whole
    if size > limit:
        raise InputError(f"{source}: the file is larger than the limit of {limit} bytes ({size} bytes)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read the file ({exc.strerror or exc})") from None
    return load_bytes(data, source, max_bytes=limit)
