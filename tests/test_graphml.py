"""The library's state network as GraphML, read back by networkx and the stdlib parser."""

from __future__ import annotations

import io
from xml.etree import ElementTree as ET

import networkx as nx
from store_support import brief_analysis, fta_analysis, nato_analysis

from pactlens.compare import agreements_of
from pactlens.model import Party
from pactlens.report.graphml import NS, network_agreements, to_graphml


def _graph(analyses) -> nx.Graph:
    doc = to_graphml([sa for a in analyses for sa in agreements_of(a)])
    ET.fromstring(doc.encode())  # well-formed XML
    return nx.read_graphml(io.BytesIO(doc.encode()))


def test_states_are_nodes_and_each_agreement_links_every_pair_of_its_parties():
    g = _graph([nato_analysis(), fta_analysis(), brief_analysis()])
    assert g.number_of_nodes() == 12 + 2 + 1  # NATO's twelve, RUS and AZE, IRN (RUS is shared)
    assert g.number_of_edges() == 66 + 1 + 1  # a twelve-party clique, two bilateral links
    assert g.nodes["USA"]["label"] == "United States" and g.nodes["RUS"]["agreements"] == 2
    usa_gbr = g.edges["USA", "GBR"]
    assert usa_gbr["defense"] == "yes" and usa_gbr["strongest"] == "defense" and usa_gbr["year"] == 1949
    assert usa_gbr["label"] == "North Atlantic Treaty" and usa_gbr["parties"] == 12
    rus_irn = g.edges["IRN", "RUS"]
    assert rus_irn["defense"] == "no" and rus_irn["strongest"] == "none" and rus_irn["term_years"] == 20
    assert "term_years" not in g.edges["AZE", "RUS"]  # unknown stays absent, not zero


def test_parallel_agreements_give_a_multigraph():
    second = fta_analysis()
    second.agreements[0].signed.date = "1993-01-01"  # another agreement between the same two states
    second.document.id = "f" * 16
    g = _graph([fta_analysis(), second])
    assert isinstance(g, nx.MultiGraph) and g.number_of_edges("RUS", "AZE") == 2


def test_an_agreement_stored_twice_is_drawn_once_from_its_own_text():
    treaty = agreements_of(nato_analysis())[0]
    about = treaty.model_copy(deep=True)
    about.document_id, about.agreement.role = "b" * 16, "subject"
    kept = network_agreements([about, treaty])
    assert len(kept) == 1 and kept[0].document_id == treaty.document_id


def test_parties_without_a_code_are_left_out_not_guessed():
    sa = agreements_of(fta_analysis())[0]
    sa.agreement.parties.append(Party(name="an unnamed third state"))
    root = ET.fromstring(to_graphml([sa]).encode())
    assert {n.get("id") for n in root.iter(f"{{{NS}}}node")} == {"RUS", "AZE"}
    single = agreements_of(fta_analysis())[0]
    single.agreement.parties = single.agreement.parties[:1]
    assert network_agreements([single]) == []
