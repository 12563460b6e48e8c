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


BANGKOK = """MainText:
FIRST AGREEMENT ON TRADE NEGOTIATIONS AMONG DEVELOPING MEMBER COUNTRIES OF THE ECONOMIC AND SOCIAL COMMISSION FOR ASIA AND THE PACIFIC (BANGKOK AGREEMENT) RECOGNIZING the urgent need to take action to implement a trade expansion programme among the developing member countries of ESCAP pursuant to the decisions contained in the Kabul Declaration. GUIDED by the principles contained in the New Delhi Declaration,

HAVE AGREED as follows:

Article 1

The Participating States shall expand trade among themselves.
"""

GOOD_NEIGHBOURS = """TREATY OF GOOD NEIGHBOURLINESS AND CO-OPERATION BETWEEN THE REPUBLIC OF X AND THE REPUBLIC OF Y CONSIDERING the ties of friendship between their peoples, the Parties have agreed as follows:

Article 1

The Parties shall settle their disputes by peaceful means.
"""


KIRIBATI = """FISHERIES PARTNERSHIP AGREEMENT between the European Community on the one hand, and the Republic of Kiribati, on the other THE EUROPEAN COMMUNITY, hereinafter referred to as "the Community", of the one part, and THE REPUBLIC OF KIRIBATI, hereinafter referred to as "Kiribati", of the other part, CONSIDERING the close working relationship between the Community and Kiribati,

HAVE AGREED AS FOLLOWS:

Article 1

This Agreement establishes the principles governing economic cooperation on fisheries.
"""

PARTY_NAMED = """AIR TRANSPORT AGREEMENT between the Kingdom of A and the Republic of B THE KINGDOM OF A, hereinafter referred to as "A", and THE REPUBLIC OF B, hereinafter referred to as "B", have agreed as follows:

Article 1

The Parties shall grant each other the rights specified in this Agreement.
"""

SAN_MARINO = """MainText:
RESOLVED to consolidate and extend the existing close relations between the European Economic Community and the Republic of San Marino, CONSIDERING THAT existing links between the two Parties should be strengthened, HAVE DECIDED to conclude an Agreement.

Article 1

The Parties shall establish a customs union.
"""


@pytest.mark.parametrize("text, expected", [
    (KIRIBATI, "FISHERIES PARTNERSHIP AGREEMENT between the European Community on the one hand, and the Republic of "
               "Kiribati, on the other"),  # GGO KIR-ECFSH_2008A, shortened: ends before the first party's naming
    (PARTY_NAMED, "AIR TRANSPORT AGREEMENT between the Kingdom of A and the Republic of B"),  # a paraphrase
    (SAN_MARINO, None),  # GGO ECSNMR_1991O: the text opens with its preamble, so it has no title of its own
    # GGO DNK-ECRGH_2007A, shortened: the naming put in brackets
    ("FISHERIES PARTNERSHIP AGREEMENT between the European Community on the one hand, and the Government of Denmark "
     "and the Home Rule Government of Greenland, on the other hand THE EUROPEAN COMMUNITY, (hereinafter referred to as "
     "'the Community'), and THE GOVERNMENT OF DENMARK AND THE HOME RULE GOVERNMENT OF GREENLAND, have agreed as "
     "follows:\n\nArticle 1\n\nThe Parties shall cooperate on fisheries.\n",
     "FISHERIES PARTNERSHIP AGREEMENT between the European Community on the one hand, and the Government of Denmark "
     "and the Home Rule Government of Greenland, on the other hand"),
    ("MINDFUL of their common history, the two States wish to conclude a treaty.\n\nArticle 1\n\nThe Parties "
     "shall consult.\n", None),  # a paraphrase of a preamble that opens the text
])
def test_a_title_ends_before_the_preamble_names_the_parties(text: str, expected: str | None) -> None:
    a = analyze_bytes(text.encode(), "t.txt")
    assert [x.title for x in a.agreements if x.role == "primary"][0] == expected


@pytest.mark.parametrize("text, expected", [
    (BANGKOK, "First Agreement on Trade Negotiations among Developing Member Countries of the Economic and Social "
              "Commission for Asia and the Pacific (Bangkok Agreement)"),  # GGO BANGKK_1975A, shortened
    (GOOD_NEIGHBOURS, "Treaty of Good Neighbourliness and Co-operation between the Republic of X and the Republic of Y"),
])
def test_a_title_ends_where_a_preamble_opens_with_its_participle_in_capitals(text: str, expected: str) -> None:
    a = analyze_bytes(text.encode(), "t.txt")
    assert [x.title for x in a.agreements if x.role == "primary"][0] == expected


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
