"""Parties and signing date of a treaty's own text, one class of clause per test.

Excerpts are cut from GGO texts in the shared corpus (globalgov/manytreaties, CC BY 4.0; the file
is named in each test) and kept short; each class has a paraphrase the rule was not written on.
"""

from __future__ import annotations

import pytest

from pactlens.extract.agreements import find_agreements
from pactlens.model import Agreement

from doc_support import make_doc

EC_SLOVENIA = (  # GGO ECSLVN_1993O.txt: head and closing
    "COOPERATION AGREEMENT between the European Economic Community and the Republic of Slovenia\n\n"
    "THE EUROPEAN ECONOMIC COMMUNITY, hereinafter called the 'Community', of the one part, and THE GOVERNMENT OF THE "
    "REPUBLIC OF SLOVENIA, hereinafter called 'Slovenia', of the other part, RESOLVED to strengthen economic "
    "cooperation between the Community and Slovenia; HAVE DECIDED to conclude this Agreement:\n\n"
    "Article 1\n\nThe aim of this Agreement is to promote overall cooperation between the Contracting Parties.\n\n"
    "Article 2\n\nThis Agreement shall enter into force on the first day of the second month following notification.\n\n"
    "Done at Luxembourg on the fifth day of April in the year one thousand nine hundred and ninety-three.\n"
)
MERCOSUR_ISRAEL = (  # paraphrase: another bloc, a date in figures, a round and a currency in the preamble
    "FRAMEWORK AGREEMENT between the Southern Common Market and the State of Israel\n\n"
    "The Southern Common Market and the State of Israel, hereinafter the Parties, CONSIDERING the results of the "
    "Uruguay Round and the value of trade expressed in U.S. dollars, HAVE AGREED as follows:\n\n"
    "Article 1\n\nThe Parties shall negotiate a free trade area.\n\n"
    "Article 2\n\nThis Agreement shall enter into force on 1 March 2008.\n\n"
    "IN WITNESS WHEREOF the undersigned have signed this Agreement. DONE at Montevideo, on 8 December 2005.\n"
)


def _first(text: str) -> Agreement:
    return find_agreements(make_doc(text), "treaty")[0]


def _isos(a: Agreement, *, via: bool | None = None) -> set[str]:
    return {p.iso3 for p in a.parties if p.iso3 and (via is None or bool(p.via) == via)}


def test_a_bloc_brings_its_members_on_the_signing_date() -> None:
    a = _first(EC_SLOVENIA)
    assert a.signed.date == "1993-04-05"
    assert _isos(a, via=False) == {"SVN"}  # "Done at Luxembourg" is a place, not a party
    assert _isos(a, via=True) == {"BEL", "DNK", "DEU", "GRC", "ESP", "FRA", "IRL", "ITA", "LUX", "NLD", "PRT", "GBR"}
    bloc = next(p for p in a.parties if p.iso3 is None)
    assert {p.via for p in a.parties if p.via} == {bloc.name}


def test_round_currency_and_entry_into_force_are_not_parties_or_signing() -> None:
    a = _first(MERCOSUR_ISRAEL)
    assert a.signed.date == "2005-12-08"  # not the entry into force
    assert _isos(a, via=False) == {"ISR"}  # not Uruguay (Round), not the United States (dollars)
    assert _isos(a, via=True) == {"ARG", "BRA", "PRY", "URY"}


def test_members_the_text_names_are_not_added_again() -> None:
    """GGO EFTLTV_1995O.txt: the EFTA States named one by one; Austria, Finland and Sweden had left."""
    text = (
        "AGREEMENT BETWEEN THE EFTA STATES AND THE REPUBLIC OF LATVIA\n\nPREAMBLE\n\nThe Republic of Iceland, the "
        "Principality of Liechtenstein, the Kingdom of Norway, the Swiss Confederation (hereinafter called the EFTA "
        "States) and the Republic of Latvia (hereinafter called Latvia), Recalling their intention to participate "
        "actively in the process of economic integration in Europe, HAVE AGREED as follows:\n\n"
        "Article 1\n\nThe EFTA States and Latvia shall establish a free trade area.\n\n"
        "DONE at Zermatt, this 7th day of December 1995, in a single authentic copy.\n"
    )
    a = _first(text)
    assert a.signed.date == "1995-12-07"
    assert _isos(a) == {"ISL", "LIE", "NOR", "CHE", "LVA"}


