"""Speakers of quotations framed in ways the plain "X said" rules missed: a passive agent, members
of a legislature left unnamed, a journalist, "in the words of", a verb the quotation opens with,
a clause handing the quotation over with a colon or comma, a two-space block quotation, and an
opening phrase that is not a second subject.

Excerpts (each with a paraphrase written for the test, which the rule was not written on):
Office of the Historian, U.S. Department of State, Milestones "The Panama Canal and the
Torrijos-Carter Treaties", "Ending the Vietnam War … Allende", "The Truman Doctrine, 1947",
"The Evolution of NATO, 1988–2001" (public domain); CRS In Focus IF11120 "U.S.-Japan Trade
Agreements" (22 September 2026, public domain) and CRS 95-1013 "Bahrain" (public domain);
Wikipedia, "North Atlantic Treaty" (CC BY-SA 4.0, Wikipedia contributors).
"""

from __future__ import annotations

import pytest

from pactlens.resources import nlp
from tests.doc_support import direct_speakers as _speakers

needs_model = pytest.mark.skipif(not nlp.available(), reason="spaCy model not installed")


def test_an_opening_phrase_is_not_a_joined_subject():
    """State Dept, Panama Canal: 'In an October debate with Ford, Carter vowed that he would not
    surrender "practical control …"' is Carter's, not Ford's: a comma alone does not join two
    names into one subject ("A and B said" still does)."""
    lead = "The Democratic nominee for president, Jimmy Carter, debated President Gerald Ford. "
    text = lead + ('In an October debate with Ford, Carter vowed that he would not surrender '
                   '"practical control of the Panama Canal Zone any time in the foreseeable future."\n')
    assert _speakers(text)["practical contro"] == "Jimmy Carter"
    para = ("Prime Minister Menachem Begin met President Anwar Sadat at Aswan. At a dinner with Sadat, Begin "
            'said that Israel would "never return to the lines that existed before the war in 1967."\n')
    assert _speakers(para)["never return to "] == "Menachem Begin"
    joined = ('Menachem Begin and Anwar Sadat said the accords were "a framework '
              'for peace in the Middle East and beyond it."\n')
    assert _speakers(joined)["a framework for "] == "Menachem Begin"


def test_the_agent_of_a_passive_speech_verb_speaks():
    """Wikipedia, North Atlantic Treaty: 'it was stated by a journalist, who referenced an
    off-the-record interview with an official source, that "Entirely legal activities …"';
    paraphrase: 'was described by Secretary Dean Acheson as "…"'."""
    text = ("In June 2015 it was stated by a journalist, who referenced an off-the-record interview with an "
            'official source, that "Entirely legal activities, such as running a pro-Moscow TV station, could '
            'become a broader assault on a country."\n')
    assert _speakers(text)["Entirely legal a"] == "journalist"
    para = ("Secretary of State Dean Acheson met the press in March. The pact was described by Acheson as "
            '"a defensive arrangement directed against no one at all."\n')
    assert _speakers(para)["a defensive arra"] == "Dean Acheson"


def test_a_journalist_who_reports_is_a_speaker():
    """Wikipedia, North Atlantic Treaty: 'In another report, the journalist reported that "as part of
    the hardened stance, …"'; paraphrase: a correspondent who wrote."""
    text = ('In another report, the journalist reported that "as part of the hardened stance, the UK has '
            "committed £750,000 of its money to support a counter-propaganda unit.\"\n")
    assert _speakers(text)["as part of the h"] == "journalist"
    para = ('Later, the Reuters correspondent wrote that "the ministers left Brussels without any agreement '
            'on the new force."\n')
    assert _speakers(para)["the ministers le"] == "Reuters correspondent"


def test_members_of_a_legislature_left_unnamed_speak():
    """CRS IF11120: 'One Member asserted that "trade agreements relating to tariffs imposed through
    Executive action" should be submitted …' and 'one Member said the U.S. tariff rate … "still
    marks a sharp increase …"'; paraphrase: 'Two Senators wrote'. Lower-case 'some analysts' is
    anyone, and names no speaker."""
    text = ('One Member asserted that "trade agreements relating to tariffs imposed through Executive action" '
            "should be submitted to Congress for approval.\n")
    assert _speakers(text)["trade agreements"] == "One Member"
    para = 'Two Senators wrote that the new duties "would raise costs for farmers across the Midwest."\n'
    assert _speakers(para)["would raise cost"] == "Two Senators"
    generic = 'Some analysts argued that the deal "would raise costs for farmers across the Midwest."\n'
    assert list(_speakers(generic).values()) == [None]


