"""Agreements a document is, or is about. (stub: foundation issue)"""

from __future__ import annotations

from pactlens.model import Agreement
from pactlens.structure.doc import Doc


def find_agreements(doc: Doc, kind: str) -> list[Agreement]:
    return []
