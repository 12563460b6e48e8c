"""Quotations in ASCII single marks and speakers that are not named people:
institutions, documents, officials by role, "according to", a quote continued
in the next sentence, a back-reference ("The document adds") and a pronoun
after a bare-title subject.

Each class has a short real excerpt (source in the test's docstring) and a
paraphrase the rule was not written on.
"""

from __future__ import annotations

from pactlens.extract.prose.quotes import find_quotes
from pactlens.extract.prose.speakers import according_to, named_subject
from tests.doc_support import make_doc


def _quotes(text: str):
    doc = make_doc(text)
    quotes = find_quotes(doc, [])
    for q in quotes:
        for e in q.evidence:
            assert doc.text[e.start : e.end] == e.text
    return quotes


def _speaker_of(quotes, start: str):
    return next(q for q in quotes if q.text.startswith(start)).speaker


def test_ascii_single_quotes_with_apostrophes_inside_words():
    """Daily Mail, 15 September 2020, "Trump to preside over historic Arab-Israel
    recognition": British style, apostrophes in "We're", "they're"."""
    quotes = _quotes(
        "President Donald Trump on Tuesday hailed the 'dawn of a new Middle East' when he presided over the signing.\n\n"
        "'Today the world sees that they're choosing cooperation over conflict. Friendship over enmity,' he said.\n\n"
        "'You have a key to the hearts of the Jewish people,' Prime Minister Benjamin Netanyahu told the president in response.\n"
    )
    assert _speaker_of(quotes, "dawn of a new Middle East") == "Donald Trump"
    assert _speaker_of(quotes, "Today the world sees that they're choosing") == "Donald Trump"
    assert _speaker_of(quotes, "You have a key") == "Benjamin Netanyahu"


def test_ascii_single_quotes_paraphrase_plural_possessive_is_no_closing_mark():
    """Paraphrase: a plural possessive ("the ministers' talks") inside the quotation."""
    quotes = _quotes(
        "'The ministers' talks went on late into the night and we reached a text,' Foreign Minister Anna Berg said.\n"
    )
    assert len(quotes) == 1
    assert quotes[0].text.startswith("The ministers' talks went on") and quotes[0].text.endswith("a text,")
    assert quotes[0].speaker == "Anna Berg"


def test_quote_continued_in_the_next_sentence_and_the_official_by_role():
    """Daily Mail, 15 September 2020: an official by role, a quotation continuing in
    the next sentence, then "the official said" in the next paragraph."""
    quotes = _quotes(
        "'The e-mail that went out for all invitees was an encouragement to wear a mask,' a senior administration "
        "official said on a call with reporters Monday. 'We're not going to require anybody to do so.'\n\n"
        "'But, ultimately, it's not going to be required and it will be on the South Lawn,' the official said.\n"
    )
    assert {q.speaker for q in quotes} == {"senior administration official"}
    assert len(quotes) == 3


def test_continuation_paraphrase_stops_at_an_intervening_sentence():
    """Paraphrase: a sentence without a quotation between breaks the continuation."""
    quotes = _quotes(
        "\"We will open the border crossings within a week,\" the interior minister Omar Said told reporters. "
        "The announcement surprised observers in the capital. "
        "\"Nobody in this city expected the crossings to open so soon after the fighting.\"\n"
    )
    assert _speaker_of(quotes, "We will open") == "Omar Said"
    assert _speaker_of(quotes, "Nobody in this city") is None


def test_pronoun_after_a_bare_title_subject_takes_the_title_holder():
    """Daily Mail, 15 September 2020: "The president said more Gulf nations …" then
    "'…,' he said" is the president (Trump), not the man quoted just before."""
    quotes = _quotes(
        "President Donald Trump welcomed the guests. "
        "'You have a key to the hearts of the Jewish people,' Benjamin Netanyahu told him.\n\n"
        "The president said more Gulf nations were preparing to sign similar deals.\n\n"
        "'We're very far down the road with 5 additional countries,' he said.\n"
    )
    assert _speaker_of(quotes, "We're very far down the road") == "Donald Trump"


