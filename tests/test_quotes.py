"""Quotes: speakers, roles, parties, citations and speaker resolution on real excerpts."""

from __future__ import annotations

import pytest

from pactlens.extract.prose.quotes import find_quotes
from pactlens.resources import nlp
from tests.doc_support import fixture_doc, make_doc


@pytest.fixture(scope="module")
def brief():
    doc = fixture_doc("quotes-brief-normalized.txt")
    return doc, find_quotes(doc, [])


def _by(quotes, speaker):
    return [q for q in quotes if q.speaker == speaker]


def test_every_quote_has_exact_evidence(brief):
    doc, quotes = brief
    assert quotes
    for q in quotes:
        assert q.evidence[0].text == q.text
        for e in q.evidence:
            assert doc.text[e.start : e.end] == e.text


def test_araghchi_reported_with_role_party_and_footnote_3(brief):
    _, quotes = brief
    araghchi = _by(quotes, "Abbas Araghchi")
    assert araghchi and all(not q.direct for q in araghchi)
    assert {q.role for q in araghchi} == {"Foreign Minister"}
    assert {q.party for q in araghchi} == {"IRN"}
    # "He described the Iran-Russia Treaty … as a roadmap" resolves He → Araghchi and carries [3].
    described = [q for q in araghchi if "roadmap" in q.text]
    assert described and described[0].citation == "3"


def test_putin_direct_quote_is_not_backed_by_an_earlier_sentences_marker(brief):
    _, quotes = brief
    direct = [q for q in _by(quotes, "Vladimir Putin") if q.direct]
    assert len(direct) == 1
    q = direct[0]
    assert q.text.startswith("This Treaty marks a new chapter")
    assert (q.role, q.party, q.citation) == ("President", "RUS", None)


def test_he_added_is_lavrovs_the_last_speaker_not_putins(brief):
    _, quotes = brief
    lavrov = _by(quotes, "Sergey Lavrov")
    reported = [q for q in lavrov if not q.direct]
    direct = [q for q in lavrov if q.direct]
    assert reported and reported[0].text.startswith("the Treaty aligns with Moscow")
    assert len(direct) == 1 and direct[0].text.startswith("Russia and Iran are working together")
    assert direct[0].citation == "4"
    # Nothing in the text says which state Lavrov serves: unknown, not guessed.
    assert {q.party for q in lavrov} == {None}


def test_titles_in_quotes_and_footnote_titles_are_not_quotes(brief):
    doc, quotes = brief
    texts = [q.text for q in quotes]
    assert "Comprehensive Strategic Partnership Treaty" not in texts
    notes = [f for f in doc.footnotes]
    assert notes
    assert not any(f.span.start <= q.evidence[0].start < f.span.end for q in quotes for f in notes)


def test_subject_of_main_verb_speaks_a_participle_quote(brief):
    """"X underscored …, stating: "…"" — the speaker is X, two speakers earlier in the paragraph."""
    _, quotes = brief
    q = next(q for q in quotes if q.direct and q.text.startswith("This Treaty marks"))
    assert q.speaker == "Vladimir Putin"


def test_title_only_reference_resolves_to_the_matching_office():
    # Sentences of the brief, with "He added" written as "The minister added" and
    # Putin's sentence moved after Lavrov's: a bare title must skip the nearer President.
    text = (
        "Foreign Minister Sergey Lavrov also emphasized that the Treaty aligns with Moscow's broader vision "
        "for a multipolar world. President Vladimir Putin underscored the strategic importance of the Treaty. "
        'The minister added: "Russia and Iran are working together to develop a framework that prioritizes '
        'mutual respect, economic sovereignty, and regional stability."\n'
    )
    quotes = find_quotes(make_doc(text), [])
    added = next(q for q in quotes if q.direct)
    assert added.speaker == "Sergey Lavrov"
    assert added.role == "Foreign Minister"


