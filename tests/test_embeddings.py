"""The packaged sentence-embedding model: offline, normalised rows, meaning over wording."""

from __future__ import annotations

import numpy as np
import pytest

from pactlens.resources import embeddings

pytestmark = pytest.mark.skipif(not embeddings.available(), reason="wordllama is not installed")


def test_rows_are_unit_length_and_an_empty_text_is_a_zero_row() -> None:
    v = embeddings.encode(["The Parties will consult together.", ""])
    assert v.shape == (2, embeddings.dimensions()) and v.dtype == np.float32
    assert abs(float(np.linalg.norm(v[0])) - 1.0) < 1e-5
    assert not v[1].any()
    assert embeddings.encode([]).shape == (0, embeddings.dimensions())


def test_a_paraphrase_is_nearer_than_an_unrelated_clause() -> None:
    """North Atlantic Treaty Art. 5 (corpus treaties/), a paraphrase of it, and a customs clause
    (GGO BNLXEU_1958O.txt Art. 76)."""
    nat5 = "The Parties agree that an armed attack against one or more of them shall be considered an attack against them all."
    para = "Any aggression against one member state is to be regarded as aggression against every member state."
    customs = "The High Contracting Parties shall afford each other mutual assistance for the application of legislative provisions concerning the import of goods."
    a, b, c = embeddings.encode([nat5, para, customs])
    assert float(a @ b) > float(a @ c)


def test_the_model_loads_once_per_process() -> None:
    assert embeddings.load() is embeddings.load()
