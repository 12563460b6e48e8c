"""Agreement facts: from an instrument's own text (primary) and from writing about agreements."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from cli_support import run_cli
from pactlens import ingest, structure
from pactlens.extract.agreements import find_agreements
from pactlens.extract.dates import find_dates, word_year
from pactlens.extract.kind import classify
from pactlens.extract.records import agreement_kind
from pactlens.model import Agreement

from conftest import EXAMPLE_BRIEF, FIXTURES, ROOT

SAMPLE = FIXTURES / "corpus-sample"
TREATIES = FIXTURES / "agreements"
#: ATOP 4.01's twelve original NATO members.
NAT_ORIGINAL = {"BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"}


@lru_cache(maxsize=None)
def _analysed(path: Path) -> tuple[str, tuple[Agreement, ...], str]:
    doc = structure.build(ingest.load(str(path)))
    kind = classify(doc)
    return doc.text, tuple(find_agreements(doc, kind)), kind


def _primary(path: Path) -> Agreement:
    """The file's first instrument (further ones, if any, follow it as primary records too)."""
    text, agreements, kind = _analysed(path)
    assert kind == "treaty"
    assert agreements and {a.role for a in agreements} == {"primary"}
    return agreements[0]


def _isos(a: Agreement) -> list[str | None]:
    return [p.iso3 for p in a.parties]


def _assert_evidence(text: str, agreements) -> None:
    for a in agreements:
        assert a.evidence
        spans = list(a.evidence) + list(a.signed.evidence)
        for p in a.parties:
            assert p.evidence
            spans += p.evidence
        for s in a.signatories:
            assert s.evidence
            spans += s.evidence
        for e in spans:
            assert text[e.start : e.end] == e.text


# --- the brief ---------------------------------------------------------------------


def test_brief_subject_facts() -> None:
    text, agreements, kind = _analysed(EXAMPLE_BRIEF)
    assert kind == "brief"
    subject = agreements[0]
    assert subject.role == "subject"
    assert subject.title == "Comprehensive Strategic Partnership Treaty"
    assert subject.kind == "treaty"
    assert _isos(subject) == ["RUS", "IRN"]
    assert [(s.name, s.role, s.party) for s in subject.signatories] == [
        ("Vladimir Putin", "President", "RUS"),
        ("Masoud Pezeshkian", "President", "IRN"),
    ]
    assert (subject.signed.date, subject.signed.precision, subject.signed.place) == ("2025-01-17", "day", "Moscow")
    assert subject.term_years == 20
    assert subject.article_count == 47
    assert subject.id == "rus-irn-2025-treaty"
    _assert_evidence(text, agreements)


def test_brief_related_agreements_are_concrete_ones() -> None:
    _, agreements, _ = _analysed(EXAMPLE_BRIEF)
    related = [a for a in agreements if a.role == "related"]
    facts = {(a.kind, a.signed.date, tuple(sorted(_isos(a))), a.term_years) for a in related}
    # "In 2001, Iran and Russia had signed their first major agreement";
    # "Iran ... entered into a 25-year cooperation program with China in 2021".
    assert facts == {("agreement", "2001", ("IRN", "RUS"), None), ("programme", "2021", ("CHN", "IRN"), 25)}
    ids = [a.id for a in agreements]
    assert len(ids) == len(set(ids))


