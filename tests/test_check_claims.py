"""`pactlens check`, by class of sentence (issue 16): article references right and wrong, signing
kept apart from ratification and entry into force, paraphrase, history.

The treaties are real excerpts (tests/fixtures/SOURCES.md): the UN Charter's title, Chapter V
through Article 27 and its last lines; the Kellogg–Briand Pact whole (Dutch treaty database,
English text, whose closing formula runs on: "…affix their seals.DONE at Paris"). The claims are
sentences of the Wikipedia articles "United Nations Security Council" and "Kellogg–Briand Pact"
(shared/eval/claims, CC BY-SA, Wikipedia contributors), each followed by a paraphrase written for
this test that the rules were not written on. What each text says, read by hand:

- Charter Art. 23: fifteen members; non-permanent members elected for two years; a retiring
  member not eligible for immediate re-election. Art. 27: nine votes on procedural matters; nine
  including the concurring votes of the permanent members on all other matters.
- Kellogg–Briand: Art. I renounces war as an instrument of national policy; Art. II: disputes
  settled only by pacific means; Art. III: in force when all ratifications are deposited at
  Washington (no date); done at Paris, 27 August 1928.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from pactlens.verify.facts import dated_events

CHARTER = FIXTURES / "treaties" / "un-charter-1945-chapter-v-excerpt.txt"
KELLOGG = FIXTURES / "treaties" / "kellogg-briand-1928.txt"

# sentence -> label
CHARTER_CLAIMS = {
    # an article reference, right (Wikipedia) and its paraphrase
    "Under Article 27 of the UN Charter, Security Council decisions on all substantive matters require the "
    "affirmative votes of nine of the members.": "supported",
    "Article 27 of the Charter says that procedural decisions of the Council need nine affirmative votes.":
        "supported",
    # an article reference, wrong: the content is Article 23's
    "Article 27 of the Charter provides that a retiring member is not eligible for immediate re-election.":
        "contradicted",
    "Under Article 27 of the Charter, the non-permanent members are elected for a term of two years.":
        "contradicted",
    # paraphrase without a reference (Wikipedia, then written for the test)
    "A retiring member is not eligible for immediate re-election.": "supported",
    "Each non-permanent member of the Council serves a two-year term.": "supported",
    # not in the text: the rules of procedure, not the Charter
    "The body's presidency rotates monthly amongst its members.": "not-in-text",
    "The presidency of the Council changes hands every month.": "not-in-text",
}

KELLOGG_CLAIMS = {
    # signing and ratification kept apart: the ratification year does not date the signing
    "The pact was signed in Paris on 27 August 1928 and ratified by the United States in 1929.": "supported",
    "The treaty, signed at Paris in August 1928, was ratified by France in 1929.": "supported",
    "It was provided that it would come into effect on 24 July 1929.": "not-in-text",  # a condition, no date
    # a paraphrase of Articles I and II
    "The pact renounced the use of war and calls for the peaceful settlement of disputes.": "supported",
    "The treaty commits its parties to settle their disputes only by pacific means.": "supported",
}

# history, reception: not about what the text says
KELLOGG_HISTORY = [
    "In the United States, the Senate approved the treaty overwhelmingly, 85–1, with only Wisconsin Republican "
    "John J. Blaine voting against over concerns with British imperialism.",
    "The pact has been ridiculed by historians for its moralism and legalism.",
]


def _run(tmp_path_factory, treaty, sentences):
    from pactlens.pipeline import check

    brief = tmp_path_factory.mktemp("claims") / "brief.txt"
    brief.write_text(" ".join(sentences) + "\n", encoding="utf-8")  # one paragraph: "it" is the treaty
    return check(brief, treaty)


@pytest.fixture(scope="module")
def charter(tmp_path_factory):
    return _run(tmp_path_factory, CHARTER, list(CHARTER_CLAIMS))


@pytest.fixture(scope="module")
def kellogg(tmp_path_factory):
    return _run(tmp_path_factory, KELLOGG, [*KELLOGG_CLAIMS, *KELLOGG_HISTORY])


def _labels(result, sentences):
    got = {c.text: c.label for c in result.claims}
    return {s: got.get(s) for s in sentences}


def test_article_references_and_paraphrase(charter):
    assert _labels(charter, CHARTER_CLAIMS) == CHARTER_CLAIMS


def test_a_wrong_article_reference_points_at_both_articles(charter):
    """The claim about Article 27 whose content is Article 23's carries both clauses as evidence."""
    wrong = next(c for c in charter.claims if c.text.startswith("Article 27 of the Charter provides"))
    text = charter.treaty.text
    art23, art27 = text.index("Article 23"), text.index("Article 27")
    starts = [e.start for e in wrong.treaty_evidence]
    assert any(art23 < s < art27 for s in starts) and any(s >= art27 for s in starts)
    assert "Article 23" in wrong.reason and "Article 27" in wrong.reason
    for c in charter.claims:
        for e in c.treaty_evidence:
            assert charter.treaty.text[e.start:e.end] == e.text
        for e in c.brief_evidence:
            assert charter.brief.text[e.start:e.end] == e.text


def test_signing_kept_apart_from_ratification_and_entry_into_force(kellogg):
    assert _labels(kellogg, KELLOGG_CLAIMS) == KELLOGG_CLAIMS
    signed = next(c for c in kellogg.claims if c.text.startswith("The pact was signed in Paris"))
    assert "1928-08-27" in signed.reason and "Paris" in signed.reason  # "DONE at Pa|ris" read whole


