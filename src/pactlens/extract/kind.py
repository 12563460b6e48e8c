"""Tell an agreement's own text from writing about agreements. (stub: foundation issue)"""

from __future__ import annotations

from pactlens.structure.doc import Doc


def classify(doc: Doc) -> str:
    """Return "treaty", "brief", "news" or "other"."""
    return "treaty" if len(doc.articles) >= 2 else "other"
