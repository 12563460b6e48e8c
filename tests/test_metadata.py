"""Document metadata: front matter, cover lines, bylines, encyclopedia leads; and the kind signals
added with them (days of the week for news, an encyclopedia lead for "other").

Excerpts (tests/fixtures/SOURCES.md): CRS 95-1013 and R48787 cover lines
(EveryCRSReport HTML, public domain), CRS IF12672 cover block (ProfAmiot/crs-reports,
public domain), the White House joint declaration's front matter
(brian14708/wh-briefings, public domain), the Daily Mail repost's front matter and
lead (soumyadipdas37/finescoop.github.io), Wikipedia leads ("Polaris Sales
Agreement", "Treaty on Open Skies"; CC BY-SA 3.0, Wikipedia contributors).
Each class has a paraphrase the rule was not written on.
"""

from __future__ import annotations

import pytest

from pactlens.extract.kind import classify
from pactlens.extract.metadata import document_metadata, iso_date
from pactlens.structure.front import find_cover_lines
from tests.doc_support import make_doc

CRS_HTML = "Bahrain: Issues for U.S. Policy\n\nUpdated September 23, 2026 (95-1013)\nJump to Main Text of Report\n\nSummary\n\nThe Kingdom of Bahrain is a small island nation connected by a causeway to Saudi Arabia.\n"
CRS_MD = ("# Russia’s Nuclear Weapons\n\n**Product Type:** In Focus\n**Report No.:** IF12672\n**Version:** 12\n"
          "**Publication Date:** 04/22/2026\n**Author(s):** Fink, Anya L.\n\n---\n\nRussia has the world's largest nuclear arsenal.\n")
WH = ("---\ndate: '2025-10-26'\ntags: briefings-statements\ntitle: Joint Declaration by the Prime Minister of the Kingdom of Cambodia and the\n"
      "  Prime Minister of the Kingdom of Thailand on the outcomes of their meeting in Kuala\n  Lampur, Malaysia\n---\n \n"
      "We, the Prime Minister of the Kingdom of Cambodia and the Prime Minister of the Kingdom of Thailand declare the following.\n")


@pytest.mark.parametrize(("text", "title", "date", "author"), [
    (CRS_HTML, "Bahrain: Issues for U.S. Policy", "2026-09-23", None),
    # paraphrase: another report's cover, a byline
    ("Arms Sales to Taiwan\n\nUpdated March 3, 2025 (R12345)\nBy Jane Roe and John Doe\n\nThe United States sells arms to Taiwan.\n",
     "Arms Sales to Taiwan", "2025-03-03", "Jane Roe and John Doe"),
    (CRS_MD, "Russia’s Nuclear Weapons", "2026-04-22", "Fink, Anya L."),
    ("# Gas Pipelines in Europe\n\nPublished: 2023-05-01\nAuthor: Ann Smith\n\nPipelines carry gas across the continent.\n",
     "Gas Pipelines in Europe", "2023-05-01", "Ann Smith"),
    (WH, "Joint Declaration by the Prime Minister of the Kingdom of Cambodia and the Prime Minister of the Kingdom of "
         "Thailand on the outcomes of their meeting in Kuala Lampur, Malaysia", "2025-10-26", None),
    ("---   \ntitle: Leaders sign a border pact\ndate: 2020-09-15-20-37-25 \nauthor: Max Mustermann\n---  \nThe leaders met on Tuesday.\n",
     "Leaders sign a border pact", "2020-09-15", "Max Mustermann"),
])
def test_title_date_author(text, title, date, author):
    meta = document_metadata(make_doc(text))
    assert (meta.title, meta.date, meta.author) == (title, date, author)


def test_cover_lines_are_not_body_text():
    doc = make_doc(CRS_MD)
    starts = [line.start for _, line, _ in doc.cover]
    assert starts and not [s for s in doc.sentences if any(s.start <= a < s.end for a in starts)]


def test_a_sentence_opening_with_by_is_no_byline():
    text = "Intro\n\nBy 1958 there were concerns about the deterrent.\nBy then Britain had decided.\n"
    assert find_cover_lines(text) == []


@pytest.mark.parametrize(("value", "iso"), [
    ("04/22/2026", "2026-04-22"), ("22/04/2026", "2026-04-22"), ("03/04/2026", None),
    ("2024-07-11 12:00:00 +0800", "2024-07-11"), ("September 23, 2026", "2026-09-23"),
])
def test_metadata_dates(value, iso):
    assert iso_date(value) == iso


@pytest.mark.parametrize(("text", "title"), [
    ("The POLARIS SALES AGREEMENT was a treaty between the United States and the United Kingdom which began the UK "
     "Polaris programme. The agreement was signed on 6 April 1963.\n", "Polaris Sales Agreement"),
    ("The TREATY ON OPEN SKIES entered into force on January 1, 2002, and currently has 34 party states.\n",
     "Treaty on Open Skies"),
    # paraphrase: the lead in Markdown bold
    ("The **Treaty of Tlatelolco** is an agreement that prohibits nuclear weapons in Latin America. It was signed in 1967.\n",
     "Treaty of Tlatelolco"),
])
def test_encyclopedia_lead_gives_title_and_kind_other(text, title):
    doc = make_doc(text)
    assert document_metadata(doc).title == title
    assert classify(doc) == "other"


def test_a_capitalised_treaty_title_run_is_no_lead():
    doc = make_doc("AGREEMENT BETWEEN THE GOVERNMENT OF AUSTRALIA AND THE GOVERNMENT OF CANADA\n\nArticle 1\n\nThe Parties shall cooperate.\n")
    assert classify(doc) != "other"


def test_news_dates_by_day_of_the_week():
    lead = ("President Donald Trump on Tuesday hailed the 'dawn of a new Middle East' when he presided over the signing of "
            "historic diplomatic deals between Israel, the United Arab Emirates and Bahrain. ")
    filler = "The president said more nations would follow suit, according to officials. " * 200
    news = make_doc(lead + filler + "Kushner said Tuesday morning the deals were historic. The leaders met again on Wednesday.\n")
    assert classify(news) == "news"
    # paraphrase: a report dated by calendar dates stays a brief
    report = make_doc(lead.replace("on Tuesday", "on September 15, 2020") + filler + "Kushner said on September 15 the deals were historic.\n")
    assert classify(report) == "brief"