def test_in_the_words_of_names_the_source():
    """State Dept, Truman Doctrine: 'In the words of the Truman Doctrine, it became "the policy of the
    United States to support free peoples …"'; paraphrase: in the words of a communiqué."""
    text = ('In the words of the Truman Doctrine, it became "the policy of the United States to support free '
            'peoples who are resisting attempted subjugation."\n')
    assert _speakers(text)["the policy of th"] == "Truman Doctrine"
    para = ('In the words of the Brussels Communiqué, the allies remained "determined to defend every inch '
            'of allied territory."\n')
    assert _speakers(para)["determined to de"] == "Brussels Communiqué"


def test_a_passage_indented_two_spaces_is_a_block_quotation():
    """Wikipedia, North Atlantic Treaty (as Markdown indents a block quotation by two spaces): 'Earlier
    secret talks had been held …, of which Achilles said:' then the passage; paraphrase: 'According to
    Kennan, …:'."""
    text = ("The treaty was drafted by a committee chaired by US diplomat Theodore Achilles. Earlier secret talks "
            "had been held at the Pentagon, of which Achilles said:\n\n"
            "  The talks lasted about two weeks and by the time they finished, it had been secretly agreed that "
            "there would be a treaty.\n")
    assert _speakers(text) == {"The talks lasted": "Theodore Achilles"}
    para = ("The diplomat George F. Kennan drafted the cable in Moscow. According to Kennan, the key passage "
            "was this:\n\n  Soviet power is impervious to the logic of reason, and it is highly sensitive to "
            "the logic of force.\n")
    assert _speakers(para) == {"Soviet power is ": "George F. Kennan"}


@needs_model
def test_a_subject_before_a_quoted_predicate_speaks():
    """State Dept, Evolution of NATO: 'The Rome Declaration "welcomed the development of a European
    security and defence role …"'; paraphrase: another document and verb. 'According to one
    assessment, C-SIPA "codifies …"' (CRS 95-1013) is the unnamed assessment's: no speaker."""
    text = ('The Rome Declaration “welcomed the development of a European security and defence role, reflected '
            'in the further strengthening of the European pillar within the Alliance.”\n')
    assert _speakers(text)["welcomed the dev"] == "Rome Declaration"
    para = ('The Helsinki Final Act “recognized the inviolability of the frontiers of all states in Europe and '
            'the territorial integrity of each.”\n')
    assert _speakers(para)["recognized the i"] == "Helsinki Final Act"
    sourced = ('According to one assessment, C-SIPA "codifies a U.S. commitment to support the growth of '
               'Bahrain\'s technology sector."\n')
    assert list(_speakers(sourced).values()) == [None]


@needs_model
def test_a_clause_hands_its_quotation_over_with_a_colon_or_comma():
    """State Dept: 'Secretary of State Henry Kissinger set forth his reasoning in a meeting with
    President Ford in 1975: "If these …"'; 'The London Declaration closed, "Today, our Alliance …"';
    'Allende … rallying his supporters with the cry, "Long live Chile! …"'. Paraphrases: other
    speakers, verbs and nouns. A comma after an opening phrase hands nothing over."""
    text = ("Secretary of State Henry Kissinger set forth his reasoning in a meeting with President Ford in "
            '1975: "If these negotiations fail, we will be beaten to death in every international forum."\n')
    assert _speakers(text)["If these negotia"] == "Henry Kissinger"
    para = ("The envoy Ellsworth Bunker summed up his mission to the Senate committee in 1977: "
            '"We are not giving the canal away; we are securing its use for our ships forever."\n')
    assert _speakers(para)["We are not givin"] == "Ellsworth Bunker"
    closed = ('The London Declaration closed, “Today, our Alliance begins a major transformation. Working with '
              'all the countries of Europe, we are determined to create enduring peace on this continent.”\n')
    assert _speakers(closed)["Today, our Allia"] == "London Declaration"
    opened = ('The Paris Charter opened, “Europe is liberating itself from the legacy of the past and the era '
              'of confrontation has ended.”\n')
    assert _speakers(opened)["Europe is libera"] == "Paris Charter"
    cry = ("President Salvador Allende spoke from the palace. At 9:10 a.m., Allende made his final broadcast, "
           'announcing that he would not resign and rallying his supporters with the cry, “Long live Chile! '
           'Long live the people!”\n')
    assert _speakers(cry)["Long live Chile!"] == "Salvador Allende"
    after = ('After the address, “the palace fell silent and the radio played military marches for the rest '
             'of the day.”\n')
    assert list(_speakers(after).values()) in ([], [None])


