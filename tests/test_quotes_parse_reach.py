"""Speakers read from the parse however deep the quotation sits: the reported clause of a speech
verb, a possessed noun for something said, and "it" continuing the subject of the sentences before.

Excerpts: Office of the Historian (U.S. Department of State), "Kennan and Containment, 1947"
(public domain); Wikipedia, "North Atlantic Treaty" (CC BY-SA 4.0); each with a paraphrase the
rules were not written on.
"""

from __future__ import annotations

import pytest

from pactlens.resources import nlp
from tests.doc_support import direct_speakers as _speakers

pytestmark = pytest.mark.skipif(not nlp.available(), reason="spaCy model not installed")


def test_a_quotation_deep_in_a_reported_clause_is_the_reporters():
    """North Atlantic Treaty: 'the Turkish Deputy Prime Minister said that he intended … because of the
    downing of an "unarmed" … jet which was … on a "solo mission …"'; paraphrase: another office."""
    text = (
        "On 25 June, the Turkish Deputy Prime Minister said that he intended to raise Article 5 at a "
        "specially-convened NATO meeting because of the downing of an \"unarmed\" Turkish military jet which "
        "was \"13 sea miles\" from Syria over \"international waters\" on a \"solo mission to test domestic radar "
        "systems\".\n"
    )
    assert _speakers(text)["solo mission to "] == "Turkish Deputy Prime Minister"
    para = (
        "On 3 May, the Japanese Foreign Minister said that his government would lodge a protest because of the "
        "seizure of a fishing boat which had been on a \"routine voyage through waters its crew has fished for "
        "decades\".\n"
    )
    assert _speakers(para)["routine voyage t"] == "Japanese Foreign Minister"


def test_a_possessed_noun_for_something_said_gives_its_owner():
    """Kennan 1947: 'interpreted Kennan’s call for “the adroit and vigilant application of
    counter-force”'; paraphrase: another owner and noun. A possessive pronoun names no one."""
    text = (
        "Nitze, who saw the Soviet threat primarily in military terms, interpreted Kennan’s call for “the "
        "adroit and vigilant application of counter-force” to mean the use of military power.\n"
    )
    assert _speakers(text)["the adroit and v"] == "Kennan"
    para = "Several diplomats dismissed Gromyko’s warning of “a new and far more dangerous arms race in Europe” as bluster.\n"
    assert _speakers(para)["a new and far mo"] == "Gromyko"
    mine = "Several diplomats dismissed his warning of “a new and far more dangerous arms race in Europe” as bluster.\n"
    assert _speakers(mine)["a new and far mo"] is None


def test_it_continues_the_subject_of_the_sentences_before():
    """Kennan 1947: 'NSC 68, a policy document …, called for … The paper also expanded … “…,” it read';
    paraphrase: another document. A paragraph break, or a person as the subject, ends the search."""
    text = (
        "NSC 68, a policy document prepared by the National Security Council and signed by Truman, called for "
        "a drastic expansion of the U.S. military budget. The paper also expanded containment’s scope beyond "
        "the defense of major centers of industrial power to encompass the entire world. “In the context of "
        "the present polarization of power,” it read, “a defeat of free institutions anywhere is a defeat "
        "everywhere.”\n"
    )
    assert "NSC 68" in (_speakers(text)["In the context o"] or "")
    para = (
        "The Helsinki Final Act set out ten principles for relations between the participating states. The "
        "text also bound its signatories to respect human rights. “The participating States will respect human "
        "rights and fundamental freedoms,” it read.\n"
    )
    assert "Helsinki Final Act" in (_speakers(para)["The participatin"] or "")
    apart = (
        "The Helsinki Final Act set out ten principles for relations between the participating states.\n\n"
        "“The participating States will respect human rights and fundamental freedoms,” it read.\n"
    )
    assert _speakers(apart)["The participatin"] is None


def test_a_subject_the_parser_ran_in_from_the_sentence_before_is_none():
    """North Atlantic Treaty: '… its southern border.[12][13] A press statement released by the
    Alliance declared that "Turkey requested …"': never Turkey, the subject of the sentence before."""
    text = (
        "Turkey announced plans to convoke under Article 4 an extraordinary meeting on 28 July 2015, ostensibly "
        "in response to the 2015 Suruç bombing, which it attributed to ISIS, and other security issues along its "
        "southern border.[12][13] A press statement released by the Alliance declared that \"Turkey requested the "
        "meeting in view of the seriousness of the situation after the heinous terrorist attacks in recent days.\"\n"
    )
    assert _speakers(text)["Turkey requested"] != "Turkey"


def test_a_subject_left_unnamed_on_purpose_gives_no_speaker():
    """CRS R48887 (2026): 'One September 2026 analysis concluded that "…" and that "…"'; paraphrase:
    'Some officials'. However deep the quotation, a generic subject names no one."""
    text = (
        "One September 2026 analysis concluded that \"Tehran's decentralized drone ecosystem can regenerate more "
        "rapidly than its missile production capabilities\" and that \"Iran may regain drone mass within months\".\n"
    )
    assert _speakers(text)["Iran may regain "] is None
    para = (
        "Some European officials have argued that the new sanctions regime would in practice be applied to "
        "\"every ship that calls at a port controlled by the rebels\".\n"
    )
    assert _speakers(para)["every ship that "] is None
