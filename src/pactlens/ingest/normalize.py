"""The normalization sequence: extracted text in, normalized text and its offset map out.

Order matters: characters first (so every later pattern sees ``\\n`` and NFC),
then section labels, then footnote markers (the paragraph repair looks for
``[n]`` definitions), then line-level repairs, spacing and blank lines last.
"""

from __future__ import annotations

from collections.abc import Callable

from pactlens.ingest import repairs as r
from pactlens.ingest.edits import Edit, Rewriter
from pactlens.ingest.types import OffsetMap

Parts = list[tuple[str, int, int]]
#: A repair returns its edits, or its edits and the parts (sections) it found.
Step = Callable[[str], "list[Edit] | tuple[list[Edit], Parts]"]

#: ``(what the repair log calls it, repair)``; ``None`` keeps a routine repair out of the log.
STEPS: list[tuple[str | None, Step]] = [
    ("invisible characters removed", r.strip_invisible),
    (None, r.unify_line_ends),
    ("characters composed (NFC)", r.nfc),
    ("section labels removed", r.ggo_sections),
    ("footnote markers repaired", r.sup_markers),
    (None, r.indented_definitions),
    ("running heads and page numbers removed", r.running_heads),
    ("page breaks removed", r.page_breaks),
    ("paragraphs split by a footnote block rejoined", r.split_paragraphs),
    ("words hyphenated across lines joined", r.line_hyphens),
    ("spacing repaired", r.ocr_spacing),
    (None, r.blank_lines),
]


def normalize(text: str) -> tuple[str, OffsetMap, list[str], Parts]:
    """Normalize ``text``; return the text, its map back to ``text``, the repair log and the parts."""
    rw = Rewriter(text)
    for note, step in STEPS:
        found = step(rw.text)
        if isinstance(found, tuple):
            found, rw.parts = found
        rw.apply(found, note)
    return rw.text, rw.map, rw.repairs, rw.parts
