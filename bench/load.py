"""Load on the web app: many readers and one uploader against a real `pactlens serve`.

Usage: python bench/load.py [--clients 50] [--duration 30] [--docs 20] [--url http://127.0.0.1:PORT]

Without --url it starts `pactlens serve` on a free loopback port over a fresh
temporary library, and first uploads --docs documents (the Russia–Iran brief,
the treaties of the shared corpus and GGO agreements) through the API. Then,
for --duration seconds, --clients concurrent readers loop over document pages
(`/documents/{id}`, 70%) and searches (`/search?q=...` and `/api/search`,
30%) while one more client uploads new documents one after another. It
prints requests/s, p50/p90/p99 latency and errors for reads and uploads.
Only loopback addresses are accepted; everything stops after the duration.
Target (issue 5): zero errors, p99 under 300 ms for reads.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
QUERIES = ["armed attack", "consult", "defence", "sovereignty", "\"mutual assistance\"", "aggressor", "treaty",
           "security council", "territorial integrity", "cooperation", "Iran", "nuclear", "trade", "sanctions"]


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1

    def line(self, name: str, seconds: float) -> str:
        lat = sorted(self.latencies)
        n = len(lat)
        if not n:
            return f"{name:8} no successful request; errors {self.errors}"
        q = statistics.quantiles(lat, n=100, method="inclusive") if n > 1 else [lat[0]] * 99
        return (f"{name:8} {n:7d} ok  {n / seconds:8.1f} req/s  p50 {q[49] * 1000:7.1f} ms  "
                f"p90 {q[89] * 1000:7.1f} ms  p99 {q[98] * 1000:7.1f} ms  max {lat[-1] * 1000:7.1f} ms  "
                f"errors {sum(self.errors.values())} {self.errors or ''}")


def _loopback_url(url: str) -> str:
    host = urlsplit(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        sys.exit(f"bench: {url} is not a loopback address; this benchmark only loads this machine")
    return url.rstrip("/")


def _sources(n: int) -> list[Path]:
    """The brief, the named treaties, then GGO agreements (the corpus beside the checkout)."""
    found = [ROOT / "examples" / "russia-iran-2025-brief.txt"]
    for folder in (CORPUS / "treaties", CORPUS / "briefs", CORPUS / "agreements-ggo"):
        if folder.is_dir():
            found += sorted(p for p in folder.glob("*") if p.suffix in {".txt", ".md", ".html"})
    if len(found) < 2:
        found += sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    return found[:n]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "PACTLENS_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "pactlens", "serve", "--port", str(port), "--db", str(db)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


async def _wait_up(client, base: str, timeout: float = 90) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if (await client.get(base + "/api/documents")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.3)
    sys.exit("bench: the server did not come up")


async def _upload(client, base: str, path: Path, salt: str = "") -> tuple[int, str]:
    data = path.read_bytes() + (f"\n\n{salt}\n".encode() if salt else b"")
    r = await client.post(base + "/api/documents", files={"file": (path.name, data, "text/plain")}, timeout=300)
    return r.status_code, (r.json().get("id", "") if r.status_code in (200, 201) else r.text[:200])


async def _reader(client, base: str, ids: list[str], stop: float, stats: dict[str, Stats],
                  rng: random.Random) -> None:
    while time.monotonic() < stop:
        if rng.random() < 0.7:
            kind, url = "pages", f"{base}/documents/{rng.choice(ids)}"
        else:
            page = "/search" if rng.random() < 0.5 else "/api/search"
            kind, url = "searches", f"{base}{page}?q={rng.choice(QUERIES)}"
        t = time.perf_counter()
        try:
            r = await client.get(url)
            if r.status_code == 200:
                stats[kind].latencies.append(time.perf_counter() - t)
            else:
                stats[kind].error(str(r.status_code))
        except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
            stats[kind].error(type(exc).__name__)


async def _uploader(client, base: str, files: list[Path], stop: float, stats: Stats) -> None:
    i = 0
    while time.monotonic() < stop:
        path = files[i % len(files)]
        t = time.perf_counter()
        try:
            status, _ = await _upload(client, base, path, salt=f"load-run copy {i} {time.time_ns()}")
            (stats.latencies.append(time.perf_counter() - t) if status in (200, 201) else stats.error(str(status)))
        except Exception as exc:  # noqa: BLE001
            stats.error(type(exc).__name__)
        i += 1


async def run(args) -> int:
    import httpx

    proc = None
    tmp = None
    base = _loopback_url(args.url) if args.url else None
    if base is None:
        tmp = tempfile.TemporaryDirectory(prefix="pactlens-load-")
        proc, base = _start_server(Path(tmp.name) / "lib.db")
    limits = httpx.Limits(max_connections=args.clients + 5, max_keepalive_connections=args.clients + 5)
    try:
        async with httpx.AsyncClient(timeout=30, limits=limits) as client:
            await _wait_up(client, base)
            files = _sources(args.docs)
            t = time.perf_counter()
            ids = []
            for p in files:
                status, doc_id = await _upload(client, base, p)
                if status in (200, 201):
                    ids.append(doc_id)
            print(f"seeded {len(ids)} documents in {time.perf_counter() - t:.1f} s (from {len(files)} files)")
            if not ids:
                print("bench: nothing could be uploaded", file=sys.stderr)
                return 1
            by_kind, uploads = {"pages": Stats(), "searches": Stats()}, Stats()
            rng = random.Random(5)
            start = time.monotonic()
            stop = start + args.duration
            tasks = [_reader(client, base, ids, stop, by_kind, random.Random(rng.random()))
                     for _ in range(args.clients)]
            if not args.no_upload:
                tasks.append(_uploader(client, base, files, stop, uploads))
            await asyncio.gather(*tasks)
            elapsed = time.monotonic() - start
        print(f"{args.clients} readers + 1 uploader for {elapsed:.1f} s against {base}")
        reads = Stats([*by_kind["pages"].latencies, *by_kind["searches"].latencies],
                      {k: by_kind["pages"].errors.get(k, 0) + by_kind["searches"].errors.get(k, 0)
                       for k in {*by_kind["pages"].errors, *by_kind["searches"].errors}})
        print(reads.line("reads", elapsed))
        for name, st in by_kind.items():
            print("  " + st.line(name, elapsed))
        print(uploads.line("uploads", elapsed))
        ok = not reads.errors and not uploads.errors and reads.latencies and \
            statistics.quantiles(sorted(reads.latencies), n=100, method="inclusive")[98] < 0.3
        print("target (zero errors, read p99 < 300 ms):", "met" if ok else "NOT met")
        return 0
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if tmp is not None:
            tmp.cleanup()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=30.0)
    ap.add_argument("--docs", type=int, default=20, help="documents uploaded before the run")
    ap.add_argument("--no-upload", action="store_true", help="readers only (to separate the two loads)")
    ap.add_argument("--url", help="an already running server (loopback only); default: start one")
    args = ap.parse_args()
    if not 0 < args.duration <= 600:
        sys.exit("bench: --duration must be in (0, 600] seconds")
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
