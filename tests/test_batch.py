"""Corpus runs: failures mid-corpus, interruption and resume, 1 vs 2 workers, and the Ray engine.

Commands run in-process (``cli_support``); the interrupted run is a real process, since it is killed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_support import CliResult, run_cli
from conftest import FIXTURES

SAMPLE = FIXTURES / "corpus-sample"
# Small, varied real documents: GGO treaty texts and a Wikipedia article.
FILES = ["AFG-RUSTCP_1935A.txt", "BFA-GHAUVT_1961A.txt", "AUS-CANNA_1960O.txt", "JOR-LBNNA_1992O.txt",
         "ARTTTT_1953A.txt", "wiki-polaris-sales-agreement.md"]
TREATIES = FILES[:5]


def _corpus(tmp_path: Path, *, bad: bool = False, files: list[str] = FILES) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for i, name in enumerate(files):
        shutil.copy(SAMPLE / name, d / f"{i:02d}-{name}")
        if bad and i == 2:  # an unreadable file in the middle of good ones
            (d / "02b-damaged.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    return d


def _pactlens(*args: str) -> CliResult:
    return run_cli(*args)


def _stored(db: Path) -> dict[str, dict]:
    """Every stored analysis by document id, with its source path reduced to the file name."""
    from pactlens.store import open_library

    with open_library(str(db)) as lib:
        out = {}
        for doc_id in lib.ids():
            data = lib.get(doc_id).to_json_dict()
            data["document"]["source"] = Path(data["document"]["source"]).name
            out[doc_id] = data
    return out


def test_failure_mid_corpus_is_recorded_and_the_run_goes_on(tmp_path):
    # Three treaty texts suffice around the damaged file (and no worker loads the prose model).
    corpus = _corpus(tmp_path, bad=True, files=FILES[:3])
    db = tmp_path / "lib.db"
    r = _pactlens("add", str(corpus), "--db", str(db), "--jobs", "2", "--format", "json")
    assert r.returncode == 2, r.stderr  # a failure happened: the exit status says so
    summary = json.loads(r.stdout)
    assert len(summary["stored"]) == 3
    assert [f["source"] for f in summary["failed"]] == [str(corpus / "02b-damaged.pdf")]
    assert "Traceback" not in r.stderr
    err_lines = [ln for ln in r.stderr.splitlines() if "damaged.pdf" in ln]
    assert len(err_lines) == 1
    from pactlens.store import open_library

    with open_library(str(db)) as lib:
        assert [f.source for f in lib.failures()] == [str(corpus / "02b-damaged.pdf")]


@pytest.fixture(scope="module")
def whole_run(tmp_path_factory) -> tuple[Path, Path]:
    """The corpus and the library one uninterrupted single-worker run stores it in, made once for
    the module: what every other run must store too."""
    tmp = tmp_path_factory.mktemp("whole")
    corpus, db = _corpus(tmp), tmp / "whole.db"
    r = _pactlens("add", str(corpus), "--db", str(db), "--jobs", "1")
    assert r.returncode == 0, r.stderr
    return corpus, db


@pytest.fixture(scope="module")
def whole(whole_run) -> dict[str, dict]:
    return _stored(whole_run[1])


def test_jobs_1_and_2_store_identical_analyses(tmp_path, whole):
    corpus = _corpus(tmp_path)
    two = tmp_path / "two.db"
    assert _pactlens("add", str(corpus), "--db", str(two), "--jobs", "2").returncode == 0
    assert len(whole) == len(FILES)
    assert _stored(two) == whole


def test_rerun_skips_what_is_stored(tmp_path, whole_run):
    corpus, stored = whole_run
    db = tmp_path / "lib.db"
    import sqlite3

    with sqlite3.connect(stored) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # a copy of the module's run (WAL included): this test adds nothing to it
    r = _pactlens("add", str(corpus), "--db", str(db), "--format", "json")
    assert r.returncode == 0
    summary = json.loads(r.stdout)
    assert summary["stored"] == [] and len(summary["skipped"]) == len(FILES)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupt_then_resume_matches_an_uninterrupted_run(tmp_path, sig, whole):
    # The treaty texts only: no process here loads the prose model, and what they store is what the
    # uninterrupted run stored for the same files.
    corpus = _corpus(tmp_path, files=TREATIES)
    broken = tmp_path / "broken.db"

    proc = subprocess.Popen([sys.executable, "-m", "pactlens", "add", str(corpus), "--db", str(broken),
                             "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)
    # Stop it after the first document is stored (or, on a very fast machine, whenever it ends).
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if broken.exists() and _count(broken) >= 1:
            break
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
    if sig == signal.SIGINT and proc.returncode not in (0,):
        assert proc.returncode == 130, err

    partial = _stored(broken)
    full = {doc_id: data for doc_id, data in whole.items() if data["document"]["source"] in os.listdir(corpus)}
    assert len(full) == len(TREATIES)
    assert set(partial) <= set(full)
    for doc_id, data in partial.items():  # whatever was stored is whole
        assert data == full[doc_id]

    r = _pactlens("add", str(corpus), "--db", str(broken), "--jobs", "2", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["skipped"]) == len(partial)
    assert _stored(broken) == full


def _count(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_ray_engine_stores_what_the_local_engine_stores(tmp_path):
    if os.environ.get("CI") != "true":
        pytest.importorskip("ray")
    corpus = _corpus(tmp_path)
    files = sorted(corpus.iterdir())[:3]
    small = tmp_path / "small"
    small.mkdir()
    for f in files:
        shutil.copy(f, small / f.name)
    local, ray_db = tmp_path / "local.db", tmp_path / "ray.db"
    assert _pactlens("add", str(small), "--db", str(local), "--jobs", "1").returncode == 0
    # Ray starts a runtime and sets RAY_* variables in the process that drives it: a real process.
    r = subprocess.run([sys.executable, "-m", "pactlens", "add", str(small), "--db", str(ray_db),
                        "--engine", "ray", "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert _stored(ray_db) == _stored(local)


def test_analyze_jsonl_streams_one_line_per_document_in_order(tmp_path):
    corpus = _corpus(tmp_path, files=FILES[:4])  # four treaty texts of different lengths, two workers
    r = _pactlens("analyze", str(corpus), "--format", "jsonl", "--jobs", "2")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [Path(x["document"]["source"]).name for x in lines] == sorted(p.name for p in corpus.iterdir())
