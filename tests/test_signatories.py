"""Signatories: who signed, for which state, with the name as written for evidence.

Excerpts are real (``tests/fixtures/signatories/``, provenance in
``tests/fixtures/SOURCES.md``; inline sentences are quoted from the shared
corpus). Two prose layouts the corpus never writes ("Putin and Pezeshkian
signed", "signed by Presidents ...") are tested on the real brief with one
sentence appended, and say so.
"""

from __future__ import annotations

import json

import pytest

from pactlens.extract.prose.signatories import find_signatories as find_prose_signatories
from pactlens.extract.treaty.signatories import find_signatories
from pactlens.model import Signatory

from cli_support import run_cli
from conftest import EXAMPLE_BRIEF, FIXTURES, ROOT
from doc_support import fixture_doc, make_doc


def _found(name: str) -> list[Signatory]:
    doc = fixture_doc(f"signatories/{name}")
    found = find_signatories(doc, 0, len(doc.text)).signatories
    _assert_evidence(doc.text, found)
    return found


def _assert_evidence(text: str, found: list[Signatory]) -> None:
    """Every record's first evidence is its name as written, and every evidence is the text it claims."""
    for s in found:
        assert s.evidence, s
        for e in s.evidence:
            assert text[e.start : e.end] == e.text
        written = s.evidence[0].text
        assert written == s.name or s.name.split()[-1] in written, (s.name, written)


def _triples(found: list[Signatory]) -> list[tuple[str, str | None]]:
    return [(s.name, s.party) for s in found]


# --- preamble plenipotentiary lists ----------------------------------------------------


def test_plenipotentiaries_under_sovereigns_styles() -> None:
    # "HIS MAJESTY THE KING OF THE BELGIANS: Renaat VAN ELSLANDE, Minister for Foreign Affairs; ..."
    found = _found("pleni-ecsyri-1977.txt")
    got = {s.name: (s.party, s.role) for s in found}
    assert got["Renaat VAN ELSLANDE"] == ("BEL", "Minister for Foreign Affairs")
    assert got["Hans-Dietrich GENSCHER"] == ("DEU", "Federal Minister for Foreign Affairs")
    assert got["Max van der STOEL"][0] == "NLD"
    assert got["Anthony CROSLAND"][0] == "GBR"
    assert got["Claude CHEYSSON"][0] is None  # for the Commission: no state
    assert got["Mohammed IMADI"][0] == "SYR"
    assert len(found) == 11  # Crosland signs twice (for the UK and for the Council): one record


def test_plenipotentiaries_name_after_state_with_honorific() -> None:
    # "His Excellency the President of the Republic of Paraguay, Mr. Higinio Arbo, his Extraordinary Envoy ..."
    found = _found("pleni-arg-pry-1939.txt")
    assert _triples(found) == [("Higinio Arbo", "PRY"), ("José María Cantilo", "ARG")]
    assert found[1].role == "Minister of Foreign Affairs and Worship"


def test_plenipotentiaries_of_one_appointer_numbered() -> None:
    # "the Government of the Union of South Africa ... has appointed as its plenipotentiaries: 1) The Honourable ..."
    found = _found("pleni-rw12wa-1926.txt")
    assert _triples(found) == [
        ("Jacob de Villiers", "ZAF"), ("Gysbert Reitz Hofmeyr", "ZAF"), ("Reenen Jacob van Reenen", "ZAF"),
        ("Augusto de Vasconcellos", "PRT"), ("Ernesto de Vasconcelos", "PRT"), ("Carlos Roma Machado", "PRT"),
    ]
    assert found[0].role == "Judge of Appeal of the Supreme Court"


def test_plenipotentiaries_for_an_organisation_have_no_party() -> None:
    found = _found("pleni-ecmalt-1970.txt")
    assert _triples(found) == [("Giorgio Borg Olivier", "MLT"), ("Sigismund von Braun", None), ("Franco Maria Malfatti", None)]


def test_plenipotentiaries_in_flattened_columns_pair_in_order() -> None:
    # "Shri Gopal Man Shrestha Shri P. Chidambaram Minister of Commerce Minister of State of Commerce
    #  For His Majesty's Government Of Nepal for the Government of India"
    found = _found("pleni-ind-npl-1991.txt")
    assert _triples(found) == [("Gopal Man Shrestha", "NPL"), ("P. Chidambaram", "IND")]
    assert all(s.role is None for s in found)  # the two titles are run together: say nothing


