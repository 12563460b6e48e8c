"""DOCX: body paragraphs and tables in order, with footnotes and endnotes.

python-docx opens the package and reads its core properties, but its
``Paragraph.text`` skips footnote references and it does not expose
``word/footnotes.xml``, so runs are walked here: a
``w:footnoteReference`` becomes ``[n]`` in the body (``n`` numbered in order
of first reference, as Word displays them) and each note's text is appended
at the end as a paragraph ``[n] text``.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from xml.etree import ElementTree as ET

from pactlens.errors import InputError
from pactlens.ingest.sniff import DOCX
from pactlens.ingest.types import Extracted
from pactlens.ingest.util import one_line

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTE_PARTS = (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml"))


def read_docx(data: bytes, name: str) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(data))
        archive = zipfile.ZipFile(BytesIO(data))
        body = ET.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        notes = {kind: _read_notes(archive, part, kind) for kind, part in _NOTE_PARTS}
        title, date = _core_properties(document)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ET.ParseError, EOFError, ValueError,
            zlib.error, NotImplementedError) as exc:  # zlib/NotImplemented: damaged compressed members
        raise InputError(f"{name}: broken DOCX file ({type(exc).__name__}: {one_line(exc)})") from None
    except Exception as exc:  # lxml errors from python-docx on a damaged part
        if type(exc).__module__.startswith("lxml"):
            raise InputError(f"{name}: broken DOCX file ({one_line(exc)})") from None
        raise
    numbering: dict[tuple[str, str], int] = {}
    paragraphs = [t for t in _blocks(body, numbering) if t.strip()] if body is not None else []
    for (kind, note_id), number in sorted(numbering.items(), key=lambda kv: kv[1]):
        text = notes[kind].get(note_id, "").strip()
        paragraphs.append(f"[{number}] {text}" if text else f"[{number}]")
    if not paragraphs:
        raise InputError(f"{name}: the DOCX document holds no text")
    return Extracted(text="\n\n".join(paragraphs), media_type=DOCX, title=title, date=date)


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


def _read_notes(archive: zipfile.ZipFile, part: str, kind: str) -> dict[str, str]:
    """Note id → text; the separator notes Word keeps (ids -1 and 0) have no text and drop out."""
    if part not in archive.namelist():
        return {}
    root = ET.fromstring(archive.read(part))
    notes = {}
    for note in root.iter(f"{W}{kind}"):
        text = " ".join(_paragraph_text(p, None).strip() for p in note.iter(f"{W}p"))
        if text.strip():
            notes[note.get(f"{W}id", "")] = " ".join(text.split())
    return notes


def _core_properties(document) -> tuple[str | None, str | None]:
    """Title and creation date from the package's core properties, when filled in."""
    props = document.core_properties
    title = " ".join((props.title or "").split()) or None
    return title, (props.created.date().isoformat() if props.created else None)
