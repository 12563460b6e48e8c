"""Builders of small real-looking input files for the ingest tests (PDF, DOCX, XLSX)."""

from __future__ import annotations

import io
import re
import zipfile


def make_pdf(text: str, title: str | None = None) -> bytes:
    """A text PDF written by fpdf2 (core fonts: Latin-1 only)."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


_FOOTNOTES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
{notes}
</w:footnotes>"""
_NOTE = ('<w:footnote w:id="{id}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t>'
         "</w:r></w:p></w:footnote>")
_REF = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>'


def make_docx(paragraphs: list[str], notes: dict[int, str], title: str | None = None) -> bytes:
    """A DOCX built by python-docx; ``{fnN}`` in a paragraph becomes a reference to note N.

    python-docx cannot write footnotes, so the footnotes part, its relationship
    and content type are added to the package here, as Word writes them.
    """
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for text in paragraphs:
        p = document.add_paragraph()
        for piece in re.split(r"(\{fn\d+\})", text):
            if piece:
                p.add_run(piece)
    buf = io.BytesIO()
    document.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb"<w:r><w:t>\{fn(\d+)\}</w:t></w:r>",
                              lambda m: _REF.format(id=m.group(1).decode()).encode(), data)
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            z.writestr(item, data)
        notes_xml = "".join(_NOTE.format(id=k, text=v) for k, v in notes.items())
        z.writestr("word/footnotes.xml", _FOOTNOTES_XML.format(notes=notes_xml))
    return out.getvalue()


def xlsx_bytes() -> bytes:
    """The smallest zip that says it is an Excel workbook."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()
