"""All-caps treaty titles written as titles, keeping the acronyms and numerals the text itself uses.

The first excerpt is the opening of the Fourth ACP-EEC Convention (Lomé IV, 1989), shortened,
from the GGO agreements corpus (shared/corpus/agreements-ggo/LOME_1989O4.txt); the second is a
paraphrase in the same shape that the rule was not written on.
"""

from __future__ import annotations

import pytest

from pactlens.extract.records import acronyms_in, title_case
from pactlens.pipeline import analyze_bytes

LOME = """FOURTH ACP-EEC CONVENTION

Signed at Lomé on 15 December 1989

PREAMBLE

RESOLVED to make, through their cooperation, a significant contribution to the economic, social and cultural development of the ACP States;

HAVE AGREED AS FOLLOWS:

ARTICLE 1

The Community and its Member States, of the one part, and the ACP States, of the other part, hereby conclude this cooperation Convention. The Contracting Parties thereby affirm their undertaking to continue the system of cooperation established under the first, second and third ACP-EEC Conventions.

ARTICLE 2

ACP-EEC cooperation shall be exercised on the basis of equality between partners.
"""

PARAPHRASE = """TREATY OF FRIENDSHIP BETWEEN THE USSR AND THE GDR

The High Contracting Parties, resolved to strengthen the ties between the USSR and the GDR,
have agreed as follows:

Article 1

The Parties shall consult each other on all important international questions; this AGREEMENT
shall not affect the obligations of the GDR under other treaties.
"""


def test_the_lome_convention_keeps_its_acronym() -> None:
    a = analyze_bytes(LOME.encode(), "lome.txt")
    assert [x.title for x in a.agreements if x.role == "primary"][0] == "Fourth ACP-EEC Convention"


def test_a_paraphrase_keeps_the_states_acronyms_and_not_an_emphasised_word() -> None:
    assert acronyms_in(PARAPHRASE, "TREATY OF FRIENDSHIP BETWEEN THE USSR AND THE GDR AGREEMENT") == {"USSR", "GDR"}
    a = analyze_bytes(PARAPHRASE.encode(), "gdr.txt")
    assert [x.title for x in a.agreements if x.role == "primary"][0] == "Treaty of Friendship between the USSR and the GDR"


@pytest.mark.parametrize("title, acronyms, expected", [
    ("SECOND PROTOCOL II TO THE CONVENTION", (), "Second Protocol II to the Convention"),  # numerals stay
    ("Agreement between NATO and the EU", (), "Agreement between NATO and the EU"),  # mixed case: as written
    ("CIVIL AVIATION AGREEMENT", (), "Civil Aviation Agreement"),  # a word of numeral letters is a word
    # GGO BANGKK_1975A's title: a name in brackets is capitalised after its opening mark
    ("FIRST AGREEMENT ON TRADE NEGOTIATIONS (BANGKOK AGREEMENT)", (),
     "First Agreement on Trade Negotiations (Bangkok Agreement)"),
    ("TREATY OF AMITY [THE SECOND PACT II]", (), "Treaty of Amity [The Second Pact II]"),  # a paraphrase
])
def test_title_case(title: str, acronyms, expected: str) -> None:
    assert title_case(title, acronyms) == expected
