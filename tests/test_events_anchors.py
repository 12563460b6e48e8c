"""Dated happenings whose date is not written in full, or whose year frames no rule knew: each
class on a short real excerpt (source in the test's docstring) and on a paraphrase the rule was not
written on."""

from __future__ import annotations

from tests.doc_support import dated_events as _events


def test_weekdays_are_the_days_before_the_documents_date():
    """Daily Mail, 15 September 2020 (a Tuesday), on the Abraham Accords signing."""
    text = (
        "President Donald Trump on Tuesday hailed the 'dawn of a new Middle East' when he presided over the "
        "signing of historic diplomatic deals.\n\n"
        "A senior White House official said Monday the UAE-Israel agreement would be longer.\n"
    )
    assert _events(text, date="2020-09-15") == [("2020-09-15", "Tuesday"), ("2020-09-14", "Monday")]
    # Without the document's date a weekday dates nothing.
    assert _events(text) == []


def test_weekday_paraphrase_future_possessive_and_names():
    text = (
        "The foreign ministers met on Thursday in Geneva to prepare the talks.\n\n"
        "The two leaders will sign the accord on Friday.\n\n"
        "Thursday's meeting was the first in a decade.\n\n"
        "Markets fell sharply on Black Monday, the analysts recalled.\n"
    )
    got = _events(text, date="2024-03-09")  # a Saturday
    assert ("2024-03-07", "Thursday") in got
    assert ("2024-03-15", "Friday") in got  # "will sign … on Friday": the next Friday
    assert [w for _, w in got].count("Thursday") == 1  # "Thursday's meeting" is no date of its clause
    assert "Monday" not in [w for _, w in got]


def test_abbreviated_and_month_only_dates_take_the_documents_year():
    """Daily Mail, 15 September 2020: "…months of intricate diplomacy … that first bore fruit Aug. 13
    when the Israel-UAE deal was announced and then the Sept. 11 announcement of the Bahrain-Israel
    agreement", and "Netanyahu, who publicly stated in August his opposition to the sale"."""
    text = (
        "The ceremony follows months of diplomacy that first bore fruit Aug. 13 when the Israel-UAE deal was "
        "announced and then the Sept. 11 announcement of the Bahrain-Israel agreement.\n\n"
        "Israeli Prime Minister Benjamin Netanyahu, who publicly stated in August his opposition to the sale "
        "of jets, denied the report.\n"
    )
    got = _events(text, date="2020-09-15")
    assert ("2020-08-13", "Aug. 13") in got and ("2020-09-11", "Sept. 11") in got
    assert ("2020-08", "August") in got


def test_month_only_paraphrase_takes_the_paragraphs_year():
    text = (
        "In 1963 the two navies agreed to exchange liaison officers. The officers were appointed in April "
        "and began work at once.\n\n"
        "The ministers met again in April and June 2024 to review the plan.\n"
    )
    got = _events(text, date="2026-01-05")
    assert ("1963-04", "April") in got  # the paragraph's year, not the document's
    assert ("2024-04", "April") in got  # the first month of a pair takes the second's year


def test_relative_dates_count_from_the_narratives_last_date():
    """CSIS, "The Evolution of the U.S.-Japan Security Partnership" (2024): "In 1967, Prime Minister
    Sato Eisaku announced the Three Non-Nuclear Principles … The same year, it imposed an effective
    ban on defense equipment exports"; Wikipedia, Yugoslav accession to the Tripartite Pact: "…
    laid out the chances of Yugoslavia in war against Germany on 6 March, … Accordingly, the next day
    Dragiša Cvetković sent the German diplomacy in Belgrade the demands"."""
    text = (
        "In 1967, Prime Minister Sato Eisaku announced the Three Non-Nuclear Principles. The same year, it "
        "imposed an effective ban on defense equipment exports.\n\n"
        "On 6 March 1941 the war minister laid out the chances of Yugoslavia in war against Germany. "
        "Accordingly, the next day Dragiša Cvetković sent the German diplomacy in Belgrade the demands.\n"
    )
    got = _events(text)
    assert ("1967", "The same year") in got
    assert ("1941-03-07", "the next day") in got


