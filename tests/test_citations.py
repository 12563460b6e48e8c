"""Citations: one per footnote definition, read into outlet/title/date/URL, with the markers citing it."""

from __future__ import annotations

import pytest

from doc_support import fixture_doc, make_doc
from pactlens.extract.prose.citations import find_citations
from pactlens.extract.prose.references import parse_reference
from pactlens.extract.urls import article_id, damaged_slug_words, find_urls, normalize, validity_problem


def _ref(s: str):
    return parse_reference(s, 0, len(s))


@pytest.fixture(scope="module")
def brief_citations():
    doc = fixture_doc("citations-brief-normalized.txt", bare_footnotes=True)
    return doc, find_citations(doc)


def test_brief_has_ten_citations_with_outlet_date_url(brief_citations):
    doc, cits = brief_citations
    assert [c.marker for c in cits] == [str(i) for i in range(1, 11)]
    assert [c.outlet for c in cits] == [
        "Al Jazeera", "AP News", "DW News", "Reuters", "Financial Times", "Reuters", "AP News",
        "Tehran Times", "Carnegie", "Reuters",
    ]
    assert all(c.date == "2025-01-17" for c in cits if c.marker != "9")
    assert cits[8].date == "2025-01-21"
    assert all(c.url and c.url.startswith("https://") for c in cits)


def test_brief_cited_at_points_to_body_markers_only(brief_citations):
    doc, cits = brief_citations
    for c in cits:
        assert len(c.cited_at) == 1, c.marker
        ev = c.cited_at[0]
        assert ev.text == f"[{c.marker}]" == doc.text[ev.start:ev.end]
        assert not doc.in_footnotes(ev.start)
        assert c.evidence[0].text.startswith(f"[{c.marker}]")


def test_missing_opening_quote_still_gives_title_and_outlet():
    r = _ref('Russia, Iran Sign Strategic Partnership Treaty in Moscow." AP News, January 17, 2025. '
             "https://apnews.com/article/71a20990373851741d1fe76a81699036")
    assert r.title.value == "Russia, Iran Sign Strategic Partnership Treaty in Moscow"
    assert r.outlet.value == "AP News"
    assert not r.quotes_balanced


def test_italic_outlet_chicago():
    r = _ref('"Iran\'s Strategic Pivot Deepens Ties with Russia," *DW News*, January 17, 2025, '
             "https://www.dw.com/en/irans-strategic-pivot-deepens-ties-with-russia/a-71325808")
    assert (r.outlet.value, r.date.iso, r.style) == ("DW News", "2025-01-17", "chicago")


def test_year_in_url_is_not_a_date():
    r = _ref("https://www.reuters.com/world/putin-lavrov-russia-iran-strategic-agreement-2025-01-17/")
    assert r.date is None and r.style == "url"


def test_apa_style():
    r = _ref("Kimball, D. (2019). The Open Skies Treaty at a Glance. Arms Control Association. "
             "https://www.armscontrol.org/factsheets/openskies")
    assert r.style == "apa"
    assert r.date.iso == "2019"
    assert r.title.value == "The Open Skies Treaty at a Glance"
    assert r.outlet.value == "Arms Control Association"


def test_crs_author_title_outlet_and_publisher_first():
    r = _ref('Emanuel Fabian, "IDF Carries Out \'Extensive\' Strikes on Regime Targets; Iran Fires Missiles at '
             'Israeli Towns," Times of Israel, March 4, 2026; Neri Zilber and James Shotter, "Israel Expects '
             'Weeks-Long War Against Iran," Financial Times, March 4, 2026.')
    assert r.outlet.value == "Times of Israel" and r.author.value == "Emanuel Fabian"
    assert r.date.iso == "2026-03-04"
    r = _ref('Reuters, "Iran\'s Revolutionary Guards Set Up Covert Iraqi Cells to Attack Gulf Neighbors, '
             'Sources Say," June 19, 2026.')
    assert r.outlet.value == "Reuters" and r.date.iso == "2026-06-19"
    r = _ref("CRS Report R45281, The Strait of Hormuz: Security Developments and Impacts on Oil, Gas, and "
             "Other Commodities, by Michael Ratner, Liana W. Rosen, and Clayton Thomas.")
    assert r.outlet.value == "CRS" and r.title.value.startswith("The Strait of Hormuz") and r.date is None


def test_person_before_title_is_not_an_outlet():
    r = _ref('Kristian Alexander, "The Future of US Basing in the Gulf After the 2026 Iran War," Stimson, '
             "September 2, 2026.")
    assert r.author.value == "Kristian Alexander" and r.outlet.value == "Stimson"


