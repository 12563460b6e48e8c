"""ATOP obligations on real clauses: every trap of ATOP-OBLIGATIONS.md, plus the
four labelled treaties and the brief through the whole pipeline."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pactlens.extract.treaty.obligations import clause_hits, find_obligations
from pactlens.extract.treaty.provisions import Unit
from pactlens.ingest.types import NormalizedText, OffsetMap
from pactlens.model import Agreement
from pactlens.structure.doc import Doc, Span

FIXTURES = Path(__file__).parent / "fixtures"


def raw_doc(text: str) -> Doc:
    """A Doc with no structure: obligations must not depend on it for one clause."""
    norm = NormalizedText(source="test", sha256="0" * 64, media_type="text/plain", text=text, original=text,
                          offsets=OffsetMap([(0, len(text), 0, len(text))]))
    return Doc(text=text, source=norm)


def coded(sentence: str) -> set[str]:
    doc = raw_doc(sentence)
    span = Span(0, len(sentence))
    hits = clause_hits(doc, Unit("a", "1", span, (span,), "primary"))
    return {f"{h.type}:{int(h.present)}" for h in hits}


def _traps() -> list[tuple[str, set[str], str]]:
    rows = []
    with (FIXTURES / "atop-traps.tsv").open(encoding="utf-8") as fh:
        for rec in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            ident, expected, _source, sentence = rec
            rows.append((ident, set() if expected == "-" else set(expected.split(",")), sentence))
    return rows


@pytest.mark.parametrize(("ident", "expected", "sentence"), _traps(), ids=[t[0] for t in _traps()])
def test_trap_sentences(ident: str, expected: set[str], sentence: str) -> None:
    assert coded(sentence) == expected


def test_shall_not_assist_aggressor_is_neutrality_not_defense() -> None:
    got = coded("The Parties shall not render any military or other assistance to the aggressor.")
    assert "defense:1" not in got and "neutrality:1" in got


def test_conditions_location_from_north_atlantic_article_5() -> None:
    sentence = next(s for i, _, s in _traps() if i == "nat-art5")
    doc = raw_doc(sentence)
    span = Span(0, len(sentence))
    [hit] = [h for h in clause_hits(doc, Unit("a", "5", span, (span,), "primary")) if h.type == "defense"]
    assert [(c.type, c.text) for c in hit.conditions] == [("location", "in Europe or North America")]
    assert all(doc.text[e.start:e.end] == e.text for c in hit.conditions for e in c.evidence)


def test_conditions_non_provocation_and_adversary_from_triple_alliance() -> None:
    sentence = next(s for i, _, s in _traps() if i == "triple-1882-art2")
    span = Span(0, len(sentence))
    [hit] = [h for h in clause_hits(raw_doc(sentence), Unit("a", "2", span, (span,), "primary"))
             if h.type == "defense"]
    kinds = {c.type: c.text for c in hit.conditions}
    assert kinds["non-provocation"] == "without direct provocation"
    assert kinds["adversary"].startswith("attacked by France")


def _analysed(path: Path, role: str):
    from pactlens import ingest
    from pactlens.structure import build

    doc = build(ingest.load(str(path)))
    ag = Agreement(id="a1", role=role, evidence=[])
    return doc, find_obligations(doc, [ag], [])


def test_preamble_never_decides_north_atlantic() -> None:
    """'resolved to unite their efforts for collective defence' is in the preamble; only Art. 5 decides."""
    doc, obs = _analysed(FIXTURES / "treaties" / "north-atlantic-1949.txt", "primary")
    defense = next(o for o in obs if o.type == "defense")
    assert defense.present and defense.articles == ["5"]
    assert all("resolved to unite" not in e.text for o in obs for e in o.evidence)


def test_full_text_absent_types_are_false_without_evidence() -> None:
    _, obs = _analysed(FIXTURES / "treaties" / "fta-kaz-rus-1992.txt", "primary")
    assert {o.type: o.present for o in obs} == dict.fromkeys(
        ["defense", "offense", "neutrality", "nonaggression", "consultation"], False)
    assert all(o.evidence == [] for o in obs)


def test_brief_codes_the_subject_agreement() -> None:
    brief = Path(__file__).resolve().parent.parent / "examples" / "russia-iran-2025-brief.txt"
    doc, obs = _analysed(brief, "subject")
    by_type = {o.type: o for o in obs}
    assert set(by_type) == {"defense", "neutrality", "consultation"}  # the rest: not stated
    assert by_type["defense"].present is False
    assert any("does not establish a formal military alliance" in e.text for e in by_type["defense"].evidence)
    assert by_type["neutrality"].present and any("will not aid the aggressor" in e.text
                                                 for e in by_type["neutrality"].evidence)
    assert by_type["consultation"].present and "mechanism for consultations" in by_type["consultation"].evidence[0].text
    for o in obs:
        assert all(doc.text[e.start:e.end] == e.text for e in o.evidence)
