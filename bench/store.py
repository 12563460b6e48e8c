"""The library store's own costs, apart from analysis: write throughput, size, read and search latency.

Usage: python bench/store.py [CORPUS_DIR] [--db URL] [--queries N]

Analyses the corpus once (default: the 193 GGO texts), then times storing
them into a fresh library (SQLite in a temp folder unless --db names one,
e.g. a PostgreSQL URL), and prints: documents/s of ``add`` alone and of
analysis + add, the database size and its ratio to the source bytes, and
p50/p95/p99 latency of ``search`` (words drawn from the corpus, and phrases),
``get``, ``summaries`` and ``agreements``, and the time of a GraphML export.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "agreements-ggo"


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return f"p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms  p99 {q[98]:.1f} ms  (n={len(ms)})"


def timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def db_size(url: str, lib) -> str:
    if url.startswith("postgresql"):
        from sqlalchemy import text

        with lib.engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
        return size
    from sqlalchemy import text

    with lib.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(lib.url.database)
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--db", help="library URL (default: a fresh SQLite file in a temp folder)")
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()

    from pactlens.ingest.discover import iter_folder
    from pactlens.pipeline import analyze
    from pactlens.report.graphml import to_graphml
    from pactlens.store import open_library

    files = list(iter_folder(args.corpus))
    source_bytes = sum(p.stat().st_size for p in files)
    t = time.perf_counter()
    analyses = [analyze(str(p)) for p in files]
    analyse_s = time.perf_counter() - t

    url = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    lib = open_library(url)
    t = time.perf_counter()
    stored = sum(lib.add(a)[1] for a in analyses)
    add_s = time.perf_counter() - t
    size = db_size(url, lib)
    print(f"corpus: {len(files)} files, {source_bytes / 1e6:.2f} MB; library: {lib.url.get_backend_name()}")
    print(f"add alone: {stored} stored in {add_s:.2f} s = {len(analyses) / add_s:.1f} docs/s "
          f"({source_bytes / 1e6 / add_s:.2f} MB/s)")
    print(f"analysis + add (one process): {len(analyses) / (analyse_s + add_s):.1f} docs/s")
    print(f"database size: {size / 1e6:.2f} MB ({size / source_bytes:.2f}x the source bytes)")
    t = time.perf_counter()
    again = sum(lib.add(a)[1] for a in analyses)
    print(f"re-adding the same corpus (dedup): {again} stored, {time.perf_counter() - t:.2f} s")

    rng = random.Random(7)
    words = [w for a in analyses for w in re.findall(r"[A-Za-z]{5,}", a.document.text[:3000])]
    queries = [" ".join(rng.sample(words, k)) for k in (1, 2) for _ in range(args.queries // 4)]
    queries += [f'"{m}"' for m in rng.sample(words, args.queries // 4)]
    queries += ["armed attack", "mutual defence", "free trade OR customs", "consult -trade", "aggress*"] * 10
    hits = [len(lib.search(q)) for q in queries[:5]]
    print(f"search ({len(queries)} queries, limit 50): {percentiles([timed(lib.search, q) for q in queries])}; "
          f"e.g. hits {hits}")
    ids = lib.ids()
    print(f"get (whole analysis): {percentiles([timed(lib.get, rng.choice(ids)) for _ in range(100)])}")
    print(f"summaries (all): {percentiles([timed(lib.summaries) for _ in range(20)])}")
    print(f"agreements (all): {percentiles([timed(lib.agreements) for _ in range(10)])}")
    print(f"graphml export: {timed(lambda: to_graphml(lib.agreements())) * 1000:.0f} ms")
    lib.close()


if __name__ == "__main__":
    main()