def test_relative_dates_paraphrase():
    text = (
        "The summit opened in Vienna on 3 June 1961. Two days later the leaders issued a joint communiqué, "
        "and thirty-four years later their successors signed a new accord.\n\n"
        "Historians still debate the meeting.\n\n"
        "The talks collapsed, and later that year both sides recalled their ambassadors.\n"
    )
    got = _events(text)
    assert ("1961-06-05", "Two days later") in got
    assert ("1995", "thirty-four years later") in got
    # A new paragraph two paragraphs on, with no date of its own before it: nothing to count from.
    assert not any(w == "later that year" for _, w in got)


def test_a_year_before_a_happening_or_a_document_that_spoke_dates_it():
    """CRS IF12672 (Russia's nuclear weapons, 2026): "Since the 1962 Cuban Missile Crisis, the United
    States and Russia have periodically engaged in efforts …", "A 2025 DIA statement indicated that
    Russia believes …"; Wikipedia, Kellogg–Briand Pact: "… is a 1928 international agreement in which
    signatory states promised not to use war" (the states speak, no 1928 statement)."""
    text = (
        "Since the 1962 Cuban Missile Crisis, the United States and Russia have periodically engaged in "
        "efforts to limit their arsenals.\n\n"
        "A 2025 DIA [statement](https://example.org/dia.pdf#page=19) indicated that Russia believes a "
        "satellite could be used.\n\n"
        "The pact is a 1928 international agreement in which signatory states promised not to use war.\n\n"
        "The 2026 Annual Threat Assessment states that Russia remains the top threat.\n"
    )
    got = dict((w, d) for d, w in _events(text))
    assert got.get("1962") == "1962" and got.get("2025") == "2025"
    assert "1928" not in got and "2026" not in got


def test_year_modifier_paraphrase_and_retelling():
    text = (
        "After Iraq's 1990 invasion of Kuwait, the council imposed sanctions. A 2019 Pentagon report "
        "warned that the navy was short of ships.\n\n"
        "Bahrain's politics were unsettled during a 2011 uprising by the opposition.\n\n"
        "In the aftermath of Bahrain's 2011 uprising, the government banned political parties.\n"
    )
    got = _events(text)
    assert ("1990", "1990") in got and ("2019", "2019") in got
    assert [d for d, _ in got].count("2011") == 1  # "Bahrain's 2011 uprising" retells "a 2011 uprising"


def test_season_and_both_frame_a_year_and_quantities_do_not_narrate():
    """CSIS, "CRINK economic ties" (2025): "in fall 2022, the Kremlin coordinated a rise in dual-use
    imports", "in both 2019 and 2024, Pyongyang dispatched high-level economic delegations",
    "Russia–China trade grew only slightly in 2024"."""
    text = (
        "Later, in fall 2022, the Kremlin coordinated a rise in dual-use imports.\n\n"
        "In both 2019 and 2024, Pyongyang dispatched high-level economic delegations.\n"
    )
    got = _events(text)
    assert ("2022", "2022") in got and ("2019", "2019") in got
    assert _events("Russia–China trade grew only slightly in 2024.\n") == []
    para = _events("During the winter of 2019 the two navies held joint drills. Exports rose in 2020.\n")
    assert para == [("2019", "2019")]


def test_a_numbered_instruments_year_and_an_agreements_own_clauses_date_nothing():
    """EFTA–Latvia free trade agreement (1995, GGO corpus), a note: "Rules of Procedure were adopted by
    Joint Committee Decision No. 1 of 1997 (4 June 1997)"; Lomé IV: "shall be carried over
    automatically to the following year" (an operative clause: no year in particular)."""
    got = _events("Rules of Procedure were adopted by Joint Committee Decision No. 1 of 1997 (4 June 1997).\n")
    assert got == [("1997-06-04", "4 June 1997")]
    treaty = (
        "AGREEMENT BETWEEN THE PARTIES\n\nThe Parties signed this Agreement in Brussels on 4 June 1995.\n\n"
        "Article 1\n\nAny balance remaining at the end of a year shall be carried over to the following year.\n\n"
        "Article 2\n\nThe Council shall meet in January and report the next year.\n"
    )
    assert all(d == "1995-06-04" for d, _ in _events(treaty))


