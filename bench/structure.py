"""Structure figures over the GGO texts: build throughput and what it finds.

Run: ``.venv/bin/python bench/structure.py [CORPUS_DIR]`` (default: ``../shared/corpus``).
Texts are read and normalized first (not timed); then ``structure.build`` runs
over all of them. Prints MB/s (wall and CPU time, since a busy machine skews
wall time), how many texts get at least one article, the distribution of
article counts, and how many get a title, preamble, final clause and
annexes; the same splitter baseline (blingfire alone over each text) as a ratio.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINS = [(0, 0), (1, 4), (5, 9), (10, 19), (20, 49), (50, 99), (100, 10**6)]


def main(corpus: Path) -> None:
    from pactlens.ingest import load
    from pactlens.structure import build

    files = sorted((corpus / "agreements-ggo").glob("*.txt"))
    norms = [load(str(f)) for f in files]
    mb = sum(len(n.text) for n in norms) / 1e6
    wall, cpu = time.perf_counter(), time.process_time()
    docs = [build(n) for n in norms]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    base = _baseline([n.text for n in norms])
    counts = [len(d.articles) for d in docs]
    print(f"build: {len(files)} texts, {mb:.2f} MB: {mb / wall:.2f} MB/s wall, {mb / cpu:.2f} MB/s CPU")
    print(f"blingfire alone: {mb / base:.2f} MB/s CPU (build costs {cpu / base:.1f}x the bare splitter)")
    print(f"texts with >=1 article: {sum(c > 0 for c in counts)}/{len(counts)}")
    dist = Counter(next(f"{a}-{b}" if b < 10**6 else f"{a}+" for a, b in BINS if a <= c <= b) for c in counts)
    print("article counts:", ", ".join(f"{k}: {dist[k]}" for k in (f"{a}-{b}" if b < 10**6 else f"{a}+" for a, b in BINS)))
    for name in ("title", "preamble", "final_clause"):
        print(f"with {name}: {sum(getattr(d, name) is not None for d in docs)}")
    print(f"with annexes/protocols: {sum(bool(d.annexes) for d in docs)}")
    print(f"sentences: {sum(len(d.sentences) for d in docs)}, blocks: {sum(len(d.blocks) for d in docs)}")


def _baseline(texts: list[str]) -> float:
    import blingfire

    cpu = time.process_time()
    for t in texts:
        blingfire.text_to_sentences(t)
    return time.process_time() - cpu


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus")
