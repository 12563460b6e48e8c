"""News datelines date 'today'; deadlines are no happenings; a date inside quoted words is one.

Excerpts: American Forces Press Service (U.S. Department of Defense, public domain), 6 April 2014
("U.S. Sending 2 More Aegis Ships to Japan"), 13 June 2014 ("Hagel Discusses Defense Cooperation
With Australia's Prime Minister") and 11 August 2014; each with a paraphrase the rule was not
written on."""

from __future__ import annotations

from pactlens.extract.prose.events import find_events
from pactlens.extract.prose.quotes import find_quotes
from tests.doc_support import make_doc


def _events(text: str) -> list[tuple[str, str]]:
    doc = make_doc(text)
    events = find_events(doc, [])
    for e in events:
        assert all(doc.text[x.start : x.end] == x.text for x in e.evidence)
    return [(e.date, e.summary[:30]) for e in events]


def test_today_takes_the_datelines_day_and_the_dateline_is_no_happening():
    """AFPS 11 August 2014: the dateline's own sentence tells nothing that happened; 'today said'
    in the next does. Paraphrase: another city and 'this morning', told twice (one event)."""
    text = (
        "WASHINGTON, Aug. 11, 2014 – Hagel discusses new agreement between the USA and Australia.  Calling a new "
        "force posture agreement between the United States and Australia a “milestone” in the relationship, "
        "Defense Secretary Chuck Hagel today said United States looks forward to signing the document.\n"
    )
    assert _events(text) == [("2014-08-11", "Calling a new force posture ag")]
    para = (
        "OTTAWA, May 2, 2019 – Canada and Norway held talks on Arctic fisheries this morning in the capital.\n\n"
        "The ministers made the announcement this morning after the talks had ended.\n"
    )
    assert _events(para) == [("2019-05-02", "OTTAWA, May 2, 2019 – Canada a")]
    # Without a year in the dateline "today" dates nothing.
    assert _events("WASHINGTON, August 30. The two states to-day signed a new defence pact.\n") == []


def test_a_deadline_year_in_a_clause_about_the_future_is_no_happening():
    """AFPS 6 April 2014: 'will send Japan two more Aegis-equipped ballistic-missile defense ships by
    2017'; paraphrase: 'is planning to … until 2030'; a past 'by 1968' clause is still read."""
    assert _events(
        "Defense Secretary Chuck Hagel said that the United States will send Japan two more Aegis-equipped "
        "ballistic-missile defense ships by 2017.\n"
    ) == []
    assert _events("The navy is planning to keep both carriers in the region until 2030, officials said.\n") == []
    assert _events("In 2012 the two navies agreed to share a base near the strait.\n") == [
        ("2012", "In 2012 the two navies agreed ")]


def test_a_date_inside_the_quoted_words_dates_a_happening():
    """AFPS 13 June 2014: '… the initiatives that our governments embarked upon in November 2011.”'
    ends a quotation, unlike a reference entry ('"Title," Outlet, June 15, 2005'); paraphrase."""
    text = (
        "“The 25-year agreement will provide an enduring framework for the initiatives that our governments "
        "embarked upon in November 2011.”\n"
    )
    assert [d for d, _ in _events(text)] == ["2011-11"]
    para = '"The two ministers first met to discuss the plan in March 2009," the spokesman said.\n'
    assert [d for d, _ in _events(para)] == ["2009-03"]
    assert _events('Smith, "Alliance Politics," Foreign Affairs, June 15, 2005.\n') == []


def test_a_bare_us_office_title_after_a_quotation_is_its_holder():
    """AFPS 11 August 2014: '“It will expand our regional cooperation …,” the defense secretary said.'
    (US spelling); paraphrase: 'the defense secretary added'."""
    text = (
        "Defense Secretary Chuck Hagel spoke at a news conference in Sydney.\n\n"
        "“It will expand our regional cooperation here in the Asia-Pacific from engagement with the region,” "
        "the defense secretary said.\n"
    )
    assert [q.speaker for q in find_quotes(make_doc(text), []) if q.direct] == ["Chuck Hagel"]
    para = (
        "Defense Secretary Lloyd Austin met his Fijian counterparts.\n\n"
        "“Our relationship is rooted in shared values and a shared vision of the region,” the defense secretary added.\n"
    )
    assert [q.speaker for q in find_quotes(make_doc(para), []) if q.direct] == ["Lloyd Austin"]
