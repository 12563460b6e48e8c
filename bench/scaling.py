"""Analyze time against input size: a real treaty and a real report, each repeated 1x to 64x.

Run: ``.venv/bin/python bench/scaling.py [CORPUS_DIR] [--max 64]`` (default corpus:
``../shared/corpus``, beside the checkout). Prints seconds and MB/s per size, the
exponent between successive sizes, and the exponent fitted (least squares on
log time against log size) over 2x..max; it must stay at or below 1.15
(issue 14: every pass linear or n log n). Exit status 1 when it does not.

Repeating a document is what hostile and unlucky inputs do (a reference list
of thousands of lines, a brief pasted many times): every list the pipeline
builds grows with it, so a pass that compares each item with every earlier
one shows at once. The time limit is switched off for the run; the size limits
stay (64x the report is about 0.7 MB).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
INPUTS = (("treaty", "treaties/north-atlantic-1949.txt"), ("report", "briefs/russia-iran-2025-brief.txt"))
LIMIT = 1.15


def fitted_exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) on log(size)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(s, 1e-6)) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def measure(label: str, path: Path, factors: list[int]) -> float:
    from pactlens.limits import Limits
    from pactlens.pipeline import analyze_bytes

    base = path.read_text(encoding="utf-8")
    limits = Limits(seconds=0)
    analyze_bytes(base.encode(), path.name, limits=limits)  # warm: imports, lexicons, spaCy
    print(f"\n{label}: {path.name} ({len(base.encode()) / 1024:.1f} KB)")
    print(f"  {'size':>5} {'KB':>8} {'seconds':>8} {'MB/s':>6} {'exponent':>8}")
    points: list[tuple[int, float]] = []
    for k in factors:
        data = ("\n\n".join([base] * k)).encode()
        started = time.perf_counter()
        analyze_bytes(data, path.name, limits=limits)
        seconds = time.perf_counter() - started
        step = ""
        if points:
            n0, s0 = points[-1]
            step = f"{math.log(seconds / s0) / math.log(k / n0):8.2f}"
        points.append((k, seconds))
        print(f"  {k:>4}x {len(data) / 1024:8.1f} {seconds:8.2f} {len(data) / seconds / 1e6:6.2f} {step}", flush=True)
    top = [p for p in points if p[0] >= 2] or points
    exponent = fitted_exponent(top)
    print(f"  fitted exponent over {top[0][0]}x..{top[-1][0]}x: {exponent:.2f} "
          f"({'ok' if exponent <= LIMIT else 'OVER'} against {LIMIT})")
    return exponent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help=f"corpus folder (default {DEFAULT_CORPUS})")
    ap.add_argument("--max", type=int, default=64, help="largest repetition factor (a power of two)")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    missing = [rel for _, rel in INPUTS if not (corpus / rel).is_file()]
    if missing:
        print(f"scaling: the corpus is missing at {corpus} (no {', '.join(missing)}); "
              "pass its folder as the first argument", file=sys.stderr)
        return 2
    factors = [2 ** i for i in range(int(math.log2(args.max)) + 1)]
    exponents = {label: measure(label, corpus / rel, factors) for label, rel in INPUTS}
    worst = max(exponents.values())
    print("\nfitted exponents: " + ", ".join(f"{k} {v:.2f}" for k, v in exponents.items())
          + f"; worst {worst:.2f} ({'ok' if worst <= LIMIT else 'OVER'} against {LIMIT})")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
