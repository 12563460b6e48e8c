"""Find how a normalized text is built: title, preamble, articles, paragraphs,
sentences, footnotes, annexes, final clause."""

from __future__ import annotations

from pactlens.ingest.types import NormalizedText
from pactlens.structure.doc import Doc


def build(norm: NormalizedText) -> Doc:
    """Structure a normalized text. (stub: foundation issue fills the detectors)"""
    return Doc(text=norm.text, source=norm)
