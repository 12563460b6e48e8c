"""Quotations in hard-wrapped speeches, and the speaker a "…, and I quote, …" aside hands them from.

Excerpts: The White House, "Remarks by President Biden Before the 79th Session of the United Nations
General Assembly" (24 September 2024) and "Remarks by President Biden on the 75th Anniversary of
NATO" (9 July 2024), public domain, wrapped as published; each with a paraphrase the rules were not
written on.
"""

from __future__ import annotations

import pytest

from pactlens.resources import nlp
from tests.doc_support import direct_speakers as _speakers

needs_model = pytest.mark.skipif(not nlp.available(), reason="spaCy model not installed")


def test_a_quotation_runs_over_the_line_breaks_of_a_wrapped_paragraph():
    """A wrapped line break inside the marks is no end of the quotation; a blank line is."""
    text = (
        "Every age faces its challenges.\n\n"
        "Nelson Mandela said, “It always seems impossible until\nit’s done.”\n"
    )
    assert "It always seems " in _speakers(text)
    para = 'The envoy said, "We will keep talking as long as\nthe other side keeps its word."\n'
    assert "We will keep tal" in _speakers(para)
    broken = "He said, “We will keep talking as long as\n\nthe other side keeps its word.”\n"
    assert not any(k.startswith("We will") for k in _speakers(broken))


@needs_model
def test_and_i_quote_hands_the_words_to_the_clause_it_is_attached_to():
    """UNGA 2024: 'Nelson Mandela taught us, and I quote, “…”'; NATO 2024: 'As President Reagan put
    it, and I quote, “…”'; paraphrase: another verb and speaker. The one who quotes ("I") never is."""
    text = "Nelson Mandela taught us, and I quote, “It always seems impossible until\nit’s done.”\n"
    assert _speakers(text)["It always seems "] == "Nelson Mandela"
    nato = (
        "As President Reagan put it, and I quote, “If our fellow democracies are\n"
        "not secure, we cannot be secure.”\n"
    )
    assert _speakers(nato)["If our fellow de"] in ("Ronald Reagan", "Reagan", "President Reagan")
    para = (
        "Winston Churchill once reminded his colleagues, and I quote, “We shall defend our island,\n"
        "whatever the cost may be.”\n"
    )
    assert _speakers(para)["We shall defend "] == "Winston Churchill"


@needs_model
def test_a_title_and_a_name_parsed_as_two_subjects_give_the_name():
    """UNGA 2024: 'the Irish poet William Butler Yeats described a world, and I quote, where “…”';
    paraphrase: another title, name and verb."""
    text = (
        "In 1919, the Irish poet William Butler Yeats described a world, and I\n"
        "quote, where “Things fall apart; the centre cannot hold; Mere anarchy is\nloosed upon the world.”\n"
    )
    # The name itself is the people reader's (here "William Butler"); the subject chosen is the name.
    assert "William Butler" in (_speakers(text)["Things fall apar"] or "")
    para = (
        "In 1946, the British statesman Winston Churchill described a continent, and I quote, where “an iron "
        "curtain has descended across the continent.”\n"
    )
    assert _speakers(para)["an iron curtain "] == "Winston Churchill"
