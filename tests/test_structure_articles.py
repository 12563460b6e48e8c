"""Articles, their paragraphs and headings, annexes, title, preamble and final clause."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run_cli
from structure_support import doc_of, fixture_doc, numbers

from pactlens.structure.numbers import roman_value, word_value


def test_north_atlantic_has_fourteen_articles_and_its_frame():
    doc = fixture_doc("structure-north-atlantic-1949.txt")
    assert numbers(doc) == [str(n) for n in range(1, 15)]
    assert doc.slice(doc.title) == "NORTH ATLANTIC TREATY"
    assert doc.slice(doc.preamble).startswith("The Parties to this Treaty reaffirm")
    assert doc.slice(doc.preamble).endswith("agree to this North Atlantic Treaty:")
    assert doc.slice(doc.final_clause).endswith("Done at Washington, the fourth day of April, 1949.")
    # Article 5's cross-reference to "Article 51 of the Charter" is not an article
    art5 = doc.articles[4]
    assert "Article 51 of the Charter" in doc.slice(art5.span)
    # the final clause is not part of Article 14
    assert "witness" not in doc.slice(doc.articles[-1].span)


def test_run_on_text_with_inline_labels_paragraphs_and_title():
    doc = fixture_doc("structure-fta-aze-rus-excerpt.txt")
    assert numbers(doc) == ["1", "2", "3"]
    assert doc.slice(doc.title).endswith("ON FREE TRADE")
    assert doc.slice(doc.preamble).endswith("have agreed as follows:")
    art1 = doc.articles[0]
    assert [p.number for p in art1.paragraphs] == ["1", "2"]
    assert doc.slice(art1.paragraphs[1].span).startswith("2. For the purposes of this Agreement")
    # "(a)", "(b)", "(c)" are items inside paragraph 2, not paragraphs of the article
    assert "(c) Produced" in doc.slice(art1.paragraphs[1].span)


def test_roman_labels_glued_to_the_previous_sentence():
    doc = fixture_doc("structure-ggo-aus-can-1960.txt")
    assert numbers(doc) == [str(n) for n in range(1, 10)]
    assert doc.articles[0].label == "ARTICLE I"
    # the preamble names the first party again: the title stops before it
    assert doc.slice(doc.title) == (
        "TRADE AGREEMENT BETWEEN THE GOVERNMENT OF THE COMMONWEALTH OF AUSTRALIA AND THE GOVERNMENT OF CANADA"
    )
    assert doc.slice(doc.final_clause).startswith("IN WITNESS WHEREOF")
    assert "One thousand nine hundred and sixty" in doc.slice(doc.final_clause)


def test_number_words_and_a_second_instrument_restarting_at_one():
    doc = fixture_doc("structure-ggo-arab-transit-1953-words.txt")
    assert numbers(doc)[:4] == ["1", "2", "3", "1"]
    assert doc.articles[0].label == "ARTICLE ONE"
    assert doc.articles[3].part != doc.articles[0].part


def test_numbered_paragraphs_as_articles_with_headings_between():
    doc = fixture_doc("structure-anz-1944-excerpt.txt")
    # the excerpt jumps from 4 to 43: a run starting at 43 is too short to trust
    assert numbers(doc) == ["1", "2", "3", "4"]
    assert "DATED" not in doc.slice(doc.articles[-1].span)
    assert doc.slice(doc.title) == "AGREEMENT BETWEEN AUSTRALIA AND NEW ZEALAND"  # the dateline above is skipped
    # "represented as follows:-" opens the list of delegates, far above clause 1; the heading before it is not preamble
    assert doc.slice(doc.preamble).endswith("DO HEREBY ENTER into this Agreement.")
    assert doc.slice(doc.final_clause).startswith("DATED this twenty-first day of January")


def test_numbered_lines_in_prose_are_not_articles():
    text = "Our findings:\n\n1. Trade grew.\n\n2. Prices fell.\n\n3. Nobody noticed.\n"
    assert doc_of(text).articles == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Article 1\nThe Parties agree.\n\nArticle 2\nThey consult.\n", ["1", "2"]),
        ("ARTICLE I\nThe Parties agree.\n\nARTICLE II\nThey consult.\n", ["1", "2"]),
        ("Art. 1. The Parties agree. Art. 2. They consult. Art. 3. It ends.", ["1", "2", "3"]),
        ("Article Five\nThe Parties agree.\n\nArticle Six\nThey consult.\n\nArticle Seven\nIt ends.\n", ["5", "6", "7"]),
        ("ARTICLE FIFTEEN\nA.\n\nARTICLE SIXTEEN\nB.\n\nARTICLE SEVENTEEN\nC.\n", ["15", "16", "17"]),
        ("Article 12\nA.\n\nArticle 12bis\nB.\n\nArticle 13\nC.\n", ["12", "12bis", "13"]),
        ("Article 3(1)\nA.\n\nArticle 3(2)\nB.\n\nArticle 4\nC.\n", ["3(1)", "3(2)", "4"]),
        ("have agreed as follows: ARTICLE 1. The Parties agree. ARTICLE 2. They consult.", ["1", "2"]),
    ],
)
def test_article_label_forms(text, expected):
    doc = doc_of("AGREEMENT\n\n" + text)
    assert numbers(doc) == expected


def test_cross_references_are_not_articles():
    text = (
        "Article 1\nThe Parties shall act in accordance with Article 5 of the Charter.\n\n"
        "Article 2\nArticle 1 shall apply. Measures under Article 51 of the Charter are reported.\n\n"
        "Article 3\nAs stated in Article 2, paragraph 1, nothing changes.\n"
    )
    doc = doc_of(text)
    assert numbers(doc) == ["1", "2", "3"]
    assert [a.span.start for a in doc.articles] == [text.index("Article 1\n"), text.index("Article 2\n"), text.index("Article 3\n")]


def test_interpretative_notes_on_articles_are_not_articles():
    # GATT 1947 (GGO GATT_1947O, globalgov/manytreaties): its Annex I notes are headed "Ad Article ..."
    text = ("ANNEX I NOTES AND SUPPLEMENTARY PROVISIONS Ad Article I Paragraph 1 The obligations are met. "
            "Ad Article II Paragraph 2 (a) The cross-reference is to paragraph 2. Ad Article III Any tax applies.")
    assert doc_of(text).articles == []


def test_a_brief_mentioning_articles_has_none():
    text = ("The treaty's Article 3 bars aid to an aggressor. Under Article 12 the parties consult, "
            "and Article 13 of the treaty sets its term.\n")
    assert doc_of(text).articles == []


def test_heading_after_label():
    doc = doc_of("TREATY\n\nArticle 1 — Consultation\nThe Parties will consult.\n\nArticle 2\nDefence\nThe Parties agree.\n")
    assert [doc.slice(a.heading) for a in doc.articles] == ["Consultation", "Defence"]
    assert doc.slice(doc.articles[1].paragraphs[0].span) == "The Parties agree."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1. First.\n2. Second.\n", ["1", "2"]),
        ("(1) First. (2) Second.", ["1", "2"]),
        ("(a) first; (b) second; (c) third.", ["a", "b", "c"]),
        ("(i) first; (ii) second; (iii) third; (iv) fourth; (v) fifth.", ["i", "ii", "iii", "iv", "v"]),
        ("First paragraph.\n\nSecond paragraph.", [None, None]),
    ],
)
def test_paragraph_styles(body, expected):
    doc = doc_of(f"TREATY\n\nArticle 1\n{body}\n\nArticle 2\nEnd.\n")
    assert [p.number for p in doc.articles[0].paragraphs] == expected


def test_annex_and_protocol_sections_own_their_articles():
    text = (
        "AGREEMENT\n\nArticle 1\nThe Parties agree.\n\nArticle 2\nDone at Riga on 1 May 1995.\n\n"
        "ANNEX I\nList of goods.\n\nPROTOCOL\n\nArticle 1\nThe Parties amend.\n\nArticle 2\nIt enters into force.\n"
    )
    doc = doc_of(text)
    assert [(s.kind, s.label) for s in doc.annexes] == [("annex", "ANNEX I"), ("protocol", "PROTOCOL")]
    assert [a.part for a in doc.articles] == ["main", "main", "PROTOCOL", "PROTOCOL"]
    assert doc.slice(doc.final_clause) == "Done at Riga on 1 May 1995."
    assert "Annex" not in doc.slice(doc.articles[1].span) and "ANNEX" not in doc.slice(doc.articles[1].span)


def test_declared_parts_become_sections():
    main = "TREATY\n\nArticle 1\nA.\n\nArticle 2\nB."
    text = main + "\n\nAPPENDIX A Table of goods."
    doc = doc_of(text, parts=[("main", 0, len(main)), ("appendix", len(main) + 2, len(text))])
    assert [(s.kind, s.label) for s in doc.annexes] == [("annex", "APPENDIX A")]


def test_a_run_on_title_stops_where_the_preamble_begins():
    text = ("AGREEMENT BETWEEN THE GOVERNMENT OF HIS MAJESTY THE KING OF AFGHANISTAN AND THE GOVERNMENT OF THE "
            "UNION OF SOVIET SOCIALIST REPUBLICS REGARDING THE CAMPAIGN AGAINST LOCUSTS. SIGNED AT KABUL, MAY 6TH, "
            "1935. THE GOVERNMENT OF THE UNION OF SOVIET SOCIALIST REPUBLICS and THE GOVERNMENT OF HIS MAJESTY, "
            "have agreed upon the following provisions: ARTICLE 1. The Parties act. ARTICLE 2. They report.")
    doc = doc_of(text)
    assert doc.slice(doc.title).endswith("AGAINST LOCUSTS.")
    assert doc.slice(doc.preamble).startswith("SIGNED AT KABUL")
    assert doc.slice(doc.preamble).endswith("following provisions:")


@pytest.mark.parametrize(
    ("opening", "title"),
    [  # openings of GGO MDG-ECFSH_2007A and LAO-THALPD_1991O (globalgov/manytreaties, CC BY 4.0)
        ('FISHERIES PARTNERSHIP AGREEMENT between the Republic of Madagascar and the European Community '
         'THE REPUBLIC OF MADAGASCAR, hereinafter referred to as "Madagascar", and THE EUROPEAN COMMUNITY',
         "FISHERIES PARTNERSHIP AGREEMENT between the Republic of Madagascar and the European Community"),
        ("Trade Agreement between The Government of the Kingdom of Thailand and The Government of the Lao "
         "People's Democratic Republic The Government of the Kingdom of Thailand and the Government of the Lao "
         "People's Democratic Republic (hereinafter referred to as the Contracting Parties)",
         "Trade Agreement between The Government of the Kingdom of Thailand and The Government of the Lao "
         "People's Democratic Republic"),
    ],
)
def test_run_on_titles_in_mixed_case(opening, title):
    doc = doc_of(opening + ", have agreed as follows: Article 1 They trade. Article 2 They consult.")
    assert doc.slice(doc.title) == title


def test_a_brief_without_heading_has_no_title():
    doc = doc_of("On January 17, 2025, Russian President Vladimir Putin and Iranian President Masoud "
                 "Pezeshkian signed a treaty in Moscow. It runs for twenty years.\n")
    assert doc.title is None and doc.preamble is None and doc.final_clause is None


def test_an_agreement_named_as_the_subject_of_the_first_sentence_is_no_title():
    """Encyclopedia and news texts open with the agreement's name as a subject."""
    doc = doc_of("The North Atlantic Treaty was signed in Washington on 4 April 1949 by twelve states. "
                 "It created NATO.\n")
    assert doc.title is None
    assert doc.slice(doc.sentences[0]).startswith("The North Atlantic Treaty was signed")


