"""Footnotes and endnotes as citations. (stub: issue 4)"""

from __future__ import annotations

from pactlens.model import Citation
from pactlens.structure.doc import Doc


def find_citations(doc: Doc) -> list[Citation]:
    return []
