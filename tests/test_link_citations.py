"""Sources given as inline links: a web page with no footnotes cites by linking.

Excerpts of CRS IF12672 (2026, public domain) and CSIS pages, with paraphrases."""

from __future__ import annotations

from pactlens.extract.prose.citations import find_citations
from pactlens.verify.audit import audit
from tests.doc_support import make_doc

CRS = (
    "[Citation](https://crsreports.congress.gov#citation)[Subscribe](https://crsreports.congress.gov/get-alerts)"
    "[Home](https://crsreports.congress.gov/) > [CRS Products](https://crsreports.congress.gov/crs-products) > IF12672\n\n"
    "- [April 22, 2026 (IF12672 - Version: 12)](https://crsreports.congress.gov/IF12672.12.pdf)\n"
    "- [December 11, 2025 (IF12672 - Version: 11)](https://crsreports.congress.gov/IF12672.11.pdf)\n\n"
    "A 2025 DIA [statement](https://permanent.fdlp.gov/gpo254696/2025_dia_statement_for_the_record.pdf#page=19) "
    "indicated that Russia believes a satellite could deter adversaries. The DIA "
    "[stated](https://permanent.fdlp.gov/gpo254696/2025_dia_statement_for_the_record.pdf#page=17) in 2025 that "
    "Russia is expanding its posture. Officials raised [concerns](https://www.cnn.com/2024/03/09/politics/"
    "us-prepared-rigorously-potential-russian-nuclear-strike-ukraine) that year.\n"
)


def test_links_are_citations_one_per_source_fragments_merged():
    doc = make_doc(CRS)
    cits = find_citations(doc)
    assert [c.marker for c in cits] == ["L1", "L2"]
    dia, cnn = cits
    assert dia.outlet == "permanent.fdlp.gov" and dia.title == "dia statement for the record"
    assert [e.text for e in dia.cited_at] == ["statement", "stated"]
    assert cnn.outlet == "cnn.com" and cnn.date == "2024-03-09"
    assert "potential russian nuclear strike" in cnn.title
    for c in cits:
        for e in c.cited_at + c.evidence:
            assert doc.text[e.start : e.end] == e.text


def test_navigation_version_history_and_images_are_not_sources_paraphrase():
    """Paraphrase: a menu line, an image, a caption naming its source, a link text that is a title."""
    text = (
        "[Home](https://example.org/) | [About](https://example.org/about) | [Contact](https://example.org/c)\n\n"
        "![chart](https://i.imgur.com/x.png)\n"
        "_▲ [The Alliance Treaty Obligations Database](https://atop.rice.edu/)_\n\n"
        "The ministers signed the [Joint Statement on Maritime Cooperation](https://mofa.example.jp/page2_001.html) "
        "in Tokyo, and [Reuters reported](https://www.reuters.com/world/asia/japan-philippines-deal-2024-07-08/) it.\n"
    )
    cits = find_citations(make_doc(text))
    assert [c.outlet for c in cits] == ["atop.rice.edu", "mofa.example.jp", "reuters.com"]
    assert cits[1].title == "Joint Statement on Maritime Cooperation"


def test_audit_runs_over_links():
    text = (
        "The deal was [announced](https://www.example.com/news/2024/05/02/deal-story-123456789) in May. "
        "Critics [objected](https://example.com/news/2024/05/02/deal-story-123456789/?utm_source=x) at once. "
        "Moscow [hosted](https://apnews.com/article/russia-iran-treaty-signing-inmoscow-putin-abc123) the signing.\n"
    )
    doc = make_doc(text)
    findings = audit(doc, find_citations(doc), [])
    dups = [f for f in findings if f.code == "duplicate-source"]
    assert [f.markers for f in dups] == [["L1", "L2"]]
    (broken,) = [f for f in findings if f.code == "broken-url"]
    assert broken.markers == ["L3"] and "inmoscow" in broken.message
    assert broken.evidence[0].text.startswith("https://apnews.com/")


def test_footnoted_documents_keep_their_footnotes():
    text = "A claim.[1] See [the page](https://example.org/a-long-page-title).\n\n[1] \"A Title,\" Reuters, May 2, 2024.\n"
    cits = find_citations(make_doc(text, bare_footnotes=True))
    assert [c.marker for c in cits] == ["1"]
