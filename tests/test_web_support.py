"""Analyses of two real treaties coded by hand, for the web tests.

The pipeline's extractors are built in parallel with the web app; these
records (what a correct extraction of the fixtures says, checked by reading
them) let the pages be tested on full profiles whatever the pipeline finds
today. Evidence is located in the real text, so the invariant holds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pactlens.model import (Agreement, Analysis, Condition, DocumentInfo, Event, Evidence, Generator, Obligation,
                            Party, Provision, Quantity, Signatory, Signed)

WEB_FIXTURES = Path(__file__).parent / "fixtures" / "web"
NATO = WEB_FIXTURES / "north-atlantic-1949.txt"
ANZ = WEB_FIXTURES / "australia-new-zealand-1944-excerpt.txt"


def ev(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(start=start, end=start + len(phrase), text=phrase)


def _document(path: Path, title: str, text: str) -> DocumentInfo:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return DocumentInfo(id=digest[:16], source=path.name, sha256=digest, kind="treaty", title=title,
                        chars=len(text), text=text)


def nato() -> Analysis:
    text = NATO.read_text(encoding="utf-8")
    art5 = text[text.index("The Parties agree that an armed attack"):text.index("Article 6")].rstrip()
    art4 = text[text.index("The Parties will consult together"):text.index("Article 5")].rstrip()
    agreement = Agreement(
        id="ag1", title="North Atlantic Treaty", kind="treaty", role="primary", article_count=14,
        parties=[Party(name=n, iso3=c) for n, c in (("Belgium", "BEL"), ("Canada", "CAN"), ("France", "FRA"),
                 ("Luxembourg", "LUX"), ("Netherlands", "NLD"), ("United Kingdom", "GBR"),
                 ("United States", "USA"))],
        signed=Signed(date="1949-04-04", precision="day", place="Washington",
                      evidence=[ev(text, "Done at Washington, the fourth day of April, 1949")]),
        evidence=[ev(text, "NORTH ATLANTIC TREATY")],
    )
    provisions = [
        Provision(agreement="ag1", article="5", domain="defence", domains=["defence", "security"], strength="binding",
                  text=art5, evidence=[ev(text, art5)]),
        Provision(agreement="ag1", article="4", domain="security", domains=["security"], strength="binding",
                  text=art4, evidence=[ev(text, art4)]),
        Provision(agreement="ag1", article="13", domain="other", domains=["other"], strength="soft",
                  text="any Party may cease to be a Party one year after its notice of denunciation",
                  quantities=[Quantity(value=20, unit="year", text="twenty years")],
                  evidence=[ev(text, "any Party may cease to be a Party one year after its notice of denunciation")]),
    ]
    clause = "will assist the Party or Parties so attacked"
    obligations = [
        Obligation(agreement="ag1", type="defense", present=True, articles=["5"], confidence=0.95,
                   conditions=[Condition(type="location", text="in Europe or North America",
                                         evidence=[ev(text, "in Europe or North America")])],
                   evidence=[ev(text, clause)]),
        Obligation(agreement="ag1", type="consultation", present=True, articles=["4"], confidence=0.9,
                   evidence=[ev(text, "The Parties will consult together")]),
        Obligation(agreement="ag1", type="offense", present=False, confidence=0.7),
    ]
    events = [Event(date="1949-04-04", precision="day", kind="signing", summary="North Atlantic Treaty signed",
                    actors=["USA"], agreement="ag1", evidence=[ev(text, "the fourth day of April, 1949")])]
    return Analysis(generator=Generator(version="test", pipeline="handcoded"),
                    document=_document(NATO, "North Atlantic Treaty", text), agreements=[agreement],
                    provisions=provisions, obligations=obligations, events=events)


def anz() -> Analysis:
    text = ANZ.read_text(encoding="utf-8")
    agreement = Agreement(
        id="ag1", title="Agreement between Australia and New Zealand", kind="agreement", role="primary",
        parties=[Party(name="Australia", iso3="AUS"), Party(name="New Zealand", iso3="NZL")],
        signatories=[Signatory(name="John Curtin", role="Prime Minister of Australia", party="AUS",
                               evidence=[ev(text, "John Curtin")]),
                     Signatory(name="Peter Fraser", role="Prime Minister of New Zealand", party="NZL",
                               evidence=[ev(text, "Peter Fraser")])],
        signed=Signed(date="1944-01-21", precision="day", place="Canberra",
                      evidence=[ev(text, "CANBERRA, 21 January 1944")]),
        evidence=[ev(text, "AGREEMENT BETWEEN AUSTRALIA AND NEW ZEALAND")],
    )
    consult = "The two Governments agree to adopt an expeditious and continuous means of consultation"
    zone = "a regional zone of defence comprising the South West and South Pacific areas shall be established"
    provisions = [
        Provision(agreement="ag1", article="4", domain="security", domains=["security"], strength="binding",
                  text=consult, evidence=[ev(text, consult)]),
        Provision(agreement="ag1", article="13", domain="regional-security", domains=["regional-security", "defence"],
                  strength="binding", text=zone, evidence=[ev(text, zone)]),
    ]
    obligations = [Obligation(agreement="ag1", type="consultation", present=True, articles=["4"], confidence=0.85,
                              evidence=[ev(text, consult)])]
    events = [Event(date="1944-01-17", precision="day", kind="meeting", summary="Canberra conference opens",
                    evidence=[ev(text, "from the 17th to the 21st January, 1944")]),
              Event(date="1944-01-21", precision="day", kind="signing", summary="Agreement signed at Canberra",
                    agreement="ag1", evidence=[ev(text, "CANBERRA, 21 January 1944")])]
    return Analysis(generator=Generator(version="test", pipeline="handcoded"),
                    document=_document(ANZ, "Australian–New Zealand Agreement 1944", text), agreements=[agreement],
                    provisions=provisions, obligations=obligations, events=events)


@pytest.fixture()
def lib(tmp_path):
    """An empty library in a temporary SQLite file (import this fixture into a test module)."""
    from pactlens.store import open_library

    library = open_library(str(tmp_path / "lib.db"))
    yield library
    library.close()
