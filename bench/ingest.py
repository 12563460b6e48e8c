"""Ingest figures: normalization throughput over the GGO texts, and the time to read each CRS report.

Run: ``.venv/bin/python bench/ingest.py [CORPUS_DIR]`` (default: ``../shared/corpus``).
Prints MB/s of reading + decoding + normalizing the 193 GGO texts (and of
normalization alone), and cold/warm seconds per CRS HTML file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ggo_throughput(folder: Path) -> None:
    from pactlens import ingest
    from pactlens.ingest.normalize import normalize
    from pactlens.ingest.text import decode

    files = sorted(folder.glob("*.txt"))
    blobs = [(str(p), p.read_bytes()) for p in files]
    size = sum(len(b) for _, b in blobs)
    texts = [decode(b, name) for name, b in blobs]
    t0 = time.perf_counter()
    for text in texts:
        normalize(text)
    norm_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    repairs = 0
    for name, data in blobs:
        repairs += len(ingest.load_bytes(data, name).repairs)
    load_s = time.perf_counter() - t0
    mb = size / 1e6
    print(f"GGO: {len(files)} files, {mb:.2f} MB")
    print(f"  normalization alone:          {mb / norm_s:6.2f} MB/s ({norm_s:.2f} s)")
    print(f"  load_bytes (sniff+decode+norm): {mb / load_s:6.2f} MB/s ({load_s:.2f} s, {len(files) / load_s:.0f} docs/s)")


def crs_times(folder: Path) -> None:
    from pactlens import ingest

    for i, path in enumerate(sorted(folder.glob("crs-*.html"))):
        data = path.read_bytes()
        t0 = time.perf_counter()
        norm = ingest.load_bytes(data, path.name)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        ingest.load_bytes(data, path.name)
        again = time.perf_counter() - t0
        label = "first (imports trafilatura)" if i == 0 else "first"
        print(f"  {path.name}: {len(data) / 1e3:.0f} kB → {len(norm.text) / 1e3:.0f} kB text; "
              f"{label} {first:.3f} s, again {again:.3f} s")


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    ggo_throughput(corpus / "agreements-ggo")
    print("CRS HTML read times:")
    crs_times(corpus / "briefs" / "dev")


if __name__ == "__main__":
    main()
