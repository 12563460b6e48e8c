"""Blocks, sentences and footnotes, and a property test over arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from structure_support import FIXTURES, doc_of


def sentences(doc) -> list[str]:
    return [doc.slice(s) for s in doc.sentences]


def test_brief_markers_stay_with_the_sentence_they_end():
    doc = doc_of((FIXTURES / "quotes-brief-normalized.txt").read_text(encoding="utf-8"))
    sents = sentences(doc)
    assert any(s.endswith('collective resilience against external pressures."') for s in sents)
    assert any(s.endswith("as a roadmap for the future.[3]") for s in sents)
    assert not any(s.startswith("[") for s in sents)
    # definitions are neither markers nor body text
    labels = [m.label for m in doc.markers]
    assert labels[:3] == ["1", "2", "3"]
    assert all(not doc.in_footnotes(m.span.start) for m in doc.markers)
    assert {f.label for f in doc.footnotes} >= {"1", "2", "3"}
    assert doc.slice(doc.footnotes[0].body).startswith('"Russia and Iran presidents sign')
    assert all(not any(f.span.contains(b.start) for f in doc.footnotes) for b in doc.blocks)


@pytest.mark.parametrize(
    "text",
    [
        "See Art. 5 of the Treaty for details.",
        "The U.S. and the U.N. agreed on this.",
        "Mr. J. F. Kennedy met Dr. Smith in St. Petersburg.",
        "It covers energy, trade, etc. and also culture.",
        "Some states, e.g. Iran, objected; others, i.e. most, did not.",
        "Under para. 3 of No. 12 nothing changes.",
    ],
)
def test_no_split_after_abbreviations(text):
    assert sentences(doc_of(text)) == [text]


def test_split_where_sentences_run_together_but_not_in_urls():
    doc = doc_of("They live in peace.They are determined. See www.example.Org/page and go on.")
    assert sentences(doc) == ["They live in peace.", "They are determined.", "See www.example.Org/page and go on."]


def test_quote_then_marker_ends_a_sentence():
    doc = doc_of('He said: "We agree."[4] Foreign Minister Lavrov spoke.[5] Then he left.')
    assert sentences(doc) == ['He said: "We agree."[4]', "Foreign Minister Lavrov spoke.[5]", "Then he left."]


def test_sentences_never_cross_blocks_or_articles():
    text = "TREATY\n\nArticle 1\nThe Parties agree\n\nArticle 2\nThey consult. ARTICLE 3 They end."
    doc = doc_of("have agreed as follows: ARTICLE 1 The Parties agree. ARTICLE 2 1. They consult. 2. They end.")
    assert sentences(doc) == [
        "have agreed as follows:", "ARTICLE 1", "The Parties agree.", "ARTICLE 2", "1. They consult.", "2. They end.",
    ]
    doc = doc_of(text)
    for b in doc.blocks:
        for s in doc.sentences_in(b):
            assert b.start <= s.start and s.end <= b.end


def test_list_numbers_open_the_sentence_they_number():
    # as in GGO run-on texts (e.g. ANDNGC_1969A): blingfire leaves "a." at the end of the lead-in
    doc = doc_of("The political bodies of the Association are: a. The Council of Ministers; and b. The Commission. "
                 "3. a. Whenever practicable the Parties will consult.")
    assert sentences(doc) == [
        "The political bodies of the Association are:",
        "a. The Council of Ministers; and",  # each item of the list is a unit of its own
        "b. The Commission.",
        "3. a. Whenever practicable the Parties will consult.",
    ]


def test_blocks_split_at_blank_lines_bullets_and_finished_lines():
    text = "Title\nFirst paragraph goes\non here.\n\n- one item.\n- another item\nNext paragraph."
    doc = doc_of(text)
    assert [doc.slice(b) for b in doc.blocks] == [
        "Title", "First paragraph goes\non here.", "- one item.", "- another item", "Next paragraph."
    ]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("A claim.[12] Another.[13]\n\n[12] Source one.\n[13] Source two.", ["12", "13"]),
        ("A claim.[^3]\n\n[^3]: Source.", ["3"]),
        ("A claim.^4 More text.", ["4"]),
        ("A claim.¹² Another.³", ["12", "3"]),
    ],
)
def test_marker_styles(text, labels):
    assert [m.label for m in doc_of(text).markers] == labels


def test_not_markers():
    doc = doc_of("The court held [a] that the rule [sic] applied to 20 km² of land in [2019].")
    assert doc.markers == []


def test_definition_styles():
    doc = doc_of("Claim.[1] Claim.[^n] Claim.²\n\n[1] First source.\n[^n]: Second source.\n² Third source.")
    assert [(f.label, doc.slice(f.body)) for f in doc.footnotes] == [
        ("1", "First source."), ("n", "Second source."), ("2", "Third source.")
    ]


def test_notes_heading_list_is_definitions():
    doc = doc_of("A claim.[1] Another.[2]\n\nNotes\n\n1. Smith, \"Title,\" 2001.\n2. Jones, \"Other,\" 2002.\n")
    assert [(f.label, doc.slice(f.body)) for f in doc.footnotes] == [
        ("1", 'Smith, "Title," 2001.'), ("2", 'Jones, "Other," 2002.')
    ]


def test_a_table_of_notes_under_a_notes_heading_is_definitions():
    """CRS R48903 (2026), a web page captured as Markdown: '# Footnotes' then '| 1. | United Nations
    Conference …'; paraphrase: a table with bare numbers. A table elsewhere is no notes."""
    doc = doc_of(
        "Shipping through the Strait fell sharply.\n\n# Footnotes\n\n"
        "| 1. | United Nations Conference on Trade and Development (UNCTAD), \"Strait of Hormuz Disruptions,\" "
        "March 10, 2026, https://unctad.org/publication/strait-hormuz-disruptions. \n"
        "| 2. | Robert Beckman et al., \"Possible Actions by Coastal States,\" International Journal of Marine "
        "and Coastal Law, vol. 40 (2025). \n"
    )
    assert [f.label for f in doc.footnotes] == ["1", "2"]
    assert doc.slice(doc.footnotes[1].body).startswith("Robert Beckman et al.")
    para = doc_of("Trade grew.\n\nEndnotes\n\n| 1 | Smith, \"Title,\" 2001.\n| 2 | Jones, \"Other,\" 2002.\n")
    assert [(f.label, para.slice(f.body)) for f in para.footnotes] == [
        ("1", 'Smith, "Title," 2001.'), ("2", 'Jones, "Other," 2002.')
    ]
    table = doc_of("Exports by year:\n\n| 1. | Canada | 2001 |\n| 2. | Mexico | 2002 |\n")
    assert table.footnotes == []


