"""Provisions by policy domain and strength. (stub: issue 3)"""

from __future__ import annotations

from pactlens.model import Agreement, Provision
from pactlens.structure.doc import Doc


def find_provisions(doc: Doc, agreements: list[Agreement]) -> list[Provision]:
    return []