def test_pronoun_skips_a_person_of_the_other_gender():
    # The Yugoslav article's Prince Paul (a man, by title) and a "she" that must not be him.
    text = (
        "Queen Maria received the envoy in Belgrade. Prince Paul secretly met with Hitler at Berghof. "
        'She said that "the decision lay with the regent and his government alone".\n'
    )
    quotes = find_quotes(make_doc(text), [])
    assert quotes and quotes[0].speaker == "Maria"


def test_historian_quote_in_encyclopedia_article():
    quotes = find_quotes(fixture_doc("quotes-yugoslav-excerpt.md"), [])
    sotirovic = _by(quotes, "Vladislav Sotirović")
    assert sotirovic and sotirovic[0].direct and sotirovic[0].role == "historian"
    assert sotirovic[0].text.startswith("thus, no wonder why British politicians")


@pytest.mark.skipif(not nlp.available(), reason="spaCy model not installed")
def test_name_without_role_found_by_the_model():
    quotes = find_quotes(fixture_doc("quotes-yugoslav-excerpt.md"), [])
    assert any(q.speaker == "Hitler" and q.text.startswith("This that I am proposing") for q in quotes)


def test_crs_officials_with_endnotes():
    quotes = find_quotes(fixture_doc("quotes-crs-bahrain-excerpt.txt"), [])
    caudle = _by(quotes, "Daryl Caudle")
    assert caudle and caudle[0].direct and caudle[0].role == "Admiral" and caudle[0].citation == "29"
    cao = _by(quotes, "Hung Cao")
    assert cao and cao[0].text.startswith("blew the hell out of Bahrain") and cao[0].citation == "30"
    # The endnote title with a quote inside ('Blew the Hell out of') is not a quote.
    assert all("Acting Navy Secretary" not in q.text for q in quotes)


def test_report_section_lists_quotes_timeline_entities():
    from pathlib import Path

    from pactlens.pipeline import analyze
    from pactlens.report.brief_section import brief_section

    a = analyze(Path(__file__).resolve().parent.parent / "examples" / "russia-iran-2025-brief.txt")
    blocks = {b.title: b for b in brief_section(a)}
    assert set(blocks) == {"Quotes", "Timeline", "Entities"}
    quotes = blocks["Quotes"].rows
    assert ["Sergey Lavrov (Foreign Minister)", "direct"] == quotes[4][:2] and quotes[4][3] == "4"
    assert [r[0] for r in blocks["Timeline"].rows] == sorted(r[0] for r in blocks["Timeline"].rows)


def test_an_agreements_own_text_quotes_no_one():
    # GGO GBR-LBNNA_2019O (globalgov/manytreaties, CC BY 4.0): an amendment quoting the words it replaces.
    text = (
        '(b) In Article 30(5) for the words "Lebanon\'s accession to the WTO" substitute '
        '"the date that the GATS applies to both Parties and to every territory to which this Agreement applies".\n'
    )
    doc = make_doc(text)
    assert find_quotes(doc, [], kind="treaty") == []
    # Read as a brief, both quoted passages (25 characters or more, not titles) are someone's words with
    # no speaker named.
    assert [q.speaker for q in find_quotes(doc, [])] == [None, None]


def test_mispaired_quote_marks_give_no_quote():
    text = 'O" substitute ", from the date that the GATS applies to both Parties and all the territories".\n'
    assert all(not q.text.startswith(",") for q in find_quotes(make_doc(text), []))


def test_quote_that_holds_its_own_verb_after_a_pronoun():
    # CRS RS21852 (UAE), endnote 71.
    text = (
        "In June 2026, Secretary of State Marco Rubio traveled to the UAE where he "
        '"reaffirmed the U.S. commitment to the security of the Emirates."[71]\n\n'
        "[71] State Department, Secretary of State Marco Rubio Remarks to the Press.\n"
    )
    quotes = find_quotes(make_doc(text), [])
    assert [(q.speaker, q.role, q.citation) for q in quotes] == [("Marco Rubio", "Secretary of State", "71")]
