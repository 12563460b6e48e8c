"""Which reader a file needs: its content's magic bytes first, its suffix second.

Suffixes lie (a PDF saved as ``.txt``, a download without one); magic bytes
do not. Text formats carry no magic, so for them the suffix decides, and a
look at the first bytes tells HTML from plain text when there is no suffix.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from pactlens.errors import InputError
from pactlens.regexes import lazy_re

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
MARKDOWN = "text/markdown"
TEXT = "text/plain"

_SUFFIXES = {
    ".txt": TEXT, ".text": TEXT, ".md": MARKDOWN, ".markdown": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".pdf": PDF, ".docx": DOCX,
}
#: Binary formats people will try, named so the error says what the file is.
_MAGIC_UNSUPPORTED = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office (OLE) file such as .doc or .xls"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"{\\rtf", "an RTF document"),
)
_ZIP_KINDS = (("xl/", "an Excel workbook"), ("ppt/", "a PowerPoint presentation"),
              ("content.xml", "an OpenDocument file"))
_HTML_START = lazy_re(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|div|p|article|section|table|h[1-6])\b",
                         re.I | re.S)


def media_type(data: bytes, name: str, declared: str | None = None) -> str:
    """The media type to read ``data`` as, or :class:`InputError` naming why it cannot be read.

    ``declared`` is a server's Content-Type: after the magic bytes, it outranks
    the suffix of a URL (``.php``, ``.aspx`` say nothing about the content).
    """
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-":
        return PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data, name)
    for magic, what in _MAGIC_UNSUPPORTED:
        if head.startswith(magic):
            raise InputError(f"{name}: unsupported type: {what}")
    if declared in _DECLARED:
        return _DECLARED[declared]
    is_url = name.lower().startswith(("http://", "https://"))
    suffix = PurePosixPath(urlsplit(name).path if is_url else name).suffix.lower()
    if suffix in (".pdf", ".docx"):
        what = "PDF" if suffix == ".pdf" else "DOCX"
        raise InputError(f"{name}: not a {what} file (content does not match the suffix; damaged?)")
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix and suffix not in _TEXTUAL and not is_url:
        raise InputError(f"{name}: unsupported type {suffix!r} (supported: {', '.join(sorted(_SUFFIXES))})")
    return HTML if _HTML_START.match(head) else TEXT


_DECLARED = {"text/html": HTML, "application/xhtml+xml": HTML, "text/markdown": MARKDOWN, "text/plain": TEXT}
#: Suffixes that are text in all but name; read as plain text.
_TEXTUAL = {".csv", ".tsv", ".log", ".rst", ".org", ".json", ".xml", ".srt", ""}


def _zip_kind(data: bytes, name: str) -> str:
    try:
        names = zipfile.ZipFile(BytesIO(data)).namelist()
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:  # NotImplemented: a
        # damaged header that claims an unknown zip version
        if name.lower().endswith(".docx"):
            raise InputError(f"{name}: broken DOCX file (not a readable zip archive: {exc})") from None
        raise InputError(f"{name}: broken zip archive ({exc})") from None
    if "word/document.xml" in names:
        return DOCX
    for prefix, what in _ZIP_KINDS:
        if any(n.startswith(prefix) for n in names):
            raise InputError(f"{name}: unsupported type: {what}")
    raise InputError(f"{name}: unsupported type: a zip archive")
