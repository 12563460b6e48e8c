"""Blocks of hard-wrapped Markdown: a short wrapped line is not a heading.

Converters wrap Markdown at ~70-80 columns, so a wrapped line may hold eight words or fewer;
it was taken for a heading whenever the next line began with a capital, which cut sentences
in two (and handed the halves to the name readers). The excerpts are from White House joint
statements and fact sheets (public domain; the labelled eval documents
wh-2023-09-11-us-vietnam-comprehensive-strategic-partnership, wh-2022-12-15-us-africa-leaders-summit
and wh-2025-10-26-cambodia-thailand-joint-declaration); the paraphrases were not read when the
rule was written.
"""

from __future__ import annotations

import pytest
from structure_support import doc_of


def _blocks(text: str) -> list[str]:
    doc = doc_of(text)
    return [doc.slice(b) for b in doc.blocks]


VIETNAM = (
    "In the ten years since President Truong Tan Sang and President Barack\n"
    "Obama formed the Vietnam–U.S. Comprehensive Partnership, the two\n"
    "countries have made remarkable strides in increasing mutual\n"
    "understanding, building mutual trust, and strengthening cooperation\n"
    "across all areas of the Comprehensive Partnership. Under this new\n"
    "framework, the Leaders underscored the fundamental principles guiding\n"
    "Vietnam–U.S. relations, including respect for the United Nations\n"
    "Charter, international law, and respect for each other’s political\n"
    "system, independence, sovereignty, and territorial integrity."
)

#: A link whose address no wrapper can break: the line holding it overruns the width.
AFRICA = (
    "-   **Young African Leaders Initiative (YALI) Expansion:** Vice\n"
    "    President Harris announced that the Administration plans to work\n"
    "    with Congress to [provide over $100 million toward\n"
    "    YALI](https://www.whitehouse.gov/briefing-room/statements-releases/2022/12/13/"
    "fact-sheet-u-s-africa-partnership-in-elevating-diaspora-engagement/)\n"
    "    over multiple years to support innovative, diverse young African\n"
    "    leaders."
)

#: Paraphrases, wrapped at 63 and 69 columns by hand: a line of eight words or fewer before a capital.
PARAPHRASES = [
    "Both governments reaffirmed their unwavering commitment to the\n"
    "Charter of the United Nations and to the peaceful settlement of\n"
    "disputes in accordance with international law.",
    "Senior representatives of national investment agencies from the\n"
    "Republic of Korea, Japan and the United States met in Tokyo to review\n"
    "their joint supply-chain initiative.",
]


@pytest.mark.parametrize("text", [VIETNAM, AFRICA, *PARAPHRASES])
def test_a_hard_wrapped_paragraph_is_one_block(text: str) -> None:
    assert _blocks(text) == [text]


def test_the_vietnam_statement_keeps_its_sentence_whole() -> None:
    doc = doc_of(VIETNAM)
    said = [doc.slice(s) for s in doc.sentences]
    assert any(s.startswith("Under this new\nframework") and s.endswith("territorial integrity.") for s in said)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a heading before a wrapped paragraph stops well short of its width
        ("Background\nThe treaty was signed in Moscow on 17 January 2025 by the two\n"
         "presidents after two years of talks.",
         ["Background", "The treaty was signed in Moscow on 17 January 2025 by the two\n"
                        "presidents after two years of talks."]),
        # whatever its length: a Markdown heading, a line in capitals
        ("## Implications of the Comprehensive Strategic Partnership Treaty\nRussia and Iran",
         ["## Implications of the Comprehensive Strategic Partnership Treaty", "Russia and Iran"]),
        ("THE PARTIES TO THIS TREATY AGREE AS FOLLOWS\nArticle 1", ["THE PARTIES TO THIS TREATY AGREE AS FOLLOWS",
                                                                   "Article 1"]),
        # a signature block's columns, padded with no-break spaces (Cambodia–Thailand 2025)
        ("Anwar Ibrahim" + "\xa0" * 40 + "\nDonald J. Trump", ["Anwar Ibrahim", "Donald J. Trump"]),
    ],
)
def test_a_line_set_apart_is_still_a_heading(text: str, expected: list[str]) -> None:
    assert _blocks(text) == expected
