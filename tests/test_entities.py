"""Entities of the brief: states, merged people, organizations with aliases, projects, policies, places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import run_cli

from pactlens.extract.prose.entities import find_entities
from tests.doc_support import FIXTURES, fixture_doc


@pytest.fixture(scope="module")
def brief():
    doc = fixture_doc("quotes-brief-normalized.txt")
    return doc, {(e.kind, e.name): e for e in find_entities(doc)}


def test_states_by_iso3(brief):
    _, ents = brief
    assert ents[("state", "Iran")].id == "IRN"
    assert ents[("state", "Russia")].id == "RUS"
    assert "Iranian" in ents[("state", "Iran")].aliases


def test_putin_merged_over_his_forms(brief):
    _, ents = brief
    putin = ents[("person", "Vladimir Putin")]
    assert putin.role == "President" and "Putin" in putin.aliases
    assert putin.mentions == len(putin.evidence) >= 4
    assert not any(k == ("person", "Putin") for k in ents)


def test_organizations_with_aliases(brief):
    _, ents = brief
    sco = ents[("organization", "Shanghai Cooperation Organization")]
    assert sco.id == "SCO" and sco.aliases == ["SCO"] and sco.mentions == 2
    assert ("organization", "BRICS") in ents


def test_projects_policies_places(brief):
    _, ents = brief
    assert ents[("project", "North-South Transport Corridor")].mentions == 2
    assert ("project", "gas pipeline") in ents
    assert ents[("policy", "Look East")].mentions == 2
    assert ("place", "Moscow") in ents and ("place", "Caspian Sea") in ents


def test_footnote_mentions_are_not_counted(brief):
    doc, ents = brief
    for e in ents.values():
        for ev in e.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
            assert not doc.in_footnotes(ev.start)
    # Lavrov is named once in the body and again only in footnote 4's title.
    assert ents[("person", "Sergey Lavrov")].mentions == 1


def test_cli_analyze_brief_end_to_end(tmp_path: Path):
    raw = Path(__file__).resolve().parent.parent / "examples" / "russia-iran-2025-brief.txt"
    out = run_cli("analyze", str(raw), "--format", "json")
    assert out.returncode == 0, out.stderr
    a = json.loads(out.stdout)
    speakers = {q["speaker"] for q in a["quotes"]}
    assert {"Abbas Araghchi", "Vladimir Putin", "Sergey Lavrov"} <= speakers
    added = next(q for q in a["quotes"] if q["direct"] and q["text"].startswith("Russia and Iran are working"))
    assert added["speaker"] == "Sergey Lavrov"
    assert {"2001", "2021", "2023", "2025-01-17"} <= {e["date"] for e in a["events"]}
    names = {e["name"] for e in a["entities"]}
    assert {"Shanghai Cooperation Organization", "BRICS", "Look East", "Vladimir Putin"} <= names
    text = a["document"]["text"]
    for rec in a["quotes"] + a["events"] + a["entities"]:
        for ev in rec["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]


def test_company_and_state_names_after_a_title_are_not_people():
    from tests.doc_support import make_doc

    # CRS 95-1013 (Bahrain): a contractor in an arms-sales table, and a king named with his state.
    text = (
        "Contractors: General Dynamics Land Systems and others.\n\n"
        "King Hamad bin Isa Al Khalifa met King of Saudi Arabia in Manama.\n"
    )
    people = [e.name for e in find_entities(make_doc(text)) if e.kind == "person"]
    assert people == ["Hamad bin Isa Al Khalifa"]
