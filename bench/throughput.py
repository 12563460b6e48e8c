"""Throughput of the whole pipeline on one process, against the bare sentence splitter.

Usage: python bench/throughput.py [CORPUS_DIR] [--brief FILE]

Prints, for the corpus (default: the 193 GGO texts in ../shared/corpus/agreements-ggo):
documents/s and MB/s of `pactlens.pipeline.analyze`, peak memory, the same
corpus through blingfire's sentence splitter (the baseline, run in the same
process), and their ratio; then the wall time of `pactlens --help` and of a
cold `pactlens analyze` of the brief (fresh interpreters, best of 3).
Targets (issue 2): ≥0.5 MB/s, --help < 0.3 s, cold analyze of the brief < 2 s.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "agreements-ggo"
DEFAULT_BRIEF = ROOT / "examples" / "russia-iran-2025-brief.txt"


def _files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".txt", ".md", ".html"})
    if not files:
        sys.exit(f"bench: no documents under {folder}")
    return files


def _baseline(files: list[Path]) -> tuple[float, int]:
    import blingfire

    t = time.perf_counter()
    n = 0
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        n += len(blingfire.text_to_sentences_and_offsets(text)[1])
    return time.perf_counter() - t, n


def _pipeline(files: list[Path]) -> tuple[float, float]:
    from pactlens.pipeline import analyze

    analyze(str(files[0]))  # warm: imports and lazily loaded resources are not throughput
    t = time.perf_counter()
    first = None
    for p in files:
        analyze(str(p))
        if first is None:
            first = time.perf_counter() - t
    return time.perf_counter() - t, first or 0.0


def _wall(cmd: list[str], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--brief", type=Path, default=DEFAULT_BRIEF)
    args = ap.parse_args()

    files = _files(args.corpus)
    mb = sum(p.stat().st_size for p in files) / 1e6
    base_s, sentences = _baseline(files)
    pipe_s, first_s = _pipeline(files)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {args.corpus} — {len(files)} documents, {mb:.2f} MB")
    print(f"baseline (blingfire sentences): {mb / base_s:8.2f} MB/s  {len(files) / base_s:8.1f} docs/s  ({sentences} sentences)")
    print(f"pactlens pipeline (1 process):  {mb / pipe_s:8.2f} MB/s  {len(files) / pipe_s:8.1f} docs/s  "
          f"first result {first_s * 1000:.0f} ms")
    print(f"pipeline / baseline time ratio: {pipe_s / base_s:8.1f}x slower than splitting alone")
    print(f"peak memory (RSS):              {peak_mb:8.0f} MB")
    print(f"target ≥0.5 MB/s:               {'met' if mb / pipe_s >= 0.5 else 'NOT met'}")

    exe = [sys.executable, "-m", "pactlens"]
    help_s = _wall(exe + ["--help"])
    base_py = _wall([sys.executable, "-c", "pass"])
    brief_s = _wall(exe + ["analyze", str(args.brief), "--format", "json"])
    print(f"python startup alone:           {base_py:8.3f} s")
    print(f"pactlens --help:                {help_s:8.3f} s  (target < 0.3 s: {'met' if help_s < 0.3 else 'NOT met'})")
    print(f"cold analyze of the brief:      {brief_s:8.3f} s  (target < 2 s: {'met' if brief_s < 2 else 'NOT met'})")


if __name__ == "__main__":
    main()
