"""Document kind on every corpus file: agreements' own texts against writing about them."""

from __future__ import annotations

from pathlib import Path

from pactlens import ingest, structure
from pactlens.extract.kind import classify, score
from pactlens.ingest.types import NormalizedText, OffsetMap
from pactlens.structure.doc import Doc

from conftest import EXAMPLE_BRIEF

_ABOUT = ("crs-", "wiki-", "brief")


def _doc_of(path: Path) -> Doc:
    return structure.build(ingest.load(str(path)))


def _doc(text: str) -> Doc:
    norm = NormalizedText(source="t", sha256="0", media_type="text/plain", text=text, original=text,
                          offsets=OffsetMap([(0, len(text), 0, len(text))]))
    return Doc(text=text, source=norm)


def assert_corpus_kind(path: Path, kind: str) -> None:
    """The kind every corpus file must get (run by tests/test_corpus_property.py on each file it
    reads): an agreement's own text is a treaty, writing about one a brief, news or other."""
    if path.name.startswith("wiki-"):  # an encyclopedia article: "other" when its lead names its subject
        assert kind in {"other", "brief"}
    elif path.name.startswith(_ABOUT) or "brief" in path.name:
        assert kind in {"brief", "news"}
    else:
        assert kind == "treaty"


def test_kind_of_the_example_brief() -> None:
    assert_corpus_kind(EXAMPLE_BRIEF, classify(_doc_of(EXAMPLE_BRIEF)))


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


_CAMBODIA = """---
date: '2025-10-26'
source_url: https://www.whitehouse.gov/briefings-statements/2025/10/joint-declaration-by-the-prime-minister-of-the-kingdom-of-cambodia-and-the-prime-minister-of-the-kingdom-of-thailand/
tags: briefings-statements
title: Joint Declaration by the Prime Minister of the Kingdom of Cambodia and the Prime Minister of the Kingdom of Thailand
---

We, the Prime Minister of the Kingdom of Cambodia and the Prime Minister of the Kingdom of Thailand, as witnessed by
the President of the United States of America and the Prime Minister of Malaysia, having met in Kuala Lumpur,
Malaysia, on October 26, 2025, declare the following:

1.  We reaffirm our firm commitment to upholding and implementing the agreements reached by both sides at the
    General Border Committee meetings.

1.  We signed the Terms of Reference (TOR) on the establishment of the ASEAN Observer Team (AOT).

Signed at Kuala Lumpur on October 26, 2025, in quadruplicate, in the English language.
"""


def test_a_governments_joint_declaration_is_no_treaty():
    # White House, Cambodia–Thailand joint declaration (public domain), abridged: signed, but a press release
    from tests.doc_support import make_doc

    s = score(make_doc(_CAMBODIA))
    assert s.release and s.kind == "other"


def test_a_press_office_statement_without_front_matter_is_other():
    # paraphrase: a foreign ministry's release, its head lines as the page gives them
    from tests.doc_support import make_doc

    text = ("Office of the Spokesperson\n\nJoint Statement on the Second Meeting of the Strategic Dialogue\n\n"
            "The Governments of the Republic of Korea and the Republic of the Philippines held the second meeting "
            "of their Strategic Dialogue in Seoul on March 4, 2026. The two sides shall continue to consult and "
            "agreed to meet again in Manila.\n")
    assert classify(make_doc(text)) == "other"


def test_a_treaty_published_by_a_press_office_is_still_a_treaty():
    # paraphrase: a treaty text whose page is a press release keeps its articles
    from tests.doc_support import make_doc

    text = ("FOR IMMEDIATE RELEASE\n\nTREATY ON MUTUAL ASSISTANCE BETWEEN THE REPUBLIC OF A AND THE REPUBLIC OF B\n\n"
            "The Contracting Parties have agreed as follows:\n\nArticle 1\n\nThe Parties shall consult.\n\n"
            "Article 2\n\nThe Parties shall assist each other.\n\nArticle 3\n\nThis Treaty shall enter into force "
            "on signature.\n\nIN WITNESS WHEREOF the undersigned have signed this Treaty.\n")
    assert classify(make_doc(text)) == "treaty"
