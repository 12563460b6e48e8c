"""States, people, organizations, projects and policies with mention counts. (stub: issue 4)"""

from __future__ import annotations

from pactlens.model import Entity
from pactlens.structure.doc import Doc


def find_entities(doc: Doc) -> list[Entity]:
    return []
