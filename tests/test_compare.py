"""Agreements side by side."""

from __future__ import annotations

from store_support import brief_analysis, fta_analysis, nato_analysis

from pactlens.compare import agreements_of, compare, domain_cells, obligation_cells, strongest_obligation
from pactlens.model import Obligation


def _row(result, label):
    return next(r.values for r in result.rows if r.label == label)


def test_treaty_and_brief_side_by_side():
    result = compare([nato_analysis(), brief_analysis()])
    assert [c.title for c in result.agreements] == ["North Atlantic Treaty", "Comprehensive Strategic Partnership Treaty"]
    assert _row(result, "defense") == ["yes (Art. 5)", "no"]
    assert _row(result, "consultation") == ["yes (Art. 4)", "not stated"]
    assert _row(result, "strongest obligation") == ["defense", "none"]
    assert _row(result, "signed") == ["1949-04-04 Washington", "2025-01-17 Moscow"]
    assert _row(result, "term") == ["unknown", "20 years"]
    assert _row(result, "defence") == ["binding ×1 (Art. 5)", "excluded ×1"]
    assert _row(result, "trade") == ["soft ×1 (Art. 2)", "—"]
    assert _row(result, "parties")[1] == "RUS, IRN"
    assert all(len(r.values) == 2 for r in result.rows)


def test_domains_follow_the_contract_order_and_count_every_domain_touched():
    cells = domain_cells(nato_analysis().provisions)
    assert list(cells) == ["defence", "security", "trade"]  # 'security' is a secondary domain of Art. 5
    assert cells["security"].strength == "binding" and cells["trade"].counts == {"soft": 1}


def test_an_agreement_only_mentioned_is_not_compared():
    brief = brief_analysis()
    brief.agreements[0].role = "related"
    assert compare([brief]).agreements == []
    assert len(agreements_of(brief)) == 1  # still available to the network and exports


def test_stored_agreements_compare_like_analyses():
    stored = agreements_of(fta_analysis())
    assert compare(stored).model_dump() == compare([fta_analysis()]).model_dump()


def test_present_beats_absent_and_strongest_follows_atop_order():
    obs = [Obligation(agreement="a", type="neutrality", present=True, confidence=0.5),
           Obligation(agreement="a", type="consultation", present=True, articles=["3"], confidence=0.7),
           Obligation(agreement="a", type="defense", present=False, confidence=0.9),
           Obligation(agreement="a", type="neutrality", present=False, confidence=0.4)]
    cells = obligation_cells(obs)
    assert cells["neutrality"].status == "yes" and cells["defense"].status == "no"
    assert cells["offense"].status == "not stated" and cells["consultation"].articles == ["3"]
    assert strongest_obligation(obs) == "neutrality" and strongest_obligation([]) == "none"
