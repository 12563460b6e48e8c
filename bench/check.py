"""Time `pactlens check` of a ~60 KB article against a ~100 KB treaty (issue 16: under 5 s).

usage: bench/check.py [--brief PATH] [--treaty PATH] [--repeat N]

By default the article is the first 60 KB (to a line end) of the Wikipedia article "Foreign
relations of Japan" (shared/eval/claims) and the treaty the 105 KB EC–Poland Europe Agreement of
1991 (shared/corpus/agreements-ggo/ECPLND_1991O.txt). Each run is a cold process, as a user runs
it. The baseline, in the same command, is `pactlens analyze` of the same two files (what `check`
must do anyway before it compares them): the ratio says what checking adds. Wall and CPU seconds
are printed, since these machines are shared and wall time is noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BRIEF = SHARED / "eval" / "claims" / "wiki-foreign-relations-of-japan.md"
TREATY = SHARED / "corpus" / "agreements-ggo" / "ECPLND_1991O.txt"
PACTLENS = [sys.executable, "-m", "pactlens"]


def _cut(path: Path, size: int) -> Path:
    """The first ``size`` bytes of a text, to the end of a line."""
    text = path.read_text(encoding="utf-8")
    end = text.rfind("\n", 0, size)
    out = Path(tempfile.mkdtemp()) / path.name
    out.write_text(text[: end if end > 0 else size] + "\n", encoding="utf-8")
    return out


def _run(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one cold process (CPU of the child only)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(PACTLENS + args, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(f"pactlens {' '.join(args)} failed: {r.stderr.strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--brief", type=Path, default=None)
    ap.add_argument("--treaty", type=Path, default=TREATY)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    brief = args.brief or _cut(BRIEF, 60_000)
    for p in (brief, args.treaty):
        if not p.is_file():
            sys.exit(f"not found: {p}")
    print(f"brief  {brief.name}: {brief.stat().st_size / 1000:.0f} KB")
    print(f"treaty {args.treaty.name}: {args.treaty.stat().st_size / 1000:.0f} KB")
    check, base = [], []
    for _ in range(args.repeat):
        base.append(_run(["analyze", str(brief), str(args.treaty), "--format", "json", "--out", os.devnull]))
        check.append(_run(["check", str(brief), "--against", str(args.treaty), "--format", "json"]))
    cw, cc = min(w for w, _ in check), min(c for _, c in check)
    bw, bc = min(w for w, _ in base), min(c for _, c in base)
    print(f"pactlens analyze (both files, baseline): wall {bw:.2f} s, cpu {bc:.2f} s")
    print(f"pactlens check:                          wall {cw:.2f} s, cpu {cc:.2f} s  (target < 5 s)")
    print(f"check / analyze: wall {cw / bw:.2f}x, cpu {cc / bc:.2f}x (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
