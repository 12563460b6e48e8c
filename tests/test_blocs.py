"""Bloc membership tables: who was a member on a date, and which bloc a name is."""

from __future__ import annotations

import pytest

from pactlens.resources.blocs import bloc_named, blocs, find_blocs
from pactlens.resources.states import get


def test_every_member_is_a_known_state_and_every_bloc_has_a_source() -> None:
    for bloc in blocs().values():
        assert bloc.source and bloc.memberships
        for m in bloc.memberships:
            assert get(m.iso3) is not None, (bloc.id, m.iso3)
            assert m.left is None or m.joined < m.left


@pytest.mark.parametrize(
    ("bloc", "date", "members"),
    [
        ("EU", "1972-12-19", {"BEL", "DEU", "FRA", "ITA", "LUX", "NLD"}),  # before the first enlargement
        ("EU", "1973-05-14", {"BEL", "DEU", "FRA", "ITA", "LUX", "NLD", "DNK", "IRL", "GBR"}),
        ("EFTA", "1995-12-07", {"ISL", "LIE", "NOR", "CHE"}),  # after AUT, FIN, SWE left for the EU
        ("MERCOSUR", "1991-03-26", {"ARG", "BRA", "PRY", "URY"}),  # founders on the founding day
        ("EAEU", "2015-05-08", {"BLR", "KAZ", "RUS", "ARM"}),  # before Kyrgyzstan's accession
    ],
)
def test_members_on_a_date(bloc: str, date: str, members: set[str]) -> None:
    assert set(blocs()[bloc].members(date)) == members


def test_a_year_alone_counts_from_its_first_day() -> None:
    """Cape Verde's ECOWAS membership is dated by its year only."""
    assert "CPV" in blocs()["ECOWAS"].members("1977-06-01")
    assert "CPV" not in blocs()["ECOWAS"].members("1976-12-31")


def test_the_uk_left_the_eu() -> None:
    assert "GBR" in blocs()["EU"].members("2020-01-31")
    assert "GBR" not in blocs()["EU"].members("2020-02-01")


@pytest.mark.parametrize(
    ("text", "bloc"),
    [
        # GGO EFTPLN_1992O.txt
        ("the Swiss Confederation (hereinafter called the EFTA States) and the Republic of Poland", "EFTA"),
        # GGO ECSLVN_1993O.txt
        ("COOPERATION AGREEMENT between the European Economic Community and the Republic of Slovenia", "EU"),
        # paraphrases
        ("an agreement between the Southern Common Market and the State of Israel", "MERCOSUR"),
        ("The GOVERNMENTS of the GCC Member States and the Republic of Singapore", "GCC"),
    ],
)
def test_bloc_names_are_found(text: str, bloc: str) -> None:
    assert [m.bloc.id for m in find_blocs(text)] == [bloc]


def test_acronyms_are_case_sensitive() -> None:
    assert bloc_named("eu") is None
    assert find_blocs("sec. 3, ec. 4") == []
    assert bloc_named("european free trade association").id == "EFTA"


def test_a_bloc_party_brings_its_members_marked_via_it() -> None:
    from pactlens.extract.bloc_parties import with_members
    from pactlens.model import Evidence, Party

    ev = [Evidence(start=0, end=27, text="European Economic Community")]
    parties = [Party(name="European Economic Community", evidence=ev), Party(name="Malta", iso3="MLT")]
    out = with_members(parties, "1970-12-05")
    assert {p.iso3 for p in out if p.via == "European Economic Community"} == {"BEL", "DEU", "FRA", "ITA", "LUX", "NLD"}
    assert all(p.evidence == ev for p in out if p.via)
    assert with_members(parties, None) == parties  # no date: no members guessed


def test_members_named_by_the_text_are_not_added_again() -> None:
    from pactlens.extract.bloc_parties import with_members
    from pactlens.model import Party

    named = [Party(name="EFTA States")] + [Party(name=i, iso3=i) for i in ("ISL", "LIE", "NOR", "CHE", "LVA")]
    assert with_members(named, "1995-12-07") == named


def test_sovereign_styles_name_their_state() -> None:
    """GGO ECSYRI_1977O.txt heads its preamble with the heads of state; paraphrase for Greece."""
    from pactlens.resources.styles import find_styles

    text = "HIS MAJESTY THE KING OF THE BELGIANS, HER MAJESTY THE QUEEN OF DENMARK, and the King of the Hellenes"
    assert [m.iso3 for m in find_styles(text)] == ["BEL", "GRC"]
    assert find_styles("the Belgians and the Hellenes") == []  # peoples alone are no state


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # GGO ECFRIS_1991O (EC–Faroe Islands, 1991): the acronym in a title in capitals
        ("FREE TRADE AGREEMENT BETWEEN THE EC AND THE FAROE ISLANDS THE EUROPEAN ECONOMIC COMMUNITY of the one "
         "part, and THE GOVERNMENT OF DENMARK AND THE HOME GOVERNMENT OF THE FAROE ISLANDS, of the other part, "
         "HAVE AGREED AS FOLLOWS: ARTICLE 1 The Parties shall cooperate. ARTICLE 2 The Parties shall consult.", "EC"),
        # a paraphrase the rule was not written on: another bloc's acronym
        ("AGREEMENT BETWEEN THE CARICOM AND THE REPUBLIC OF CUBA THE CARICOM and THE GOVERNMENT OF THE REPUBLIC OF "
         "CUBA, HAVE AGREED AS FOLLOWS: ARTICLE 1 The Parties shall cooperate. ARTICLE 2 The Parties shall consult.",
         "CARICOM"),
        # GGO EFTLTV_1995O: a heading in title case ("The Efta States") is written as the table writes the name
        ("Agreement Between The Efta States And The Republic Of Latvia PREAMBLE The Republic of Iceland, the "
         "Principality of Liechtenstein, the Kingdom of Norway, the Swiss Confederation (hereinafter called the "
         "EFTA States) and the Republic of Latvia, HAVE AGREED AS FOLLOWS: ARTICLE 1 The Parties shall cooperate. "
         "ARTICLE 2 The Parties shall consult.", "EFTA States"),
    ],
)
def test_a_bloc_party_keeps_the_tables_spelling_not_a_title_cased_acronym(text: str, named: str) -> None:
    from structure_support import doc_of

    from pactlens.extract.agreements import find_agreements

    (agreement,) = find_agreements(doc_of(text), "treaty")
    blocs_named = [p.name for p in agreement.parties if p.iso3 is None]
    assert blocs_named == [named]
