"""Cost of the language-analysis stage (structure/nlp.py) on prose and on treaties.

Usage: python bench/prose.py [--report FILE] [--ggo DIR] [--every N]

Prints, in one run, each figure with the stage on and off (off: the stage
answers None, as when spaCy is not installed) and their ratio. Figures are CPU
seconds (this machine is shared: wall time says more about the neighbours):
- a ~60 KB report (default: CRS 95-1013, 57 KB of HTML): cold seconds (a fresh
  interpreter importing pactlens and analysing it, best of 2) and warm
  seconds (a second analysis in the same process, best of 3);
- the stage's own CPU seconds on that report, the model's load apart;
- GGO treaty throughput (every Nth text of ../shared/corpus/agreements-ggo),
  each file analysed with the stage off then on, so machine noise hits both.
Target (issue 11): the report in < 3 s cold and warm; treaty throughput
drops by no more than 10 %.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The shared corpus beside the checkout (/work/main) or beside its worktree folder (/work/wt/NAME).
CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT / "corpus")
REPORT = CORPUS / "briefs" / "dev" / "crs-95-1013-bahrain-us-policy-2026-09-23.html"
GGO = CORPUS / "agreements-ggo"

_COLD = """
import sys, time
t = time.perf_counter()
from pactlens.pipeline import analyze
if sys.argv[2] == "off":
    import pactlens.structure.nlp as stage
    stage._parse = lambda doc: None
analyze(sys.argv[1])
print(time.perf_counter() - t)
"""


def _switch(on: bool) -> None:
    import pactlens.structure.nlp as stage

    if not hasattr(stage, "_real_parse"):
        stage._real_parse = stage._parse
    stage._parse = stage._real_parse if on else (lambda doc: None)


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _cold(report: Path, mode: str) -> float:
    """CPU seconds of a fresh interpreter that imports pactlens and analyses ``report``, best of 2."""
    best = float("inf")
    for _ in range(2):
        before = _children_cpu()
        subprocess.run([sys.executable, "-c", _COLD, str(report), mode], check=True, capture_output=True, text=True)
        best = min(best, _children_cpu() - before)
    return best


def _warm(report: Path, on: bool) -> float:
    from pactlens.pipeline import analyze

    _switch(on)
    analyze(str(report))
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        analyze(str(report))
        best = min(best, time.process_time() - t)
    return best


def _stage_cpu(report: Path) -> tuple[float, float, int]:
    from pactlens import ingest
    from pactlens.resources import nlp as models
    from pactlens.structure import build
    from pactlens.structure.nlp import nlp_doc

    _switch(True)
    t = time.process_time()
    models.pipeline()
    load = time.process_time() - t
    doc = build(ingest.load(str(report)))
    t = time.process_time()
    sdoc = nlp_doc(doc)
    return load, time.process_time() - t, len(sdoc) if sdoc is not None else 0


def _ggo(files: list[Path]) -> tuple[float, float, float]:
    from pactlens.pipeline import analyze

    off = on = 0.0
    for f in files:
        for state in (False, True):
            _switch(state)
            t = time.process_time()
            analyze(str(f))
            if state:
                on += time.process_time() - t
            else:
                off += time.process_time() - t
    mb = sum(f.stat().st_size for f in files) / 1e6
    return mb, off, on


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", type=Path, default=REPORT)
    ap.add_argument("--ggo", type=Path, default=GGO)
    ap.add_argument("--every", type=int, default=3, help="take every Nth GGO text (default 3)")
    args = ap.parse_args()

    kb = args.report.stat().st_size / 1000
    cold_off, cold_on = _cold(args.report, "off"), _cold(args.report, "on")
    load, cpu, tokens = _stage_cpu(args.report)  # first in this process: the model's load is measured
    warm_off, warm_on = _warm(args.report, False), _warm(args.report, True)
    files = sorted(args.ggo.glob("*.txt"))[:: args.every]
    mb, g_off, g_on = _ggo(files)

    print(f"report {args.report.name} ({kb:.0f} KB)")
    print(f"  cold  {cold_on:6.2f} s CPU with the stage, {cold_off:6.2f} s without: x{cold_on / cold_off:.2f}  (target < 3 s)")
    print(f"  warm  {warm_on:6.2f} s CPU with the stage, {warm_off:6.2f} s without: x{warm_on / warm_off:.2f}  (target < 3 s)")
    print(f"  stage {cpu:6.2f} s CPU for {tokens} tokens ({tokens / max(cpu, 1e-9):.0f} tokens/s), model load {load:.2f} s CPU")
    print(f"GGO treaties: {len(files)} texts, {mb:.2f} MB")
    print(f"  {mb / g_on:6.2f} MB/CPU-s with the stage, {mb / g_off:6.2f} MB/CPU-s without: "
          f"throughput x{g_off / g_on:.2f} of before  (target ≥ 0.90)")


if __name__ == "__main__":
    main()
