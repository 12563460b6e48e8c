"""ATOP alliance obligations. (stub: issue 3)"""

from __future__ import annotations

from pactlens.model import Agreement, Obligation, Provision
from pactlens.structure.doc import Doc


def find_obligations(doc: Doc, agreements: list[Agreement], provisions: list[Provision]) -> list[Obligation]:
    return []