def test_bracketed_paragraph_numbers_without_markers_are_not_definitions():
    doc = doc_of("[1] The Parties agree.\n[2] The Parties consult.\n")
    assert doc.footnotes == []


_TOKENS = list("ab ABC.,:;()[]^¹²\n\t-\"1234IVX") + ["Article ", "ARTICLE ", "Done at ", "ANNEX ", "Notes\n", "[1] ", "1. "]
_TEXT = st.lists(st.sampled_from(_TOKENS), max_size=120).map("".join) | st.text(max_size=200)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_build_never_crashes_and_spans_are_in_range(text):
    doc = doc_of(text)
    n = len(text)
    spans = [doc.title, doc.preamble, doc.final_clause, *doc.blocks, *doc.sentences]
    spans += [m.span for m in doc.markers] + [f.span for f in doc.footnotes] + [f.body for f in doc.footnotes]
    spans += [s.span for s in doc.annexes]
    for a in doc.articles:
        spans += [a.span, a.heading, *[p.span for p in a.paragraphs]]
    for s in spans:
        if s is not None:
            assert 0 <= s.start <= s.end <= n
    for seq in (doc.sentences, doc.blocks, [a.span for a in doc.articles], [m.span for m in doc.markers]):
        assert all(x.end <= y.start for x, y in zip(seq, seq[1:]))


def test_lookups_find_the_enclosing_article_block_and_footnote():
    text = "TREATY\n\nArticle 1\nThe Parties agree.[1]\n\nArticle 2\nThey consult.\n\n[1] A source."
    doc = doc_of(text)
    assert doc.article_at(text.index("agree")).number == "1"
    assert doc.article_at(text.index("consult")).number == "2"
    assert doc.article_at(0) is None
    assert doc.slice(doc.block_at(text.index("consult"))) == "They consult."
    assert doc.in_footnotes(text.index("A source")) and not doc.in_footnotes(text.index("agree"))
    assert doc.slice(doc.sentence_at(text.index("agree"))) == "The Parties agree.[1]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # as in CRS report 95-1013 (Bahrain), shared corpus briefs/dev (public domain)
        ("It hosts the U.S. Naval Central Command and the U.S. Fifth Fleet at a base.", 1),
        ("Most of them live in the U.S. The rest live abroad.", 2),
        ("Figure 1. Map of Bahrain", 1),
    ],
)
def test_initials_of_states_and_captions(text, expected):
    assert len(doc_of(text).sentences) == expected


def test_us_legislative_citations_do_not_end_sentences():
    """CRS reports (R48887): "H.Con.Res. 86", "S.J.Res. 40", "Pub. L. 117-81"; a pub still may."""
    d = doc_of("The Senate also agreed to H.Con.Res. 86 on June 23. The House adopted S.J.Res. 40 later. "
               "Pub. L. 117-81 applies. They met at the pub. Later they left.\n")
    assert [d.slice(s) for s in d.sentences] == [
        "The Senate also agreed to H.Con.Res. 86 on June 23.", "The House adopted S.J.Res. 40 later.",
        "Pub. L. 117-81 applies.", "They met at the pub.", "Later they left."]


def test_a_run_of_reference_marks_after_a_stop_ends_the_sentence():
    """Wikipedia, "North Atlantic Treaty" (CC BY-SA 4.0): '… along its southern border.[12][13] A
    press statement …'; paraphrase with three marks. One mark or none already split."""
    doc = doc_of(
        "Turkey announced plans to convoke an extraordinary meeting, in response to other security issues "
        "along its southern border.[12][13] A press statement released by the Alliance declared support."
    )
    assert sentences(doc)[1] == "A press statement released by the Alliance declared support."
    para = doc_of("The talks failed in May.[3][4][5] Both sides then withdrew. A list [a][b] stays whole.")
    assert sentences(para) == ["The talks failed in May.[3][4][5]", "Both sides then withdrew.", "A list [a][b] stays whole."]