def test_institutions_and_documents_as_subjects():
    """CRS IF12672, "Russia's Nuclear Weapons" (2026, public domain): agencies and
    their documents say things; Markdown link syntax sits between subject and verb."""
    quotes = _quotes(
        "The U.S. intelligence community's 2026 Annual Threat Assessment (ATA) "
        "[states](https://www.intelligence.senate.gov/ata.pdf#page=18) that Russia \"is modernizing its nuclear "
        "weapons capabilities in the face of multiple failed tests of new systems.\" "
        "In a 2026 annual report to Congress, the State Department [stated](https://www.state.gov/r.pdf) that "
        "\"Russia was probably close to the deployed warhead limit during much of the year.\"\n"
    )
    assert "Annual Threat Assessment" in _speaker_of(quotes, "is modernizing")
    assert _speaker_of(quotes, "Russia was probably close") == "State Department"


def test_institution_subject_paraphrase_and_a_generic_source_is_no_one():
    """Paraphrase: a ministry and a news agency; "one account" names no one."""
    quotes = _quotes(
        "The Ministry of Foreign Affairs later warned that \"any further incursion will meet a firm response "
        "from the armed forces.\" German radio announced that \"the talks would resume in the spring after the "
        "elections.\" According to one account, \"the delegates left the hall before the vote was taken.\"\n"
    )
    assert _speaker_of(quotes, "any further incursion") == "Ministry of Foreign Affairs"
    assert _speaker_of(quotes, "the talks would resume") == "German radio"
    assert _speaker_of(quotes, "the delegates left") is None


def test_according_to_a_document_and_the_document_back_reference():
    """CRS IF12672: "According to a November 2024 revision of Russia's nuclear
    declaratory policy, …" then "The document adds that …": the document speaks."""
    quotes = _quotes(
        "According to a November 2024 revision of Russia's [nuclear declaratory policy](https://x.org/p.pdf),"
        "Russian nuclear deterrence policy seeks a level that \"guarantees the protection of sovereignty and "
        "territorial integrity.\" The document adds that the president could authorize employment upon "
        "\"the receipt of reliable data about a ballistic missile attack.\"\n"
    )
    assert "nuclear declaratory policy" in _speaker_of(quotes, "guarantees the protection")
    assert "nuclear declaratory policy" in _speaker_of(quotes, "the receipt of reliable data")


def test_back_reference_paraphrase_with_no_earlier_document_is_no_one():
    """Paraphrase: "The report stated" with no named document or agency before it."""
    quotes = _quotes(
        "Fighting resumed along the border in March. The report stated that \"both armies had moved artillery "
        "closer to the line of contact.\"\n"
    )
    assert _speaker_of(quotes, "both armies had moved") is None


def test_named_subject_rules():
    """Phrases before a speech verb: what names a speaker and what does not."""
    cases = {
        "A 2025 DIA statement posited": "2025 DIA statement",
        "Following the summit, Gazprom announced": "Gazprom",
        "Gazprom announced": None,  # a lone word opening the sentence must be capitalised mid-sentence somewhere
        "An Office of the U.S. Trade Representative (USTR) official at the time argued":
            "Office of the U.S. Trade Representative (USTR) official",
        "Critics said": None,
        "The revised treaty stated": None,
        "Officials from the ministry said": None,
    }
    for text, want in cases.items():
        verb = text.rsplit(" ", 1)[0]
        got = named_subject(text, 0, len(verb) + 1)
        assert (got.name if got else None) == want, text
    text = "Shares of Gazprom rose. Gazprom announced"
    got = named_subject(text, text.index("Gazprom a"), text.rindex("announced"))
    assert got is not None and got.name == "Gazprom"


def test_according_to_rules():
    phrase = "the U.S. State Department's 2025 Trafficking in Persons Report"
    got = according_to(phrase, 0, len(phrase))
    assert got is not None and got.kind == "document" and "State Department" in got.name
    assert according_to("one account", 0, 11) is None
    assert according_to("most estimates", 0, 14) is None
