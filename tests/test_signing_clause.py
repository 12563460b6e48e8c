"""The signing clause and the roles of state names, one class of clause per test, each on a
short real excerpt (source in the comment: GGO files are globalgov/manytreaties, CC BY 4.0, in
the shared corpus ``agreements-ggo/``) and on a paraphrase the rule was not written on."""

from __future__ import annotations

import pytest

from pactlens.extract.party_roles import not_party
from pactlens.extract.signing_clauses import SIGNING_VERB, clause_kind, event_kind, signing_date
from pactlens.resources.states import find_states


def _last_verb(text: str) -> tuple[str, str | None, bool]:
    verb = list(SIGNING_VERB.finditer(text))[-1]
    found = signing_date(text, verb.end(), len(text))
    return clause_kind(text, verb.start(), verb.end()), found.date.iso if found.date else None, found.blank is not None


@pytest.mark.parametrize(
    ("text", "kind", "iso"),
    [
        # testimonium after IN WITNESS WHEREOF (GGO EFTISR_1992O.txt)
        ("IN WITNESS WHEREOF the undersigned plenipotentiaries, being duly authorized thereto, have signed the present "
         "Agreement. DONE at Geneva, this 17th day of September 1992, in a single authentic copy", "signature", "1992-09-17"),
        # paraphrase: lower case, run on by OCR, a place with its country
        ("both texts being equally authentic.done at hong kong, china, this fifteenth day of may, two thousand and nine.",
         "signature", "2009-05-15"),
        # "Done at ... on the Third of June <year in words>", no "day" (GGO AFRCEC_1991O.txt)
        ("have signed this Treaty. Done at Abuja, Nigeria on the Third of June Nineteen Hundred and Ninety One.",
         "signature", "1991-06-03"),
        # the instrument as subject (paraphrase)
        ("This Protocol was signed at Windhoek on 12 March 1998 in two originals.", "signature", "1998-03-12"),
        # "have signed this Agreement at ... on ..." (paraphrase)
        ("In witness whereof the undersigned have signed this Agreement at Lima on 4 May 1999.", "signature", "1999-05-04"),
        # a day number with an OCR full stop (GGO BLFTAI_1993O.txt)
        ("have signed the present Agreement. DONE at Tallinn, this 13. day of September 1993, in a single copy",
         "signature", "1993-09-13"),
    ],
)
def test_own_signing_clauses(text: str, kind: str, iso: str) -> None:
    assert _last_verb(text)[:2] == (kind, iso)


@pytest.mark.parametrize(
    "text",
    [
        # a convention the text applies (GGO ECNRWY_1973O.txt)
        "the customs value laid down in the Convention concerning the Valuation of Goods for Customs Purposes signed in "
        "Brussels on 15 December 1950. Note 7",
        # a defined term (GGO NRTAFT_1992A.txt)
        "ICSID Convention means the Convention on the Settlement of Investment Disputes between States and Nationals of "
        "other States, done at Washington, March 18, 1965;",
        # a treaty the preamble recalls (GGO BRA-URYNA_1986O.txt)
        "taking into account the provisions of the Treaty of Friendship, Cooperation and Commerce, signed in the city of "
        "Rivera, on June 12, 1975, and",
        # paraphrases: the WTO Agreement, a tax treaty
        "in accordance with the Marrakesh Agreement Establishing the World Trade Organization, done at Marrakesh on 15 April 1994.",
        "Nothing in this Agreement shall affect the Convention for the avoidance of double taxation concluded at Ottawa on 3 June 1980.",
    ],
)
def test_dates_of_cited_instruments_are_not_the_signing(text: str) -> None:
    assert _last_verb(text)[0] == "cited"


@pytest.mark.parametrize(
    "text",
    [
        # GGO NAM-ZWENA_1992O.txt: the blanks of an unsigned copy
        "are fully executed. DONE at \u2026\u2026\u2026\u2026\u2026\u2026 on this\u2026\u2026.. day of "
        "\u2026\u2026\u2026\u2026\u2026\u2026...1992 in two originals",
        # paraphrase
        "IN WITNESS WHEREOF the undersigned have signed this Agreement. Done at Kampala this ___ day of ________ 19__.",
    ],
)
def test_blank_signing_dates_are_unknown(text: str) -> None:
    kind, iso, blank = _last_verb(text)
    assert (kind, iso, blank) == ("signature", None, True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("This Agreement shall enter into force on 1 January 1993.", "entry-into-force"),  # paraphrase of GGO EFT* final articles
        ("The Convention was ratified on 9 August 1962 by the Syrian Arab Republic.", "ratification"),  # GGO ARBCMM_1962O
        ("Namibia acceded to the Agreement on 6 July 1990.", "accession"),  # paraphrase of GGO STHACU_1969O's head
        ("It was also signed on 17 December 1963 by the Yemen Arab Republic.", "signature"),  # GGO ARBCMM_1962O
    ],
)
def test_events_kept_apart(text: str, kind: str) -> None:
    date_at = next(i for i, c in enumerate(text) if c.isdigit())
    assert event_kind(text, 0, date_at) == kind


