"""Brief vs treaty: a real treaty (North Atlantic Treaty, shared corpus) and a summary written for this
test. What each claim is, checked by hand against the treaty text:

- "signed in Washington in 1949": the final clause says so  -> supported
- "comprises 14 articles": true (Articles 1-14)            -> supported
- "comprises 20 articles": false                            -> contradicted
- "settle international disputes by peaceful means": Art. 1 -> supported
- "establishes a council ...": Art. 9                       -> supported
- "does not establish any mutual defence commitment": false, Art. 5 -> contradicted
- "establishes a common currency": absent                   -> not-in-text
- "does not create a common currency": true by absence      -> supported
- "will consult together whenever ... security ... threatened": Art. 4 -> supported
- "has a term of 50 years": the treaty states no term       -> not-in-text
- "does not affect the rights and obligations ... under the Charter": Art. 7 says so -> supported
- "was signed in Washington on 4 April 1949": the final clause says so -> supported
- "was signed in 1955": false                                -> contradicted
"""

from __future__ import annotations

import json

import pytest

from cli_support import run_cli
from conftest import SHARED_CORPUS

TREATY = SHARED_CORPUS / "treaties" / "north-atlantic-1949.txt"
SUMMARY = (
    "The North Atlantic Treaty was signed in Washington in 1949. The Treaty comprises 14 articles. "
    "It commits the parties to settle international disputes by peaceful means. "
    "The Treaty establishes a council on which each party is represented. The Treaty comprises 20 articles. "
    "The Treaty does not establish any mutual defence commitment. "
    "The Treaty establishes a common currency for the parties. The Treaty does not create a common currency. "
    "The parties to the Treaty will consult together whenever the security of any of them is threatened. "
    "The Treaty has a term of 50 years. "
    "The Treaty does not affect the rights and obligations of the parties under the Charter of the United Nations. "
    "The Treaty was signed in Washington on 4 April 1949. The Treaty was signed in 1955.\n"
)
EXPECTED = {
    "The North Atlantic Treaty was signed in Washington in 1949.": "supported",
    "The Treaty comprises 14 articles.": "supported",
    "The Treaty comprises 20 articles.": "contradicted",
    "It commits the parties to settle international disputes by peaceful means.": "supported",
    "The Treaty establishes a council on which each party is represented.": "supported",
    "The Treaty does not establish any mutual defence commitment.": "contradicted",
    "The Treaty establishes a common currency for the parties.": "not-in-text",
    "The Treaty does not create a common currency.": "supported",
    "The parties to the Treaty will consult together whenever the security of any of them is threatened.": "supported",
    "The Treaty has a term of 50 years.": "not-in-text",
    "The Treaty does not affect the rights and obligations of the parties under the Charter of the United Nations.":
        "supported",
    "The Treaty was signed in Washington on 4 April 1949.": "supported",
    "The Treaty was signed in 1955.": "contradicted",
}

pytestmark = pytest.mark.skipif(not TREATY.is_file(), reason="shared corpus not beside the checkout")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    from pactlens.pipeline import check

    brief = tmp_path_factory.mktemp("check") / "summary.txt"
    brief.write_text(SUMMARY, encoding="utf-8")
    return check(brief, TREATY)


def test_labels(result):
    got = {c.text: c.label for c in result.claims}
    assert got == EXPECTED


def test_evidence_points_into_both_texts(result):
    for c in result.claims:
        for e in c.brief_evidence:
            assert result.brief.text[e.start:e.end] == e.text
        for e in c.treaty_evidence:
            assert result.treaty.text[e.start:e.end] == e.text
    defence = next(c for c in result.claims if "mutual defence" in c.text)
    assert "armed attack against one or more of them" in defence.treaty_evidence[0].text
    council = next(c for c in result.claims if "council" in c.text)
    assert "establish a council" in council.treaty_evidence[0].text


def test_unsupported_first(result):
    labels = [c.label for c in result.unsupported_first()]
    assert labels == sorted(labels, key=["contradicted", "not-in-text", "supported"].index)


def test_cli_json(tmp_path):
    brief = tmp_path / "summary.txt"
    brief.write_text(SUMMARY, encoding="utf-8")
    r = run_cli("check", str(brief), "--against", str(TREATY), "--format", "json")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert obj["schema"] == "pactlens.check/1"
    assert {c["text"]: c["label"] for c in obj["claims"]} == EXPECTED


def test_text_report_lists_unsupported_first(result):
    import io

    from pactlens.report.check_report import render_markdown, render_text

    out = io.StringIO()
    render_text(result, out)
    labelled = [line for line in out.getvalue().splitlines() if line.startswith("[")]
    assert labelled[0].startswith("[CONTRADICTED]") and labelled[-1].startswith("[supported]")
    assert "treaty: The Parties agree that an armed attack" in out.getvalue()
    out = io.StringIO()
    render_markdown(result, out)
    assert out.getvalue().count("\n| ") == len(result.claims) + 1


def test_cli_missing_treaty_is_one_line_error(tmp_path):
    brief = tmp_path / "summary.txt"
    brief.write_text(SUMMARY, encoding="utf-8")
    r = run_cli("check", str(brief), "--against", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


def test_claims_found_in_the_brief():
    """Claims about the treaty in the brief, including list items under "The Treaty comprises 47 articles …:";
    the 2001 agreement ("This initial agreement") and the footnotes are not claims about it."""
    from doc_support import fixture_doc
    from pactlens.verify.check_brief import find_claims

    doc = fixture_doc("citations-brief-normalized.txt", bare_footnotes=True)
    claims = [doc.text[s.start:s.end] for s in find_claims(doc)]
    joined = "\n".join(claims)
    assert any("comprises 47 articles" in c for c in claims)
    assert any("does not establish a formal military alliance" in c for c in claims)
    assert any("55 billion cubic meters" in c for c in claims)  # a list item, the Treaty not named in it
    assert any(c.startswith("- Intelligence and Security Collaboration") for c in claims)  # after a footnote block
    assert "This initial agreement" not in joined
    assert not any(doc.in_footnotes(doc.text.index(c)) for c in claims)
    assert "Iran's Foreign Minister Abbas Araghchi emphasized" not in joined
