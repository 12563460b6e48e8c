"""Numbers and dates in words: every number round-trips through words, and signing clauses as
real treaty texts write them (OCR damage included) read right.

Excerpts are from GGO treaty texts in the shared corpus (globalgov/manytreaties, CC BY 4.0; file
named in each case) and the official texts in ``corpus/treaties``; each class of clause has a
paraphrase beside it that the rule was not written on.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactlens.extract.dates import find_dates
from pactlens.extract.numwords import (
    cardinal_words,
    ordinal_words,
    parse_cardinal,
    parse_ordinal,
    parse_year,
)


@given(st.integers(min_value=0, max_value=9999))
def test_cardinals_round_trip(n: int) -> None:
    assert parse_cardinal(cardinal_words(n)) == n


@given(st.integers(min_value=1, max_value=9999))
def test_ordinals_round_trip(n: int) -> None:
    assert parse_ordinal(ordinal_words(n)) == n


@given(st.integers(min_value=1000, max_value=2999), st.sampled_from([" ", ", ", "\n", "- ", ""]))
def test_years_survive_ocr_separators_and_glue(year: int, sep: str) -> None:
    """Separators between the words (a comma, a line break, a hyphen left by a broken line) or
    none at all (OCR glued them) do not change the year."""
    words = re.split(r"[ -]", cardinal_words(year))
    assert parse_year(sep.join(words)) == year


@given(st.integers(min_value=1, max_value=31))
def test_day_ordinals_without_hyphen_or_glued(day: int) -> None:
    """"twenty first", "twentyfirst" and "twenty-first" are all the 21st, never the 1st."""
    words = ordinal_words(day)
    assert parse_ordinal(words.replace("-", " ")) == day
    assert parse_ordinal(words.replace("-", "")) == day


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("8-th", 8), ("21st", 21), ("2 nd", 2), ("twentieth", 20), ("thirty first", 31)],
)
def test_ordinal_forms(phrase: str, value: int) -> None:
    assert parse_ordinal(phrase) == value


@pytest.mark.parametrize("phrase", ["twenty-one first", "seventy", "fifteen fourth", "the", "first of all"])
def test_not_ordinals(phrase: str) -> None:
    assert parse_ordinal(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "year"),
    [
        ("one thousand, nine hundred and ninety-five", 1995),
        ("nineteen hundred and seventyseven", 1977),
        ("nineteen ninety-five", 1995),
        ("two thousand and five", 2005),
    ],
)
def test_years_in_words(phrase: str, year: int) -> None:
    assert parse_year(phrase) == year


# --- signing dates in words, by class of clause ------------------------------------------------

@pytest.mark.parametrize(
    ("text", "iso", "written"),
    [
        # GGO ECPLND_1991O.txt: the ordinary full form
        ("Done at Brussels on the sixteenth day of December in the year one thousand nine hundred and ninety-one.",
         "1991-12-16", "the sixteenth day of December in the year one thousand nine hundred and ninety-one"),
        # paraphrase
        ("Signed at Lima this twentieth day of November in the year one thousand, nine hundred and ninety-five.",
         "1995-11-20", "this twentieth day of November in the year one thousand, nine hundred and ninety-five"),
        # GGO ECMALT_1970O.txt (lower-cased copy): a comma in the year and words glued by OCR
        ("done at valletta on this fifth day of december in the year one thousand, nine hundred andseventy.for the",
         "1970-12-05", "this fifth day of december in the year one thousand, nine hundred andseventy"),
        # paraphrase: a glued tens-and-unit
        ("Done at Nairobi, the ninth day of May, nineteen hundred and seventyseven, in two originals",
         "1977-05-09", "the ninth day of May, nineteen hundred and seventyseven"),
        # GGO ECTRKA_1963A.txt: a hyphen left where the line broke
        ("done at ankara this twelfth day of september in the year one- thousand nine hundred and sixty-three. for",
         "1963-09-12", "this twelfth day of september in the year one- thousand nine hundred and sixty-three"),
        # paraphrase: the year broken across a line
        ("DONE at Geneva this third day of March in the year one thousand nine\nhundred and eighty-two.",
         "1982-03-03", "this third day of March in the year one thousand nine\nhundred and eighty-two"),
        # corpus treaties/hard/cambodia-...-1991.txt: "ninety one" without its hyphen
        ("DONE at Paris this twenty-third day of October, one thousand nine hundred and ninety one.",
         "1991-10-23", "this twenty-third day of October, one thousand nine hundred and ninety one"),
        # paraphrase: a two-word ordinal day without hyphen is the 21st, not the 1st
        ("Done at Accra on the twenty first day of June, one thousand nine hundred and eighty-four, in two originals",
         "1984-06-21", "the twenty first day of June, one thousand nine hundred and eighty-four"),
        # GGO EFTIND_2018O.txt: a day in figures without its suffix
        ("Done in Jakarta, Indonesia, this 16 day of December 2018, in one original",
         "2018-12-16", "this 16 day of December 2018"),
        # paraphrase: an OCR'd suffix with a hyphen
        ("Done in Minsk on the 8-th day of June 1996 in two copies", "1996-06-08", "the 8-th day of June 1996"),
    ],
)
def test_signing_dates_in_words(text: str, iso: str, written: str) -> None:
    found = find_dates(text)
    assert [d.iso for d in found] == [iso]
    assert text[found[0].start : found[0].end] == written


@pytest.mark.parametrize(
    "text",
    [
        "Done at Kampala this ___ day of ________ 19__.",  # a blank left to be filled in at signature
        "DONE at .......... on the .......... day of .......... two thousand and",  # paraphrase
    ],
)
def test_blank_dates_are_no_dates(text: str) -> None:
    assert find_dates(text) == []
