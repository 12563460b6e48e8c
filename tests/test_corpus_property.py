"""Every corpus document analyses, every evidence span is exact, and the JSON fits the schema.

Each file is read, structured and analysed once, and the other per-file checks of the suite run on
that one reading: normalized words map back to the source (test_ingest_normalize), the document's
kind (test_kind), the source spans of the full CRS reports (test_source_spans). They used to read
the corpus again each, which cost the suite ~10 s of CPU."""

from __future__ import annotations

import json

import jsonschema_rs
import pytest

from pactlens import ingest, structure
from pactlens.extract.kind import classify
from pactlens.model import json_schema
from pactlens.pipeline import analyze, analyze_doc
from test_ingest_normalize import assert_corpus_words_map_back
from test_kind import assert_corpus_kind
from test_source_spans import FULL_HTML_REPORTS, assert_source_words

from conftest import EXAMPLE_BRIEF, assert_evidence_exact, corpus_files

# The Rust validator of the same draft (2020-12): the pure-Python one spent 13 s of CPU validating
# the corpus, three times what the rest of this file's checks cost beside the analyses.
_VALIDATOR = jsonschema_rs.validator_for(json_schema())


def _spans_in_range(structure: dict, n: int) -> None:
    stack = list(structure.get("articles", [])) + list(structure.get("annexes", []))
    while stack:
        s = stack.pop()
        assert 0 <= s["start"] <= s["end"] <= n, s
        stack.extend(s.get("children", []))


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_document(path):
    norm = ingest.load(str(path))
    assert_corpus_words_map_back(norm)
    doc = structure.build(norm)
    assert_corpus_kind(path, classify(doc))
    data = json.loads(json.dumps(analyze_doc(doc).to_json_dict()))
    errors = sorted(_VALIDATOR.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert data["document"]["chars"] == len(data["document"]["text"])
    assert_evidence_exact(data)
    _spans_in_range(data["structure"], len(data["document"]["text"]))
    if path.name in FULL_HTML_REPORTS:
        assert_source_words(norm, data)


def test_the_validator_refuses_what_breaks_the_contract():
    """The schema check above can fail: a renamed field, a kind outside the contract's values."""
    data = json.loads(json.dumps(analyze(str(EXAMPLE_BRIEF)).to_json_dict()))
    assert _VALIDATOR.is_valid(data)
    renamed = {**data, "document": {**data["document"], "kind": "pamphlet"}}
    assert not _VALIDATOR.is_valid(renamed)
    del renamed["generator"]
    assert any("generator" in e.message for e in _VALIDATOR.iter_errors(renamed))
