"""The report section: per agreement an ATOP table and provisions by domain (Markdown via the CLI)."""

from __future__ import annotations

from pathlib import Path

from cli_support import run_cli

ROOT = Path(__file__).resolve().parent.parent


def test_markdown_report_of_the_brief_shows_obligations_and_provisions() -> None:
    r = run_cli("analyze", str(ROOT / "examples" / "russia-iran-2025-brief.txt"), "--format", "md")
    assert r.returncode == 0, r.stderr
    md = r.stdout
    assert "## Obligations: Comprehensive Strategic Partnership Treaty" in md
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in md.splitlines()
            if line.startswith("| ") and line.split("|")[1].strip() in
            {"defense", "offense", "neutrality", "nonaggression", "consultation"}}
    assert rows == {"defense": "no (excluded)", "offense": "not stated", "neutrality": "yes",
                    "nonaggression": "not stated", "consultation": "yes"}
    section = md.split("## Provisions by domain")[1].split("\n## ")[0]
    assert "| energy |" in section and "55 billion cubic meters of gas annually" in section
    assert "| excluded |" in section and "| soft |" in section and "| binding |" in section
