"""Readers: text encodings, HTML, PDF, DOCX, content sniffing and the input errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from ingest_support import make_docx, make_pdf, xlsx_bytes
from pactlens import ingest
from pactlens.errors import InputError
from pactlens.ingest import sniff

NAT = (FIXTURES / "store-north-atlantic-excerpt.txt").read_text(encoding="utf-8")
CRS = (FIXTURES / "ingest-crs-r48787-excerpt.html").read_bytes()
# Russian treaty-style text (written for this test, after the 1992 FTAs of the corpus), as Windows-1251 holds it
RUSSIAN = ("Правительство Российской Федерации и Правительство Азербайджанской Республики, "
           "именуемые в дальнейшем Договаривающимися Сторонами, согласились о нижеследующем: "
           "Статья 1. Стороны не будут применять таможенные пошлины.")


# --- text and encodings -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding, text", [
    ("cp1251", RUSSIAN),
    ("cp1252", "Déclaration commune – « coopération » and the Parties’ “Agreement” of 1944: Article 1."),
    ("utf-16", NAT[:400]),
    ("utf-8-sig", NAT[:400]),
])
def test_text_in_any_encoding(encoding, text):
    norm = ingest.load_bytes(text.encode(encoding), "doc.txt")
    assert norm.text == " ".join(text.split(" ")).strip()
    assert norm.sha256 == __import__("hashlib").sha256(text.encode(encoding)).hexdigest()


def test_markdown_is_read_as_text():
    src = (FIXTURES / "corpus-sample" / "wiki-treaty-on-open-skies.md").read_bytes()
    norm = ingest.load_bytes(src, "open-skies.md")
    assert norm.media_type == "text/markdown"
    assert "Treaty on Open Skies" in norm.text


# --- HTML -------------------------------------------------------------------------------------


def test_crs_html_markers_definitions_and_ordinals():
    norm = ingest.load_bytes(CRS, "crs.html")
    text = norm.text
    assert norm.title == "USMCA Joint Review: Process and Role of Congress"
    assert "replacing the 1994 North American Free Trade Agreement (NAFTA).[1] Congress" in text
    assert '"review and term extension" provision[2] (sometimes' in text
    assert "the 119th Congress" in text and "[th]" not in text
    defs = re.findall(r"(?m)^\[(\d+)\] (.*)$", text)
    assert [d[0] for d in defs] == ["1", "2", "3"]
    assert defs[2][1] == "USMCA, art. 34.7.2."
    assert defs[0][1].startswith("The USMCA Implementation Act was signed into law on January 29, 2020.")
    assert "\n\n" in text  # paragraphs stay apart


def test_html_main_text_without_menus_and_with_linked_notes():
    body = (FIXTURES / "ingest-crs-r48787-excerpt.html").read_text(encoding="utf-8")
    paragraph = re.search(r"<p>The United States-Mexico-Canada Agreement.*?</p>", body, re.S).group()
    page = f"""<html><head><title>Page</title></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li><li><a href="/x">Donate now</a></li></ul></nav>
    <article><h2>Introduction</h2>{paragraph}
    <p>It is the subject of a review.<sup class="reference"><a href="#cite_note-7">[7]</a></sup></p></article>
    <ol class="references"><li id="cite_note-7">Agreement between the United States of America, the United
    Mexican States, and Canada (USMCA), art. 34.7.</li></ol>
    <footer>Copyright 2026 Example Org. All rights reserved.</footer></body></html>"""
    text = ingest.load_bytes(page.encode(), "page.html").text
    assert "Donate now" not in text and "About us" not in text
    assert "Introduction" in text
    assert "subject of a review.[7]" in text
    assert re.search(r"(?m)^\[7\] Agreement between the United States of America", text)


def test_html_link_around_the_superscript():
    page = ("<html><body><article><p>" + "The Parties reaffirmed the Treaty of 2001 and its renewal. " * 8
            + 'The agreement was renewed in 2020.<a href="#note2"><sup>2</sup></a> It runs to 2040 '
            "and covers 1,200 km<sup>2</sup> of sea.<sup>3,4</sup></p>"
            '<p id="note2">Ministry of Foreign Affairs, press release, 2020.</p></article></body></html>')
    text = ingest.load_bytes(page.encode(), "x.html").text
    assert "renewed in 2020.[2] It runs to 2040 and covers 1,200 km2 of sea.[3][4]" in text
    assert re.search(r"(?m)^\[2\] Ministry of Foreign Affairs, press release, 2020\.$", text)


def test_html_date_comes_from_markup_only():
    body = "<p>" + "The treaty was signed on 17 January 2025 in Moscow by the two presidents. " * 6 + "</p>"
    dated = ('<html><head><meta property="article:published_time" content="2025-01-21T09:00:00Z">'
             f"</head><body><article>{body}</article></body></html>")
    undated = f"<html><body><article>{body}</article></body></html>"
    assert ingest.load_bytes(dated.encode(), "a.html").date == "2025-01-21"
    assert ingest.load_bytes(undated.encode(), "b.html").date is None  # not guessed from the text


def test_html_in_its_declared_charset():
    body = "<p>" + RUSSIAN + "</p>"
    page = f'<html><head><meta charset="windows-1251"><title>Договор</title></head><body><article>{body * 3}</article></body></html>'
    norm = ingest.load_bytes(page.encode("cp1251"), "ru.html")
    assert norm.title == "Договор" and RUSSIAN in norm.text


def test_html_sniffed_without_suffix():
    assert sniff.media_type(CRS, "download") == sniff.HTML
    assert ingest.load_bytes(CRS, "download").media_type == "text/html"


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_text_layer_and_title():
    data = make_pdf(NAT, title="North Atlantic Treaty")
    norm = ingest.load_bytes(data, "nat.pdf")
    assert norm.media_type == "application/pdf"
    assert norm.title == "North Atlantic Treaty"
    words = norm.text.split()
    assert words[:3] == NAT.split()[:3]
    assert "Article 5" in " ".join(words)
    assert len(words) == pytest.approx(len(NAT.split()), rel=0.02)
    assert "\f" not in norm.text


def test_pdf_behind_a_lying_suffix():
    assert ingest.load_bytes(make_pdf(NAT[:300]), "treaty.txt").media_type == "application/pdf"


def test_pdf_without_text_layer_is_called_scanned():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150)  # a page with ink but no text, like a scan
    with pytest.raises(InputError, match="scanned.*no text layer"):
        ingest.load_bytes(bytes(pdf.output()), "scan.pdf")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_pdf(cut):
    data = make_pdf(NAT)
    with pytest.raises(InputError, match="truncated|damaged"):
        ingest.load_bytes(data[: int(len(data) * cut)], "cut.pdf")


# --- DOCX -------------------------------------------------------------------------------------

BRIEF_PARAGRAPHS = [
    "On January 17, 2025, Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a "
    '20-year "Comprehensive Strategic Partnership Treaty"{fn1} in Moscow.',
    "The Treaty comprises 47 articles detailing collaboration in myriad domains.{fn2}",
]
BRIEF_NOTES = {
    1: '"Russia and Iran presidents sign partnership treaty in Moscow," Al Jazeera, January 17, 2025.',
    2: '"Russia, Iran Sign Strategic Partnership Treaty in Moscow," AP News, January 17, 2025.',
}


def test_docx_paragraphs_and_footnotes():
    data = make_docx(BRIEF_PARAGRAPHS, BRIEF_NOTES, title="Russia–Iran treaty brief")
    norm = ingest.load_bytes(data, "brief.docx")
    assert norm.media_type == sniff.DOCX
    assert norm.title == "Russia–Iran treaty brief"
    assert 'Partnership Treaty"[1] in Moscow.' in norm.text
    assert "myriad domains.[2]" in norm.text
    assert norm.text.endswith("\n\n[1] " + BRIEF_NOTES[1] + "\n\n[2] " + BRIEF_NOTES[2])


def test_docx_notes_numbered_in_reading_order():
    data = make_docx(["First{fn5} and then{fn3}."], {3: "Later note.", 5: "Earlier note."})
    text = ingest.load_bytes(data, "x.docx").text
    assert text == "First[1] and then[2].\n\n[1] Earlier note.\n\n[2] Later note."


def test_broken_docx():
    data = make_docx(BRIEF_PARAGRAPHS, BRIEF_NOTES)
    with pytest.raises(InputError, match="broken DOCX"):
        ingest.load_bytes(data[: len(data) // 2], "brief.docx")


# --- what is not supported ------------------------------------------------------------------------


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize("data, name, message", [
    (b"", "empty.txt", "empty"),
    (b" \n\t\r\n  ", "blank.txt", "empty"),
    (bytes(range(256)) * 8, "noise.bin", "binary|unsupported"),
    (bytes(range(256)) * 8, "noise.txt", "binary"),
    (xlsx_bytes(), "table.xlsx", "Excel"),
    (PNG, "scan.png", "PNG"),
    (b"%PDF-1.7\n" + b"garbage" * 10, "short.pdf", "truncated|damaged"),
    (b"just words", "x.pdf", "not a PDF"),
])
def test_bad_input(data, name, message):
    with pytest.raises(InputError, match=message) as info:
        ingest.load_bytes(data, name)
    assert "\n" not in str(info.value)


def test_random_bytes_are_refused():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(InputError, match="binary"):
        ingest.load_bytes(data, "random.txt")


def test_size_cap_before_reading(tmp_path: Path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text(NAT, encoding="utf-8")

    def refuse(*_a, **_k):
        raise AssertionError("the file was read despite being over the limit")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="larger than the limit of 1000 bytes"):
        ingest.load(str(path), max_bytes=1000)
    with pytest.raises(InputError, match="larger than the limit"):
        ingest.load_bytes(NAT.encode(), "big.txt", max_bytes=1000)


def test_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        ingest.load(str(tmp_path / "nope.txt"))


def test_the_map_points_into_the_reader_text():
    norm = ingest.load_bytes(CRS, "crs.html")
    for m in re.finditer(r"\[\d+\]|[A-Z][a-z]+", norm.text):
        a, b = norm.offsets.to_original(m.start(), m.end())
        assert norm.original[a:b] == m.group()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_damaged_files_only_ever_raise_input_errors(kind, capfd):
    """Bytes flipped at random in a real PDF/DOCX: the reader names the damage, nothing escapes."""
    import random

    base = make_pdf(NAT[:1500]) if kind == "pdf" else make_docx(["Hello{fn1} world."], {1: "A note."})
    rng = random.Random(11)
    for _ in range(150):
        data = bytearray(base)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        try:
            ingest.load_bytes(bytes(data), f"damaged.{kind}")
        except InputError as exc:
            assert "\n" not in str(exc)
    assert capfd.readouterr().err == ""  # the libraries' own warnings stay quiet


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=600) | st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><p>", b"\xff\xfe"])
       .flatmap(lambda head: st.binary(max_size=300).map(lambda tail: head + tail)),
       name=st.sampled_from(["x.txt", "x.html", "x.pdf", "x.docx", "x", "x.md"]))
def test_arbitrary_bytes_give_text_or_an_input_error(data, name):
    try:
        norm = ingest.load_bytes(data, name)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert norm.text.strip()


def test_a_path_object_is_read_like_its_string(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("The Parties shall consult each other.\n", encoding="utf-8")
    assert ingest.load(f).text == ingest.load(str(f)).text
