"""Rounds of text edits that keep a map back to the first text (after eyecite's SpanUpdater).

Each normalization repair only says *what* to change, as a list of
:class:`Edit`; :class:`Rewriter` applies a round, builds that round's offset
map and composes it with the earlier ones, so ``map.to_original`` always leads
from the current text to the text the reader extracted.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from pactlens.ingest.types import OffsetMap


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``[start, end)`` of the current text with ``text``.

    ``origin`` is the range of the current text the new text stands for, when
    that is not ``[start, end)`` — a block moved elsewhere keeps pointing at the
    place it came from.
    """

    start: int
    end: int
    text: str
    origin: tuple[int, int] | None = None


@dataclass
class Rewriter:
    """A text under repair, its composed map to the original, and the spans carried along."""

    text: str
    map: OffsetMap = field(init=False)
    repairs: list[str] = field(default_factory=list)
    parts: list[tuple[str, int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.map = OffsetMap.identity(len(self.text))

    def apply(self, edits: list[Edit], note: str | None = None) -> int:
        """Apply one round of non-overlapping edits; record ``"note: n"`` when any applied.

        ``n`` counts the edits that replace or delete text; pure insertions (the
        second half of a move) are part of a repair already counted.
        """
        edits = sorted(edits, key=lambda e: (e.start, e.end))
        if not edits:
            return 0
        chunks: list[str] = []
        segs: list[tuple[int, int, int, int]] = []  # new text -> current text
        moves: list[tuple[int, int, int, int]] = []  # current positions -> new positions
        pos = n = 0
        for e in edits:
            if e.start < pos:
                raise ValueError(f"overlapping edits at {e.start}")
            if e.start > pos:
                chunks.append(self.text[pos : e.start])
                segs.append((n, n + e.start - pos, pos, e.start))
                moves.append((pos, e.start, n, n + e.start - pos))
                n += e.start - pos
            o_start, o_end = e.origin or (e.start, e.end)
            if e.text:
                chunks.append(e.text)
                segs.append((n, n + len(e.text), o_start, o_end))
            moves.append((e.start, e.end, n, n + len(e.text)))
            n += len(e.text)
            pos = e.end
        if pos < len(self.text):
            chunks.append(self.text[pos:])
            segs.append((n, n + len(self.text) - pos, pos, len(self.text)))
            moves.append((pos, len(self.text), n, n + len(self.text) - pos))
        self.parts = [(name, _shift(moves, a, False), _shift(moves, b, True)) for name, a, b in self.parts]
        self.text = "".join(chunks)
        self.map = OffsetMap(segs).compose(self.map)
        if note:
            self.repairs.append(f"{note}: {sum(1 for e in edits if e.end > e.start) or len(edits)}")
        return len(edits)


def _shift(moves: list[tuple[int, int, int, int]], pos: int, is_end: bool) -> int:
    """Where offset ``pos`` of the previous text lands in the new one."""
    if not moves:
        return pos
    starts = [m[0] for m in moves]
    i = bisect.bisect_right(starts, pos) - 1
    if is_end and i > 0 and moves[i][0] == pos:
        i -= 1  # an end offset belongs to the range it closes
    i = max(i, 0)
    old_s, old_e, new_s, new_e = moves[i]
    if (old_e - old_s) == (new_e - new_s):
        return new_s + min(pos - old_s, new_e - new_s)
    return new_e if is_end else new_s
