"""Document kind on every corpus file: agreements' own texts against writing about them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactlens import ingest, structure
from pactlens.extract.kind import classify, score
from pactlens.ingest.types import NormalizedText, OffsetMap
from pactlens.structure.doc import Doc

from conftest import EXAMPLE_BRIEF, corpus_files

_ABOUT = ("crs-", "wiki-", "brief")


def _doc_of(path: Path) -> Doc:
    return structure.build(ingest.load(str(path)))


def _doc(text: str) -> Doc:
    norm = NormalizedText(source="t", sha256="0", media_type="text/plain", text=text, original=text,
                          offsets=OffsetMap([(0, len(text), 0, len(text))]))
    return Doc(text=text, source=norm)


@pytest.mark.parametrize("path", [*corpus_files(), EXAMPLE_BRIEF], ids=lambda p: p.name)
def test_kind_of_corpus_file(path: Path) -> None:
    kind = classify(_doc_of(path))
    if path.name.startswith("wiki-"):  # an encyclopedia article: "other" when its lead names its subject
        assert kind in {"other", "brief"}
    elif path.name.startswith(_ABOUT) or "brief" in path.name:
        assert kind in {"brief", "news"}
    else:
        assert kind == "treaty"


def test_short_exchange_of_letters_is_a_treaty() -> None:
    # GGO DNK-ECHRG_2006A: 234 words, no articles, but it is the instrument itself.
    text = (Path(__file__).parent / "fixtures" / "kind-exchange-of-letters.txt").read_text(encoding="utf-8")
    assert classify(_doc(text)) == "treaty"


def test_dateline_makes_news() -> None:
    # The shape of a wire story: dateline, agency, reported speech, no footnotes.
    text = (
        "MOSCOW, Jan 17 (Reuters) - Russian President Vladimir Putin and Iranian President Masoud "
        "Pezeshkian signed a strategic partnership treaty on Friday. \"This treaty marks a new chapter,\" "
        "Putin said at a news conference, according to state media. The treaty was signed in the Kremlin, "
        "officials said."
    )
    s = score(_doc(text))
    assert s.kind == "news", s


def test_too_little_to_tell_is_other() -> None:
    assert classify(_doc("Minutes of the meeting held on Tuesday.")) == "other"


def test_scores_explain_the_brief() -> None:
    s = score(_doc_of(EXAMPLE_BRIEF))
    assert s.brief > s.treaty and s.kind == "brief"
