"""A timeline of dated happenings. (stub: issue 4)"""

from __future__ import annotations

from pactlens.model import Agreement, Event
from pactlens.structure.doc import Doc


def find_events(doc: Doc, agreements: list[Agreement]) -> list[Event]:
    return []
