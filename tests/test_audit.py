"""The citation audit: each finding code on a minimal real-looking example, and the brief's two known findings."""

from __future__ import annotations

import json

from cli_support import run_cli
from doc_support import fixture_doc, make_doc
from conftest import EXAMPLE_BRIEF, assert_evidence_exact
from pactlens.extract.prose.citations import find_citations
from pactlens.model import Evidence, Quote
from pactlens.verify.audit import audit


def _run(text: str, quotes: list[Quote] | None = None, date: str | None = None):
    doc = make_doc(text, date=date, bare_footnotes=True)
    return doc, audit(doc, find_citations(doc), quotes or [])


def _codes(findings):
    return sorted(f.code for f in findings)


def _quote(doc, needle: str, speaker: str | None) -> Quote:
    a = doc.text.index(needle)
    return Quote(speaker=speaker, text=needle, direct=True,
                 evidence=[Evidence(start=a, end=a + len(needle), text=needle)])


def test_missing_and_uncited_and_reused():
    # Markdown footnotes: a definition no marker cites is still a definition.
    text = ("The Treaty was signed in Moscow.[^1] It covers energy.[^3]\n\n"
            '[^1]: "Russia and Iran sign treaty," Reuters, January 17, 2025.\n\n'
            '[^1]: "Treaty text published," TASS, January 18, 2025.\n\n'
            '[^2]: "Iran\'s pivot," DW News, January 17, 2025.\n')
    _, f = _run(text)
    assert _codes(f) == ["missing-footnote", "reused-marker", "uncited-footnote"]
    by = {x.code: x for x in f}
    assert by["missing-footnote"].markers == ["3"] and "[^3]" in by["missing-footnote"].evidence[0].text
    assert by["uncited-footnote"].markers == ["2"]
    assert len(by["reused-marker"].evidence) == 2


def test_duplicate_source_by_article_id_in_brief():
    doc = fixture_doc("citations-brief-normalized.txt", bare_footnotes=True)
    f = audit(doc, find_citations(doc), [])
    dups = [x for x in f if x.code == "duplicate-source"]
    assert len(dups) == 1 and dups[0].markers == ["2", "7"]
    assert all(e.text.startswith(("[2]", "[7]")) for e in dups[0].evidence)
    assert "article id" in dups[0].message


def test_duplicate_source_same_url_and_same_outlet_title_date():
    text = ("One.[1] Two.[2] Three.[3]\n\n"
            '[1] "Gulf ports not easily replaced," Semafor, August 3, 2026, https://www.semafor.com/a/gulf-ports\n\n'
            '[2] "Gulf Ports Not Easily Replaced," *Semafor*, August 3, 2026.\n\n'
            '[3] "Other story," Semafor, August 4, 2026, https://semafor.com/a/gulf-ports/\n')
    _, f = _run(text)
    (dup,) = [x for x in f if x.code == "duplicate-source"]
    assert dup.markers == ["1", "2", "3"]


def test_lead_inspector_repeats_are_info_not_warning():
    text = ("One.[1] Two.[2]\n\n"
            "[1] Lead Inspector General Report to the United States Congress, Operation Epic Fury, September 14, 2026.\n\n"
            "[2] Lead Inspector General Report to the United States Congress, Operation Epic Fury, September 14, 2026.\n")
    _, f = _run(text)
    # The same words twice are one source even with no title or outlet parsed; a
    # verbatim repeat is worth a note (info), not a warning.
    dups = [x for x in f if x.code == "duplicate-source"]
    assert [(x.markers, x.severity) for x in dups] == [(["1", "2"], "info")]


def test_malformed_citation_lists_every_problem():
    text = 'A claim.[1] Another.[2]\n\n[1] Russia, Iran Sign Treaty." AP News.\n\n[2]\n'
    _, f = _run(text)
    mal = {x.markers[0]: x for x in f if x.code == "malformed-citation"}
    assert "unbalanced quotation marks" in mal["1"].message and "no date" in mal["1"].message
    assert "empty" in mal["2"].message


def test_broken_url_possibly_and_invalid():
    text = ("A claim.[1] B.[2]\n\n"
            '[1] "Russia and Iran presidents sign partnership treaty in Moscow," Al Jazeera, January 17, 2025. '
            "https://www.aljazeera.com/news/2025/1/17/russia-and-iran-presidents-sign-partnership-treaty-inmoscow\n\n"
            '[2] "Fact sheet," State Department, May 2, 2024, https://state/fact-sheet\n')
    _, f = _run(text)
    broken = {x.markers[0]: x for x in f if x.code == "broken-url"}
    assert "possibly" in broken["1"].message and "inmoscow" in broken["1"].message
    assert "2" in broken


