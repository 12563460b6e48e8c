"""Normalization: each repair alone, the brief's two repairs exactly, and the offset map."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE_BRIEF, FIXTURES
from pactlens.ingest import load
from pactlens.ingest import repairs
from pactlens.ingest.edits import Edit, Rewriter
from pactlens.ingest.normalize import normalize
from pactlens.ingest.types import OffsetMap

BRIEF = EXAMPLE_BRIEF.read_text(encoding="utf-8")


def assert_maps_back(original: str, text: str, offsets: OffsetMap, pattern: str) -> None:
    """Every match of ``pattern`` in the normalized text maps onto original text that
    holds the same words (markup and spacing aside)."""
    for m in re.finditer(pattern, text):
        a, b = offsets.to_original(m.start(), m.end())
        assert 0 <= a <= b <= len(original)
        assert _words(original[a:b]) == _words(m.group()), (m.group(), original[a:b])


def _words(s: str) -> list[str]:
    s = re.sub(r"<sup>&</sup>lt;sup>|</?sup>|&lt;/?sup&gt;|-\n|[\[\]\u00ad\u200b-\u200d\u2060\ufeff]", "", s)
    return re.findall(r"\w+", s)


# --- the brief --------------------------------------------------------------------------------


def test_brief_markers_become_bracketed_numbers():
    text, offsets, log, _ = normalize(BRIEF)
    assert "<sup>" not in text and "lt;sup" not in text
    body = re.findall(r"(?<!^)(?<!\n)\[(\d+)\]", text)
    defs = re.findall(r"(?m)^\[(\d+)\] ", text)
    assert sorted(map(int, defs)) == list(range(1, 11))
    assert {"1", "3", "9", "10"} <= set(body)
    assert "footnote markers repaired: 20" in log
    assert text.startswith('On January 17, 2025, Russian President Vladimir Putin')
    assert 'Partnership Treaty"[1] in Moscow' in text
    assert '\n[1] "Russia and Iran presidents sign partnership treaty in Moscow," Al Jazeera' in text
    assert '\n[7] Russia, Iran Sign' in text  # the source indents this one


def test_brief_paragraph_split_by_footnote_block_is_rejoined():
    text, offsets, log, _ = normalize(BRIEF)
    assert "dynamics of their partnership.[10] Beyond their bilateral relations, both countries have engaged" in text
    joined_end = text.index("\n", text.index("Beyond their bilateral relations"))
    after = text[joined_end:]
    assert re.match(r"\n\n\[8\] .*\n\n\[9\] .*\n\n\[10\] .*\n\nIran's late President Ebrahim Raisi", after)
    assert "paragraphs split by a footnote block rejoined: 1" in log
    # the moved block maps back to where it was; the join maps to the two halves
    i = text.index("\n[9] ") + 1
    a, b = offsets.to_original(i, i + 30)
    assert BRIEF[a:b].startswith("<sup>&</sup>lt;sup>9</sup>")
    k = text.index("bilateral relations")
    a, b = offsets.to_original(k, k + len("bilateral relations"))
    assert BRIEF[a:b].startswith("bilateral") and BRIEF[a:b].endswith("relations")


def test_brief_every_word_maps_back():
    text, offsets, _, _ = normalize(BRIEF)
    assert_maps_back(BRIEF, text, offsets, r"\[\d+\]|[A-Za-z]+(?:'[a-z]+)?")


# --- each repair alone ---------------------------------------------------------------------------


def apply(step, text: str) -> tuple[str, OffsetMap]:
    rw = Rewriter(text)
    rw.apply(step(text))
    return rw.text, rw.map


@pytest.mark.parametrize("source, expected", [
    ("cooperation.<sup>3</sup> Next", "cooperation.[3] Next"),
    ("<sup>&</sup>lt;sup>12</sup> Reuters, 2025", "[12] Reuters, 2025"),
    ("text&lt;sup&gt;4&lt;/sup&gt; more", "text[4] more"),
    ("the 119<sup>th</sup> Congress", "the 119th Congress"),
    ("stability. <sup>&</sup>", "stability."),
    ("an area of 1,200 km<sup>2</sup> in the Caspian", "an area of 1,200 km2 in the Caspian"),
    ("renewed in 2020<sup>10</sup> Beyond", "renewed in 2020[10] Beyond"),
    ("as reported.<sup>4, 5</sup> Next", "as reported.[4][5] Next"),
])
def test_sup_markers(source, expected):
    assert apply(repairs.sup_markers, source)[0] == expected


def test_line_hyphens_join_words_and_keep_compounds():
    src = ("economic coopera-\ntion with Russia-\nIran and the co-\nordination of co-ordination "
           "for a 20-\nyear term, in self-\ndefence")
    out, offsets = apply(repairs.line_hyphens, src)
    assert out == ("economic cooperation with Russia-Iran and the co-ordination of co-ordination "
                   "for a 20-year term, in self-defence")
    i = out.index("cooperation")
    a, b = offsets.to_original(i, i + len("cooperation"))
    assert src[a:b] == "coopera-\ntion"


def test_ocr_spacing():
    src = "The Contracting Parties :  shall ( a ) consult  each other ;\tfurther   .\nNext line   \n\tindent"
    out, offsets = apply(repairs.ocr_spacing, src)
    assert out == "The Contracting Parties: shall (a) consult each other;\tfurther.\nNext line\n\tindent"
    i = out.index("consult")
    assert src[slice(*offsets.to_original(i, i + 7))] == "consult"


def test_characters_line_ends_and_nfc():
    src = "\ufeffRe\u0301sume\u0301\r\nzero\u200bwidth\rend"
    rw = Rewriter(src)
    for step in (repairs.strip_invisible, repairs.unify_line_ends, repairs.nfc):
        rw.apply(step(rw.text))
    assert rw.text == "Résumé\nzerowidth\nend"
    i = rw.text.index("width")
    assert src[slice(*rw.map.to_original(i, i + 5))] == "width"


def test_page_breaks_join_a_running_sentence_and_end_a_finished_one():
    src = "The Parties shall\n\fconsult together.\n\fArticle 5\nThe coopera-\ftion of the Parties"
    text = normalize(src)[0]
    assert text == "The Parties shall consult together.\n\nArticle 5\nThe cooperation of the Parties"


def test_ggo_labelled_sections():
    src = (FIXTURES / "ingest-ggo-arg-bra-1986-excerpt.txt").read_text(encoding="utf-8")
    text, offsets, log, parts = normalize(src)
    assert "MainText" not in text and "AppendixText" not in text and "\nNA\n" not in text
    assert [name for name, _, _ in parts] == ["main", "annex"]
    (_, ms, me), (_, as_, ae) = parts
    assert text[ms:].startswith("AGREEMENT ON ARGENTINE-BRAZILIAN INTEGRATION")
    assert text[as_:].startswith("ANNEX 1 OF PROTOCOL NO. 4")
    assert me <= as_ and ae == len(text) and text == text.strip()
    a, _ = offsets.to_original(as_, as_ + 5)
    assert src[a:].startswith("ANNEX 1")


def test_ggo_unlabelled_three_lines():
    src = (FIXTURES / "ingest-ggo-aus-jpn-1990-excerpt.txt").read_text(encoding="utf-8")
    text, _, _, parts = normalize(src)
    assert [name for name, _, _ in parts] == ["main", "appendix"]
    assert text[parts[1][1]:].startswith("APPENDIX A.")
    assert not text.endswith("NA") and text == text.strip()


def test_text_without_line_breaks_stays_one_block():
    src = "TREATY OF FRIENDSHIP The High Contracting Parties , desiring peace , have agreed : ARTICLE 1 Peace."
    text, _, _, parts = normalize(src)
    assert "\n" not in text and parts == []
    assert text == "TREATY OF FRIENDSHIP The High Contracting Parties, desiring peace, have agreed: ARTICLE 1 Peace."


def test_no_split_repair_when_the_paragraph_is_complete():
    src = "First paragraph ends here.\n\n[1] A source, 2025.\n\nthe next starts lower case."
    assert normalize(src)[0] == src


# --- the map ----------------------------------------------------------------------------------


def test_rewriter_moves_keep_their_origin():
    rw = Rewriter("aaa BLOCK bbb")
    rw.apply([Edit(3, 9, ""), Edit(13, 13, " BLOCK", origin=(3, 9))])
    assert rw.text == "aaa bbb BLOCK"
    i = rw.text.index("BLOCK")
    assert rw.map.to_original(i, i + 5) == (4, 9)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z-\n\t\r.,:;([])\u200b\ufeffe\u0301<>sup/&lt;gt1"))
               | st.characters(), max_size=300))
def test_normalize_never_crashes_and_the_map_stays_in_range(src):
    text, offsets, _, parts = normalize(src)
    for start in range(0, len(text) + 1, max(1, len(text) // 20)):
        for end in (start, min(len(text), start + 1), min(len(text), start + 7)):
            a, b = offsets.to_original(start, end)
            assert 0 <= a <= b <= len(src)
    for _, a, b in parts:
        assert 0 <= a <= b <= len(text)
    assert "\r" not in text and "\ufeff" not in text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "coopera-\ntion", "Parties :", "  ", "\n\n", "x<sup>2</sup>",
                                 "x\r\n", "Russia-\nIran", "\u200b", "e\u0301", "x<sup>&</sup>lt;sup>3</sup>"]),
                max_size=40))
def test_words_always_map_back(pieces):
    # (a word spliced across a moved footnote block maps to the hull of both places;
    # the brief test above checks moves, so no definition starts a line here)
    src = "start " + " ".join(pieces)
    text, offsets, _, _ = normalize(src)
    assert_maps_back(src, text, offsets, r"[A-Za-z]+")


def assert_corpus_words_map_back(norm) -> None:
    """Every corpus file (run by tests/test_corpus_property.py, which reads each file once): normalized
    words point back at the same words in the reader's text."""
    assert norm.text == norm.text.strip() and "\r" not in norm.text
    words = list(re.finditer(r"[A-Za-z]{3,}", norm.text))
    for m in words[:: max(1, len(words) // 300)]:
        a, b = norm.offsets.to_original(m.start(), m.end())
        assert _words(norm.original[a:b]) == [m.group()], (m.group(), norm.original[a:b])


def _paged_pdf(body: str) -> bytes:
    """A PDF whose every page carries a running title and a page number, as printed treaties do."""
    from fpdf import FPDF

    class Paged(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 5, "NORTH ATLANTIC TREATY - Washington, 4 April 1949", align="C")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=9)
            self.cell(0, 5, f"Page {self.page_no()}", align="C")

    pdf = Paged()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, body.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


def test_running_heads_and_page_numbers_of_a_pdf_are_removed(tmp_path):
    from pactlens.pipeline import analyze

    body = (FIXTURES / "agreements" / "north-atlantic-1949.txt").read_text(encoding="utf-8")
    path = tmp_path / "nato.pdf"
    path.write_bytes(_paged_pdf(body * 2))
    nt = load(path)
    assert nt.original.count("\f") >= 2  # several pages
    assert "NORTH ATLANTIC TREATY - Washington" not in nt.text and not re.search(r"(?m)^Page \d+$", nt.text)
    assert any(r.startswith("running heads and page numbers removed") for r in nt.repairs)
    a = analyze(path)
    for ob in a.obligations:
        for e in ob.evidence:
            assert a.document.text[e.start:e.end] == e.text


def test_headings_that_open_pages_are_kept():
    """'Article 3' opening three pages in a row is text, not a running head."""
    pages = [f"Article {i}\nThe Parties shall consult together.\n{i}" for i in range(1, 5)]
    out = normalize("\f".join(pages))[0]
    assert all(f"Article {i}" in out for i in range(1, 5))
    assert not re.search(r"(?m)^\d$", out)
