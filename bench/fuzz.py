"""The long fuzz run: mutated real texts through the whole pipeline, in process.

Run: ``.venv/bin/python bench/fuzz.py [--seconds 600] [--seed N] [--max-ops 4]``.
Prints cases tried, failures (with what was done to the seed, so a case can
be rebuilt with ``--seed``), the slowest cases per KB, and every case's time
against the linear bound the short run in the suite asserts
(tests/fuzz_support.py). Exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    import fuzz_support as fz

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=600.0, help="how long to fuzz")
    ap.add_argument("--seed", type=int, default=None, help="first case's random seed (default: from the clock)")
    ap.add_argument("--max-ops", type=int, default=4, help="mutations per case, at most")
    ap.add_argument("--cases", type=int, default=0, help="stop after this many cases (0: run for --seconds)")
    args = ap.parse_args()

    seeds = fz.seed_texts()
    fz.warm_up()
    first = args.seed if args.seed is not None else int(time.time())
    print(f"fuzz: {len(seeds)} seed texts, first case seed {first}, bound {fz.BASE_SECONDS} s + "
          f"{fz.SECONDS_PER_KB} s/KB, for {args.seconds:.0f} s", flush=True)
    results, failures = [], []
    started = time.monotonic()
    case = first
    while time.monotonic() - started < args.seconds and (not args.cases or len(results) < args.cases):
        rng = random.Random(case)
        data, name, done = fz.mutate(rng, seeds, args.max_ops)
        r = fz.run_case(data, name)
        results.append((case, r, done))
        if r.failed:
            failures.append((case, r, done))
            print(f"FAIL seed {case}: {name} {r.size} B, {r.seconds:.2f} s: {r.outcome}\n     done: {'; '.join(done)}",
                  flush=True)
        case += 1

    n = len(results)
    refused = sum(r.outcome.startswith("refused") for _, r, _ in results)
    spans = sum(r.spans for _, r, _ in results)
    total_kb = sum(r.size for _, r, _ in results) / 1024
    total_s = sum(r.seconds for _, r, _ in results)
    print(f"\ncases tried: {n} ({total_kb:.0f} KB, {total_s:.0f} s of analysis); refused in one line: {refused}; "
          f"evidence spans checked: {spans}; failures: {len(failures)}")
    print("slowest cases per KB (CPU seconds per KB, size, CPU and wall seconds, bound):")
    ranked = sorted(results, key=lambda x: x[1].cpu / max(x[1].size / 1024, 1), reverse=True)
    for case, r, done in ranked[:10]:
        kb = max(r.size / 1024, 1)
        print(f"  seed {case}: {r.cpu / kb:7.4f} CPU s/KB  {r.size / 1024:8.1f} KB  {r.cpu:6.2f} CPU s  "
              f"{r.seconds:6.2f} s wall  (bound {fz.time_bound(r.size):.1f} s)  {'; '.join(done)[:100]}")
    worst = max((r.cpu / fz.time_bound(r.size) for _, r, _ in results), default=0.0)
    print(f"largest share of the bound used: {worst:.2f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
