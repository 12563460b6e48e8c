"""Builders of hostile input files, small on disk, for the input-limit tests and bench/hostile.py.

Each is what an attacker (or an unlucky corpus) hands a server: a DOCX
whose part inflates to gigabytes, a PDF whose page tree repeats one page
tens of thousands of times, XML entity expansion, HTML nested a hundred
thousand deep, megabytes of whitespace. They are written byte by byte (no
compression of gigabytes at build time): a deflate stream of N MiB of
spaces is one sync-flushed block repeated N times.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

_MIB = 1 << 20


def deflate_run(mib: int, byte: bytes = b" ") -> bytes:
    """A raw deflate stream that inflates to ``mib`` MiB of ``byte`` (about 1 KB per MiB)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(byte * _MIB) + c.flush(zlib.Z_SYNC_FLUSH)
    return block * mib + zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)


def _zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip archive of ``(name, raw deflate data, uncompressed size, crc, method)`` members,
    with zip64 sizes (so a member may claim more than 4 GiB)."""
    out, central = bytearray(), bytearray()
    for name, data, size, crc, method in members:
        offset = len(out)
        encoded = name.encode()
        extra = struct.pack("<HHQQ", 1, 16, size, len(data))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, method, 0, 0x21, crc,
                           0xFFFFFFFF, 0xFFFFFFFF, len(encoded), len(extra)) + encoded + extra + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, method, 0, 0x21, crc,
                               0xFFFFFFFF, 0xFFFFFFFF, len(encoded), len(extra), 0, 0, 0, 0, offset) + encoded + extra
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


def _stored(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, c.compress(data) + c.flush(), len(data), zlib.crc32(data), 8


_DOC = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        '<w:p><w:r><w:t>The Parties shall consult together whenever the security of either is threatened.</w:t></w:r></w:p>'
        '</w:body></w:document>').encode()
_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          b'wordprocessingml.document.main+xml"/></Types>')


def docx_bomb(mib: int = 5 * 1024) -> bytes:
    """A DOCX whose ``word/document.xml`` inflates to ``mib`` MiB (5 GiB by default, ~5 MB on disk)."""
    return _zip([_stored("[Content_Types].xml", _TYPES),
                 ("word/document.xml", deflate_run(mib), mib * _MIB, 0, 8)])


def docx_big_media(mib: int = 1024) -> bytes:
    """A readable DOCX with a media part that inflates to ``mib`` MiB (1 GiB by default, ~1 MB on disk)."""
    return _zip([_stored("[Content_Types].xml", _TYPES), _stored("word/document.xml", _DOC),
                 ("word/media/image1.png", deflate_run(mib, b"\x00"), mib * _MIB, 0, 8)])


def docx_entities(levels: int = 10) -> bytes:
    """A DOCX whose ``document.xml`` declares nested entities ("billion laughs")."""
    decl = ['<!ENTITY e0 "lol">'] + [f'<!ENTITY e{i} "{("&e%d;" % (i - 1)) * 10}">' for i in range(1, levels)]
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(decl)}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           f'<w:p><w:r><w:t>&e{levels - 1};</w:t></w:r></w:p></w:body></w:document>').encode()
    return _zip([_stored("[Content_Types].xml", _TYPES), _stored("word/document.xml", xml)])


def pdf_page_tree(fanout: int = 150) -> bytes:
    """A PDF of a few KB whose page tree repeats one page ``fanout``² times (22,500 by default)."""
    kids = " ".join(["3 0 R"] * fanout)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {fanout * fanout} >>".encode(),
        f"<< /Type /Pages /Parent 2 0 R /Kids [{' '.join(['4 0 R'] * fanout)}] /Count {fanout} >>".encode(),
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    content = b"BT /F1 12 Tf 72 720 Td (The Parties shall consult together.) Tj ET"
    objects[4] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def html_entities(levels: int = 10) -> bytes:
    """An HTML page that declares nested entities in an internal DTD subset."""
    decl = ['<!ENTITY e0 "lol">'] + [f'<!ENTITY e{i} "{("&e%d;" % (i - 1)) * 10}">' for i in range(1, levels)]
    return (f'<!DOCTYPE html [{"".join(decl)}]><html><body><p>The Parties shall consult. &e{levels - 1};</p>'
            '</body></html>').encode()


def html_deep(depth: int = 100_000) -> bytes:
    """An HTML page nested ``depth`` elements deep, with a sentence at the bottom."""
    return (b"<html><body>" + b"<div>" * depth + b"<p>The Parties shall consult together.</p>"
            + b"</div>" * depth + b"</body></html>")


def whitespace(mb: int = 50) -> bytes:
    """``mb`` MB of spaces and newlines."""
    return (b" " * 99 + b"\n") * (mb * 10_000)


def write_all(folder: Path) -> dict[str, Path]:
    """Every hostile file above written into ``folder``, by name."""
    folder.mkdir(parents=True, exist_ok=True)
    built = {
        "docx-bomb-5gib.docx": docx_bomb(), "docx-media-1gib.docx": docx_big_media(),
        "docx-entities.docx": docx_entities(), "pdf-page-tree-22500.pdf": pdf_page_tree(),
        "html-entities.html": html_entities(), "html-deep-100000.html": html_deep(),
        "whitespace-50mb.txt": whitespace(),
    }
    paths = {}
    for name, data in built.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths
