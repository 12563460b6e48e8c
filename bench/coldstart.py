"""Cold start: `pactlens --help` and a cold `pactlens analyze` of the brief, in fresh interpreters.

Usage: python bench/coldstart.py [BRIEF] [--runs N]

Prints, for each command, the median and best wall time and the median CPU
time (user + system) over N runs (default 7) after one warm-up, and its ratio
to `python -c pass` measured in the same run, interleaved so that a machine
whose speed drifts slows every command alike:

- `pactlens --help`                                   (target < 0.1 s)
- cold `pactlens analyze BRIEF --format json`, and the same with spaCy hidden
  from the interpreter, so the language-analysis stage finds no model: the
  difference is the packaged model's import and load, measured on its own
  line (target without the model < 0.5 s);
- the run without the model once more with an empty regex cache (see
  pactlens/regexes.py: the regex engine's code kept between starts, as Python keeps
  bytecode), i.e. the first start on a machine, or one where nothing may be written.

`pactlens` is the installed console script beside the interpreter when there is one
(what a user runs; `python -m pactlens` adds runpy's import), else `python -m pactlens`.

The children run with Python's bytecode cache allowed (PYTHONDONTWRITEBYTECODE
removed, the warm-up writes it), as an installed pactlens runs: a checkout
whose environment forbids the cache recompiles every module on each start,
which is not what a user sees.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BRIEF = ROOT / "examples" / "russia-iran-2025-brief.txt"
#: Runs the CLI with ``spacy`` unimportable: the prose stage then says "no language analysis".
_WITHOUT_SPACY = "import sys; sys.modules['spacy'] = None; from pactlens.cli import main; sys.argv[0] = 'pactlens'; main()"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
    return {**env, **extra}


#: An empty cache folder for the run that must find no regex cache (and, run with -B, writes none).
_NO_CACHE = tempfile.mkdtemp(prefix="coldstart-")


def _once(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the child's) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    env = _env(XDG_CACHE_HOME=_NO_CACHE) if "-B" in cmd else _env()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("brief", nargs="?", type=Path, default=DEFAULT_BRIEF)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    if not args.brief.is_file():
        sys.exit(f"coldstart: no brief at {args.brief} (give its path as the first argument)")

    py = sys.executable
    script = Path(py).with_name("pactlens")
    pactlens = [str(script)] if script.is_file() else [py, "-m", "pactlens"]
    analyze = ["analyze", str(args.brief), "--format", "json"]
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "pactlens --help": [*pactlens, "--help"],
        "analyze, no model": [py, "-c", _WITHOUT_SPACY, *analyze],
        "analyze, with model": [*pactlens, *analyze],
        "no model, no re cache": [py, "-B", "-c", _WITHOUT_SPACY, *analyze],
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for cmd in commands.values():
        _once(cmd)  # warm-up: the bytecode cache, the regex cache, the page cache
    for _ in range(args.runs):
        for name, cmd in commands.items():
            runs[name].append(_once(cmd))

    base = statistics.median(w for w, _ in runs["python -c pass"])
    print(f"brief: {args.brief}; {args.runs} runs each after a warm-up, interleaved")
    print(f"{'command':22} {'wall median':>11} {'wall best':>10} {'cpu median':>11} {'x python':>9}")
    for name, rs in runs.items():
        wall = statistics.median(w for w, _ in rs)
        print(f"{name:22} {wall:10.3f}s {min(w for w, _ in rs):9.3f}s "
              f"{statistics.median(c for _, c in rs):10.3f}s {wall / base:8.1f}x")
    def diff(k: int) -> float:
        return statistics.median(r[k] for r in runs["analyze, with model"]) - statistics.median(
            r[k] for r in runs["analyze, no model"])

    print(f"the model's import and load (difference of medians): {diff(0):.3f} s wall, {diff(1):.3f} s CPU")
    help_s = statistics.median(w for w, _ in runs["pactlens --help"])
    cold = statistics.median(w for w, _ in runs["analyze, no model"])
    print(f"targets: --help < 0.1 s {'met' if help_s < 0.1 else 'NOT met'}; "
          f"cold analyze without the model < 0.5 s {'met' if cold < 0.5 else 'NOT met'} (a quiet machine's figures)")


if __name__ == "__main__":
    main()
