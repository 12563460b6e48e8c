"""Parties and signing dates of treaty texts against references made by others or by reading.

Run: ``.venv/bin/python bench/parties.py [GGO_DIR]`` (default:
``../shared/corpus/agreements-ggo``). Three measures:

1. bilateral GGO files against the two codes in their file names (below);
2. the texts in ``bench/treaty_reference.tsv`` (plurilateral GGO texts with
   blocs written as their members at the signing date, and the treaties in
   ``../shared/corpus/treaties``), labelled by reading each text: parties
   Jaccard and exact, signing date exact ("none" where the text states no
   signing date of its own: a date it only cites must not be given);
3. every GGO file's signing year against the year in its file name (GGO's
   own begin date, so a rough check: found and equal, found and other, none).

On (1): GGO names a bilateral file
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
#: The shared corpus beside the checkout (/work/main) or beside the worktrees (/work/wt/NAME).
DEFAULT = next((p / "shared" / "corpus" / "agreements-ggo" for p in (ROOT.parent, ROOT.parent.parent)
                if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared" / "corpus" / "agreements-ggo")
_NAMED = re.compile(r"([A-Z]{3})-([A-Z]{3})")
_FILE_YEAR = re.compile(r"_(\d{4})")
REFERENCE = Path(__file__).resolve().parent / "treaty_reference.tsv"


def _isos(agreement) -> set[str]:
    """The ISO3 codes of an agreement's parties, members that come from a bloc included."""
    return {p.iso3 for p in agreement.parties if p.iso3} if agreement else set()


def _reference(corpus: Path) -> None:
    rows = [line.rstrip("\n").split("\t") for line in REFERENCE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")][1:]
    from pactlens.pipeline import analyze

    jac: list[float] = []
    exact = dates = dated = 0
    lines = []
    for path, parties, signed, *_ in rows:
        a = analyze(corpus / path)
        first = a.agreements[0] if a.agreements else None
        found = _isos(first)
        got = first.signed.date if first else None
        if parties != "-":
            want = set(parties.split())
            j = len(want & found) / len(want | found) if want | found else 1.0
            jac.append(j)
            exact += want == found
            if want != found:
                lines.append(f"  {path:55} parties J={j:.2f} missing {' '.join(sorted(want - found)) or '-'}"
                             f" extra {' '.join(sorted(found - want)) or '-'}")
        if signed != "-":
            dated += 1
            ok = (got or "none") == signed
            dates += ok
            if not ok:
                lines.append(f"  {path:55} signed {got or 'none'} (reference {signed})")
    print(f"reference texts: parties mean Jaccard {sum(jac) / max(len(jac), 1):.2f}, exact {exact} of {len(jac)};"
          f" signing date exact {dates} of {dated}")
    print("\n".join(lines))


def _years(files: list[Path]) -> None:
    from pactlens.pipeline import analyze

    same = other = none = 0
    wrong = []
    for f in files:
        y = _FILE_YEAR.search(f.name)
        a = analyze(f)
        got = a.agreements[0].signed.date if a.agreements and a.agreements[0].signed.date else None
        if got is None:
            none += 1
        elif y and got[:4] == y.group(1):
            same += 1
        else:
            other += 1
            wrong.append(f"  {f.name:45} file year {y.group(1) if y else '?'}  signed {got}")
    print(f"GGO files: {len(files)}; signing year = file-name year {same}, another year {other}, no date {none}")
    print("\n".join(wrong))


def _has(code: str, isos: set[str], orgs: set[str]) -> bool:
    if code == "EUE" or code.startswith("EC"):
        return any("europ" in o.lower() for o in orgs)
    return code in isos


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--only", choices=["bilateral", "reference", "years"], help="run one measure only")
    args = ap.parse_args()
    if args.only in (None, "reference"):
        _reference(args.folder.parent)
    if args.only in (None, "years"):
        _years(sorted(args.folder.glob("*.txt")))
    if args.only == "bilateral" or args.only is None:
        _bilateral(args.folder)


def _bilateral(folder: Path) -> None:
    files = sorted(p for p in folder.glob("*.txt") if _NAMED.match(p.name))
    if not files:
        sys.exit(f"bench: no bilateral GGO files (AAA-BBB…) in {folder}")
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
            own = {p.iso3 for p in first.parties if p.iso3 and not getattr(p, "via", None)}
            extra += bool(own - set(named))
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