def test_link_targets_are_no_distance_between_a_verb_and_its_year():
    """CSIS (2024): "the two governments [revised](https://www.mod.go.jp/…) the bilateral security
    treaty in 1960"."""
    text = (
        "As tensions intensified, the two governments [revised](https://www.mod.go.jp/en/j-us-alliance/"
        "joint-declaration/treaty/index.html) the bilateral security treaty in 1960.\n"
    )
    assert _events(text) == [("1960", "1960")]
    para = ("The navy [transferred](https://example.org/a/very/long/path/to/a/press/release/about/the/ships.html) "
            "the two frigates to the coast guard in 2004.\n")
    assert _events(para) == [("2004", "2004")]


def test_mid_month_and_this_year():
    """White House, Spirit of Camp David joint statement (18 August 2023): "In mid-August, our three
    countries conducted a maritime ballistic missile defense exercise"; CRS IF10119 (2026): "President
    Trump and Xi have held two summits since 2025, with up to three more possible this year, including
    Xi's U.S. state visit in September" (September of the document's year)."""
    got = _events("In mid-August, our three countries conducted a maritime ballistic missile defense exercise.\n",
                  date="2023-08-18")
    assert got == [("2023-08", "August")]
    got = _events("The leaders have held two summits since 2025, with up to three more possible this year, "
                  "including a state visit in September.\n", date="2026-09-22")
    assert ("2026-09", "September") in got


def test_the_narratives_year_skips_a_date_that_describes_a_noun():
    """Office of the Historian, "Camp David Accords and the Arab-Israeli Peace Process, 1977–1979":
    "… Egypt insisted on an Israeli withdrawal to June 4, 1967 borders … On August 8, the White House
    spokesman formally announced the meeting, which both Begin and Sadat agreed to attend in
    September" (1978, the story's year, not the borders'); "In December of 1989, President George
    H.W. Bush ordered an invasion of Panama" (the Panama Canal page)."""
    text = (
        "During the spring and early summer of 1978, the United States attempted to find common ground. "
        "Egypt insisted on an Israeli withdrawal to June 4, 1967 borders in exchange for security arrangements.\n\n"
        "On August 8, the White House spokesman formally announced the meeting, which both leaders agreed "
        "to attend in September.\n\n"
        "In December of 1989, President George H.W. Bush ordered an invasion of Panama.\n"
    )
    got = _events(text)
    assert ("1978-08-08", "August 8") in got and ("1978-09", "September") in got
    assert ("1989-12", "December of 1989") in got
    para = _events("In 2010 the ministers drew up plans for a return to 1995 levels of trade. "
                   "They met again on March 3 to sign them.\n")
    assert ("2010-03-03", "March 3") in para


def test_a_decade_is_no_year():
    """Office of the Historian, SEATO 1954: "By the early 1970s, members began to withdraw from the
    organization"; paraphrase with an apostrophe."""
    assert _events("By the early 1970s, members began to withdraw from the organization.\n") == []
    assert _events("Despite the defeats he suffered in the early 1950’s, the policy held until 1962.\n") == []
    assert _events("In 1970 members began to withdraw.\n") == [("1970", "1970")]


def test_a_history_keeps_its_own_years_and_day_ranges_carry_theirs():
    """Office of the Historian, "Camp David Accords and the Arab-Israeli Peace Process, 1977–1979": "The
    Camp David Summit, held from September 5–17, 1978, …", "… resulting in an impasse during the winter
    of 1978–1979. … Carter traveled to Israel on March 10" (1979: the story goes on from the range's
    end, not to the year the page was published); Wikipedia, Treaty on Open Skies: "On March 8 and 9,
    2007, Russia conducted overflights of Canada"."""
    text = (
        "The Camp David Summit, held from September 5–17, 1978, was a pivotal moment. Talks later broke down, "
        "resulting in an impasse during the winter of 1978–1979.\n\n"
        "Carter traveled to Israel on March 10 to press both sides.\n\n"
        "On March 8 and 9, 2007, Russia conducted overflights of Canada.\n"
    )
    got = _events(text, date="2016-10-31")
    assert ("1978-09-05", "September 5") in got and ("2007-03-08", "March 8") in got
    assert ("1979-03-10", "March 10") in got
    assert ("1978", "1978") in got  # the impasse: no person or agreement ties it to the summit
    para = _events("Talks resumed in 2024 after a long pause.\n\nThe ministers met on May 2 in Rome.\n",
                   date="2025-02-01")
    assert ("2025-05-02", "May 2") in para  # a story of the document's own time: the document's year
