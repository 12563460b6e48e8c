"""The language-analysis stage (structure/nlp.py) and front matter (structure/front.py).

Excerpts: the CSIS "U.S.-Japan Security" repost (agorahub/pen0, front matter
and first paragraph, tests/fixtures/prose/csis-us-japan-front.md), the
Russia–Iran brief (quotes-brief-normalized.txt) and the North Atlantic Treaty
(structure-north-atlantic-1949.txt); see tests/fixtures/SOURCES.md.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from pactlens.resources import nlp as models
from pactlens.structure import nlp as stage
from pactlens.structure.front import find_front_matter, front_matter_fields
from tests.doc_support import FIXTURES, fixture_doc, make_doc

needs_model = pytest.mark.skipif(not models.available(), reason="spaCy model not installed")


# --- front matter -------------------------------------------------------------

def test_front_matter_is_found_with_its_fields():
    text = (FIXTURES / "prose" / "csis-us-japan-front.md").read_text()
    span = find_front_matter(text)
    assert span is not None and text[: span.end].rstrip().endswith("---")
    fields = front_matter_fields(text, span)
    value, a, b = fields["title"]
    assert value == "U.S.-Japan Security" == text[a:b]
    assert fields["date"][0].startswith("2024-07-11")
    assert fields["description"][0] == "The Evolution of the U.S.-Japan Security Partnership"  # quotes dropped


def test_front_matter_fences_with_trailing_spaces():
    # Paraphrase in the style of a news site's post (fences padded with spaces).
    text = "--- \nsection: news \ntitle: Leaders sign a border pact \ndate: 2021-03-04-10-00-00 \n---  \nBody text here.\n"
    span = find_front_matter(text)
    assert span is not None and text[span.end :] == "Body text here.\n"
    assert front_matter_fields(text, span)["title"][0] == "Leaders sign a border pact"


def test_a_rule_under_prose_is_no_front_matter():
    assert find_front_matter("Intro line.\n---\ntitle: x\n---\n") is None
    assert find_front_matter("---\nJust a paragraph that happens to follow a rule.\nAnother one.\n---\n") is None


def test_front_matter_is_not_body_text():
    doc = make_doc((FIXTURES / "prose" / "csis-us-japan-front.md").read_text())
    assert doc.front_matter is not None
    assert doc.title is None or doc.title.start >= doc.front_matter.end  # the title is not "---"
    assert all(s.start >= doc.front_matter.end for s in doc.sentences)


# --- the stage ------------------------------------------------------------------

@needs_model
def test_token_offsets_are_document_offsets():
    doc = fixture_doc("quotes-brief-normalized.txt")
    sdoc = stage.nlp_doc(doc)
    assert sdoc is not None and len(sdoc.text) == len(doc.text)
    for tok in sdoc:
        if not tok.is_space:  # blanked notes are whitespace tokens
            assert doc.text[tok.idx : tok.idx + len(tok.text)] == tok.text
    assert any(e.label_ == "PERSON" and e.text == "Vladimir Putin" for e in sdoc.ents)
    # footnote definitions are not parsed
    for f in doc.footnotes:
        assert not [e for e in sdoc.ents if f.span.start <= e.start_char < f.span.end]


@needs_model
def test_parsed_once_per_document():
    doc = fixture_doc("quotes-brief-normalized.txt")
    assert stage.nlp_doc(doc) is stage.nlp_doc(doc)
    other = fixture_doc("quotes-brief-normalized.txt")
    assert stage.nlp_doc(other) is not stage.nlp_doc(doc)  # kept on the Doc, not in a module


@needs_model
def test_front_matter_is_not_parsed():
    doc = make_doc((FIXTURES / "prose" / "csis-us-japan-front.md").read_text())
    sdoc = stage.nlp_doc(doc)
    assert sdoc is not None
    assert all(t.idx >= doc.front_matter.end for t in sdoc if not t.is_space)


def test_treaty_operative_text_takes_the_fast_path():
    doc = fixture_doc("structure-north-atlantic-1949.txt")
    op = stage.operative_text(doc)
    assert op is not None and op.start <= doc.articles[0].span.start and op.end >= doc.articles[-1].span.end
    assert stage.nlp_doc(doc) is None


def test_a_numbered_list_in_a_brief_is_prose():
    text = ("1. The signing of the 1951 San Francisco Peace Treaty that ended the occupation.\n\n"
            "2. The signing of the 1951 Security Treaty between Japan and the United States.\n")
    assert stage.operative_text(make_doc(text)) is None


@needs_model
def test_pathological_sentences_are_skipped_and_reported():
    table = " ".join(f"cell{i}" for i in range(stage.MAX_SENTENCE_WORDS + 20))
    text = (f"Foreign Minister Sergey Lavrov said the talks went well in Moscow. "
            f"He met his Iranian counterpart on Friday.\n\n{table}\n")
    doc = make_doc(text)
    sdoc = stage.nlp_doc(doc)
    skips = stage.skipped(sdoc)
    assert len(skips) == 1 and "words" in skips[0][2]
    assert not [t for t in sdoc if t.idx >= skips[0][0] and not t.is_space]
    assert any(e.text == "Sergey Lavrov" for e in sdoc.ents)


def test_help_does_not_import_spacy():
    code = "import sys; sys.argv = ['pactlens', '--help']\nfrom pactlens.cli import main\ntry:\n main()\nexcept SystemExit: pass\nprint('spacy' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.strip().endswith("False"), r.stderr[-500:]


# --- markup is no language --------------------------------------------------------

def _blanked(text: str) -> list[str]:
    return [text[a:b] for a, b in stage.markup(text)]


def test_link_syntax_is_blanked_and_its_words_kept():
    # CRS IF12672 (Markdown repost): "The 2010 [New START Treaty](https://crsreports.congress.gov/...)"
    text = "The 2010 [New START Treaty](https://crsreports.congress.gov/treaty-document/111th-congress/5) limits warheads."
    assert _blanked(text)[:2] == ["[", "](https://crsreports.congress.gov/treaty-document/111th-congress/5)"]
    # paraphrase: an image, an address with brackets, a bare address
    text = "See ![a map](https://x.org/m(1).png) and [the IMF data](https://data.imf.org/a(12)b) at https://imf.org/x."
    out = _blanked(text)
    assert "![" in out and "the IMF data" not in "".join(out) and "https://imf.org/x." in out


def test_table_rows_are_blanked_and_captions_are_not():
    # CRS 95-1013, Table 1 as the HTML reader writes it
    text = ("Table 1. Recent U.S. Foreign Military Sales to Bahrain Notified to Congress\n\n"
            "Fiscal Year | Major Defense Equipment | Dollar Value | Contractor\n\n"
            "2026 | F-16 Sustainment | $445 million | General Electric Aerospace and Lockheed Martin\n\n"
            "The sales continue.\n\n_▲ A parade in Tokyo. | Getty Images_\n")
    out = _blanked(text)
    assert len(out) == 2 and out[1].endswith("Lockheed Martin") and not any("parade" in s for s in out)
    # paraphrase: a two-column table
    text = "Name | Office\n\nHun Manet | Prime Minister\n\nAnwar Ibrahim | Prime Minister\n\nThey met in 2025."
    assert _blanked(text) == ["Name | Office", "Hun Manet | Prime Minister", "Anwar Ibrahim | Prime Minister"]


@needs_model
def test_no_person_is_read_from_a_table_row():
    text = ("The United States notified Congress of several sales to Bahrain in recent years, as the table shows.\n\n"
            "Fiscal Year | Equipment | Value | Contractor\n\n2025 | M142 Rocket System | $500 million | Lockheed Martin\n\n"
            "2024 | F-16 Sustainment | $445 million | Northrop Grumman\n")
    sdoc = stage.nlp_doc(make_doc(text))
    assert not [e for e in sdoc.ents if e.start_char > text.index("Fiscal")]


@needs_model
def test_an_article_about_a_treaty_with_article_headings_is_prose():
    # Wikipedia, "North Atlantic Treaty" (CC BY-SA 3.0): sections headed by the articles they discuss
    from pactlens.extract.kind import classify

    text = ("The North Atlantic Treaty is the treaty that forms the legal basis of NATO. It was signed in Washington, "
            "D.C., on 4 April 1949 by Dean Acheson and eleven other foreign ministers.\n\n"
            "Article 4\n\nThe treaty includes Article 4, which triggers consultation. Turkish Prime Minister Ahmet "
            "Davutoglu said the operations would continue.\n\n"
            "Article 5\n\nThe key section of the treaty is Article 5. Lester B. Pearson wrote about it in 1949.\n\n"
            "Article 6\n\nArticle 6 states that the treaty covers only member states' territories in Europe.\n")
    doc = make_doc(text)
    assert stage.operative_text(doc) is not None  # read as articles by structure ...
    assert classify(doc) != "treaty"
    sdoc = stage.nlp_doc(doc)  # ... but the document is about a treaty: all of it is prose
    assert {"Ahmet Davutoglu", "Lester B. Pearson"} <= {e.text for e in sdoc.ents if e.label_ == "PERSON"}
