"""Every evidence span also points into the source: the extracted text's slice at
``source_start:source_end`` holds the same words as the evidence text, and PDF
evidence names its page, DOCX evidence its paragraph.

Inputs are real: the CRS report excerpt in tests/fixtures/ingest-crs-r48787-excerpt.html
(and the full CRS reports of the shared corpus when it is present), a PDF and a
DOCX written here from the example brief and from the North Atlantic Treaty
fixture (tests/fixtures/structure-north-atlantic-1949.txt).
"""

from __future__ import annotations

import re

from pactlens import ingest
from pactlens.ingest.types import NormalizedText
from pactlens.pipeline import analyze_normalized

from conftest import EXAMPLE_BRIEF, FIXTURES, iter_evidence
from ingest_support import make_docx, make_pdf


#: Footnote-marker markup a source may carry ("<sup>1</sup>", mangled to "&</sup>lt;sup>1"),
#: which normalization turns into "[1]": tags and their entity remnants are no words.
_MARKUP = re.compile(r"<[^<>]{0,12}>")
_MARKUP_WORDS = {"sup", "lt", "gt", "amp"}


def _words(s: str) -> str:
    """The words of ``s`` run together: spacing, line breaks and a hyphen at a line end do not count."""
    return "".join(w for w in re.findall(r"\w+", _MARKUP.sub(" ", s)) if w.lower() not in _MARKUP_WORDS).lower()


def _evidence(norm: NormalizedText) -> list[dict]:
    return list(iter_evidence(analyze_normalized(norm).to_json_dict()))


def _assert_source_words(norm: NormalizedText, found: list[dict] | None = None) -> list[dict]:
    found = _evidence(norm) if found is None else found
    assert found
    for ev in found:
        a, b = ev["source_start"], ev["source_end"]
        assert a is not None and 0 <= a <= b <= len(norm.original)
        assert _words(norm.original[a:b]) == _words(ev["text"]), (ev["text"][:80], norm.original[a:b][:80])
    return found


def test_html_spans_point_into_the_page_text():
    path = FIXTURES / "ingest-crs-r48787-excerpt.html"
    _assert_source_words(ingest.load(str(path)))


#: Full CRS reports of the shared corpus whose spans tests/test_corpus_property.py checks against the
#: page text, on the analysis it makes of them anyway.
FULL_HTML_REPORTS = ("crs-95-1013-bahrain-us-policy-2026-09-23.html", "crs-R48887-us-conflict-with-iran-2026-09-18.html")


def assert_source_words(norm: NormalizedText, analysis: dict) -> None:
    _assert_source_words(norm, list(iter_evidence(analysis)))


def test_pdf_spans_name_their_page():
    text = EXAMPLE_BRIEF.read_text(encoding="utf-8")
    norm = ingest.load_bytes(make_pdf(text), "brief.pdf")
    assert len(norm.pages) >= 2  # the brief runs over more than one page
    found = _assert_source_words(norm)
    for ev in found:
        assert ev["page"] == norm.original.count("\f", 0, ev["source_start"]) + 1
        assert ev["paragraph"] is None
    assert {ev["page"] for ev in found} >= {1, 2}


def test_docx_spans_name_their_paragraph():
    text = (FIXTURES / "structure-north-atlantic-1949.txt").read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    norm = ingest.load_bytes(make_docx(paragraphs, {}), "treaty.docx")
    for i, start in enumerate(norm.paragraphs):  # each paragraph starts where the reader says
        assert norm.original.startswith(paragraphs[i], start)
    found = _assert_source_words(norm)
    ends = norm.paragraphs[1:] + [len(norm.original) + 1]
    for ev in found:
        n = ev["paragraph"]
        assert ev["page"] is None and n is not None
        assert norm.paragraphs[n - 1] <= ev["source_start"] < ends[n - 1]
    assert len({ev["paragraph"] for ev in found}) > 3


def test_plain_text_offsets_are_the_files_own():
    norm = ingest.load(str(EXAMPLE_BRIEF))
    for ev in _assert_source_words(norm):
        assert ev["page"] is None and ev["paragraph"] is None