# --- signature blocks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("block-gbr-tun-2019.txt", [("LOUISE DE SOUSA", "GBR"), ("NABIL BEN KHEDHER", "TUN")]),
        # "For the INTERNATIONAL ATOMIC ENERGY AGENCY: (signed) Sigvard EKLUND For the GOVERNMENT OF DENMARK: (signed) ..."
        ("block-nm04ra-1963.txt", [("Sigvard EKLUND", None), ("Sigvald KRISTENSEN", "DNK"), ("Otso WARTIOVAARA", "FIN"),
                                   ("Torfinn OFTEDAL", "NOR"), ("Sven ALLARD", "SWE")]),
        # "For the Argentine Republic: Guido Di Tella; Domingo F. Cavallo; For the Republic of Chile: Enrique Silva Cimma, Carlos Ominami."
        ("block-arg-chl-1991.txt", [("Guido Di Tella", "ARG"), ("Domingo F. Cavallo", "ARG"),
                                    ("Enrique Silva Cimma", "CHL"), ("Carlos Ominami", "CHL")]),
        # "Robert H. Winters FOR THE GOVERNMENT OF CANADA Alberto Martin Artajo FOR THE GOVERNMENT OF SPAIN"
        ("block-can-esp-1954.txt", [("Robert H. Winters", "CAN"), ("Alberto Martin Artajo", "ESP")]),
        # "FOR THE GOVERNMENT OF FOR THE GOVERNMENT OF AUSTRALIA: PAPUA NEW GUINEA: [Signed:] [Signed:] GARETH EVANS M T SOMARE"
        ("block-aus-png-1991.txt", [("GARETH EVANS", "AUS"), ("M T SOMARE", "PNG")]),
    ],
)
def test_signature_blocks(name: str, expected: list[tuple[str, str | None]]) -> None:
    assert _triples(_found(name)) == expected


def test_signature_block_name_then_title_in_capitals() -> None:
    # "FOR THE GOVERNMENT OF PANAMA FERNANDO MANFREDO JR. Minister of Commerce and Industry FOR THE GOVERNMENT OF HONDURAS ..."
    found = _found("block-hnd-pan-1973.txt")
    assert [(s.name, s.party, s.role) for s in found] == [
        ("FERNANDO MANFREDO JR.", "PAN", "Minister of Commerce and Industry"),
        ("J. VICENTE DIAZ", "HND", "Undersecretary of Economy"),
    ]


def test_signature_block_title_without_comma() -> None:
    # "For the Government of the Republic of Venezuela: Francisco Quijada Extraordinary and Plenipotentiary Ambassador ..."
    found = _found("block-cri-ven-1986.txt")
    assert [(s.name, s.party, s.role) for s in found] == [
        ("Francisco Quijada", "VEN", "Extraordinary and Plenipotentiary Ambassador"),
        ("Carlos J. Gutiérrez G.", "CRI", "Minister of Foreign Affairs and Worship"),
    ]


def test_names_alone_after_the_signing_formula_have_no_party() -> None:
    # "Done in duplicate at Washington the 24th day of February, 1925. ERNEST LAPOINTE. CHARLES EVANS HUGHES."
    assert _triples(_found("block-names-alone-can-usa-1925.txt")) == [("ERNEST LAPOINTE", None), ("CHARLES EVANS HUGHES", None)]


def test_party_evidence_is_the_state_of_its_own_line() -> None:
    found = _found("block-gbr-tun-2019.txt")
    assert [e.text for e in found[1].evidence] == ["NABIL BEN KHEDHER", "Republic of Tunisia"]


# --- negatives -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "neg-undersigned-aus-nzl-1965.txt",  # "IN WITNESS WHEREOF the undersigned, duly authorised, have signed"
        "neg-titles-arg-chl-1991.txt",  # "the Minister of Foreign Relations and Worship of the Argentine Republic ... sign"
        "neg-states-fe04ca-2006.txt",  # "For the Government of the Republic of Kazakhstan For the Government of ..." and no names
        "neg-ocr-chn-pak-2006.txt",  # "For and on behalf For and on behalf of the Government of of the Government of ..."
        # Two columns and fourteen names in one run: they cannot be split or paired, so nothing is said.
        "neg-columns-anz-1944.txt",
    ],
)
def test_nobody_named(name: str) -> None:
    assert _found(name) == []


def test_two_names_in_one_run_are_not_one_person() -> None:
    # "For the Council of the European Communities, Sigismund von Braun Franco Maria Malfatti": only Malta's signer.
    assert _triples(_found("block-ecmalt-1970.txt")) == [("Giorgio Borg Olivier", "MLT")]


# --- writing about agreements ------------------------------------------------------------


def _prose(text: str, sentence: str | None = None) -> list[Signatory]:
    doc = make_doc(text)
    at = text.index(sentence) if sentence else 0
    found = find_prose_signatories(doc, at, at + len(sentence or text)).signatories
    _assert_evidence(doc.text, found)
    return found


