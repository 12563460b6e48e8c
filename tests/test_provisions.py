"""Provisions: commitment strength, clause units, and domains checked against
the brief's own bullet headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pactlens.extract.commitment import strength
from pactlens.extract.domains import classify
from pactlens.extract.treaty.provisions import find_provisions, find_units
from pactlens.model import Agreement

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BRIEF = ROOT / "examples" / "russia-iran-2025-brief.txt"


@pytest.mark.parametrize(("sentence", "expected"), [
    # shall: binding (GGO BNLXEU_1958O Art. 76)
    ("The High Contracting Parties shall afford each other mutual assistance for the application of legislative "
     "or regulatory provisions concerning the import, export and transit of goods.", "binding"),
    # may: soft (North Atlantic Treaty Art. 10)
    ("The Parties may, by unanimous agreement, invite any other European state in a position to further the "
     "principles of this Treaty and to contribute to the security of the North Atlantic area to accede to this "
     "Treaty.", "soft"),
    # shall not + verb: a binding negative duty (ATOP-OBLIGATIONS.md)
    ("The Parties shall not render any military or other assistance to the aggressor.", "binding"),
    # does not establish: excluded (the brief)
    ("Notably, while it fosters military collaboration, the Treaty does not establish a formal military alliance "
     "or obligate mutual defence commitments.", "excluded"),
    # shall not be interpreted as: excluded (North Atlantic Treaty Art. 7)
    ("This Treaty does not affect, and shall not be interpreted as affecting, in any way the rights and "
     "obligations under the Charter of the Parties which are members of the United Nations.", "excluded"),
    # shall endeavour: soft (GGO AUS-NZLNA_1983O)
    ("The Member States shall examine any difficulties that might arise in their trade in agricultural products "
     "and shall endeavour to seek appropriate solutions.", "soft"),
    # entry into force commits nobody (North Atlantic Treaty Art. 11)
    ("The Treaty shall enter into force between the states which have ratified it as soon as the ratifications of "
     "the majority of the signatories have been deposited.", None),
    # a definition commits nobody
    ("For the purposes of this Agreement, the term \"vessel\" shall mean any fishing vessel.", None),
])
def test_strength(sentence: str, expected: str | None) -> None:
    assert strength(sentence) == expected


def _doc(path: Path):
    from pactlens import ingest
    from pactlens.structure import build

    return build(ingest.load(str(path)))


def test_treaty_units_are_operative_paragraphs_never_the_preamble() -> None:
    doc = _doc(FIXTURES / "treaties" / "north-atlantic-1949.txt")
    units = find_units(doc, [Agreement(id="nat", role="primary", evidence=[])])
    assert units and all(u.role == "primary" and u.agreement == "nat" for u in units)
    texts = [doc.text[u.span.start:u.span.end] for u in units]
    assert not any("resolved to unite their efforts" in t for t in texts)
    assert {u.article for u in units} >= {"1", "4", "5"}


def test_treaty_provisions_skip_final_clauses() -> None:
    doc = _doc(FIXTURES / "treaties" / "north-atlantic-1949.txt")
    provisions = find_provisions(doc, [Agreement(id="nat", role="primary", evidence=[])])
    by_article = {p.article: p for p in provisions}
    assert by_article["5"].strength == "binding" and by_article["5"].domain == "defence"
    assert by_article["10"].strength == "soft"
    assert "11" not in by_article  # ratification and entry into force commit nobody
    for p in provisions:
        assert all(doc.text[e.start:e.end] == e.text for e in p.evidence)


#: The brief's bullet headings, and the domains each one names.
BULLETS = {
    "Defence and Security": {"defence"},
    "Energy Cooperation": {"energy", "nuclear"},
    "Trade and Economic Relations": {"trade", "finance", "transport"},
    "Intelligence and Security Collaboration": {"intelligence"},
    "Caspian Sea Security": {"regional-security"},
    "Cultural and Scientific Collaboration": {"education-culture", "science-technology", "media-information"},
}


@pytest.fixture(scope="module")
def brief():
    doc = _doc(BRIEF)
    return doc, find_provisions(doc, [Agreement(id="ri", role="subject", evidence=[])])


def _bullet_of(doc, offset: int) -> str | None:
    line_start = doc.text.rfind("\n", 0, offset) + 1
    m = re.match(r"\s*[-*]\s+\**([^:*]+):", doc.text[line_start:])
    return m.group(1).strip() if m else None


def test_brief_bullets_get_the_domains_their_headings_name(brief) -> None:
    doc, provisions = brief
    found: dict[str, set[str]] = {}
    for p in provisions:
        heading = _bullet_of(doc, p.evidence[0].start)
        if heading:
            found.setdefault(heading, set()).update(p.domains)
            assert heading not in p.text  # the heading is not part of what was classified
    for heading, expected in BULLETS.items():
        assert expected <= found.get(heading, set()), heading


def test_brief_covers_every_domain_and_the_pipeline_volume(brief) -> None:
    _, provisions = brief
    mains = {p.domain for p in provisions}
    assert {"defence", "intelligence", "energy", "trade", "finance", "regional-security",
            "education-culture", "media-information"} <= mains
    touched = {d for p in provisions for d in p.domains}
    assert {"nuclear", "science-technology", "transport"} <= touched
    quantities = [(q.value, q.unit, q.per) for p in provisions for q in p.quantities]
    assert (55e9, "m3", "year") in quantities


def test_brief_strengths(brief) -> None:
    _, provisions = brief
    def strength_of(start: str) -> str:
        return next(p.strength for p in provisions if p.text.startswith(start))

    assert strength_of("Notably, while it fosters military collaboration") == "excluded"
    assert strength_of("Both countries will exchange information") == "binding"
    assert strength_of("The Treaty seeks to deepen ties") == "soft"


def test_brief_commentary_is_not_a_provision(brief) -> None:
    _, provisions = brief
    assert not any("Look East" in p.text or "President Raisi" in p.text for p in provisions)


@pytest.mark.parametrize(("title", "domain"), [
    ("Agreement regarding the campaign against locusts in the territories of the Contracting Parties", "agriculture"),
    ("Agreement between the Government of the Russian Federation and the Government of the Republic of "
     "Kazakhstan on free trade", "trade"),
    ("Fisheries Partnership Agreement between the European Community and the Republic of Mozambique", "agriculture"),
])
def test_title_domains(title: str, domain: str) -> None:
    assert classify(title)[0] == domain