@pytest.mark.parametrize(("token", "value"), [("XIV", 14), ("iv", 4), ("MCM", 1900), ("IIII", None), ("", None)])
def test_roman_values(token, value):
    assert roman_value(token) == value


@pytest.mark.parametrize(("token", "value"), [("Five", 5), ("TWENTY-ONE", 21), ("first", 1), ("twelfth", 12), ("eleventy", None)])
def test_number_words(token, value):
    assert word_value(token) == value


def test_summary_carries_articles_paragraphs_parts_and_frame():
    from pactlens.structure.summary import summarize

    doc = fixture_doc("structure-fta-aze-rus-excerpt.txt")
    st = summarize(doc)
    assert [a.number for a in st.articles] == ["1", "2", "3"]
    assert [c.number for c in st.articles[0].children] == ["1", "2"]
    assert st.articles[0].part == "main"
    assert st.preamble.text == doc.slice(doc.preamble)
    assert st.sentences == len(doc.sentences) > 0


def test_analyze_json_reports_the_structure_end_to_end():
    import json

    from structure_support import FIXTURES

    out = run_cli("analyze", str(FIXTURES / "structure-north-atlantic-1949.txt"), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    st = data["structure"]
    text = data["document"]["text"]
    assert [a["number"] for a in st["articles"]] == [str(n) for n in range(1, 15)]
    assert st["title"]["text"] == "NORTH ATLANTIC TREATY"
    for ev in (st["title"], st["preamble"], st["final_clause"]):
        assert text[ev["start"] : ev["end"]] == ev["text"]
    assert all(a["part"] == "main" for a in st["articles"])


@pytest.mark.parametrize(
    ("closing", "expected"),
    [  # closings as written in GGO RGLTLL_1955A (all lowercase) and CNTACM_1960O (globalgov/manytreaties)
        ("the plenipotentiaries of the two states have signed this convention.done at lugano, on 17 september 1955, "
         "in duplicate in the italian language.", "done at lugano, on 17 september 1955, in duplicate in the italian language."),
        ("IN WITNESS whereof, the respective Plenipotentiaries sign this Treaty in the city of Managua, on the "
         "thirteenth day of December, 1960.", None),
    ],
)
def test_final_clause_in_lowercase_and_mixed_case(closing, expected):
    doc = doc_of("TREATY\n\nArticle 1\nThe Parties agree.\n\nArticle 2\nThis Treaty enters into force. " + closing)
    found = doc.slice(doc.final_clause)
    assert found == (expected or closing)
    last = doc.slice(doc.articles[-1].span)
    assert last.startswith("Article 2") and found not in last


_TREATIES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "treaties"


@pytest.mark.skipif(not _TREATIES.is_dir(), reason="the shared corpus is not next to the repository")
@pytest.mark.parametrize(
    ("name", "main_articles", "instruments"),
    [
        ("north-atlantic-1949.txt", 14, []),
        ("australia-new-zealand-agreement-1944.txt", 44, []),
        ("fta-aze-rus-1992.txt", 21, ["ANNEX 1", "ANNEX 2", "PROTOCOL"]),
        ("fta-kaz-rus-1992.txt", 23, ["ANNEX 1"]),
    ],
)
def test_corpus_treaties_through_ingest(name, main_articles, instruments):
    from pactlens.ingest import load
    from pactlens.structure import build

    doc = build(load(str(_TREATIES / name)))
    main = [a for a in doc.articles if a.part == "main"]
    assert [a.number for a in main] == [str(n) for n in range(1, main_articles + 1)]
    assert sorted({a.part for a in doc.articles} - {"main"}) == instruments
    assert doc.final_clause is not None and doc.title is not None and doc.preamble is not None


def test_labels_glued_to_the_text_before_them_by_ocr():
    """GATT 1947 (GGO GATT_1947O): OCR lost the space (and letters) before some labels."""
    text = ("Article VI Anti-dumping Duties 1. The contracting parties recognize that dumping is to be "
            "condemned. 2. It shall apply to the territory of another contracting parArticle VII Valuation "
            "for Customs Purposes 1. The contracting parties recognize the validity of the general principles. "
            "of this Agreement.PART II Article VIII Fees and Formalities connected with Importation 1. All fees.")
    assert [a.label for a in doc_of(text).articles] == ["Article VI", "Article VII", "Article VIII"]


def test_a_glued_word_without_a_heading_after_it_is_no_label():
    """'seeArticle 5 of' stays a cross-reference: a glued label needs a heading after it."""
    text = ("Article 4 The Parties will consult. Article 5 They assist each other, seeArticle 6 of the "
            "Charter. Article 6 This Treaty shall be ratified.")
    assert [a.label for a in doc_of(text).articles] == ["Article 4", "Article 5", "Article 6"]
    assert doc_of(text).articles[2].span.start == text.index("Article 6 This")


# NAFTA (1992; GGO NRTAFT_1992A.txt): articles numbered by chapter, and its table of contents run on
# ahead of the title. Abridged: each article keeps its heading and first words.
NAFTA_HEAD = (
    "MainText:\nPreamble Part One: General Part Chapter One: Chapter Two: Part Two: Trade in Goods Chapter Three: "
    "TABLE OF CONTENTS Objectives General Definitions National Treatment and Market Access for Goods Intellectual "
    "Property NORTH AMERICAN FREE TRADE AGREEMENT _______________ Part Three: Technical Barriers to Trade "
    "_______________ PREAMBLE The Government of Canada, the Government of the United Mexican States and the "
    "Government of the United States of America, resolved to: STRENGTHEN the special bonds of friendship; "
    "HAVE AGREED as follows: PART ONE: GENERAL PART CHAPTER ONE: OBJECTIVES "
)
NAFTA_ARTICLES = (
    "ARTICLE 101: Establishment of the Free Trade Area The Parties hereby establish a free trade area. "
    "ARTICLE 102: Objectives 1. The objectives of this Agreement are to eliminate barriers. "
    "ARTICLE 103: Relation to Other Agreements 1. The Parties affirm their existing rights. "
    "CHAPTER TWO: GENERAL DEFINITIONS Article 201: Definitions of General Application 1. For purposes of this "
    "Agreement, unless otherwise specified: measure includes any law. "
    "CHAPTER THREE: NATIONAL TREATMENT ARTICLE 300: Scope and Coverage This Chapter applies to trade in goods. "
    "ARTICLE 301: National Treatment 1. Each Party shall accord national treatment, in accordance with Article "
    "III of the GATT. ARTICLE 302: Tariff Elimination 1. Except as otherwise provided, no Party may increase any "
    "existing customs duty. "
)


def test_articles_numbered_by_chapter_are_all_found():
    doc = doc_of(NAFTA_HEAD + NAFTA_ARTICLES)
    assert numbers(doc) == ["101", "102", "103", "201", "300", "301", "302"]
    assert doc.slice(doc.title) == "NORTH AMERICAN FREE TRADE AGREEMENT"


def test_chapter_numbering_and_a_contents_title_in_a_paraphrase():
    """Not NAFTA's words: four-digit chapter numbers, a one-article chapter, a treaty's contents."""
    text = (
        "CONTENTS Part One: Scope Chapter One: Chapter Two: THE TREATY ON TRADE AND TRANSIT _____ Chapter Ten: "
        "_____ PREAMBLE The High Contracting Parties, desiring to trade freely, have agreed as follows: "
        + "".join(f"ARTICLE {n}: Heading {n} The Parties shall act under this provision. " for n in
                  (901, 902, 903, 1001, 1101, 1102))
    )
    doc = doc_of(text)
    assert numbers(doc) == ["901", "902", "903", "1001", "1101", "1102"]
    assert doc.slice(doc.title) == "THE TREATY ON TRADE AND TRANSIT"


def test_a_cross_reference_to_a_high_article_number_does_not_continue_the_articles():
    text = ("TREATY OF FRIENDSHIP Article 1 The Parties shall keep the peace. Article 2 They shall act under "
            "the Charter. Article 3 This Treaty is registered under Article 102 of the Charter. Article 101 "
            "of the Charter applies. Article 4 It enters into force at once.")
    assert numbers(doc_of(text)) == ["1", "2", "3", "4"]
    assert doc_of("TREATY OF FRIENDSHIP Article 1 The Parties agree.").title is not None