def test_explanatory_note_date_is_not_taken():
    r = _ref("In 1971, the Shah-led government of Iran seized the Greater and Lesser Tunb islands, and in "
             "April 1992 it took control of the whole island.")
    assert r.date is None and r.outlet is None


def test_ibid_takes_previous_source():
    doc = make_doc("A claim.[1] Another.[2]\n\n[1] \"A Title,\" Reuters, May 2, 2024.\n\n[2] Ibid.\n", bare_footnotes=True)
    cits = find_citations(doc)
    assert cits[1].outlet == "Reuters" and cits[1].title == "A Title" and cits[1].date == "2024-05-02"


def test_crs_excerpt_recall():
    doc = fixture_doc("citations-crs-r48887-excerpt.txt", bare_footnotes=True)
    cits = find_citations(doc)
    assert len(cits) == 15
    by = {c.marker: c for c in cits}
    assert by["2"].outlet == "Times of Israel"
    assert by["9"].url.startswith("https://truthsocial.com/") and by["9"].date == "2026-04-07"
    assert by["15"].outlet == "Wall Street Journal"
    assert by["1"].outlet == "U.S. CENTCOM" and by["1"].title == "Operation Epic Fury Fact Sheet"
    # Notes 3 and 8 are CRS cross-references, 4, 7 and 12 point to web pages: none states a date
    # (7's URL holds "2026-09", which is not a date of the note).
    assert {c.marker for c in cits if c.date is None} == {"3", "4", "7", "8", "12"}
    assert all(c.cited_at for c in cits)


def test_url_helpers():
    text = "see https://apnews.com/article/x-71a20990373851741d1fe76a81699036. Then"
    (u,) = find_urls(text)
    assert u.url.endswith("036")
    assert article_id("https://apnews.com/article/71a20990373851741d1fe76a81699036") == \
        article_id("https://apnews.com/article/russia-putin-iran-71a20990373851741d1fe76a81699036")
    assert normalize("https://www.Example.com/a/?utm_source=x") == normalize("http://example.com/a")
    assert validity_problem("https://www.dw.com/en/a/a-71325808") is None
    assert validity_problem("https://localhost/x") is not None


@pytest.mark.parametrize("url,token", [
    ("https://www.aljazeera.com/news/2025/1/17/russia-and-iran-presidents-sign-partnership-treaty-inmoscow",
     "inmoscow"),
    ("https://www.tehrantimes.com/news/508791/10-questions-and-answers-about-Iran-Russia-strategicpartnership",
     "strategicpartnership"),
])
def test_joined_words_in_slug(url, token):
    assert [t for t, _ in damaged_slug_words(url)] == [token]


@pytest.mark.parametrize("url", [
    "https://apnews.com/article/russia-putin-iran-pezeshkian-treaty-partnership-71a20990373851741d1fe76a81699036",
    "https://www.dw.com/en/irans-strategic-pivot-deepens-ties-with-russia/a-71325808",
    "https://carnegieendowment.org/russia-eurasia/politika/2025/01/russia-iran-strategic-agreement?lang=en",
    "http://augengeradeaus.net/2017/01/flugbereitschaft-erhaelt-zusaetzlichen-airbus/",
])
def test_sound_slugs_are_not_flagged(url):
    assert damaged_slug_words(url) == []


def test_outlet_named_post_keeps_its_name_but_platform_post_is_dropped():
    r = _ref('"US Military Has Lost Roughly 25% of Its Reaper Drones as Iran War Depletes Arsenal," Washington Post, '
             "August 13, 2026.")
    assert r.outlet.value == "Washington Post"
    r = _ref("Donald J. Trump (@realDonaldTrump), Truth Social post, April 7, 2026, 6:32 p.m., "
             "https://truthsocial.com/@realDonaldTrump/posts/116365796713313030.")
    assert r.outlet.value == "Truth Social" and r.date.iso == "2026-04-07"


def test_year_only_date_and_series_number_skipped():
    r = _ref('The Energy Institute, "Statistical Review of World Energy (73rd Edition)," 2024; U.S. Department of '
             'Energy, Energy Information Administration, "The United States produced more crude oil," 2024.')
    assert (r.outlet.value, r.date.iso, r.date.precision) == ("The Energy Institute", "2024", "year")
    r = _ref('James Jeffrey, "Trump\'s GCC Meeting: A Path Out of the Conflict," PolicyWatch #4266, The Washington '
             "Institute for Near East Policy, September 21, 2026.")
    assert r.outlet.value == "The Washington Institute for Near East Policy"


def test_names_in_slugs_are_not_joined_words():
    # CRS R48887 endnote 71
    assert damaged_slug_words("https://www.rosen.senate.gov/wp-content/uploads/2026/07/"
                              "Sen-Gillibrand-Letter-re-Minab-7.13.26.pdf") == []
