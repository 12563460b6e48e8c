"""A corpus run killed with SIGKILL and resumed, and two concurrent runs on one library.

Run: ``.venv/bin/python bench/resume.py [CORPUS_DIR] [--files 40] [--kills 5]`` (default
corpus ``../shared/corpus``; its ``agreements-ggo`` folder is used). Checks, and prints:

- ``pactlens add`` (2 workers) killed with SIGKILL ``--kills`` times at random moments, then
  run to the end: the library holds each document once, each stored analysis equals a fresh
  one of the same file (the pipeline hash aside), ``PRAGMA integrity_check`` says ok;
- two ``pactlens add`` runs started together on one SQLite library and the same files: no
  duplicates, no lost documents.

Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def start_add(folder: Path, db: Path) -> subprocess.Popen:
    """``pactlens add`` in its own process group (so its workers can be killed with it)."""
    return subprocess.Popen([sys.executable, "-m", "pactlens", "add", str(folder), "--db", str(db), "--jobs", "2",
                             "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("select id, sha256 from documents").fetchall()


def _count(db: Path) -> int:
    try:
        return len(stored(db)) if db.exists() else 0
    except sqlite3.Error:  # the library is being created
        return 0


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("pragma integrity_check").fetchone()[0]


def check_library(db: Path, files: list[Path], *, compare: bool) -> list[str]:
    """Problems with the library against ``files`` (empty when all is well)."""
    import hashlib

    from pactlens.pipeline import analyze
    from pactlens.store import open_library

    problems = []
    rows = stored(db)
    want = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in files}
    shas = [sha for _, sha in rows]
    if len(shas) != len(set(shas)):
        problems.append(f"{len(shas) - len(set(shas))} duplicate documents")
    missing = set(want) - set(shas)
    if missing:
        problems.append(f"{len(missing)} documents lost")
    if integrity(db) != "ok":
        problems.append(f"integrity_check: {integrity(db)}")
    if compare:
        with open_library(str(db)) as lib:
            for doc_id, sha in rows:
                kept = lib.get(doc_id).to_json_dict()
                fresh = analyze(str(want[sha])).to_json_dict()
                for d in (kept, fresh):
                    d["generator"].pop("pipeline", None)
                if json.dumps(kept, sort_keys=True) != json.dumps(fresh, sort_keys=True):
                    problems.append(f"{want[sha].name}: the stored analysis differs from a fresh one")
    return problems


def killed_and_resumed(files: list[Path], folder: Path, kills: int, rng: random.Random) -> list[str]:
    db = folder.parent / "killed.db"
    counts = []
    for _ in range(kills):
        before = counts[-1] if counts else 0
        target = before + rng.randint(1, max(1, len(files) // (kills + 1)))
        proc = start_add(folder, db)
        while proc.poll() is None and _count(db) < target:  # killed only once it has stored more
            time.sleep(0.1)
        time.sleep(rng.uniform(0.0, 0.5))  # at a random moment of the next document's analysis or write
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers
        proc.wait()
        counts.append(_count(db))
    proc = start_add(folder, db)
    out, _ = proc.communicate()
    print(f"  documents stored after each of {kills} kills: {counts}; the last run exits {proc.returncode}")
    return check_library(db, files, compare=True)


def concurrent(files: list[Path], folder: Path) -> list[str]:
    db = folder.parent / "concurrent.db"
    a, b = start_add(folder, db), start_add(folder, db)
    outs = [json.loads(p.communicate()[0] or "{}") for p in (a, b)]
    print(f"  two runs: stored {[len(o.get('stored', [])) for o in outs]}, "
          f"already there {[len(o.get('skipped', [])) for o in outs]}, failed {[len(o.get('failed', [])) for o in outs]}, "
          f"exits {[a.returncode, b.returncode]}")
    problems = check_library(db, files, compare=False)
    if any(o.get("failed") for o in outs):
        problems.append(f"failures: {[f for o in outs for f in o.get('failed', [])][:3]}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    source = Path(args.corpus) / "agreements-ggo"
    if not source.is_dir():
        print(f"resume: the corpus is missing at {args.corpus} (no agreements-ggo folder); pass its folder",
              file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    picked = rng.sample(sorted(source.glob("*.txt")), args.files)
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files = [Path(shutil.copy(p, folder / p.name)) for p in picked]
        print(f"{len(files)} GGO texts ({sum(p.stat().st_size for p in files) / 1e6:.2f} MB)")
        print(f"SIGKILL x{args.kills}, then resumed:")
        found = killed_and_resumed(files, folder, args.kills, rng)
        print("  " + ("each document once, each analysis equal to a fresh one, integrity ok" if not found
                      else "; ".join(found)))
        problems += found
        print("two concurrent add runs on one library:")
        found = concurrent(files, folder)
        print("  " + ("no duplicates, no lost documents, integrity ok" if not found else "; ".join(found)))
        problems += found
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
