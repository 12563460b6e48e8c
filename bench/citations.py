"""Citation coverage and audit findings on the brief corpus, and the time each step takes.

Usage: python bench/citations.py [FILES...]

Default: every document in ../shared/corpus/briefs (the brief and briefs/dev/).
For each document prints the number of footnote definitions parsed, how many
are cited in the text, the share that got an outlet, title, date and URL, the
audit findings by code, and the time of ``find_citations`` + ``audit`` alone
(the structure is built once beforehand, and not timed).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEFS = ROOT.parent / "shared" / "corpus" / "briefs"


def _files(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    return sorted(p for p in BRIEFS.rglob("*") if p.is_file() and p.name != "SOURCES.md")


def main(args: list[str]) -> None:
    from pactlens import ingest
    from pactlens.extract.prose.citations import find_citations
    from pactlens.structure import build
    from pactlens.verify.audit import audit

    print(f"{'document':44} {'defs':>4} {'cited':>5} {'outlet':>6} {'title':>6} {'date':>5} {'url':>5} {'ms':>6}  findings")
    for path in _files(args):
        doc = build(ingest.load(str(path)))
        t0 = time.perf_counter()
        cits = find_citations(doc)
        findings = audit(doc, cits, [])
        ms = (time.perf_counter() - t0) * 1000
        n = len(cits) or 1

        def share(field: str) -> str:
            return f"{sum(getattr(c, field) is not None for c in cits) / n:.0%}"

        codes = Counter(f.code for f in findings)
        print(f"{path.name[:44]:44} {len(cits):>4} {sum(bool(c.cited_at) for c in cits):>5} {share('outlet'):>6} "
              f"{share('title'):>6} {share('date'):>5} {share('url'):>5} {ms:>6.0f}  {dict(codes)}")


if __name__ == "__main__":
    main(sys.argv[1:])