def test_brief_end_to_end_through_the_cli() -> None:
    proc = run_cli("analyze", str(EXAMPLE_BRIEF), "--format", "json", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["document"]["kind"] == "brief"
    subject = next(a for a in data["agreements"] if a["role"] == "subject")
    assert subject["parties"][0]["iso3"] == "RUS" and subject["parties"][1]["iso3"] == "IRN"
    assert subject["signed"]["date"] == "2025-01-17" and subject["signed"]["place"] == "Moscow"
    assert subject["term_years"] == 20 and subject["article_count"] == 47
    assert {s["name"] for s in subject["signatories"]} == {"Vladimir Putin", "Masoud Pezeshkian"}
    text = data["document"]["text"]
    for ev in subject["evidence"] + subject["signed"]["evidence"]:
        assert text[ev["start"] : ev["end"]] == ev["text"]


# --- agreements' own texts -------------------------------------------------------------


def test_north_atlantic_treaty() -> None:
    path = TREATIES / "north-atlantic-1949.txt"
    a = _primary(path)
    assert a.title == "North Atlantic Treaty" and a.kind == "treaty"
    assert (a.signed.date, a.signed.place) == ("1949-04-04", "Washington")
    # No preamble names the parties; Article 11 names seven of the twelve ATOP original members.
    found = set(_isos(a))
    assert {"BEL", "CAN", "FRA", "LUX", "NLD", "GBR", "USA"} <= found <= NAT_ORIGINAL
    assert a.article_count == 14
    assert a.term_years is None  # "After the Treaty has been in force for twenty years" is no term
    _assert_evidence(_analysed(path)[0], [a])


def test_afghanistan_ussr_1935() -> None:
    path = SAMPLE / "AFG-RUSTCP_1935A.txt"
    a = _primary(path)
    assert _isos(a) == ["AFG", "SUN"]
    assert (a.signed.date, a.signed.place) == ("1935-05-06", "Kabul")
    sigs = {s.name: (s.role, s.party) for s in a.signatories}
    assert sigs == {
        "Leonidas Nicolaievitch STARK": ("Minister Plenipotentiary", "SUN"),
        "FAIZ-MOHAMMED Khan": ("Minister for Foreign Affairs", "AFG"),
    }
    assert a.term_years == 3 and "prolonged by tacit consent" in (a.renewal or "")
    assert a.kind == "agreement" and a.article_count == 12
    assert a.id == "afg-sun-1935-agreement"
    _assert_evidence(_analysed(path)[0], [a])


@pytest.mark.parametrize(
    ("name", "parties", "date", "place"),
    [
        ("fta-aze-rus-1992.txt", ["RUS", "AZE"], "1992-09-30", "Baku"),
        ("fta-kaz-rus-1992.txt", ["RUS", "KAZ"], "1992-10-22", "Moscow"),
    ],
)
def test_free_trade_agreements(name: str, parties: list[str], date: str, place: str) -> None:
    a = _primary(TREATIES / name)
    assert _isos(a) == parties
    assert (a.signed.date, a.signed.place) == (date, place)
    assert a.kind == "agreement" and a.title and a.title.startswith("Agreement between the Government of")
    assert a.article_count and a.article_count >= 20


@pytest.mark.parametrize(
    ("name", "parties", "date", "place", "term"),
    [
        # "DONE in duplicate at Canberra this 12th day of February One thousand nine hundred and sixty."
        ("AUS-CANNA_1960O.txt", ["AUS", "CAN"], "1960-02-12", "Canberra", 3),
        # Upper Volta is Burkina Faso under its earlier name.
        ("BFA-GHAUVT_1961A.txt", ["GHA", "BFA"], "1961-06-28", "Accra", 1),
        ("ESP-PRTFSF_1969A.txt", ["ESP", "PRT"], "1969-12-09", "Madrid", 20),
    ],
)
def test_more_ggo_texts(name: str, parties: list[str], date: str, place: str, term: int) -> None:
    a = _primary(SAMPLE / name)
    assert _isos(a) == parties
    assert (a.signed.date, a.signed.place, a.term_years) == (date, place, term)


def test_signature_block_with_adjectival_parties() -> None:
    # "For the Spanish Government: GREGORIO LOPEZ BRAVO Minister for Foreign Affairs For the Portuguese Government: ..."
    a = _primary(SAMPLE / "ESP-PRTFSF_1969A.txt")
    assert [(s.name, s.party) for s in a.signatories] == [("GREGORIO LOPEZ BRAVO", "ESP"), ("MANUEL ROCHETA", "PRT")]
    assert a.signatories[0].role == "Minister for Foreign Affairs"
    assert a.renewal == "shall be automatically extended for successive periods of five years"


# --- other writing about agreements -------------------------------------------------------


def test_encyclopedia_article_polaris() -> None:
    _, agreements, _ = _analysed(SAMPLE / "wiki-polaris-sales-agreement.md")
    subject = agreements[0]
    assert (subject.role, subject.title, subject.kind) == ("subject", "Polaris Sales Agreement", "agreement")
    assert sorted(_isos(subject)) == ["GBR", "USA"]  # "a treaty between the United States and the United Kingdom"
    assert (subject.signed.date, subject.signed.place) == ("1963-04-06", "Washington")
    assert "Dean Rusk" in {s.name for s in subject.signatories}
    titles = {a.title for a in agreements[1:]}
    assert {"Nassau Agreement", "Quebec Agreement"} <= titles


def test_encyclopedia_article_open_skies() -> None:
    _, agreements, _ = _analysed(SAMPLE / "wiki-treaty-on-open-skies.md")
    subject = agreements[0]
    assert subject.title == "Treaty on Open Skies" and subject.kind == "treaty"
    assert (subject.signed.date, subject.signed.place) == ("1992-03-24", "Helsinki")
    isos = set(_isos(subject))
    assert {"RUS", "USA", "BLR", "UKR", "TUR"} <= isos
    assert "GRL" not in isos  # "Denmark (including Greenland)"
    # "the then-members of NATO and the Warsaw Pact", "NATO and Warsaw Pact countries": the Pact
    # stands for its members there (a bloc), not for an agreement the article names.
    assert "Warsaw Pact" not in {a.title for a in agreements}


# --- helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Comprehensive Strategic Partnership Treaty", "treaty"),
        ("Convention between Spain and Portugal on Fishing", "treaty"),
        ("Memorandum of Understanding on Cooperation", "memorandum"),
        ("Joint Declaration of the Presidents", "declaration"),
        ("Programme of Cooperation in Culture", "programme"),
        ("PROTOCOL setting out the fishing opportunities provided for in the Agreement", "agreement"),
        ("Amendment To The Convention On Access To Information", "other"),
        ("The Mano River Declaration", "declaration"),
        (None, "other"),
    ],
)
def test_agreement_kind_from_title(title: str | None, kind: str) -> None:
    assert agreement_kind(title) == kind


