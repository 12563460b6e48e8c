"""Agreements named by whom they were made with, the states a text lists beside a name, other
names of one agreement (a word's other spelling in parentheses, an acronym, "the 1902 agreement").

Excerpts: Office of the Historian (history.state.gov) Milestones "Barbary Wars, 1801–1805 and
1815–1816", "The Washington Naval Conference, 1921–1922", "North Atlantic Treaty Organization
(NATO), 1949"; CRS In Focus IF10002 "World Trade Organization"; all US government works, public
domain. Each rule is also tried on a paraphrase it was not written on."""

from __future__ import annotations

from pactlens.extract.prose.agreements import find_prose_agreements
from pactlens.model import Agreement
from tests.doc_support import make_doc


def _found(text: str) -> list[Agreement]:
    return find_prose_agreements(make_doc(text))


def _parties(a: Agreement) -> list[str]:
    return sorted(p.iso3 for p in a.parties if p.iso3)


def _by_title(found: list[Agreement]) -> dict[str | None, Agreement]:
    return {a.title: a for a in found}


def test_a_treaty_made_with_a_state():
    """Barbary: "the United States successfully concluded a treaty with Morocco in 1786"; "successfully
    concluded treaties with the states of Algiers, Tunis, and Tripoli" (capitals for their states);
    paraphrase: "Portugal signed a pact with Spain in 1939"."""
    (a,) = _found("Muhammad followed a policy of peaceful trade, and the United States successfully concluded a treaty with Morocco in 1786.\n")
    assert a.title == "treaty with Morocco" and _parties(a) == ["MAR", "USA"] and a.signed.date == "1786"
    (b,) = _found("In 1795, The U.S. Government dispatched diplomats to North Africa and successfully concluded treaties with the states of Algiers, Tunis, and Tripoli.\n")
    assert b.title == "treaties with the states of Algiers, Tunis, and Tripoli" and _parties(b) == ["DZA", "LBY", "TUN", "USA"]
    (c,) = _found("Portugal signed a pact with Spain in 1939.\n")
    assert c.title == "pact with Spain" and _parties(c) == ["ESP", "PRT"] and c.signed.date == "1939"


def test_a_treaty_owned_or_pointed_at():
    """Barbary: "The U.S. treaty with Tripoli concluded in 1805 included a ransom"; "The treaty with
    Algiers freed 83 American sailors" (one side known: parties unknown, not half given); paraphrase:
    "Japan's treaty with Siam, concluded in 1898"."""
    (a,) = _found("The U.S. treaty with Tripoli concluded in 1805 included a ransom for American prisoners.\n")
    assert a.title == "treaty with Tripoli" and _parties(a) == ["LBY", "USA"] and a.signed.date == "1805"
    (b,) = _found("The treaty with Algiers freed 83 American sailors.\n")
    assert b.title == "treaty with Algiers" and b.parties == []
    (c,) = _found("Japan's treaty with Siam, concluded in 1898, opened the ports.\n")
    assert _parties(c) == ["JPN", "THA"] and c.signed.date == "1898"


def test_a_wish_or_a_loose_agreement_with_a_state_is_none():
    """Panama Canal: "Torrijos, like his predecessors, wished to reach an agreement with the United
    States"; paraphrases: "hoped to conclude a treaty with France", "the agreement with Iran"."""
    assert _found("Torrijos, like his predecessors, wished to reach an agreement with the United States.\n") == []
    assert _found("The king hoped to conclude a treaty with France.\n") == []
    assert _found("Critics said the agreement with Iran was weak.\n") == []


def test_states_listed_beside_a_name():
    """Washington Naval Conference: "The Five-Power Treaty, signed by the United States, the United
    Kingdom, Japan, France and Italy was the cornerstone"; "In the Four-Power Treaty, the United States,
    France, the United Kingdom, and Japan agreed to consult"; paraphrases: "The Montreux Convention,
    signed by Turkey, Greece and Bulgaria, ..." and "Under the Lateran Pact, Italy and the Holy See
    pledged ..." (a state not in the gazetteer ends the list)."""
    (a,) = _found("The Five-Power Treaty, signed by the United States, the United Kingdom, Japan, France and Italy was the cornerstone of the program.\n")
    assert _parties(a) == ["FRA", "GBR", "ITA", "JPN", "USA"]
    (b,) = _found("In the Four-Power Treaty, the United States, France, the United Kingdom, and Japan agreed to consult with each other.\n")
    assert _parties(b) == ["FRA", "GBR", "JPN", "USA"]
    (c,) = _found("The Montreux Convention, signed by Turkey, Greece and Bulgaria, governs the Straits.\n")
    assert _parties(c) == ["BGR", "GRC", "TUR"]
    (d,) = _found("Under the Baltic Entente Treaty, Latvia, Lithuania and Estonia pledged to consult.\n")
    assert _parties(d) == ["EST", "LTU", "LVA"]


def test_other_names_of_one_agreement():
    """Washington: "Japan and China signed a bilateral agreement, the Shangtung (Shandong) Treaty" then
    "the Shangtung Treaty"; "the Anglo-Japanese Treaty of 1902" then "the 1902 agreement between the
    United Kingdom and Japan"; IF10002: "the Investment Facilitation for Development (IFD) Agreement"
    then "the IFD Agreement"; NATO: "the NATO Treaty" and "the North Atlantic Treaty"; paraphrases."""
    (a,) = _found("Japan and China signed a bilateral agreement, the Shangtung (Shandong) Treaty, which returned the province. "
                  "The Shangtung Treaty reassured China.\n")
    assert a.title == "Shangtung Treaty" and _parties(a) == ["CHN", "JPN"]
    (b,) = _found("This treaty replaced the Anglo-Japanese Treaty of 1902. Because of the 1902 agreement between the United Kingdom and Japan, war was feared.\n")
    assert len(b.evidence) == 2
    (c,) = _found("Members concluded the Investment Facilitation for Development (IFD) Agreement in 2024. India blocked the IFD Agreement.\n")
    assert c.title == "Investment Facilitation for Development Agreement" and len(c.evidence) == 2
    (d,) = _found("Signing of the NATO Treaty\n\nThe result was the signing of the North Atlantic Treaty in 1949.\n")
    assert len(d.evidence) == 2
    assert len(_found("Lima hosted the Pacific Alliance Framework Agreement (PAFA) talks. The PAFA Agreement entered into force.\n")) == 1
    assert len(_found("Seoul (Hanseong) Treaty talks went on. The Seoul Treaty of 1882 was signed.\n")) == 1
