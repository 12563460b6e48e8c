"""Helpers for the structure tests: build a Doc from text without going through ingest."""

from __future__ import annotations

from pathlib import Path

from pactlens.ingest.types import NormalizedText, OffsetMap
from pactlens.structure import build
from pactlens.structure.doc import Doc

FIXTURES = Path(__file__).parent / "fixtures"


def doc_of(text: str, parts: list[tuple[str, int, int]] | None = None) -> Doc:
    norm = NormalizedText(
        source="test", sha256="0" * 64, media_type="text/plain", text=text, original=text,
        offsets=OffsetMap([(0, len(text), 0, len(text))]), parts=parts or [],
    )
    return build(norm)


def fixture_doc(name: str) -> Doc:
    return doc_of((FIXTURES / name).read_text(encoding="utf-8"))


def numbers(doc: Doc) -> list[str]:
    return [a.number for a in doc.articles]