@pytest.mark.parametrize(
    ("text", "state", "why"),
    [
        ("reductions resulting from the tariff agreements under the Uruguay Round of the GATT 1994", "Uruguay", "round"),  # GGO
        ("concessions agreed in the Tokyo Round by Japan", "Japan", None),  # paraphrase: the state after it is named plainly
        ("the equivalent of 300 million U.S. dollars, in 1988", "U.S.", "currency"),  # GGO ARG-BRANA_1986O
        ("an amount of 20 million Swiss francs a year", "Swiss", "currency"),  # paraphrase
        ("Done at Luxembourg on the fifth day of April in the year one thousand", "Luxembourg", "place"),  # GGO ECSLVN_1993O
        ("Done in Jakarta, Indonesia, this 16 day of December 2018", "Indonesia", "place"),  # GGO EFTIND_2018O
        ("the Israel-EC Agreement shall apply", "Israel", "instrument"),  # paraphrase
        ("products originating in Turkey shall", "Turkey", "third-state"),  # paraphrase of GGO EFTTRK_1991O rules of origin
        ("THE KINGDOM OF BELGIUM, THE KINGDOM OF DENMARK,", "KINGDOM OF BELGIUM", None),  # GGO ECPLND_1991O
    ],
)
def test_roles_of_state_names(text: str, state: str, why: str | None) -> None:
    m = next(m for m in find_states(text) if text[m.start : m.end] == state)
    assert not_party(text, m.start, m.end) == why


def test_a_closing_signing_another_kind_of_instrument() -> None:
    """GGO ERPNEA_1992A.txt: the EEA Agreement's file ends with its adjusting Protocol's closing."""
    from pactlens.extract.signing_clauses import signs_other_kind

    text = ("IN WITNESS WHEREOF the undersigned plenipotentiaries, being duly authorised thereto, have signed this "
            "Protocol. DONE at Brussels, this seventeenth day of March")
    at = text.index("DONE")
    assert signs_other_kind(text, at, "Agreement") and not signs_other_kind(text, at, "PROTOCOL")
    # paraphrase: a treaty's own closing calling it a treaty
    own = "In faith whereof the Plenipotentiaries have signed the present Convention. Done at Lomé"
    assert not signs_other_kind(own, own.index("Done"), "treaty")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # GGO GLBSTP_1988O.txt: the formula in capitals run on after a heading by OCR
        ("Schedules of Concessions DONE at Belgrade, Yugoslavia, on the thirteenth day of April, one thousand nine "
         "hundred and eighty-eight", "1988-04-13"),
        # paraphrase
        ("ANNEX III Lists of Products SIGNED at Santiago on 2 March 2004", "2004-03-02"),
        # GGO RW12WA_1926A.txt: an adverb and a second verb before the place
        ("as above set forth in the preceding articles. Thus done and signed at the city of Cape Town on the 1st day of "
         "July, 1926.", "1926-07-01"),
        # GGO MNRVRU_1973O.txt: "in the year of our Lord"
        ("affixed our signatures. DONE at Bo, this third day of October in the year of our Lord one thousand nine "
         "hundred and seventy-four in two copies", "1974-10-03"),
    ],
)
def test_testimonium_forms_damaged_or_old(text: str, iso: str) -> None:
    assert _last_verb(text)[:2] == ("signature", iso)


@pytest.mark.parametrize(
    "text",
    [
        "It was also signed on 17 December 1963 by the Yemenite Arab Republic.",  # GGO ARBCMM_1962O.txt
        "The Protocol was later signed on 3 May 1999 by Bolivia.",  # paraphrase
    ],
)
def test_a_later_signature_by_one_state_is_not_the_signing(text: str) -> None:
    assert _last_verb(text)[0] == "cited"
