"""Speakers and reported speech on excerpts of briefs the extractor was not built on
(CRS reports and encyclopedia articles in the shared corpus ``briefs/dev/``)."""

from __future__ import annotations

import pytest

from pactlens.extract.prose.quotes import find_quotes
from pactlens.resources import nlp
from tests.doc_support import fixture_doc

# Names no office introduces ("Hitler", "Kennedy" in an excerpt) come from the spaCy model.
needs_model = pytest.mark.skipif(not nlp.available(), reason="spaCy model not installed")


@pytest.fixture(scope="module")
def iran():
    doc = fixture_doc("briefs/crs-r48887-speakers.txt")
    return doc, find_quotes(doc, [])


def _quote(quotes, start: str):
    return next(q for q in quotes if q.text.startswith(start))


def test_evidence_is_exact(iran):
    doc, quotes = iran
    assert quotes
    for q in quotes:
        for e in q.evidence:
            assert doc.text[e.start : e.end] == e.text
        assert q.evidence[0].text == q.text


def test_announcing_an_act_is_not_reported_speech(iran):
    """"President Trump announced the imposition of a U.S. blockade …": a thing done, not words."""
    _, quotes = iran
    texts = [q.text for q in quotes if not q.direct]
    assert not any(t.startswith(("the imposition of", "its indefinite extension", "Project Freedom")) for t in texts)


def test_a_time_between_subject_and_verb_keeps_the_subject(iran):
    """"President Trump on August 1 said", "Pezeshkian in August reportedly said"."""
    _, quotes = iran
    assert (_quote(quotes, "perimeters of a deal").speaker or "").endswith("Trump")
    assert _quote(quotes, "You cannot fight forever").speaker.endswith("Pezeshkian")
    assert _quote(quotes, "be better that we bring the war").speaker.endswith("Pezeshkian")


def test_subject_carries_over_a_coordinated_verb(iran):
    """"President Trump has rejected this premise and wrote in July that Russian President
    Vladimir Putin "told me …"": Trump wrote it; Putin is inside the reported words."""
    _, quotes = iran
    assert _quote(quotes, "told me that he would not sell").speaker.endswith("Trump")


def test_run_together_initials_belong_to_the_name(iran):
    """"Vice President JD Vance" … "Vice President Vance reiterated …, saying, "…"" is one person."""
    _, quotes = iran
    q = _quote(quotes, "We have to remember")
    assert (q.speaker, q.role) == ("JD Vance", "Vice President")
    # "He elaborated …" continues Vance, the subject of the sentence before.
    assert _quote(quotes, "destroyed [Iran's] nuclear").speaker == "JD Vance"


def test_reported_after_a_coordinated_predicate_and_asserted():
    doc = fixture_doc("briefs/crs-r48787-greer.txt")
    quotes = find_quotes(doc, [])
    q = _quote(quotes, "these meetings held by USTR")
    assert (q.speaker, q.direct, q.citation) == ("Jamieson Greer", False, "24")


@needs_model
def test_coordinated_told_after_had_offered():
    doc = fixture_doc("briefs/wiki-yugoslav-coordinated.txt")
    quotes = find_quotes(doc, [])
    assert _quote(quotes, "a purely formal character").speaker == "Hitler"


@needs_model
def test_he_continues_the_previous_sentences_subject_not_its_last_name():
    """"Macmillan instructed … Ormsby-Gore, to inform Kennedy that … He asked that …": Macmillan."""
    doc = fixture_doc("briefs/wiki-polaris-pronoun.txt")
    quotes = find_quotes(doc, [])
    q = _quote(quotes, "Kennedy be informed")
    assert q.speaker == "Harold Macmillan"
    assert _quote(quotes, "was not the most generous offer").speaker.endswith("Kennedy")
