"""Titles of run-on treaty texts that ran into what follows them: the first article's label
("... Environmental Matters ARTICLE 6, paragraph 11 For ..."), the heading printed a second
time ("AGREEMENT BETWEEN ... AGREEMENT BETWEEN ... DIRECTED TO ..."), and a metadata record
heading the text as an R character vector ('c("name", "type", ..., "the text').

Excerpts (openings, cut): GGO `AI07EM_2005E.txt`, `ZAF-ZWERCU_1948O.txt` and `ECGRCA_1961A.txt`
(shared corpus `agreements-ggo/`, from globalgov/manytreaties, CC BY 4.0, cite: globalgov
manytreaties). Each rule is also tried on a paraphrase it was not written on, and on a title
the rule must leave whole.
"""

from __future__ import annotations

import pytest

from pactlens.extract.treaty.title import find_title
from tests.doc_support import make_doc

AARHUS_AMENDMENT = ("Amendment To The Convention On Access To Information, Public Participation In Decision-Making "
                    "And Access To Justice In Environmental Matters ARTICLE 6, paragraph 11 For the existing text, "
                    "substitute 11. Without prejudice to article 3, paragraph 5, the provisions of this article shall "
                    "not apply to decisions on whether to permit the deliberate release into the environment.\n")
SOUTH_AFRICA_RHODESIA = ("AGREEMENT BETWEEN THE GOVERNMENTS OF THE UNION OF SOUTH AFRICA AND SOUTHERN RHODESIA "
                         "AGREEMENT BETWEEN THE GOVERNMENTS OF THE 'UNION OF SOUTH AFRICA AND SOUTHERN RHODESIA "
                         "DIRECTED TO THE REESTABLISHMENT OF A CUSTOMS UNION. Negotiations have taken place between "
                         "the Governments of the Union of South Africa and Southern Rhodesia directed to the "
                         "re-establishment of a Customs Union between the two countries.\n")
EEC_GREECE = ('MainText:\nc("eec - greece association agreement", "customs union", "247", "219", "inactive", '
              '"gatt art. xxiv", "1961-07-09", "bel", "deu", "fra", "grc", "en", '
              '"http://sul-derivatives.stanford.edu/derivative?csnid=90750087&mediatype=application/pdf", '
              '"agreement establishing an association between the european economic community and greece preamble '
              'his majesty the king of the belgians, the president of the federal republic of germany, have '
              'decided to conclude an agreement.")\n')


def _heads(text: str) -> tuple[str | None, str | None]:
    """(the document's title as structure reads it, the treaty title the agreement gets)."""
    doc = make_doc(text)
    treaty = find_title(doc)
    return (doc.text[doc.title.start:doc.title.end] if doc.title else None,
            doc.text[treaty.start:treaty.end].strip() if treaty else None)


@pytest.mark.parametrize("text,title", [
    (AARHUS_AMENDMENT, "Amendment To The Convention On Access To Information, Public Participation In "
                       "Decision-Making And Access To Justice In Environmental Matters"),
    # paraphrases (run on, as GGO's texts are): a Title-Case title, a label in capitals with a full stop
    ("Agreement On Trade In Wine And Spirit Drinks ARTICLE 1. Scope This Agreement applies to wine and to spirit "
     "drinks made in either Party. ARTICLE 2. Definitions For the purposes of this Agreement, wine means the "
     "beverage obtained from grapes.\n",
     "Agreement On Trade In Wine And Spirit Drinks"),
    # paraphrase: in capitals throughout, a Roman number and the article's first sentence
    ("CONVENTION ON THE FISHERIES OF THE NORTH SEA ARTICLE I THE CONTRACTING PARTIES SHALL APPOINT A COMMISSION "
     "OF SIX MEMBERS. ARTICLE II THE COMMISSION SHALL MEET ONCE A YEAR AND SHALL REPORT TO THE PARTIES.\n",
     "CONVENTION ON THE FISHERIES OF THE NORTH SEA"),
])
def test_a_title_ends_where_the_first_article_label_is_run_on(text: str, title: str) -> None:
    assert _heads(text) == (title, title)


@pytest.mark.parametrize("text", [
    "Protocol Amending Article 6 Of The Convention On Fishing\n\nThe Parties to this Protocol have agreed as follows.\n",
    "Agreement To Implement Article VI Of The General Agreement\n\nThe Parties have agreed as follows.\n",
])
def test_an_article_the_title_refers_to_stays_in_it(text: str) -> None:
    assert "Article" in _heads(text)[0] and "Of The" in _heads(text)[0]


@pytest.mark.parametrize("text,title", [
    (SOUTH_AFRICA_RHODESIA, "AGREEMENT BETWEEN THE GOVERNMENTS OF THE UNION OF SOUTH AFRICA AND SOUTHERN RHODESIA"),
    # paraphrase: a short heading, then the full title that begins with it
    ("TREATY OF FRIENDSHIP AND COMMERCE BETWEEN ALPHA AND BETA TREATY OF FRIENDSHIP AND COMMERCE BETWEEN ALPHA "
     "AND BETA CONCERNING THE NAVIGATION OF THE RIVER. The two States have agreed as follows.\n",
     "TREATY OF FRIENDSHIP AND COMMERCE BETWEEN ALPHA AND BETA"),
])
def test_a_heading_printed_twice_is_read_once(text: str, title: str) -> None:
    assert _heads(text) == (title, title)


@pytest.mark.parametrize("text,title", [
    (EEC_GREECE, "agreement establishing an association between the european economic community and greece"),
    # paraphrase: another record with fewer fields and another instrument
    ('c("alpha - beta fta", "free trade agreement", "inactive", "1970-01-01", "treaty of commerce between the '
     'kingdom of alpha and the republic of beta preamble the parties, desiring to expand trade, have agreed.")\n',
     "treaty of commerce between the kingdom of alpha and the republic of beta"),
])
def test_a_metadata_record_heading_the_text_is_no_title(text: str, title: str) -> None:
    assert _heads(text)[1] == title
