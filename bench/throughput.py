"""Throughput of the whole pipeline in one process, against two baselines run in the same process.

Usage: python bench/throughput.py [CORPUS_DIR] [--prose DIR] [--repeats N]

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

The prose stage (the language model's parse and the prose readers it feeds) is
measured on its own line over the labelled prose documents (``--prose``, default
../shared/eval/dev: briefs, reports, statements, articles), with and without
the model, in the same process; the treaty line says whether treaty throughput
holds, i.e. whether the model costs the treaty texts anything (their operative
text is never parsed, so its share there should stay near zero). The model's
share is timed inside its calls: a second run without it would also gain
from the caches the first run filled.
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
DEFAULT_PROSE = ROOT.parent / "shared" / "eval" / "dev"
#: The most of the treaty texts' time the prose stage may take: their operative text is never
#: parsed, only the prose around it (and texts with no articles found, which are read as prose).
_TREATY_SHARE = 0.10
#: Files in a folder of labelled documents that are not documents.
_NOT_DOCUMENTS = {"README.md", "SOURCES.md"}


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        sys.exit(f"throughput: no corpus folder at {folder} (give one as the first argument; "
                 f"the default is the GGO texts of ../shared/corpus)")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".txt", ".md", ".html"}
                   and p.name not in _NOT_DOCUMENTS and ".gold." not in p.name)
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


class _ModelClock:
    """CPU time spent inside the language model (the prose parse, NER, the parse of promise
    sentences), measured where it is called: comparing with a run without the model would
    also count what the second run finds already in the pipeline's caches."""

    def __init__(self) -> None:
        from pactlens.resources import nlp as models
        from pactlens.structure import nlp as stage

        self.seconds = 0.0
        for module, name in ((stage, "_run"), (models, "entities"), (models, "parse")):
            setattr(module, name, self._timed(getattr(module, name)))

    def _timed(self, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - t
        return timed

    def share(self, run: Callable[[], object], repeats: int) -> tuple[float, float]:
        """``run``'s CPU seconds (best of ``repeats``) and the model's share of that run."""
        best, share = float("inf"), 0.0
        for _ in range(repeats):
            self.seconds, t = 0.0, time.process_time()
            run()
            spent = time.process_time() - t
            if spent < best:
                best, share = spent, self.seconds / spent
        return best, share


def _unavailable():
    from pactlens.resources.nlp import NlpUnavailable

    raise NlpUnavailable("measured without the model")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--prose", type=Path, default=DEFAULT_PROSE, help="folder of prose documents (0 to skip)")
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args()

    import blingfire

    from pactlens.pipeline import analyze
    from pactlens.resources import nlp

    files = _files(args.corpus)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    mb = sum(p.stat().st_size for p in files) / 1e6
    prose = [] if str(args.prose) == "0" else _files(args.prose)
    prose_mb = sum(p.stat().st_size for p in prose) / 1e6
    tokenizer = nlp.pipeline().tokenizer

    analyze(str(files[0]))  # warm: imports and lazily loaded resources are not throughput
    t = time.perf_counter()
    analyze(str(files[0]))
    first_s = time.perf_counter() - t

    split_s = _cpu(lambda: [blingfire.text_to_sentences_and_offsets(t) for t in texts], args.repeats)
    tok_s = _cpu(lambda: [tokenizer(t) for t in texts], args.repeats)
    clock = _ModelClock()
    pipe_s, model_share = clock.share(lambda: [analyze(str(p)) for p in files], args.repeats)
    if prose:
        analyze(str(prose[0]))  # the model is loaded once, as in any run that meets prose: not throughput
    prose_s, prose_share = clock.share(lambda: [analyze(str(p)) for p in prose], args.repeats) if prose else (0.0, 0.0)
    nlp.pipeline = _unavailable  # every caller asks the module for it: from here on there is no model
    rules_s = _cpu(lambda: [analyze(str(p)) for p in files], args.repeats)
    prose_rules_s = _cpu(lambda: [analyze(str(p)) for p in prose], args.repeats) if prose else 0.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {args.corpus} — {len(files)} documents, {mb:.2f} MB; CPU seconds, best of {args.repeats}")
    print(f"blingfire sentence split:   {mb / split_s:8.2f} MB/s per core")
    print(f"spaCy tokenizer:            {mb / tok_s:8.2f} MB/s per core")
    print(f"pactlens pipeline:          {mb / pipe_s:8.2f} MB/s per core  {len(files) / pipe_s:6.1f} docs/s  "
          f"(target ≥0.65: {'met' if mb / pipe_s >= 0.65 else 'NOT met'})")
    print(f"  the language model:       {model_share:8.1%} of it, timed where it is called: treaty throughput "
          f"{'holds' if model_share < _TREATY_SHARE else 'does NOT hold'} (target under {_TREATY_SHARE:.0%})")
    print(f"  without the spaCy stage:  {mb / rules_s:8.2f} MB/s per core  (a second pass: the pipeline's caches are warm)")
    if prose:
        print(f"prose stage: {len(prose)} prose documents ({args.prose}), {prose_mb:.2f} MB")
        print(f"  pipeline:                 {prose_mb / prose_s:8.2f} MB/s per core  {len(prose) / prose_s:6.1f} docs/s  "
              f"({prose_s / len(prose) * 1000:.0f} ms a document)")
        print(f"  the language model:       {prose_share:8.1%} of it, timed where it is called")
        print(f"  without the spaCy stage:  {prose_mb / prose_rules_s:8.2f} MB/s per core  (a second pass, caches warm)")
    print(f"pipeline time / blingfire:  {pipe_s / split_s:8.1f}x")
    print(f"pipeline time / tokenizer:  {pipe_s / tok_s:8.2f}x")
    print(f"first result (warm):        {first_s * 1000:8.0f} ms   peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
