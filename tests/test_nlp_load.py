"""How the packaged spaCy model is loaded (resources/nlp.py).

The pipeline is loaded with a tokenizer that starts with no rules and takes
all of them from the package; these tests say that it is the package's own
tokenizer, so that no parse changes for the second it saves.
"""

from __future__ import annotations

import pytest

from pactlens.resources import nlp as models

needs_model = pytest.mark.skipif(not models.available(), reason="spaCy model not installed")


@needs_model
def test_the_tokenizer_built_once_is_the_packages_tokenizer():
    import spacy

    name = next(n for n in models.MODELS if spacy.util.is_package(n))
    default = spacy.load(name, exclude=models.pipeline().pipe_names + models._DROP)
    # the vocab is left out: the shared pipeline's string store grows with every document it parses
    assert models.pipeline().tokenizer.to_bytes(exclude=["vocab"]) == default.tokenizer.to_bytes(exclude=["vocab"])


@needs_model
def test_the_tokenizer_splits_as_the_package_does():
    # The Russia-Iran brief (examples/russia-iran-2025-brief.txt), with its abbreviations and a URL.
    text = ("On January 17, 2025, Russian President Vladimir Putin and Iranian President Masoud Pezeshkian "
            "signed the treaty in Moscow (see https://tass.com/politics/1901287); the U.S. didn't comment.")
    tokens = [t.text for t in models.pipeline().make_doc(text)]
    assert tokens[:4] == ["On", "January", "17", ","]
    assert "https://tass.com/politics/1901287" in tokens and "U.S." in tokens and tokens[-4:-1] == ["did", "n't", "comment"]