def test_testimony_and_assessments_are_speech():
    """CRS In Focus IF12106 (9 April 2026): 'Mark Milley [testified](…) in March 2023 that Iran would
    need "several months …"', 'The Defense Intelligence Agency [assessed](…) in May 2025 that Iran
    would have needed "probably less than one week"'; paraphrases: other witnesses and agencies."""
    text = ("Then-Chairman of the Joint Chiefs of Staff Mark Milley [testified](https://docs.house.gov/x.pdf) in "
            'March 2023 that Iran would need "several months to produce an actual nuclear weapon," but he did '
            "not explain the assumptions.\n")
    assert _speakers(text)["several months t"] == "Mark Milley"
    para = ('Admiral John Aquilino testified before the committee that China was "building forces at a pace not '
            'seen since the Second World War."\n')
    assert _speakers(para)["building forces "] == "John Aquilino"
    agency = ("The Defense Intelligence Agency [assessed](https://armedservices.house.gov/dia.pdf) in May 2025 "
              'that Iran would have needed "probably less than one week" to produce this amount.\n')
    assert _speakers(agency)["probably less th"] == "Defense Intelligence Agency"


def test_a_long_apposition_between_name_and_verb():
    """CRS IF12106: 'Jon Wolfsthal, a National Security Council official during the Obama
    Administration, [wrote](…) in February 2022 that …"to generate an international response …"';
    paraphrase: another writer and office."""
    text = ("Jon Wolfsthal, a National Security Council official during the Obama Administration, "
            "[wrote](https://thebulletin.org/x/) in February 2022 that the goal was meant to provide enough "
            'time "to generate an international response to any Iranian move to build weapons."\n')
    assert _speakers(text)["to generate an i"] == "Jon Wolfsthal"
    para = ("Rose Gottemoeller, the chief American negotiator of the New START Treaty in Geneva, argued that "
            'the limits were "the most verifiable in the history of arms control between the two."\n')
    assert _speakers(para)["the most verifia"] == "Rose Gottemoeller"


def test_the_attribution_closing_a_sentence_names_every_quotation_in_it():
    """CRS IF12106: 'A State Department official told CRS in an April 2022 email that … This timeline
    took "into consideration assessed knowledge gaps" and reflected the intelligence community's
    "view of …," the official added.' — both quotations are the official's, named by office before;
    paraphrase: a spokesman."""
    text = ("A State Department official told CRS in an April 2022 email that Iran would have needed one year. "
            'This timeline took "into consideration assessed knowledge gaps" and reflected the community\'s '
            '"view of Iran\'s fastest reasonable path to overcome them," the official added.\n')
    got = _speakers(text)
    assert got["into considerati"] == got["view of Iran's f"] == "State Department official"
    para = ('A Pentagon spokesman briefed reporters on Monday. The strikes were "limited in scope and duration" '
            'and aimed at "degrading the launch sites used in the attacks," the spokesman said.\n')
    got = _speakers(para)
    assert got["limited in scope"] == got["degrading the la"] == "Pentagon spokesman"


def test_as_stated_in_and_a_linked_source_after_according_to():
    """CRS In Focus IF12608 (13 April 2026): 'These bills reiterate that "the United States faces …" as
    stated in the E.O.'; 'According to a 2017 [NOAA](…) notice, "any rights …"' (the link's blanked
    URL does not make the phrase too long). Paraphrases: a directive, a linked report."""
    text = ('These bills reiterate that "the United States faces unprecedented economic and national security '
            'challenges in securing reliable supplies" as stated in the E.O.\n')
    assert _speakers(text)["the United State"] == "E.O."
    para = ('The guidance repeats that "allied forces must be able to reinforce the eastern flank within '
            'thirty days" as set out in the Defence Planning Directive.\n')
    assert _speakers(para)["allied forces mu"] == "Defence Planning Directive"
    url = "https://www.federalregister.gov/documents/2017/09/07/2017-18994/deep-seabed-mining-approval-of-exploration"
    linked = (f'According to a 2017 [NOAA]({url}) notice, "any rights a U.S. company may have domestically are '
              'not secured internationally."\n')
    assert _speakers(linked)["any rights a U.S"] == "2017 NOAA notice"