@pytest.mark.parametrize(
    "closing",
    [
        # GGO ECNRWY_1973O.txt: a convention cited in the notes, no closing of its own
        "Note 6 - Article 6 \"Customs value\" shall be understood as meaning the customs value laid down in the "
        "Convention concerning the Valuation of Goods for Customs Purposes signed in Brussels on 15 December 1950.",
        # paraphrase: the WTO Agreement in a definition
        "For the purposes of this Agreement, WTO Agreement means the Marrakesh Agreement Establishing the World Trade "
        "Organization, done at Marrakesh on 15 April 1994.",
    ],
)
def test_a_cited_instruments_date_is_not_the_signing(closing: str) -> None:
    text = (
        "AGREEMENT between the European Economic Community and the Kingdom of Norway\n\n"
        "THE EUROPEAN ECONOMIC COMMUNITY, of the one part, and THE KINGDOM OF NORWAY, of the other part, "
        "HAVE DECIDED to conclude this Agreement:\n\nArticle 1\n\nThis Agreement aims to promote trade.\n\n"
        "Article 2\n\nThe Joint Committee shall meet once a year.\n\n" + closing + "\n"
    )
    a = _first(text)
    assert a.signed.date is None
    assert _isos(a) == {"NOR"}  # no signing date: the bloc's members on an unknown date are not guessed


def test_a_blank_closing_date_is_unknown() -> None:
    """GGO NAM-ZWENA_1992O.txt: an unsigned copy leaves the day and month blank."""
    text = (
        "AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF NAMIBIA AND THE GOVERNMENT OF THE REPUBLIC OF ZIMBABWE\n\n"
        "The Government of the Republic of Namibia and the Government of the Republic of Zimbabwe, recalling the "
        "Agreement signed at Harare on 15 May 1990, HAVE AGREED as follows:\n\nArticle 1\n\nTrade shall be free.\n\n"
        "Article 2\n\nThis Agreement shall remain in force until both Parties' obligations are fully executed.\n\n"
        "DONE at \u2026\u2026\u2026\u2026 on this\u2026\u2026.. day of \u2026\u2026\u2026\u2026...1992 in two originals in the "
        "English language.\n"
    )
    a = _first(text)
    assert a.signed.date is None
    assert _isos(a) == {"NAM", "ZWE"}


def test_a_closing_that_signs_another_kind_of_instrument_is_not_the_agreements() -> None:
    """GGO ERPNEA_1992A.txt: the consolidated EEA Agreement ends with its adjusting Protocol's closing."""
    text = (
        "AGREEMENT ON THE EUROPEAN ECONOMIC AREA\n\nTHE EUROPEAN ECONOMIC COMMUNITY, THE REPUBLIC OF AUSTRIA and THE "
        "REPUBLIC OF FINLAND, HAVE AGREED as follows:\n\nArticle 1\n\nThe aim of this Agreement is to promote trade.\n\n"
        "Article 2\n\nThe Agreement shall be adjusted by Protocol.\n\nIN WITNESS WHEREOF the undersigned "
        "plenipotentiaries have signed this Protocol. DONE at Brussels, this seventeenth day of March in the year one "
        "thousand nine hundred and ninety-three.\n"
    )
    assert _first(text).signed.date is None


def test_each_instrument_has_its_own_signing_clause() -> None:
    """Corpus treaties/fta-aze-rus-1992.txt (globalgov/manytreaties, CC BY 4.0), cut: an agreement whose
    closing was lost, then a protocol with its own; the protocol's date is not the agreement's."""
    text = (
        "Agreement between the Government of Russian Federation and the Government of the Azerbaijani Republic on "
        "free trade\n\nThe Government of the Russian Federation and the Government of the Azerbaijani Republic, "
        "hereinafter referred to as the Contracting Parties, have agreed as follows:\n\n"
        "Article 1\n\nThe Contracting Parties shall not apply customs duties.\n\n"
        "Article 2\n\nThis Agreement shall enter into force on the date of its signature.\n\n"
        "PROTOCOL on exceptions to free trade regime\n\nThe Government of the Russian Federation and the Government "
        "of the Azerbaijani Republic have agreed as follows:\n\nArticle 1\n\nThe goods listed in the annex are "
        "excepted.\n\nArticle 2\n\nThis Protocol is an integral part of the Agreement.\n\n"
        "Done in the city of Moscow on 26 November 1992, in two originals.\n"
    )
    agreements = find_agreements(make_doc(text), "treaty")
    assert [a.signed.date for a in agreements] == [None, "1992-11-26"]
