"""Direct and reported speech with speakers. (stub: issue 4)"""

from __future__ import annotations

from pactlens.model import Citation, Quote
from pactlens.structure.doc import Doc


def find_quotes(doc: Doc, citations: list[Citation]) -> list[Quote]:
    return []
