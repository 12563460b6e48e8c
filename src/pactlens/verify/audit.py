"""The citation audit. (stub: issue 4)"""

from __future__ import annotations

from pactlens.model import Citation, Finding, Quote
from pactlens.structure.doc import Doc


def audit(doc: Doc, citations: list[Citation], quotes: list[Quote]) -> list[Finding]:
    return []
