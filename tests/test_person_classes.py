"""People an editor's bracket completes, and places the NER takes for people (extract/prose/people.py,
person_mentions.py, person_evidence.py): a short real excerpt and a paraphrase per class.

Excerpts: Wikipedia, "North Atlantic Treaty" (Theodore Achilles's recollection quoted there; CC BY-SA
4.0, Wikipedia contributors); State Department Office of the Historian, "The Taiwan Straits Crises:
1954–55 and 1958" (public domain).
"""

from __future__ import annotations

import pytest

from pactlens.extract.prose.entities import find_entities
from pactlens.resources import nlp as models
from tests.doc_support import make_doc

pytestmark = pytest.mark.skipif(not models.available(), reason="spaCy model not installed")


def _people(text: str) -> dict[str, set[str]]:
    """name -> every form of each person found in ``text`` read as a brief."""
    doc = make_doc(text)
    return {e.name: {e.name, *e.aliases} for e in find_entities(doc, "brief") if e.kind == "person"}


@pytest.mark.parametrize(("text", "given", "full"), [
    # "North Atlantic Treaty", with the sentence before it in the same recollection
    ("More than any human being Jack was responsible for the nature, content, and form of the Treaty, Achilles "
     "said. It was never shown to anyone except Jack [Hickerson]. John D. Hickerson was director of European "
     "affairs at the State Department in 1948.", "Jack", "John D. Hickerson"),
    # paraphrase
    ("Truman said that Ike was the only man for the command, and he told Ike [Eisenhower] so in December 1950. "
     "Dwight D. Eisenhower took up the post in 1951.", "Ike", "Dwight D. Eisenhower"),
])
def test_a_given_name_an_editors_bracket_completes_is_that_person(text, given, full):
    found = _people(text)
    assert given not in found  # no one of their own
    assert given in found[full]


@pytest.mark.parametrize(("text", "place", "person"), [
    # "The Taiwan Straits Crises"
    ("In the early 1950s, Chiang's forces launched minor attacks from Jinmen and Mazu against the coast of mainland "
     "China. Mazu lies ten miles from the city of Fuzhou, and Chiang garrisoned it heavily.", "Mazu", "Chiang"),
    # paraphrase: the rule leaves "in" alone ("met Erdogan in Sochi and Xi")
    ("Putin met Erdogan in Sochi and Xi later that year, while convoys left from Tartus and Latakia for the coast "
     "near Baniyas and Jableh.", "Jableh", "Xi"),
])
def test_a_name_paired_with_a_place_after_a_preposition_of_place_is_no_person(text, place, person):
    found = _people(text)
    assert place not in found
    assert person in found


@pytest.mark.parametrize(("text", "capital", "person"), [
    # White House, Vice President Harris's remarks at the Munich Security Conference, 16 February 2024 (public
    # domain), as wrapped there
    ("In Munich two years ago, many thought Kyiv would fall in a matter of\ndays. Kyiv still stands, Harris said, "
     "and Zelenskyy thanked her.", "Kyiv", "Zelenskyy"),
    # paraphrase
    ("Few expected that Kigali would host the summit in 2022, but Kigali did, and Kagame opened it himself.",
     "Kigali", "Kagame"),
])
def test_a_capital_city_is_no_person(text, capital, person):
    found = _people(text)
    assert capital not in found
    assert person in found


@pytest.mark.parametrize(("text", "name"), [
    # White House, President Biden's remarks on NATO's 75th anniversary, 9 July 2024 (public domain)
    ("I personally asked you to extend your service. (Laughs.) And you did.", "Laughs"),
    ("Thank you all. (Applause.) Now to the business of the day.", "Applause"),
    # a contraction at a sentence's start (the joint press conference in Munich, 17 February 2024), and a paraphrase
    ("Thank you. I’m glad to have this meeting today.", "I’m"),
    ("We’re ready, she said.", "We’re"),
])
def test_a_stage_direction_or_a_contraction_is_no_name(text, name):
    from pactlens.extract.prose.person_evidence import not_a_person

    start = text.index(name)
    assert not_a_person(text, start, start + len(name), frozenset(), frozenset()) is not None
    assert not_a_person("Then Lawrence spoke.", 5, 13, frozenset(), frozenset()) is None
