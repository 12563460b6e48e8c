"""Every marker style reaches find_citations through the whole pipeline (ingest → structure → citations).

The two notes are the brief's footnotes 2 and 4 (shared corpus `briefs/russia-iran-2025-brief.txt`).
"""

from __future__ import annotations

import pytest

from pactlens.pipeline import analyze

AP = '"Russia, Iran Sign Strategic Partnership Treaty in Moscow," AP News, January 17, 2025.'
REUTERS = '"Putin, Lavrov Highlight Russia-Iran Strategic Agreement," *Reuters*, January 17, 2025.'
BODY = "Russia and Iran signed the treaty in Moscow.{m1} Putin said it opened a new chapter.{m2}"

STYLES = {
    "markdown.md": (BODY.format(m1="[^1]", m2="[^2]") + f"\n\n[^1]: {AP}\n[^2]: {REUTERS}\n", ["[^1]", "[^2]"]),
    "brackets.txt": (BODY.format(m1="[1]", m2="[2]") + f"\n\n[1] {AP}\n\n[2] {REUTERS}\n", ["[1]", "[2]"]),
    "unicode.txt": (BODY.format(m1="¹", m2="²") + f"\n\n¹ {AP}\n² {REUTERS}\n", ["¹", "²"]),
    "caret.txt": (BODY.format(m1="^1", m2="^2") + f"\n\nNotes\n\n1. {AP}\n2. {REUTERS}\n", ["^1", "^2"]),
    "sup.html": ("<html><body><article><p>" + BODY.format(m1="<sup>1</sup>", m2="<sup>2</sup>")
                 + "</p><p>More text about the treaty so that the extractor keeps the article body.</p>"
                 + f"<p><sup>1</sup> {AP}</p><p><sup>2</sup> {REUTERS.replace('*', '')}</p></article></body></html>",
                 ["[1]", "[2]"]),
}


@pytest.mark.parametrize("name", sorted(STYLES))
def test_marker_style(tmp_path, name):
    text, markers = STYLES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    a = analyze(path)
    assert [c.marker for c in a.citations] == ["1", "2"]
    assert [c.outlet for c in a.citations] == ["AP News", "Reuters"]
    assert all(c.date == "2025-01-17" for c in a.citations)
    assert [c.cited_at[0].text for c in a.citations] == markers
    assert [f.code for f in a.findings] == []
