"""End to end: ``pactlens bench atop`` and ``analyze --format atop`` through the CLI (in-process)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_support import CliResult, run_cli

TREATIES = Path(__file__).parent / "fixtures" / "treaties"


def run(*args: str) -> CliResult:
    return run_cli(*args)


def test_bench_agrees_fully_on_the_four_gold_files() -> None:
    r = run("bench", "atop", str(TREATIES), "--gold", str(TREATIES / "gold_atop.tsv"))
    assert r.returncode == 0, r.stderr
    assert "No disagreements." in r.stdout
    assert "defense         1.000  1.000  1.000  1.000    1    0    0    3" in r.stdout
    assert "n/a" in r.stdout  # offense and neutrality never occur: kappa is undefined, not 1


def test_bench_json_lists_disagreements_with_their_clause(tmp_path: Path) -> None:
    # A gold file that (wrongly) says the North Atlantic Treaty has no defence promise.
    gold = (TREATIES / "gold_atop.tsv").read_text(encoding="utf-8").splitlines()
    gold = [gold[0]] + [line.replace("3180\t1\t", "3180\t0\t", 1) for line in gold[1:] if "north-atlantic" in line]
    (tmp_path / "gold.tsv").write_text("\n".join(gold) + "\n", encoding="utf-8")
    (tmp_path / "north-atlantic-1949.txt").write_bytes((TREATIES / "north-atlantic-1949.txt").read_bytes())
    r = run("bench", "atop", str(tmp_path), "--gold", str(tmp_path / "gold.tsv"), "--format", "json")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    [d] = result["disagreements"]
    assert (d["type"], d["gold"], d["predicted"], d["articles"]) == ("defense", 0, 1, ["5"])
    assert "an armed attack against one or more of them" in d["clause"]
    defense = next(s for s in result["scores"] if s["type"] == "defense")
    assert (defense["fp"], defense["precision"], defense["recall"]) == (1, 0.0, None)


def test_bench_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "gold.tsv").write_text((TREATIES / "gold_atop.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    r = run("bench", "atop", str(tmp_path), "--gold", str(tmp_path / "gold.tsv"))
    assert r.returncode == 2 and "not there" in r.stderr


BRIEF = Path(__file__).resolve().parent.parent / "examples" / "russia-iran-2025-brief.txt"


@pytest.fixture(scope="module")
def atop_rows() -> list[dict[str, str]]:
    """One CLI run over a treaty and a brief."""
    r = run("analyze", str(TREATIES / "north-atlantic-1949.txt"), str(BRIEF), "--format", "atop")
    assert r.returncode == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout)))


def test_analyze_format_atop_writes_atop_columns(atop_rows) -> None:
    [row] = [x for x in atop_rows if x["source"].endswith("north-atlantic-1949.txt")]
    assert (row["defense"], row["offense"], row["neutral"], row["nonagg"], row["consul"]) == ("1", "0", "0", "1", "1")
    assert (row["defcoloc"], row["defcoadv"], row["defconpr"]) == ("1", "0", "0")
    assert row["defense_articles"] == "5" and row["consultation_articles"] == "4"
    assert row["atopid"] == ""


def test_analyze_format_atop_on_the_brief_leaves_unstated_types_blank(atop_rows) -> None:
    [row] = [x for x in atop_rows if x["source"].endswith("russia-iran-2025-brief.txt") and x["neutral"]]
    assert (row["defense"], row["offense"], row["neutral"], row["nonagg"], row["consul"]) == ("0", "", "1", "", "1")
    assert set(row["parties"].split(";")) == {"IRN", "RUS"}


def test_bench_explain_and_ablation_in_process(tmp_path: Path) -> None:
    """--explain names the deciding clause and signal per code; --ablation scores rules only,
    embeddings only and both; leave-one-out says which bank treaties each file was coded without."""
    from typer.testing import CliRunner

    from pactlens.cli import application

    app = application()
    gold = (TREATIES / "gold_atop.tsv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "gold.tsv").write_text("\n".join([gold[0]] + [g for g in gold if "north-atlantic" in g]) + "\n",
                                       encoding="utf-8")
    (tmp_path / "north-atlantic-1949.txt").write_bytes((TREATIES / "north-atlantic-1949.txt").read_bytes())
    r = CliRunner().invoke(app, ["bench", "atop", str(tmp_path), "--gold", str(tmp_path / "gold.tsv"),
                                 "--explain", "--ablation", "--format", "json"])
    assert r.exit_code == 0, r.output
    result = json.loads(r.output)
    assert result["left_out"]["north-atlantic-1949.txt"] and "north-atlantic-1949" in result["left_out"][
        "north-atlantic-1949.txt"]
    assert [a["mode"] for a in result["ablation"]] == ["rules", "embeddings", "both"]
    both = result["ablation"][-1]["all"]
    assert (both["tp"], both["fp"], both["fn"]) == (3, 0, 0)
    defense = next(e for e in result["explanations"] if e["type"] == "defense")
    assert defense["predicted"] == 1 and defense["signal"] in ("rule", "both") and defense["articles"] == ["5"]
    assert any(b.startswith("rule:") for b in defense["basis"])
