"""The bank of labelled treaty clauses (``atop_bank.tsv``) and the nearest of them to a clause.

Each row is a real clause of a public treaty with its ATOP obligation type, or
``none`` for a near miss (a right of self-defence, a dispute procedure, trade
consultation, a mention of another treaty). Obligation coding compares a
clause's embedding with the bank's; ``treaty`` keys let a benchmark leave a
treaty's own rows out when it codes that treaty (leave-one-out).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from pactlens.regexes import lazy_re

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
    """A bank clause and its cosine similarity to the clause being coded."""

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


_LETTERS = lazy_re(r"[^a-z]+")


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


def best_by_label(vecs: np.ndarray, exclude: frozenset[str] = frozenset()) -> list[dict[str, Neighbour]]:
    """For each row, the most similar bank clause of every label (leaving out ``exclude``)."""
    import numpy as np

    bank = clauses()
    if not len(vecs):
        return []
    sims = vecs @ vectors().T
    columns = {label: np.array([j for j, c in enumerate(bank) if c.label == label and c.treaty not in exclude],
                               dtype=np.int64) for label in LABELS}
    columns = {label: cols for label, cols in columns.items() if cols.size}
    best = {label: cols[np.argmax(sims[:, cols], axis=1)] for label, cols in columns.items()}
    return [{label: Neighbour(bank[int(js[i])], float(sims[i, js[i]])) for label, js in best.items()}
            for i in range(len(vecs))]
