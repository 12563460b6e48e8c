"""CPU cost of the quotes, events and entities extractors per MB, and spaCy's load time.

Usage: python bench/brief_extractors.py [CORPUS_DIR]   (default: ../shared/corpus)
Prints one line per document set (GGO agreements, CRS reports). Ingest and
structure run outside the timed part; CPU time, so a busy machine skews less.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pactlens import ingest
from pactlens.extract.prose.entities import find_entities
from pactlens.extract.prose.events import find_events
from pactlens.extract.kind import classify
from pactlens.extract.prose.quotes import find_quotes
from pactlens.structure import build


def run(label: str, files: list[Path]) -> None:
    size = spent = 0.0
    counts = [0, 0, 0]
    for f in files:
        doc = build(ingest.load(str(f)))
        kind = classify(doc)
        size += len(doc.text.encode())
        t = time.process_time()
        found = (find_quotes(doc, [], kind=kind), find_events(doc, []), find_entities(doc))
        spent += time.process_time() - t
        counts = [c + len(x) for c, x in zip(counts, found)]
    mb = size / 1e6
    print(f"{label}: {len(files)} files, {mb:.2f} MB, {spent:.2f} s CPU, {mb / max(spent, 1e-9):.2f} MB/s; "
          f"quotes {counts[0]}, events {counts[1]}, entities {counts[2]}")


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus")
    t = time.process_time()
    from pactlens.resources import nlp

    nlp.load()
    print(f"spaCy load (NER only): {time.process_time() - t:.2f} s CPU")
    run("GGO agreements", sorted((corpus / "agreements-ggo").glob("*.txt")))
    run("CRS reports", sorted((corpus / "briefs" / "dev").glob("crs-*.html")))


if __name__ == "__main__":
    main()