def test_written_out_years() -> None:
    assert word_year("One thousand nine hundred and sixty-five") == 1965
    assert word_year("nineteen hundred and eighty") == 1980
    assert word_year("two thousand and five") == 2005
    text = "DONE at the city of Montevideo, on the twelfth day of the month of August of the year nineteen hundred and eighty"
    assert [d.iso for d in find_dates(text)] == ["1980-08-12"]


def test_empty_text_has_no_agreements() -> None:
    from pactlens.ingest.types import NormalizedText, OffsetMap
    from pactlens.structure.doc import Doc

    norm = NormalizedText(source="t", sha256="0", media_type="text/plain", text=" ", original=" ",
                          offsets=OffsetMap([(0, 1, 0, 1)]))
    assert find_agreements(Doc(text=" ", source=norm), "treaty") == []


def _parties_of_excerpt(name: str) -> list[str | None]:
    """The first agreement's parties in a treaty excerpt (kind forced: an excerpt is too short to classify)."""
    doc = structure.build(ingest.load(str(TREATIES / name)))
    found = find_agreements(doc, "treaty")
    _assert_evidence(doc.text, found)
    return _isos(found[0])


def test_a_long_list_of_heads_of_state_is_read_to_its_end() -> None:
    """ECOWAS 1975: fifteen heads of state with all their titles run past the first 700
    characters; the list ends at the first participle ("CONSCIOUS of ...")."""
    isos = _parties_of_excerpt("ecowas-1975-head-excerpt.txt")
    assert isos[:7] == ["BEN", "GMB", "GHA", "GIN", "GNB", "CIV", "LBR"]  # "Republic of Guinea Bissau" too
    assert {"MLI", "NER", "NGA", "SEN", "SLE", "TGO", "BFA"} <= set(isos) and len(isos) >= 14


def test_parties_listed_after_a_table_of_contents() -> None:
    """NAFTA: the preamble heading stands in a table of contents; the parties are the
    "The Government of Canada, ..." list, not the states the final articles mention."""
    assert _parties_of_excerpt("nafta-1992-head-excerpt.txt") == ["CAN", "MEX", "USA"]


def test_a_quoted_short_title_names_no_party() -> None:
    """'("Antigua Convention")' is the convention's name, not Antigua and Barbuda."""
    assert "ATG" not in _parties_of_excerpt("antigua-convention-2003-head-excerpt.txt")


def test_a_section_label_before_the_parties_does_not_end_their_list() -> None:
    """Costa Rica–Venezuela 1986 opens "MAIN TEXT: The Plenipotentiaries of the Republic of
    Costa Rica and the Republic of Venezuela, duly authorized ..."."""
    from pactlens.extract.treaty.instrument import skip_dateline

    doc = structure.build(ingest.load(str(TREATIES / "cri-ven-1986-head-excerpt.txt")))
    assert doc.text[skip_dateline(doc, 0):].startswith("The Plenipotentiaries of the Republic of Costa Rica")
    assert _parties_of_excerpt("cri-ven-1986-head-excerpt.txt") == ["CRI", "VEN"]
