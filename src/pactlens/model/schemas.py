"""Every wire type pactlens sends, by name, with its JSON Schema: what ``pactlens schema --type NAME`` prints.

One table, so the CLI, the API docs and the tests agree on which types are
the contract. Only ``pactlens schema`` and the tests import this module.
"""

from __future__ import annotations

from pydantic import BaseModel

from pactlens.model import SCHEMA_ID, Analysis, schema_of
from pactlens.model.check import CHECK_SCHEMA, CheckResult
from pactlens.model.compare import COMPARISON_SCHEMA, Comparison
from pactlens.model.library import DocumentSummary, SearchHit

#: name -> (type, schema id); ``analysis`` is the default.
WIRE_TYPES: dict[str, tuple[type[BaseModel], str]] = {
    "analysis": (Analysis, SCHEMA_ID),
    "check": (CheckResult, CHECK_SCHEMA),
    "comparison": (Comparison, COMPARISON_SCHEMA),
    "document-summary": (DocumentSummary, "pactlens.document-summary/1"),
    "search-hit": (SearchHit, "pactlens.search-hit/1"),
}


def json_schema(name: str = "analysis") -> dict:
    """The JSON Schema of the wire type ``name`` (a key of :data:`WIRE_TYPES`)."""
    model, schema_id = WIRE_TYPES[name]
    return schema_of(model, schema_id)
