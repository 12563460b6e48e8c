"""Read any supported input into one normalized UTF-8 text with an offset map.

``load`` takes a path or an http(s) URL, ``load_bytes`` bytes already in
memory; both pick a reader by content and suffix (:mod:`.sniff`), extract
text and metadata, and normalize it (:mod:`.normalize`). Everything wrong
with an input is an :class:`~pactlens.errors.InputError` with one line.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from pactlens.errors import InputError
from pactlens.ingest import sniff
from pactlens.ingest.discover import is_url
from pactlens.ingest.types import Extracted, NormalizedText, OffsetMap
from pactlens.limits import Limits, resolve

DEFAULT_MAX_BYTES = Limits.bytes

__all__ = ["DEFAULT_MAX_BYTES", "Limits", "NormalizedText", "OffsetMap", "load", "load_bytes", "read_file"]


def _reader(media_type: str, limits: Limits) -> Callable[[bytes, str], Extracted]:
    """The reader for ``media_type``; archive and page limits go to the readers that expand."""
    if media_type == sniff.PDF:
        from pactlens.ingest.pdf import read_pdf

        return lambda data, name: read_pdf(data, name, limits=limits)
    if media_type == sniff.DOCX:
        from pactlens.ingest.docx import read_docx

        return lambda data, name: read_docx(data, name, limits=limits)
    if media_type == sniff.HTML:
        from pactlens.ingest.html import read_html

        return read_html
    from pactlens.ingest.text import read_text

    return lambda data, name: read_text(data, name, media_type)


def load_bytes(data: bytes, name: str, *, max_bytes: int | None = None,
               media_type: str | None = None, limits: Limits | None = None) -> NormalizedText:
    """Read ``data`` (named ``name``, whose suffix hints at its type) and normalize it.

    ``media_type`` is a server's Content-Type; it decides only when the bytes
    themselves do not (text formats carry no magic). ``limits`` (default: the
    environment's, see :mod:`pactlens.limits`) bound what the document may cost.
    """
    limits = resolve(limits, max_bytes)
    limits.check("bytes", len(data), name, "bytes")
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    kind = sniff.media_type(data, name, media_type)
    extracted = _reader(kind, limits)(data, name)
    # Checked before normalization, whose cost grows with the text.
    limits.check("chars", len(extracted.text), name, "characters of text")
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
                          date=extracted.date, repairs=repairs, parts=parts,
                          pages=extracted.pages, paragraphs=extracted.paragraphs)


def load(source: str | os.PathLike[str], *, allow_private: bool = False, max_bytes: int | None = None,
         limits: Limits | None = None) -> NormalizedText:
    """Read a file path (a ``str`` or a ``Path``) or an http(s) URL."""
    source = os.fspath(source)
    limits = resolve(limits, max_bytes)
    if is_url(source):
        from pactlens.ingest.url import fetch

        got = fetch(source, max_bytes=limits.bytes or 1 << 62, allow_private=allow_private)
        return load_bytes(got.data, source, media_type=got.content_type, limits=limits)
    return load_bytes(read_file(source, limits), source, limits=limits)


def read_file(source: str, limits: Limits) -> bytes:
    """The bytes of the regular file ``source``, at most ``limits.bytes`` of them.

    The file is opened without blocking and checked to be a regular file
    before a byte is read: a FIFO would block the open, and ``/dev/zero`` (or
    a link to it) never ends.
    """
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot open the file ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{source}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{source}: not a regular file ({file_kind(info.st_mode)}); only files can be read")
        limits.check("bytes", info.st_size, source, "bytes")  # before reading the file whole
        try:
            data = fh.read(limits.bytes + 1) if limits.bytes else fh.read()
        except OSError as exc:
            raise InputError(f"{source}: cannot read the file ({exc.strerror or exc})") from None
    limits.check("bytes", len(data), source, "bytes")  # a file that grew while read
    return data


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return "not a regular file"