def test_history_is_not_about_the_text(kellogg):
    got = {c.text: c.label for c in kellogg.claims}
    for sentence in KELLOGG_HISTORY:
        assert got.get(sentence, "not-about-text") == "not-about-text", sentence


def test_what_was_done_with_an_article_is_history(tmp_path_factory):
    """"Article 5 was invoked …" (after the Wikipedia article "North Atlantic Treaty") tells what was
    done with the article, not what it says; its paraphrase likewise. The sentence about what
    Article 5 says is a claim, and supported (North Atlantic Treaty, tests/fixtures/treaties)."""
    says = "Article 5 of the treaty states that an armed attack against one member is considered an attack against all."
    history = ["Article 5 was invoked for the first time after the September 11 attacks.",
               "The members of the alliance invoked Article 5 in 2001."]
    result = _run(tmp_path_factory, FIXTURES / "treaties" / "north-atlantic-1949.txt", [says, *history])
    got = {c.text: c.label for c in result.claims}
    assert got[says] == "supported"
    assert [got.get(s, "not-about-text") for s in history] == ["not-about-text", "not-about-text"]


def test_dates_belong_to_their_event():
    events = [(e, d.iso) for e, d in dated_events("It was signed on 27 August 1928 and ratified in 1929.")]
    assert events == [("signature", "1928-08-27"), ("ratification", "1929")]
    events = [(e, d.iso) for e, d in dated_events("GATT took effect on 1 January 1948.")]
    assert events == [("entry-into-force", "1948-01-01")]
    events = [(e, d.iso) for e, d in dated_events("On 17 January 2025, the two presidents signed the treaty.")]
    assert events == [("signature", "2025-01-17")]


def test_dates_are_read_with_extracts_event_words():
    """Wikipedia, "Treaty on Open Skies" (shared/corpus/briefs/dev): "Until entry into force in
    January 2002, …" dates the entry into force (extract's words for a treaty's final clauses);
    paraphrases: an accession told with "acceding", a signing with the lexicon's "sign"."""
    real = "Until entry into force in January 2002, DTRA support for the treaty involved participation in trial flights."
    assert [(e, d.iso) for e, d in dated_events(real)] == [("entry-into-force", "2002-01")]
    para = "Montenegro, acceding in 2006, was the last state to join before the treaty was suspended."
    assert [(e, d.iso) for e, d in dated_events(para)][0] == ("accession", "2006")
    assert [e for e, _ in dated_events("The two leaders will sign in March 2026 in Tehran.")] == ["signature"]


def test_clauses_of_a_compound_sentence():
    """One sentence, several claims (UNSC article; then a paraphrase)."""
    from pactlens.structure.doc import Span
    from pactlens.verify.claim_clauses import clauses

    for text, first, last in [
        ("The Security Council is one of the six principal organs and is charged with ensuring international peace "
         "and security, recommending the admission of new members, and approving any changes to the Charter.",
         "The Security Council is one of the six", "approving any changes to the Charter"),
        ("Abstention is not regarded as a veto in most cases, though all five permanent members must vote for "
         "adopting any amendment.", "Abstention is not regarded as a veto in most cases",
         "though all five permanent members must vote for adopting any amendment"),
        ("The Council has fifteen members; five of them hold their seats permanently.", "The Council has fifteen members",
         "five of them hold their seats permanently"),
    ]:
        got = [text[s.start:s.end] for s in clauses(text, Span(0, len(text)))]
        assert got[0].startswith(first) and got[-1].startswith(last), got


def test_article_references_are_read():
    from pactlens.verify.articles import find_article_refs

    refs = find_article_refs("Articles 45–47 of the UN Charter; Article VI of the GATT; Article 24, paragraph 5B; Chapter VII")
    assert [(r.kind, r.numbers, r.paragraph) for r in refs] == [
        ("article", ("45", "46", "47"), None), ("article", ("6",), None), ("article", ("24",), "5B"),
        ("chapter", ("7",), None)]


def test_the_act_is_a_law_not_the_treaty():
    """Wikipedia, "General Agreement on Tariffs and Trade" (shared/eval/claims): "This Act gave the
    President the widest-ever negotiating authority" is the Trade Expansion Act, so "This Act" is no
    back-reference to the treaty; the other instrument nouns of the lexicon are (paraphrases)."""
    from pactlens.verify import claim_names as claims

    assert claims._GENERIC_AGREEMENT.search("This Act gave the President the widest-ever negotiating authority.") is None
    assert claims._GENERIC_AGREEMENT.search("The Covenant binds each party to report every five years.")
    assert claims._GENERIC_AGREEMENT.search("The accords set out a timetable for withdrawal.")


def test_one_entry_into_force_phrase_for_claims_and_the_treaty_clause():
    """Wikipedia, "Kellogg–Briand Pact" (shared/eval/claims): "It was provided that it would come into
    effect on 24 July 1929" states a fact of the text; the North Atlantic Treaty (shared/corpus/treaties),
    Article 11: "The Treaty shall enter into force between the states which have ratified it" is such a
    clause of a treaty; then paraphrases. "effective" is the event table's alone."""
    from pactlens.verify.claims import IN_FORCE_FACT
    from pactlens.verify.judge_facts import _IN_FORCE

    assert IN_FORCE_FACT.search("It was provided that it would come into effect on 24 July 1929.")
    assert IN_FORCE_FACT.search("It went into force in 1970, after the fortieth ratification.")
    assert _IN_FORCE.search("The Treaty shall enter into force between the states which have ratified it")
    assert _IN_FORCE.search("This Agreement shall take effect on the day of its signature.")
    assert not _IN_FORCE.search("The Parties shall take effective measures against terrorism.")