def test_source_after_document_needs_the_document_date():
    text = 'A claim.[1]\n\n[1] "Later story," Reuters, March 3, 2025.\n'
    assert "source-after-document" in _codes(_run(text, date="2025-02-01")[1])
    assert "source-after-document" not in _codes(_run(text, date="2025-03")[1])
    assert "source-after-document" not in _codes(_run(text)[1])


def test_unsourced_quote_marker_on_earlier_sentence_does_not_count():
    text = ("Araghchi described the treaty as a roadmap for the future.[3] President Vladimir Putin said: "
            '"This Treaty marks a new chapter in our relations." He added: "We work together."[4]\n\n'
            '[3] "Iran\'s pivot," DW News, January 17, 2025.\n\n[4] "Putin, Lavrov," Reuters, January 17, 2025.\n')
    doc = make_doc(text, bare_footnotes=True)
    quotes = [_quote(doc, "This Treaty marks a new chapter in our relations.", "Vladimir Putin"),
              _quote(doc, "We work together.", "Sergey Lavrov")]
    f = [x for x in audit(doc, find_citations(doc), quotes) if x.code == "unsourced-quote"]
    assert len(f) == 1 and "Putin" in f[0].message and "new chapter" in f[0].evidence[0].text


def test_brief_end_to_end_json():
    r = run_cli("analyze", str(EXAMPLE_BRIEF), "--format", "json")
    assert r.returncode == 0, r.stderr
    a = json.loads(r.stdout)
    assert_evidence_exact(a)
    assert len(a["citations"]) == 10
    assert {c["outlet"] for c in a["citations"]} >= {"Al Jazeera", "AP News", "DW News", "Reuters",
                                                      "Financial Times", "Tehran Times", "Carnegie"}
    codes = {(f["code"], tuple(f["markers"])) for f in a["findings"]}
    assert ("duplicate-source", ("2", "7")) in codes
    text = a["document"]["text"]
    unsourced = [f for f in a["findings"] if f["code"] == "unsourced-quote"]
    assert any("This Treaty marks a new chapter" in text[e["start"]:e["end"]] for f in unsourced for e in f["evidence"])
    assert not any("Russia and Iran are working together" in f["evidence"][0]["text"] for f in unsourced)


def test_sentence_cut_at_exclamation_inside_quotes_keeps_its_marker():
    # CRS R48887 (shared corpus briefs/dev): a splitter cuts after `Iran!"`; the marker [48] ends the sentence.
    text = ('Meanwhile, President Trump has continued to speak of a future where the Islamic Republic "will no '
            'longer exist!" and of a U.S. attack "waiting in the wings and, when it is over, there will be very '
            'little left of the Islamic Republic of Iran!" as he posted in June and September, respectively.[48]\n\n'
            '[48] Donald J. Trump (@realDonaldTrump), Truth Social, June 27, 2026.\n')
    doc = make_doc(text, bare_footnotes=True)
    quotes = [_quote(doc, "waiting in the wings and, when it is over, there will be very little left of the "
                          "Islamic Republic of Iran!", "Donald J. Trump")]
    assert [x for x in audit(doc, find_citations(doc), quotes) if x.code == "unsourced-quote"] == []


def test_quote_without_speaker_is_info():
    text = 'The MoU called for "the immediate and permanent termination of military operations on all fronts."\n'
    doc = make_doc(text, bare_footnotes=True)
    (f,) = audit(doc, [], [_quote(doc, "the immediate and permanent termination of military operations on all "
                                       "fronts.", None)])
    assert f.code == "unsourced-quote" and f.severity == "info"


def test_missing_footnote_is_one_finding_per_marker_label():
    # GATT 1947 (shared corpus agreements-ggo/GATT_1947O.txt): the note behind "Executive Secretary¹" was lost.
    text = ("Any contracting party may withdraw by giving written notice to the Executive Secretary¹ to the "
            "CONTRACTING PARTIES. The instrument of acceptance shall be deposited with the Executive Secretary¹ "
            "to the CONTRACTING PARTIES.\n")
    doc = make_doc(text, bare_footnotes=True)
    f = [x for x in audit(doc, find_citations(doc), []) if x.code == "missing-footnote"]
    assert len(f) == 1 and f[0].markers == ["1"] and "2 places" in f[0].message
    assert len(f[0].evidence) == 2
