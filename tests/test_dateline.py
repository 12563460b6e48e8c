"""A news item's dateline gives its date and marks it as news (extract/metadata.py, extract/kind.py).

Excerpts: DoD News items of 2014 (American Forces Press Service, public domain); a 1951 press
report of the U.S.–Philippines pact (short quotation). Each with a paraphrase.
"""

from __future__ import annotations

import pytest

from pactlens.extract.kind import classify
from pactlens.extract.metadata import dateline_date, document_metadata
from tests.doc_support import make_doc

_HAGEL = (
    "# U.S. Sending 2 More Aegis Ships to Japan to Counter N. Korea\n\nBy Cheryl Pellerin\nAmerican Forces Press Service\n\n"
    "TOKYO, April 6, 2014 – For reasons a senior defense official said included North Korean provocations, Defense "
    "Secretary Chuck Hagel said today that the United States will send Japan two more ships by 2017.\n\n"
    "Hagel made the announcement during a joint press conference with Japanese Defense Minister Itsunori Onodera.\n"
)


@pytest.mark.parametrize(("text", "date"), [
    (_HAGEL, "2014-04-06"),
    ("# Hagel discusses New Agreement\n\nWASHINGTON, Aug. 11, 2014 – Hagel discusses new agreement between the USA "
     "and Australia.\n", "2014-08-11"),
    # paraphrases
    ("# Ministers Meet on Fisheries\n\nOSLO, Norway, March 3, 2021 — Fisheries ministers of both states agreed "
     "today on new quotas for the Barents Sea.\n", "2021-03-03"),
    # no year in the dateline: no date (the reader's year is not the text's)
    ("# U.S. PACT WITH PHILIPPINES\n\nWASHINGTON, August 30. The United States and the Philippines to-day signed a "
     "new defence pact pledging each to help the other fight aggression.\n", None),
])
def test_the_dateline_dates_a_news_item(text, date):
    assert document_metadata(make_doc(text)).date == date


@pytest.mark.parametrize("text", [
    _HAGEL,
    ("# U.S. PACT WITH PHILIPPINES\n\nWASHINGTON, August 30. The United States and the Philippines to-day signed a "
     "new defence pact pledging each to help the other fight aggression. Speaking at the signing ceremony, President "
     "Truman called the treaty a strong step towards security. \u201cIt demonstrates to all nations that we intend to "
     "continue our common course,\u201d Mr Truman said.\n"),
    # paraphrase
    ("# Leaders Agree Border Talks\n\nNAIROBI, Kenya, May 5, 2019 – The presidents of Kenya and Somalia said they "
     "would resume talks on the maritime border. \u201cWe have agreed to let our experts meet again,\u201d the "
     "Kenyan president said after the meeting.\n"),
])
def test_a_dateline_makes_news(text):
    assert classify(make_doc(text)) == "news"


@pytest.mark.parametrize("text", [
    # a report's sentence that opens with a capitalised name and a date is no dateline
    "The report, May 5, 2020 - says little.",
    "NATO, in its May 5, 2020 statement - said little.",
])
def test_no_dateline(text):
    assert dateline_date(text) is None
