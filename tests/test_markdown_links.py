"""structure/markdown.MD_LINK: the one Markdown-link pattern that the parser's input, the reading
text, link citations and quoted phrases share."""

from __future__ import annotations

from pactlens.extract.prose.discourse import _reading_text
from pactlens.structure.markdown import MD_LINK


def test_an_address_with_parentheses_is_one_link() -> None:
    """CRS RS21852, "United Arab Emirates and U.S. Policy" (shared/corpus/briefs/dev), note 12."""
    text = ("[International Monetary Fund, “IMF Data” (database)]"
            "(https://data.imf.org/en/Data-Explorer?datasetUrn=IMF.STA:DIP(12.0.0)), accessed 2026.")
    m = MD_LINK.search(text)
    assert m.group("label") == "International Monetary Fund, “IMF Data” (database)"
    assert m.group("url").endswith("DIP(12.0.0)") and text[m.end():].startswith(", accessed")


def test_a_bracket_in_the_label_and_an_image() -> None:
    # written for this test after a CRS note's citation of the Federal Register; the image is made up
    text = "The rule was published ([64 Federal Register [FR] 3563](https://example.gov/fr.pdf)). ![map](m.png)"
    first, second = MD_LINK.finditer(text)
    assert first.group("label") == "64 Federal Register [FR] 3563" and first.group("image") is None
    assert second.group("image") == "!" and second.group("label") == "map"
    assert MD_LINK.search("a [label\nacross lines](https://x.org) b") is None  # a label is one line


def test_the_reading_text_keeps_offsets_and_the_words() -> None:
    text = "Lavrov [said](https://tass.com/politics/1) that ![the map](a.png) shows it."
    read = _reading_text(text)
    assert len(read) == len(text)
    assert " ".join(read.split()) == "Lavrov said that ! the map shows it."  # an image's "!" stays, as before
