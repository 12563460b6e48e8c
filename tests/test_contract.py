"""The contract package: every wire type has a JSON Schema that real outputs satisfy, and the store imports
nothing of pactlens but the contract (the layering DESIGN.md asks for).

The store test reads the store's own imports (its source, with ``ast``), so a
new upward import (the pipeline, reports, compare) fails here, not in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import jsonschema
import pytest
from store_support import brief_analysis, nato_analysis

from pactlens.compare import compare
from pactlens.model.schemas import WIRE_TYPES, json_schema

STORE = Path(__file__).resolve().parent.parent / "src" / "pactlens" / "store"


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", list(WIRE_TYPES))
def test_every_wire_type_has_a_valid_schema_named_by_its_id(name):
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith("/" + WIRE_TYPES[name][1])


def test_a_comparison_satisfies_its_schema():
    result = compare([nato_analysis(), brief_analysis()])
    _validator("comparison").validate(result.model_dump(mode="json"))


def test_a_check_result_satisfies_its_schema():
    from pactlens.model.check import CheckedDocument, CheckResult, Claim
    from pactlens.model import Evidence

    brief, treaty = brief_analysis().document, nato_analysis().document
    said = "The Treaty does not establish a formal military alliance"
    start = brief.text.index("does not establish")
    claim = Claim(text=said, label="contradicted", reason="Art. 5",
                  brief_evidence=[Evidence(start=start, end=start + 18, text=brief.text[start:start + 18])])
    result = CheckResult(brief=CheckedDocument(**brief.model_dump(include={"id", "source", "sha256", "title", "text"})),
                         treaty=CheckedDocument(**treaty.model_dump(include={"id", "source", "sha256", "title", "text"})),
                         claims=[claim])
    obj = result.to_json_dict()
    assert obj["schema"] == "pactlens.check/1"
    _validator("check").validate(obj)
    obj["claims"][0]["label"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        _validator("check").validate(obj)


def _pactlens_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m == "pactlens" or m.startswith("pactlens.")}


def test_the_store_imports_only_the_contract():
    upward = {f"{p.relative_to(STORE)}: {m}" for p in STORE.rglob("*.py") for m in _pactlens_imports(p)
              if not m.startswith(("pactlens.model", "pactlens.store"))}
    assert not upward, "store/ may import only pactlens.model: " + ", ".join(sorted(upward))
