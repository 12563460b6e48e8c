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
