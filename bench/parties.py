"""Parties of bilateral GGO texts against the two codes their file names carry.

Run: ``.venv/bin/python bench/parties.py [GGO_DIR]`` (default:
``../shared/corpus/agreements-ggo``). GGO names a bilateral file
``AAA-BBB…`` after its two parties (ISO3, or ``EUE``/``EC…`` for the
European Union or Community). That is a label made by others, not by this
project, so it measures party recall on texts the extractor was not tuned
on; it is also sometimes wrong (a file holding another agreement than its
name says) or written for today's state (``RUS`` for a 1935 treaty the USSR
signed), so every mismatch is printed for reading, with the parties found.

Prints: bilateral files, how many have both named parties among the
extracted ones, how many have extra states, the mismatches, and the time
per file against ingest alone in the same run.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "agreements-ggo"
_NAMED = re.compile(r"([A-Z]{3})-([A-Z]{3})")


def _has(code: str, isos: set[str], orgs: set[str]) -> bool:
    if code == "EUE" or code.startswith("EC"):
        return any("europ" in o.lower() for o in orgs)
    return code in isos


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    args = ap.parse_args()
    files = sorted(p for p in args.folder.glob("*.txt") if _NAMED.match(p.name))
    if not files:
        sys.exit(f"bench: no bilateral GGO files (AAA-BBB…) in {args.folder}")
    from pactlens.ingest import load
    from pactlens.pipeline import analyze

    t = time.perf_counter()
    for f in files:
        load(f)
    ingest_s = time.perf_counter() - t
    both = extra = 0
    misses = []
    t = time.perf_counter()
    for f in files:
        a = analyze(f)
        first = a.agreements[0] if a.agreements else None
        isos = {p.iso3 for p in first.parties if p.iso3} if first else set()
        orgs = {p.name for p in first.parties if not p.iso3} if first else set()
        named = _NAMED.match(f.name).groups()
        if all(_has(c, isos, orgs) for c in named):
            both += 1
            extra += bool(isos - set(named))
        else:
            misses.append((f.name, named, sorted(isos) + sorted(orgs)))
    run_s = time.perf_counter() - t
    print(f"bilateral GGO files: {len(files)}")
    print(f"both named parties found: {both} ({both / len(files):.0%}); of these with further states: {extra}")
    print(f"time per file: {run_s / len(files) * 1000:.0f} ms (ingest alone {ingest_s / len(files) * 1000:.0f} ms, "
          f"{run_s / max(ingest_s, 1e-9):.0f}x)")
    for name, named, found in misses:
        print(f"  {name:45} named {'-'.join(named)}  found {', '.join(found) or 'none'}")


if __name__ == "__main__":
    main()
