"""DOCX: body paragraphs and tables in order, with footnotes and endnotes.

Only the parts that hold text are read (``word/document.xml``, the notes,
``docProps/core.xml`` for title and date), straight from the zip archive and
each checked against the limits on decompressed size and ratio before it is
inflated: a package is untrusted, and a 5 MB file can hold a part that
inflates to gigabytes. (python-docx would read every part, media included,
and its ``Paragraph.text`` skips footnote references anyway.) Runs are walked
here: a ``w:footnoteReference`` becomes ``[n]`` in the body (``n`` numbered in
order of first reference, as Word displays them) and each note's text is
appended at the end as a paragraph ``[n] text``.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from xml.etree import ElementTree as ET

from pactlens.errors import InputError
from pactlens.ingest.sniff import DOCX
from pactlens.ingest.types import Extracted
from pactlens.ingest.util import joined, one_line
from pactlens.limits import Limits
from pactlens.regexes import lazy_re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTE_PARTS = (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml"))
_CORE = "docProps/core.xml"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
#: Parts smaller than this are not held to the compression-ratio limit (small XML compresses well).
RATIO_FLOOR = 1 << 20
_ISO_DAY = lazy_re(r"^\d{4}-\d{2}-\d{2}")


def read_docx(data: bytes, name: str, *, limits: Limits | None = None) -> Extracted:
    limits = limits or Limits()
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        body = ET.fromstring(_part(archive, "word/document.xml", name, limits)).find(f"{W}body")
        notes = {kind: _read_notes(archive, part, kind, name, limits) for kind, part in _NOTE_PARTS}
        title, date = _core_properties(archive, name, limits)
    except (zipfile.BadZipFile, KeyError, ET.ParseError, EOFError, ValueError,
            zlib.error, NotImplementedError) as exc:  # zlib/NotImplemented: damaged compressed members
        raise InputError(f"{name}: broken DOCX file ({type(exc).__name__}: {one_line(exc)})") from None
    numbering: dict[tuple[str, str], int] = {}
    paragraphs = [t for t in _blocks(body, numbering) if t.strip()] if body is not None else []
    for (kind, note_id), number in sorted(numbering.items(), key=lambda kv: kv[1]):
        text = notes[kind].get(note_id, "").strip()
        paragraphs.append(f"[{number}] {text}" if text else f"[{number}]")
    if not paragraphs:
        raise InputError(f"{name}: the DOCX document holds no text")
    text, starts = joined(paragraphs, "\n\n")
    return Extracted(text=text, media_type=DOCX, title=title, date=date, paragraphs=starts)


def _blocks(body: ET.Element, numbering: dict[tuple[str, str], int]):
    """Paragraph texts in document order; a table row is one line, cells joined by ``|``."""
    for el in body:
        if el.tag == f"{W}p":
            yield _paragraph_text(el, numbering)
        elif el.tag == f"{W}tbl":
            for row in el.iter(f"{W}tr"):
                cells = [" ".join(_paragraph_text(p, numbering) for p in tc.iter(f"{W}p")).strip()
                         for tc in row.iter(f"{W}tc")]
                yield " | ".join(c for c in cells if c)
        elif el.tag == f"{W}sdt":  # content controls wrap ordinary paragraphs
            content = el.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, numbering)


def _paragraph_text(p: ET.Element, numbering: dict[tuple[str, str], int] | None) -> str:
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":  # w:delText (deleted in tracked changes) is left out
            parts.append(el.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif numbering is not None and tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            key = (tag[len(W):-len("Reference")], el.get(f"{W}id", ""))
            number = numbering.setdefault(key, len(numbering) + 1)
            parts.append(f"[{number}]")
    return "".join(parts)


def _part(archive: zipfile.ZipFile, part: str, name: str, limits: Limits) -> bytes:
    """One part's bytes, refused before inflating when its declared size or ratio is over the limits.

    The declared size bounds what is inflated: zipfile stops at it (and fails
    the CRC check when the data ran longer).
    """
    info = archive.getinfo(part)
    limits.check("part_bytes", info.file_size, name, f"bytes in the archive part {part}")
    if info.file_size > RATIO_FLOOR:
        limits.check("ratio", info.file_size / max(info.compress_size, 1), name,
                     f"times compression in the archive part {part}")
    return archive.read(part)


def _read_notes(archive: zipfile.ZipFile, part: str, kind: str, name: str, limits: Limits) -> dict[str, str]:
    """Note id → text; the separator notes Word keeps (ids -1 and 0) have no text and drop out."""
    if part not in archive.namelist():
        return {}
    root = ET.fromstring(_part(archive, part, name, limits))
    notes = {}
    for note in root.iter(f"{W}{kind}"):
        text = " ".join(_paragraph_text(p, None).strip() for p in note.iter(f"{W}p"))
        if text.strip():
            notes[note.get(f"{W}id", "")] = " ".join(text.split())
    return notes


def _core_properties(archive: zipfile.ZipFile, name: str, limits: Limits) -> tuple[str | None, str | None]:
    """Title and creation date from the package's core properties, when filled in.

    A damaged or missing core-properties part only loses the metadata.
    """
    if _CORE not in archive.namelist():
        return None, None
    try:
        root = ET.fromstring(_part(archive, _CORE, name, limits))
    except (ET.ParseError, zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        return None, None
    title = " ".join((root.findtext(f"{_DC}title") or "").split()) or None
    created = (root.findtext(f"{_DCTERMS}created") or "").strip()
    return title, (created[:10] if _ISO_DAY.match(created) else None)
