"""Shared test helpers: where the corpus is, and the evidence invariant."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE_BRIEF = ROOT / "examples" / "russia-iran-2025-brief.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_files() -> list[Path]:
    """Every document of the shared corpus if it is beside the checkout, else the repo's sample."""
    if SHARED_CORPUS.is_dir():
        files = [p for p in sorted(SHARED_CORPUS.rglob("*")) if p.is_file()
                 and p.suffix in {".txt", ".md", ".html"} and p.name not in {"README.md", "SOURCES.md"}]
        if files:
            return files
    return [p for p in sorted((FIXTURES / "corpus-sample").iterdir()) if p.name != "README.md"]


def iter_evidence(obj):
    """Every ``{start, end, text}`` evidence object anywhere in a JSON value."""
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj.get("text"), str):
            yield obj
        for v in obj.values():
            yield from iter_evidence(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from iter_evidence(v)


def assert_evidence_exact(analysis_json: dict) -> int:
    """Assert the contract's invariant on every evidence span; return how many were checked."""
    text = analysis_json["document"]["text"]
    n = 0
    for ev in iter_evidence({k: v for k, v in analysis_json.items() if k != "document"}):
        assert 0 <= ev["start"] <= ev["end"] <= len(text), ev
        assert text[ev["start"]:ev["end"]] == ev["text"], ev
        n += 1
    return n


@pytest.fixture(scope="session")
def brief_path() -> Path:
    return EXAMPLE_BRIEF
