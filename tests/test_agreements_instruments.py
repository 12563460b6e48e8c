"""Further instruments of a treaty file (protocols, amending agreements) as agreements of their own."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from cli_support import run_cli
from pactlens import ingest, structure
from pactlens.extract.agreements import find_agreements
from pactlens.extract.treaty.further import _FURTHER_HEAD, _is_heading
from pactlens.extract.treaty.obligations import find_obligations
from pactlens.extract.treaty.provisions import find_provisions
from pactlens.model import Agreement
from pactlens.structure.doc import Doc

from conftest import FIXTURES, ROOT

TREATIES = FIXTURES / "agreements"
SAMPLE = FIXTURES / "corpus-sample"


@lru_cache(maxsize=None)
def _read(path: Path) -> tuple[Doc, tuple[Agreement, ...]]:
    doc = structure.build(ingest.load(str(path)))
    return doc, tuple(find_agreements(doc, "treaty"))


def _evidence_holds(text: str, a: Agreement) -> None:
    spans = list(a.evidence) + list(a.signed.evidence)
    for p in a.parties:
        assert p.evidence
        spans += p.evidence
    for s in a.signatories:
        spans += s.evidence
    assert a.evidence
    for e in spans:
        assert text[e.start : e.end] == e.text


def test_treaty_and_its_special_protocol_are_two_agreements() -> None:
    # "... signed at Buenos Aires ... SPECIAL PROTOCOL ANNEX TO THE COMPLEMENTARY TREATY OF LIMITS
    # In Buenos Aires, on the fifth day of July of the year one thousand nine hundred and thirty-nine, ..."
    doc, (treaty, protocol) = _read(TREATIES / "treaty-protocol-arg-pry-1939.txt")
    assert treaty.title == "Complementary Border Treaty between the Republic of Paraguay and Argentina"
    assert (treaty.signed.date, treaty.signed.place, treaty.article_count) == ("1939-07-05", "Buenos Aires", 8)
    assert protocol.title == "Special Protocol Annex to the Complementary Treaty of Limits"
    assert (protocol.kind, protocol.role) == ("agreement", "primary")
    assert (protocol.signed.date, protocol.signed.place, protocol.article_count) == ("1939-07-05", "Buenos Aires", 13)
    assert [p.iso3 for p in protocol.parties] == ["PRY", "ARG"]
    # Its facts come from its own text: its heading is its first evidence, its parties are named after it.
    assert protocol.evidence[0].text.startswith("SPECIAL PROTOCOL ANNEX")
    assert all(e.start >= protocol.evidence[0].start for p in protocol.parties for e in p.evidence)
    assert treaty.id != protocol.id


def test_protocol_heading_in_running_text_with_its_own_date() -> None:
    # "... all texts being of equal force. Protocol between the Government of Ukraine and the Government
    # of the Republic of Belarus on the Exclusion from the Regime of Free Trade ... Done at Kyiv on 13 February 1998"
    doc, agreements = _read(TREATIES / "fta-protocol-blr-ukr-1992.txt")
    first, protocol = agreements
    assert first.signed.date == "1992-12-17" and first.article_count == 17
    assert protocol.title.startswith("Protocol between the Government of Ukraine and the Government of the Republic of Belarus")
    assert protocol.title.endswith("of December 17, 1992")
    assert (protocol.signed.date, protocol.signed.place, protocol.article_count) == ("1998-02-13", "Kyiv", 4)
    assert [p.iso3 for p in protocol.parties] == ["UKR", "BLR"]


@pytest.mark.parametrize(
    ("name", "dated"),
    [
        # ANNEX 1 / ANNEX 2 PROTOCOL ON EXCEPTIONS ... (Moscow, November 26, 1992), a 2000 amending protocol signed at Baku.
        ("fta-aze-rus-1992.txt", [("1992-09-30", "Baku"), ("1992-11-26", "Moscow"), ("1992-12-30", "Moscow"), ("2000-11-29", "Baku")]),
        ("fta-kaz-rus-1992.txt", [("1992-10-22", "Moscow"), ("1992-12-24", "Moscow"), ("1995-01-20", "Moscow")]),
    ],
)
def test_protocols_in_numbered_annexes(name: str, dated: list[tuple[str, str]]) -> None:
    doc, agreements = _read(TREATIES / name)
    assert [(a.signed.date, a.signed.place) for a in agreements] == dated
    assert all(a.title and a.title.startswith("Protocol ") for a in agreements[1:])
    assert len({a.id for a in agreements}) == len(agreements)


def test_protocol_naming_only_the_contracting_parties_reuses_the_first_parties() -> None:
    # "PROTOCOL No. 1 concerning the treatment ... ARTICLE 1 The Contracting Parties declare their readiness ..."
    doc, (agreement, protocol) = _read(TREATIES / "agreement-protocol-fin-bgr-1974-excerpt.txt")
    assert protocol.title.startswith("PROTOCOL No. 1 concerning the treatment applicable to products")
    assert protocol.article_count == 5 and agreement.article_count == 18
    assert protocol.signed.date is None  # it has no closing of its own
    assert [p.model_dump() for p in protocol.parties] == [p.model_dump() for p in agreement.parties]


def test_an_annex_that_is_a_list_is_no_agreement() -> None:
    # "ANNEX COMPETENT AUTHORITIES Pursuant to paragraph 1 of Article V of this Agreement, the following ..."
    doc, agreements = _read(TREATIES / "schedule-annex-nordic-1963.txt")
    assert doc.annexes and doc.annexes[-1].label == "ANNEX"
    assert len(agreements) == 1
    assert agreements[0].title.startswith("Nordic Mutual Emergency Assistance Agreement")


@pytest.mark.parametrize(
    "path",
    [TREATIES / "north-atlantic-1949.txt", SAMPLE / "AFG-RUSTCP_1935A.txt", SAMPLE / "AUS-CANNA_1960O.txt",
     SAMPLE / "ESP-PRTFSF_1969A.txt", SAMPLE / "RUS-UKRFSA_1993A.txt"],
)
def test_single_instrument_texts_give_one_agreement(path: Path) -> None:
    _, agreements = _read(path)
    assert len(agreements) == 1


@pytest.mark.parametrize(
    "name",
    ["treaty-protocol-arg-pry-1939.txt", "fta-protocol-blr-ukr-1992.txt", "fta-aze-rus-1992.txt",
     "fta-kaz-rus-1992.txt", "agreement-protocol-fin-bgr-1974-excerpt.txt"],
)
def test_every_record_keeps_the_evidence_invariant(name: str) -> None:
    doc, agreements = _read(TREATIES / name)
    assert len(agreements) >= 2
    for a in agreements:
        _evidence_holds(doc.text, a)


@pytest.mark.parametrize(
    ("excerpt", "heading"),
    [
        ("all texts being of equal force. Protocol between the Government of Ukraine and the Government", True),
        ("ANNEX 2 Annex 2 PROTOCOL ON TERMS AND PROCEDURES OF APPLIYING TEMPORARY RESTRICTIONS", True),
        ("prior to its entry into force PROTOCOL on the implementation of the sustainable fisheries", True),
        ("adhering thereto. agreement in amendment of the convention for facilitating trade exchange", True),
        # References, not headings. Excerpts of GGO BLR-UKRUKR_1992O, BLR-RUSRSF_1992O, EUE-SENSSF_2014A,
        # ARTTTT_1953A (headings) and BLGREC_1993O, ARUSHA_1969A, LOME_1975O1, LOME_1989O4 (references):
        ("Protocol 1 lays down the arrangements applicable to the textile products referred to therein.", False),
        ("The provisions of Protocol No. 1 to this Agreement stipulate the conditions", False),
        ("States undertake to deliver to it. 2. Protocol No 3 annexed to this Convention determines", False),
        ("a protocol on privileges and immunities, to facilitate", False),
    ],
)
def test_a_heading_is_told_from_a_reference(excerpt: str, heading: bool) -> None:
    found = [m for m in _FURTHER_HEAD.finditer(excerpt) if m.group("head").lower() in ("protocol", "agreement")]
    assert found
    assert any(_is_heading(excerpt, m) for m in found) is heading


def test_provisions_and_obligations_attach_to_their_own_instrument() -> None:
    doc, agreements = _read(TREATIES / "fta-protocol-blr-ukr-1992.txt")
    first, protocol = agreements
    provisions = find_provisions(doc, list(agreements))
    start = protocol.evidence[0].start
    owners = {p.agreement for p in provisions if p.evidence[0].start >= start}
    assert owners == {protocol.id}
    assert {p.agreement for p in provisions if p.evidence[0].start < start} == {first.id}
    obligations = find_obligations(doc, list(agreements), provisions)
    per = {a.id: sorted(o.type for o in obligations if o.agreement == a.id) for a in agreements}
    assert len(per[first.id]) == 5 and len(per[protocol.id]) == 5


def test_single_instrument_provisions_all_attach_to_it() -> None:
    doc, agreements = _read(TREATIES / "north-atlantic-1949.txt")
    provisions = find_provisions(doc, list(agreements))
    assert provisions and {p.agreement for p in provisions} == {agreements[0].id}


def test_protocol_through_the_cli() -> None:
    path = TREATIES / "treaty-protocol-arg-pry-1939.txt"
    proc = run_cli("analyze", str(path), "--format", "json", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    titles = [a["title"] for a in data["agreements"] if a["role"] == "primary"]
    assert len(titles) == 2 and re.match(r"Special Protocol", titles[1])
    protocol_id = data["agreements"][1]["id"]
    assert any(p["agreement"] == protocol_id for p in data["provisions"])


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Lome IV (1989; GGO LOME_1989O4.txt): the text lost the line break after the protocol's heading
        ("PROTOCOL 3. on privileges and immunitiesthe contracting parties,desiring, by the conclusion of a protocol "
         "on privileges and immunities, to facilitate the smooth functioning of theconvention, have agreed as follows: "
         "ARTICLE 1 Members shall enjoy immunity. ARTICLE 2 The premises shall be inviolable.",
         "PROTOCOL 3. on privileges and immunities"),
        # a paraphrase the rule was not written on
        ("PROTOCOL 1. on the settlement of disputesthe high contracting parties, wishing to settle their disputes "
         "peacefully, have agreed as follows: ARTICLE 1 Disputes shall be settled by negotiation. ARTICLE 2 Failing "
         "that, by arbitration.",
         "PROTOCOL 1. on the settlement of disputes"),
    ],
)
def test_a_protocol_title_glued_to_its_preamble_ends_where_the_parties_are_named(text: str, title: str) -> None:
    from structure_support import doc_of

    first = ("TREATY OF FRIENDSHIP PREAMBLE THE HIGH CONTRACTING PARTIES, HAVE AGREED AS FOLLOWS: ARTICLE 1 The "
             "Parties shall cooperate. ARTICLE 2 The Parties shall consult. Done at Accra on 3 March 1970. ")
    treaty, protocol = find_agreements(doc_of(first + text), "treaty")
    assert protocol.title == title and protocol.article_count == 2
