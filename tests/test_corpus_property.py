"""Every corpus document analyses, every evidence span is exact, and the JSON fits the schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pactlens.model import json_schema
from pactlens.pipeline import analyze

from conftest import assert_evidence_exact, corpus_files

_VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _spans_in_range(structure: dict, n: int) -> None:
    stack = list(structure.get("articles", [])) + list(structure.get("annexes", []))
    while stack:
        s = stack.pop()
        assert 0 <= s["start"] <= s["end"] <= n, s
        stack.extend(s.get("children", []))


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_document(path):
    data = json.loads(json.dumps(analyze(str(path)).to_json_dict()))
    errors = sorted(_VALIDATOR.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert data["document"]["chars"] == len(data["document"]["text"])
    assert_evidence_exact(data)
    _spans_in_range(data["structure"], len(data["document"]["text"]))
