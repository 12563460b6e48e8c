"""Throughput of the whole pipeline in one process, against two baselines run in the same process.

Usage: python bench/throughput.py [CORPUS_DIR] [--repeats N]

For the corpus (default: the 193 GGO texts in ../shared/corpus/agreements-ggo;
give another folder as the first argument) prints MB/s per core of CPU (process
time, so a machine shared with other work slows the figure less than wall
time would) of `pactlens.pipeline.analyze`, the best of N repeats (default 1),
and the same corpus through two baselines: blingfire's sentence split and
spaCy's tokenizer (the packaged model's), with the pipeline's time as a
multiple of each; then the same without the spaCy stage (the model made
unavailable in this process: the rules alone, whose results on treaty
operative text do not change; prose parts lose what the parse adds), so
that the language model's share is its own line. Then the first result's
latency and peak memory.
Target (issue 15): ≥0.65 MB/s per core. Cold start is bench/coldstart.py.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "agreements-ggo"


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        sys.exit(f"throughput: no corpus folder at {folder} (give one as the first argument; "
                 f"the default is the GGO texts of ../shared/corpus)")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".txt", ".md", ".html"})
    if not files:
        sys.exit(f"throughput: no documents under {folder}")
    return files


def _cpu(run: Callable[[], object], repeats: int) -> float:
    """The least process time of ``repeats`` runs of ``run``."""
    best = float("inf")
    for _ in range(repeats):
        t = time.process_time()
        run()
        best = min(best, time.process_time() - t)
    return best


def _unavailable():
    from pactlens.resources.nlp import NlpUnavailable

    raise NlpUnavailable("measured without the model")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args()

    import blingfire

    from pactlens.pipeline import analyze
    from pactlens.resources import nlp

    files = _files(args.corpus)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    mb = sum(p.stat().st_size for p in files) / 1e6
    tokenizer = nlp.pipeline().tokenizer

    analyze(str(files[0]))  # warm: imports and lazily loaded resources are not throughput
    t = time.perf_counter()
    analyze(str(files[0]))
    first_s = time.perf_counter() - t

    split_s = _cpu(lambda: [blingfire.text_to_sentences_and_offsets(t) for t in texts], args.repeats)
    tok_s = _cpu(lambda: [tokenizer(t) for t in texts], args.repeats)
    pipe_s = _cpu(lambda: [analyze(str(p)) for p in files], args.repeats)
    nlp.pipeline = _unavailable  # every caller asks the module for it: from here on there is no model
    rules_s = _cpu(lambda: [analyze(str(p)) for p in files], args.repeats)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {args.corpus} — {len(files)} documents, {mb:.2f} MB; CPU seconds, best of {args.repeats}")
    print(f"blingfire sentence split:   {mb / split_s:8.2f} MB/s per core")
    print(f"spaCy tokenizer:            {mb / tok_s:8.2f} MB/s per core")
    print(f"pactlens pipeline:          {mb / pipe_s:8.2f} MB/s per core  {len(files) / pipe_s:6.1f} docs/s  "
          f"(target ≥0.65: {'met' if mb / pipe_s >= 0.65 else 'NOT met'})")
    print(f"  without the spaCy stage:  {mb / rules_s:8.2f} MB/s per core  (the model is {1 - rules_s / pipe_s:.0%} of the time)")
    print(f"pipeline time / blingfire:  {pipe_s / split_s:8.1f}x")
    print(f"pipeline time / tokenizer:  {pipe_s / tok_s:8.2f}x")
    print(f"first result (warm):        {first_s * 1000:8.0f} ms   peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
