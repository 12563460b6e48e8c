"""structure/scan.py: a costly pattern tried only where its opening words are gives the same
matches as scanning every position. Excerpts: the Agreement between the EEC and Mozambique on
fishing (GGO corpus, its final clause) and the North Atlantic Treaty (Art. 13); paraphrases below."""

from __future__ import annotations

import re

import pytest

from pactlens.extract.treaty.further import _FURTHER_HEAD, _FURTHER_OPENING
from pactlens.extract.treaty.term import _YEAR_OPENING, _YEAR_WORD
from pactlens.structure.scan import matches_at, starts_in

TEXTS = [
    # GGO, EEC-Mozambique fisheries agreement (final clause and protocol head).
    "This Agreement shall be concluded for an initial period of three years. DONE at Brussels, "
    "ANNEX Protocol establishing the fishing opportunities; the Protocol to this Agreement shall apply.",
    # North Atlantic Treaty, Art. 13.
    "After the Treaty has been in force for twenty years, any Party may cease to be a Party one year after "
    "its notice of denunciation has been given.",
    # Paraphrases: a title in capitals, a word run into another, a dotted capital I that lowercases longer.
    "SUPPLEMENTARY PROTOCOL to the Convention, for a period of 5 YEARS; İstanbul, the subprotocol years",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("rx, opening", [(_FURTHER_HEAD, _FURTHER_OPENING), (_YEAR_WORD, _YEAR_OPENING)])
def test_matches_at_openings_are_the_full_scan(text, rx, opening):
    full = [m.span() for m in rx.finditer(text)]
    assert full, "the excerpt must hold a match"
    assert [m.span() for m in matches_at(rx, text, starts_in(opening, text))] == full


def test_bounds_are_the_full_scans_bounds():
    text = TEXTS[1]
    a, b = text.index("force"), text.index("one year") + len("one ye")
    full = [m.span() for m in _YEAR_WORD.finditer(text, a, b)]
    assert [m.span() for m in matches_at(_YEAR_WORD, text, starts_in(_YEAR_OPENING, text, a, b), b)] == full
    # "ye" cut at the bound is no "year"; a start before the bound is found, one after is not
    assert full == [(text.index("years"), text.index("years") + 5)]


def test_a_match_that_does_not_begin_at_an_opening_is_missed():
    """The rule's one condition, shown failing: the opening must cover every match's first word."""
    rx = re.compile(r"(?i)\b(?:treaty|pact)\b")
    text = "The pact and the treaty."
    assert len(list(matches_at(rx, text, starts_in(re.compile("treaty"), text)))) == 1 < len(rx.findall(text))


@pytest.mark.parametrize("text", [
    # North Atlantic Treaty, final clause.
    "IN WITNESS WHEREOF, the undersigned plenipotentiaries have signed this Treaty.\n\nDone at Washington, "
    "the fourth day of April, 1949.",
    # GGO (EEC-Mozambique), closing formula after a table row; paraphrases: a verb inside a line is no mark,
    # blank lines and a bar before it, a capitalised verb in running text.
    "| 1987 |\n  \n   DONE at Brussels on the twenty-fourth day of ...| SIGNED at Maputo. Made in two copies",
    "They were Signed at the ministry and later DONE in haste; in faith whereof.) Carried out at Rome",
])
def test_signing_marks_found_at_their_openings_are_the_full_scan(text):
    from pactlens.extract.treaty.signatories import _SIGN_MARK, _sign_mark_starts

    for a, b in [(0, len(text)), (3, len(text) - 4)]:
        full = [m.span() for m in _SIGN_MARK.finditer(text, a, b)]
        assert [m.span() for m in matches_at(_SIGN_MARK, text, _sign_mark_starts(text, text.lower(), a, b), b)] == full
    assert [m.span() for m in _SIGN_MARK.finditer(text)], "the excerpt must hold a mark"


# Excerpts for word openings: the example brief (examples/russia-iran-2025-brief.txt: a
# speech verb after a name and a title before one) and a CRS report's list after a plural office
# (eval/labelled, crs-IF10119); paraphrases: a verb inside another word, a title run into a word,
# "told reporters" where the shorter form "told" is listed first, bounds cutting a word.
OPENING_TEXTS = [
    'Russian President Vladimir Putin said the treaty "opens a new chapter", and Foreign Minister Sergey Lavrov '
    "stated that it is not directed against third countries. He added that the parties would consult.",
    "Presidents Xi Jinping and Joe Biden met in Woodside; Secretary of State Antony Blinken told reporters that "
    "the talks were candid.",
    "The restatement misstated nothing; Presidentship and Ministers' Council toldreporters were unsaid; "
    "Deputy Prime Minister Jane Roe pointed out that Ambassadors Ann Lee and Bo Ray added, told reporters",
]


@pytest.mark.parametrize("text", OPENING_TEXTS)
def test_word_openings_give_every_match_of_the_full_scan(text):
    from pactlens.extract.prose.people import _LIST_AFTER_ROLE, _LIST_OPENING, _ROLE_OPENING, _ROLE_WORD
    from pactlens.extract.prose.speech import SPEECH_VERB, SPEECH_VERB_OPENING
    from pactlens.structure.scan import opened_matches

    found = 0
    for rx, opening in [(SPEECH_VERB, SPEECH_VERB_OPENING), (_ROLE_WORD, _ROLE_OPENING), (_LIST_AFTER_ROLE, _LIST_OPENING)]:
        for a, b in [(0, len(text)), (5, len(text) - 7), (text.index(" ") + 2, len(text) // 2)]:
            full = [m.span() for m in rx.finditer(text, a, b)]
            assert [m.span() for m in opened_matches(rx, opening, text, a, b)] == full
            found += len(full)
    assert found, "the excerpt must hold matches"


def test_word_openings_are_a_trie_of_the_words_at_word_starts():
    from pactlens.structure.scan import literal_trie, word_openings

    assert literal_trie(["said", "say", "says", "stated"]) == "s(?:a(?:id|y(?:s)?)|tated)"
    opening = word_openings(["said", "told", "told reporters"])
    text = "He said, unsaid and told reporters; toldx"
    assert [m.start() for m in opening.finditer(text)] == [3, 20, 36]  # "toldx" too: an opening needs no end, the pattern tried there decides


# Scans that find a pattern by its cheap part and check the rest apart, against the pattern itself.
# Excerpts: the example brief (a quotation and an apostrophe), the North Atlantic Treaty (Art. 2,
# "economic collaboration"), GGO Lomé IV (a year in words); paraphrases with the characters a
# lowercase pass treats apart ("ſ", the Kelvin sign, a dotted capital I) and quotation marks at
# line starts, after dashes and inside words.
SCAN_TEXTS = [
    "Putin said the treaty 'opens a new chapter' in Russia's relations; Iran's president called it 'historic'.",
    "They will seek to eliminate conflict in their international economic policies and will encourage "
    "economic collaboration between any or all of them.",
    "Done at Lomé on the fifteenth day of December in the year one thousand nine hundred and eighty-nine.",
    "'Trade' —'Energy' ſecurity and ENERGY CORRIDORS, 1 \u212aM of pipeline; the 'ports'\n'x' (‘y’) a'b'",
    "İstanbul's 'ports' and trade",
]


def test_domain_stems_found_lowercased_are_the_case_insensitive_scan():
    from pactlens.extract import domains

    pattern, lower_pattern, _ = domains._prefilter()
    found = 0
    for text in SCAN_TEXTS:
        low = text.lower().replace("ſ", "s").replace("ı", "i")
        expected = [m.span() for m in pattern.finditer(text)]
        found += len(expected)
        if len(low) == len(text):  # else (a dotted capital I) score() scans case-insensitively
            assert [m.span() for m in lower_pattern.finditer(low)] == expected
    assert found, "the excerpts must name domains"


@pytest.mark.parametrize("text", SCAN_TEXTS)
def test_ascii_quotation_marks_are_the_look_behind_patterns(text):
    from pactlens.extract.prose.quote_spans import _ascii_marks

    opening = re.compile(r"(?:(?<=[\s(\[—–-])|^)'(?=[\w\[(])", re.MULTILINE)
    closing = re.compile(r"(?<=\S)'(?!\w)")
    assert _ascii_marks(text) == ([m.start() for m in opening.finditer(text)], [m.start() for m in closing.finditer(text)])


@pytest.mark.parametrize("text", SCAN_TEXTS + ["in 1949, 2000 and 19995; thouſand", "20001 1999x HUNDREDS"])
def test_sentences_holding_a_year_are_the_search_of_each(text):
    from pactlens.extract.prose.event_dates import _HAS_YEAR, _YearIndex

    years = _YearIndex(text)
    for a in range(0, len(text), 3):
        for b in range(a, len(text) + 1, 4):
            assert years.within(a, b) == (_HAS_YEAR.search(text, a, b) is not None), (a, b)


DATED = [
    # North Atlantic Treaty (shared/corpus/treaties/north-atlantic-1949.txt), its final clause.
    "Done at Washington, the fourth day of April, 1949.",
    # The Russia-Iran brief (examples/russia-iran-2025-brief.txt), a footnote.
    'sign partnership treaty in Moscow," Al Jazeera, January 17, 2025. https://www.aljazeera.com/',
    # Paraphrases: capitals, an abbreviation, an ISO date, a year in a hyphenated range, years run
    # together in a figure, a day in words, the Kelvin sign and a dotted capital I (longer lowercase).
    "DONE AT PARIS THIS TWENTY-FIRST DAY OF MARCH 2003; in mid-1948 and 1990-1995; on Sept. 3, 1999, "
    "code 20152019; 2024-05-07; the eighteenth of April one thousand nine hundred and ninety; İzmir 1 May 2001 "
    "(4 \u212a), theft 12th of June 1944",
]


@pytest.mark.parametrize("text", DATED)
def test_date_patterns_tried_at_their_openings_find_what_a_full_scan_finds(text):
    """extract/dates.py tries each date pattern only where its matches can begin."""
    from pactlens.extract.dates import _YEAR_OPENING, _YEAR_RE, _compiled, _openings
    from pactlens.structure.scan import folded, opened_matches

    found = 0
    for (_, rx), opening in zip(_compiled(), _openings(), strict=True):
        full = [m.span() for m in rx.finditer(text)]
        found += len(full)
        assert [m.span() for m in matches_at(rx, text, starts_in(opening, text, low=folded(text)))] == full
    years = [m.span() for m in _YEAR_RE.finditer(text)]
    assert found and years
    assert [m.span() for m in opened_matches(_YEAR_RE, _YEAR_OPENING, text)] == years


def test_a_credit_tail_opens_with_its_literal_and_source_only_at_a_word_start():
    """entities' credit pattern leads every branch with a literal (the engine then skips to those in
    C); "Source:" still needs a word start. Caption as in tests/test_named.py (a Getty credit);
    the rest a paraphrase."""
    from pactlens.extract.prose.entities import _CREDIT_TAIL

    text = ("_▲ Delegates from the United States and Japan give a post-meeting statement on May 1, 2006. "
            "| Alex Wong/Getty Images_\n\nTrade grew. Sources: CRS, USTR.\nOpenSources: none.\nSource:\tCRS\n")
    assert [m.group(0) for m in _CREDIT_TAIL.finditer(text)] == [
        "| Alex Wong/Getty Images_", "Sources: CRS, USTR.", "Source:\tCRS"]
