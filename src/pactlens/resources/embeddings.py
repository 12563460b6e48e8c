"""Sentence embeddings from a small model shipped inside a PyPI package, offline, on CPU.

The model is WordLlama's ``l2_supercat_256`` (static token embeddings distilled
from Llama 2's embedding matrix, 256 dimensions, MIT; the ``wordllama`` wheel
carries the weights and the tokenizer). Its vectors are the mean of the
sentence's token vectors, so a sentence costs a table look-up: ~0.2 ms for a
treaty clause, against ~17 ms for all-MiniLM-L6-v2 in int8 ONNX on one core
(``bench/obligations.py --embeddings`` measures both load and per-sentence cost).
That is what lets every candidate clause of a 193-text corpus be embedded
within the throughput budget; torch is never needed.

The files are read straight from the installed package: ``WordLlama.load()``
looks for the tokenizer under a folder name the wheel does not use and then
tries the model hub, which must never happen at run time. Loading also skips
importing ``wordllama`` itself (~0.6 s of configuration imports): only
``tokenizers`` and ``safetensors`` are needed, and the pooling is five lines.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pactlens.errors import PactlensError

#: The package that ships the model, and the model's files inside it.
PACKAGE = "wordllama"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
#: The model's name as records and benchmarks report it.
MODEL_ID = "wordllama/l2_supercat_256"
#: Long clauses are cut to this many tokens: a promise is stated in its first few hundred words.
MAX_TOKENS = 512
#: Texts pooled per step of :func:`encode`.
_CHUNK = 64


if TYPE_CHECKING:  # numpy is imported where the model is loaded: a run that never encodes never imports it
    import numpy as np


class EmbeddingsUnavailable(PactlensError):
    """The package that ships the embedding model is not installed."""


@dataclass(frozen=True)
class _Model:
    tokenizer: Any  # tokenizers.Tokenizer
    table: np.ndarray  # (vocabulary, dimensions) float32


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def load() -> _Model:
    """The tokenizer and the token table, read once per process from the installed wheel."""
    root = _package_dir()
    if root is None or not (root / WEIGHTS).is_file() or not (root / TOKENIZER).is_file():
        raise EmbeddingsUnavailable(
            "the embedding model is not installed: pip install 'pactlens[nlp]' (wordllama)")
    import numpy as np

    try:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError as exc:  # pragma: no cover - wordllama requires both
        raise EmbeddingsUnavailable(f"the embedding model cannot be read: {exc}") from exc
    tokenizer = Tokenizer.from_file(str(root / TOKENIZER))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    table = load_file(str(root / WEIGHTS))["embedding.weight"].astype(np.float32)
    return _Model(tokenizer, table)


def available() -> bool:
    """Whether :func:`encode` would work, without raising."""
    try:
        load()
    except EmbeddingsUnavailable:
        return False
    return True


def dimensions() -> int:
    return int(load().table.shape[1])


def encode(texts: list[str]) -> np.ndarray:
    """One L2-normalised row per text (float32, shape ``(len(texts), dimensions)``).

    A text with no token (empty) gets a zero row, which is similar to nothing.
    """
    import numpy as np

    model = load()
    out = np.zeros((len(texts), model.table.shape[1]), dtype=np.float32)
    if not texts:
        return out
    encoded = [enc.ids for enc in model.tokenizer.encode_batch(texts, add_special_tokens=False)]
    last = model.table.shape[0] - 1
    for lo in range(0, len(texts), _CHUNK):  # gathered token vectors stay cache-sized
        chunk = encoded[lo : lo + _CHUNK]
        lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
        rows = np.flatnonzero(lengths)
        if not rows.size:
            continue
        ids = np.clip(np.fromiter((i for row in chunk for i in row), dtype=np.int64, count=int(lengths.sum())), 0, last)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[rows]
        out[lo + rows] = np.add.reduceat(model.table[ids], starts, axis=0) / lengths[rows, None]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out
