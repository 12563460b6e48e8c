"""Corpus-scale batch analysis: 1 vs 2 workers, peak memory per worker, re-run time.

Usage: python bench/corpus.py [CORPUS_DIR] [--ray]

For the corpus (default: the 193 GGO texts in ../shared/corpus/agreements-ggo)
each configuration runs `pactlens.batch.add_sources` into a fresh SQLite
library in its own child process (so its memory figures are its own), and
prints documents/s, MB/s, the speed-up of 2 workers over 1 (target ≥1.85x on
a 2-core machine), the share of the one-worker run spent by the writer storing
results (target < 10 %), peak RSS of the writer and of the largest worker, and
the time to re-run over the library already stored (target < 2 s).

Wall time on a machine shared with other work says little about scaling (a second
worker needs a second free core), so each run also reports CPU time: the whole
one-worker run (it analyses inline, in the writer's process) and, for two
workers, the workers' CPU on the sources (W2) and the writer's process's own
(P2). Two idle cores would take at least ``max(P2, (W2 + P2) / 2)`` where one
worker takes ``C1``: their ratio is the most a quiet machine can give, and the
figures say where a shortfall goes (W2 over C1: what each worker pays again, such
as building the pipeline's resources on first use; P2: the writer).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "agreements-ggo"


def one_run(corpus: Path, db: str, jobs: int, engine: str) -> dict:
    """Runs in a child process: one batch into ``db``; prints its figures as JSON."""
    from pactlens.batch import add_sources
    from pactlens.ingest.discover import iter_folder
    from pactlens.store import open_library

    files = [str(p) for p in iter_folder(corpus)]
    lib = open_library(db)
    t, cpu = time.perf_counter(), time.process_time()
    rep = add_sources(lib, files, jobs=jobs, engine=engine, progress=False)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    lib.close()
    return {
        "jobs": jobs,
        "engine": engine,
        "files": len(files),
        "stored": len(rep.stored),
        "skipped": len(rep.skipped),
        "failed": len(rep.failures),
        "seconds": seconds,
        "mb": rep.bytes / 1e6,
        "writer_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_mb": rep.worker_peak_mb,
        "write_seconds": rep.write_seconds,
        "parent_cpu": cpu,  # the writer's process (with one worker: the analysis too, run inline)
        "worker_cpu": rep.worker_cpu_seconds,
        "load": os.getloadavg()[0],
    }


def _child(corpus: Path, db: str, jobs: int, engine: str = "local") -> dict:
    out = subprocess.run(
        [sys.executable, __file__, str(corpus), "--one", str(jobs), "--db", db, "--engine", engine],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--ray", action="store_true", help="also run the Ray engine (local Ray, 2 CPUs)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus: no corpus folder at {args.corpus} (give one as the first argument; "
                 f"the default is the GGO texts of ../shared/corpus)")
    if args.one is not None:
        print(json.dumps(one_run(args.corpus, args.db, args.one, args.engine)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        runs = {}
        for jobs in (1, 2):
            runs[jobs] = _child(args.corpus, f"{tmp}/lib{jobs}.db", jobs)
        rerun = _child(args.corpus, f"{tmp}/lib2.db", 2)
        ray_run = _child(args.corpus, f"{tmp}/ray.db", 2, "ray") if args.ray else None

    r1, r2 = runs[1], runs[2]
    print(f"corpus: {args.corpus} — {r1['files']} files, {r1['mb']:.2f} MB analysed")
    for r in [r1, r2] + ([ray_run] if ray_run else []):
        print(f"{r['engine']:5} jobs={r['jobs']}: {r['files'] / r['seconds']:7.1f} docs/s  "
              f"{r['mb'] / r['seconds']:6.2f} MB/s  {r['seconds']:6.1f} s  failed {r['failed']}  "
              f"writer {r['write_seconds']:5.2f} s  writer peak {r['writer_peak_mb']:.0f} MB  "
              f"worker peak {r['worker_peak_mb']:.0f} MB")
    speedup = r1["seconds"] / r2["seconds"]
    print(f"speed-up 2 workers / 1:  {speedup:.2f}x  (target ≥1.85x: {'met' if speedup >= 1.85 else 'NOT met'})")
    c1 = r1["parent_cpu"]
    w2, p2 = r2["worker_cpu"], r2["parent_cpu"]
    print(f"CPU: one worker {c1:.1f} s (inline); two workers {w2:.1f} s in the workers + {p2:.1f} s in the writer's "
          f"process ({w2 / c1:.2f}x and {p2 / c1:.1%} of the one-worker CPU)")
    print(f"the most two idle cores can give, {c1:.1f} / max({p2:.1f}, ({w2:.1f} + {p2:.1f}) / 2): "
          f"{c1 / max(p2, (w2 + p2) / 2):.2f}x  (load average after each run: {r1['load']:.1f}, {r2['load']:.1f})")
    share = r1["write_seconds"] / r1["seconds"]
    print(f"writer share of the one-worker run: {share:.1%}  (target < 10 %: {'met' if share < 0.10 else 'NOT met'})")
    print(f"re-run over stored corpus: {rerun['seconds']:.2f} s, {rerun['skipped']} skipped "
          f"(target < 2 s: {'met' if rerun['seconds'] < 2 else 'NOT met'})")
    if ray_run:
        print(f"ray / local (2 workers) time ratio: {ray_run['seconds'] / r2['seconds']:.2f}")


if __name__ == "__main__":
    main()