def test_brief_gives_putin_and_pezeshkian() -> None:
    text = EXAMPLE_BRIEF.read_text(encoding="utf-8")
    sentence = text[text.index("On January 17, 2025"): text.index("in Moscow, marking")]
    found = _prose(text, sentence)
    assert [(s.name, s.role, s.party) for s in found] == [
        ("Vladimir Putin", "President", "RUS"), ("Masoud Pezeshkian", "President", "IRN"),
    ]
    assert found[0].evidence[0].text == "Russian President Vladimir Putin"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # CRS R48887: a pronoun is nobody; the titled name is someone.
        ("-Iran agreement on June 14; he and Iranian President Masoud Pezeshkian signed the MoU on June 17.",
         [("Masoud Pezeshkian", "IRN")]),
        # Wikipedia, Polaris Sales Agreement: a lone surname is not enough.
        ("The Polaris Sales Agreement was signed in Washington, DC, on 6 April 1963 by Ormsby-Gore and Dean Rusk, "
         "the United States Secretary of State.", [("Dean Rusk", "USA")]),
        ("In August 1943, the Prime Minister of the United Kingdom, Winston Churchill and the President of the United "
         "States, Franklin Roosevelt, signed the Quebec Agreement, which merged Tube Alloys with the American Manhattan "
         "Project.", [("Winston Churchill", "GBR"), ("Franklin Roosevelt", "USA")]),
        # Wikipedia, Treaty on Open Skies: a title before the name.
        ("On March 24, 1992,[16] the Open Skies Treaty was signed in Helsinki by Secretary of State James Baker and "
         "foreign ministers from 23 other countries.", [("James Baker", None)]),
        # Wikipedia, Yugoslav accession to the Tripartite Pact: particles and diacritics.
        ("On 25 March, the pact was signed at the Belvedere palace in Vienna, by main signatories Joachim von "
         "Ribbentrop and Dragiša Cvetković.", [("Joachim von Ribbentrop", None), ("Dragiša Cvetković", None)]),
        # States signing are parties, not signatories (the brief; CRS 95-1013; GGO CAN-ESPNA_1954O).
        ("In 2001, Iran and Russia had signed their first major agreement, which laid the groundwork for collaboration "
         "in the energy, defence, and military sectors.", []),
        ('In September 2023, the United States and Bahrain signed a new bilateral agreement called the "Comprehensive '
         'Security Integration and Prosperity Agreement" (C-SIPA).', []),
        ("and your reply shall constitute an integral part of the Trade Agreement between Spain and Canada signed this day",
         []),
    ],
)
def test_prose_signers(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert _triples(_prose(sentence)) == expected


def test_open_skies_title_goes_to_its_name() -> None:
    found = _prose("On March 24, 1992,[16] the Open Skies Treaty was signed in Helsinki by Secretary of State James Baker "
                   "and foreign ministers from 23 other countries.")
    assert found[0].role == "Secretary of State"


# The corpus never writes these two layouts; the brief's own text introduces the two presidents and
# one appended sentence (constructed, not quoted) uses the layout.
_BRIEF_HEAD = next(p for p in EXAMPLE_BRIEF.read_text(encoding="utf-8").split("\n\n") if p.strip())


def test_surnames_resolve_to_the_people_the_text_introduced() -> None:
    sentence = "Putin and Pezeshkian signed the treaty at the Kremlin."
    found = _prose(_BRIEF_HEAD + "\n\n" + sentence, sentence)
    assert [(s.name, s.party) for s in found] == [("Vladimir Putin", "RUS"), ("Masoud Pezeshkian", "IRN")]
    assert [s.evidence[0].text for s in found] == ["Putin", "Pezeshkian"]  # the name as written here


@pytest.mark.parametrize(
    "sentence",
    ["Putin and Pezeshkian signed the treaty at the Kremlin.",
     # Capitalised pairs that no title makes people (constructed: companies, not signers).
     "Exxon Mobil and Rosneft Oil signed the agreement in Moscow."],
)
def test_names_the_text_never_introduced_are_nobody(sentence: str) -> None:
    assert _prose(sentence) == []


def test_plural_title_before_names() -> None:
    sentence = "The treaty was signed by Presidents Vladimir Putin and Masoud Pezeshkian."
    found = _prose(_BRIEF_HEAD + "\n\n" + sentence, sentence)
    assert [(s.name, s.role) for s in found] == [("Vladimir Putin", "President"), ("Masoud Pezeshkian", "President")]


def test_seen_signatories_merge_by_name() -> None:
    text = EXAMPLE_BRIEF.read_text(encoding="utf-8")
    doc = make_doc(text)
    a = text.index("On January 17, 2025")
    first = find_prose_signatories(doc, a, text.index("in Moscow, marking"))
    again = find_prose_signatories(doc, a, text.index("in Moscow, marking"), seen=first.signatories)
    assert [s.name for s in again.signatories] == ["Vladimir Putin", "Masoud Pezeshkian"]
    assert [doc.text[s.start : s.end] for s in first.states] == ["Russian", "Iranian"]


# --- end to end ------------------------------------------------------------------------------


def test_cli_gives_signatories_of_a_treaty_text() -> None:
    path = FIXTURES / "corpus-sample" / "AFG-RUSTCP_1935A.txt"
    proc = run_cli("analyze", str(path), "--format", "json", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    primary = data["agreements"][0]
    assert {(s["name"], s["party"]) for s in primary["signatories"]} == {
        ("Leonidas Nicolaievitch STARK", "SUN"), ("FAIZ-MOHAMMED Khan", "AFG"),
    }
    text = data["document"]["text"]
    for s in primary["signatories"]:
        for e in s["evidence"]:
            assert text[e["start"] : e["end"]] == e["text"]
