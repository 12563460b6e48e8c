"""What a cold start imports: only what the command and the document need (issue 15).

A fresh interpreter is the only place to see it, so each test runs one; they
assert what is *not* imported, which is what keeps `pactlens --help` and a cold
`analyze` fast (bench/coldstart.py measures the time).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEF = ROOT / "examples" / "russia-iran-2025-brief.txt"
HEAVY = ("numpy", "quantulum3", "blingfire", "spacy", "pydantic", "pactlens.extract.treaty.record", "typer")


def _imported_after(code: str) -> dict[str, bool]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))"
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_help_imports_none_of_the_heavy_modules():
    # typer neither, at a terminal 80 columns wide or more (pactlens.cli.top_help)
    code = ("import os, sys; os.environ['COLUMNS'] = '100'; sys.argv = ['pactlens', '--help']\n"
            "from pactlens.cli import main\ntry:\n main()\nexcept SystemExit: pass")
    assert not any(_imported_after(code).values())


def test_a_brief_without_the_language_model_needs_no_numpy_quantulum3_or_treaty_reader():
    """The Russia-Iran brief: its one quantity ("55 billion cubic meters") is the fast reader's,
    its sentences come from blingfire's C library alone, and it is no treaty."""
    code = (f"import sys; sys.modules['spacy'] = None\nfrom pactlens.pipeline import analyze\n"
            f"a = analyze({str(BRIEF)!r})\nassert a.provisions and a.document.kind != 'treaty'")
    imported = _imported_after(code)
    assert imported["pydantic"]  # the contract's models are the result
    assert not imported["numpy"] and not imported["quantulum3"] and not imported["blingfire"]
    assert not imported["pactlens.extract.treaty.record"]
