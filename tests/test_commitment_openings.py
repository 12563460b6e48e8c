"""extract/commitment.py tries each cue pattern only where one of its alternatives can begin
(_OPENINGS); on every sentence here that must answer as a search over every character does.
Sentences: the North Atlantic Treaty (Arts. 5, 11, 13), the Russia-Iran brief
(examples/russia-iran-2025-brief.txt), GGO agreements (EEC-Mozambique fisheries, GATT 1947); the
rest are paraphrases written for this test, one per cue family."""

from __future__ import annotations

import pytest

from pactlens.extract import commitment
from pactlens.structure.scan import folded

SENTENCES = [
    "The Parties agree that an armed attack against one or more of them shall be considered an attack against them all.",
    "This Treaty shall be ratified and its provisions carried out by the Parties in accordance with their respective "
    "constitutional processes.",
    "After the Treaty has been in force for twenty years, any Party may cease to be a Party.",
    "However, the Treaty does not establish a formal military alliance or obligate mutual defence commitments.",
    "The Community shall endeavour to facilitate the landing of catches in Mozambique.",
    "For the purposes of this Agreement, the term \u201cvessel\u201d means any fishing boat.",
    "The contracting parties undertook to refrain from any action which might impair the concession.",
    "Each Party hereby establishes a joint commission, and both sides pledged support.",
    # paraphrases
    "Nothing in this Accord shall be construed as a guarantee of the border.",
    "The pact stops short of a mutual-defence clause; it is not a military alliance.",
    "The 'Area' means the waters under the jurisdiction of Mozambique.",
    "Both governments plan to explore, as far as possible, new routes and will make every effort to agree.",
    "The instruments of accession shall be deposited with the depositary and are to be registered with the UN.",
    "The two sides are obliged to consult and must, where appropriate, seek best efforts.",
    "Done in Moscow, in two originals, equally authentic.",
    "It binds itself to nothing; the ministers emphasised the accord and declared that it would work towards peace.",
    "The agreement may 5 be applied provisionally.",
]
PATTERNS = ["DEFINITION", "MECHANICS", "EXCLUDED", "_MODAL_THEN_SOFT", "BINDING", "SOFT"]


@pytest.mark.parametrize("name", PATTERNS)
def test_tried_at_openings_is_searched_everywhere(name):
    rx = getattr(commitment, name)
    found = [commitment._found(name, rx, s, folded(s)) for s in SENTENCES]
    assert found == [rx.search(s) is not None for s in SENTENCES]
    assert any(found), f"no sentence exercises {name}"
