"""The bank of labelled treaty clauses (``atop_bank.tsv``) and the nearest of them to a clause.

Each row is a real clause of a public treaty with its ATOP obligation type, or
``none`` for a near miss (a right of self-defence, a dispute procedure, trade
consultation, a mention of another treaty). Obligation coding compares a
clause's embedding with the bank's; ``treaty`` keys let a benchmark leave a
treaty's own rows out when it codes that treaty (leave-one-out).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

BANK = Path(__file__).with_name("atop_bank.tsv")
LABELS = ("defense", "offense", "neutrality", "nonaggression", "consultation", "none")


@dataclass(frozen=True)
class BankClause:
    id: str
    label: str
    cls: str
    treaty: str
    source: str
    text: str


@dataclass(frozen=True)
class Neighbour:
    clause: BankClause
    similarity: float


@lru_cache(maxsize=1)
def clauses() -> tuple[BankClause, ...]:
    with BANK.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        out = tuple(BankClause(r["id"], r["label"], r["class"], r["treaty"], r["source"], r["text"]) for r in rows)
    bad = [c.id for c in out if c.label not in LABELS]
    if bad:  # pragma: no cover - a data error in the package
        raise ValueError(f"atop_bank.tsv: unknown labels in {bad}")
    return out


@lru_cache(maxsize=1)
def vectors() -> np.ndarray:
    from pactlens.resources import embeddings

    return embeddings.encode([c.text for c in clauses()])


_LETTERS = re.compile(r"[^a-z]+")


def _squash(text: str) -> str:
    return _LETTERS.sub("", text.lower())


def treaties_in(text: str) -> frozenset[str]:
    """Treaties whose bank clauses the text holds (a 60-letter stretch of one, spacing, case and
    punctuation ignored): the treaties a leave-one-out run must not code the text against."""
    squashed = _squash(text)
    found = set()
    for c in clauses():
        key = _squash(c.text)
        mid = len(key) // 2
        if key[max(0, mid - 30) : mid + 30] in squashed:
            found.add(c.treaty)
    return frozenset(found)


def nearest(vecs: np.ndarray, exclude: frozenset[str] = frozenset(), k: int = 3) -> list[list[Neighbour]]:
    """The ``k`` most similar bank clauses to each row of ``vecs`` (rows L2-normalised), leaving out
    the treaties in ``exclude``."""
    import numpy as np

    bank = clauses()
    keep = np.array([c.treaty not in exclude for c in bank])
    if not len(vecs) or not keep.any():
        return [[] for _ in range(len(vecs))]
    sims = vecs @ vectors().T
    sims[:, ~keep] = -2.0
    order = np.argsort(-sims, axis=1)[:, :k]
    return [[Neighbour(bank[j], float(sims[i, j])) for j in row if keep[j]] for i, row in enumerate(order)]


def best_by_label(vecs: np.ndarray, exclude: frozenset[str] = frozenset()) -> list[dict[str, Neighbour]]:
    """For each row, the most similar bank clause of every label (leaving out ``exclude``)."""
    import numpy as np

    bank = clauses()
    if not len(vecs):
        return []
    sims = vecs @ vectors().T
    out = []
    for i in range(len(vecs)):
        best: dict[str, Neighbour] = {}
        for j in np.argsort(-sims[i]):
            c = bank[j]
            if c.treaty in exclude or c.label in best:
                continue
            best[c.label] = Neighbour(c, float(sims[i, j]))
            if len(best) == len(LABELS):
                break
        out.append(best)
    return out
