"""Load on the web app: many readers and one uploader against a real `pactlens serve`.

Usage: python bench/load.py [--clients 50] [--duration 30] [--docs 20] [--url http://127.0.0.1:PORT]

Without --url it starts `pactlens serve` on a free loopback port over a fresh
temporary library, and first uploads --docs documents (the Russia–Iran brief,
the treaties of the shared corpus and GGO agreements) through the API. Then,
for --duration seconds, --clients concurrent readers loop over document pages
(`/documents/{id}`, 70%) and searches (`/search?q=...` and `/api/search`,
30%) while one more client uploads new documents one after another; readers
also open the uploaded documents (pages never seen before). Half the searches
repeat a list of common queries (answered from the server's cache after the
first time), half are new: two words drawn from the seeded documents'
vocabulary, which the server must run against the index. It
prints requests/s, p50/p90/p99 latency and errors for reads and uploads, and
the CPU time each side used: on a 2-core machine the load generator, the
server and its analysis worker share the cores, so the figures say how much
of the machine the server itself had.
With --bombs the uploader sends hostile uploads instead (issue 13): a DOCX whose part
inflates to 1 GiB, a PDF whose page tree holds 22,500 pages, a body streamed past the
upload limit, a cross-origin write; each must get its 4xx (another status is an error).
The server's peak memory (resident, the server and its analysis workers together,
sampled every 50 ms) is printed either way.
Only loopback addresses are accepted; everything stops after the duration.
Target (issues 5, 13): zero errors, p99 under 300 ms for reads.

The generator is aiohttp on uvloop (the ``bench`` extra): a pure-Python
client (httpx) spent a whole core parsing responses and its queueing became
most of the latency it reported.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

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
            return f"{name:12} no successful request; errors {self.errors}"
        q = statistics.quantiles(lat, n=100, method="inclusive") if n > 1 else [lat[0]] * 99
        return (f"{name:12} {n:7d} ok  {n / seconds:8.1f} req/s  p50 {q[49] * 1000:7.1f} ms  "
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


def _start_server(db: Path, extra: list[str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "PACTLENS_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "pactlens", "serve", "--port", str(port), "--db", str(db), *extra],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


async def _wait_up(session, base: str, timeout: float = 90, path: str = "/api/documents") -> None:
    import aiohttp

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            async with session.get(base + path) as r:
                if r.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.3)
    sys.exit("bench: the server did not come up")


async def _upload(session, base: str, path: Path, salt: str = "") -> tuple[int, str]:
    import aiohttp

    data = path.read_bytes() + (f"\n\n{salt}\n".encode() if salt else b"")
    form = aiohttp.FormData()
    form.add_field("file", data, filename=path.name, content_type="text/plain")
    async with session.post(base + "/api/documents", data=form, timeout=aiohttp.ClientTimeout(total=300)) as r:
        if r.status in (200, 201):
            return r.status, (await r.json()).get("id", "")
        return r.status, (await r.text())[:200]


def _vocabulary(files: list[Path], size: int = 400) -> list[str]:
    """The seeded documents' commonest longer words: queries that find something, in many combinations."""
    counts: dict[str, int] = {}
    for p in files:
        for w in re.findall(r"[a-z]{5,}", p.read_text(encoding="utf-8", errors="replace").lower()):
            counts[w] = counts.get(w, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))[:size]


def _new_query(rng: random.Random, vocab: list[str]) -> str:
    a, b = rng.sample(vocab, 2)
    return f"{a} {b}" if rng.random() < 0.5 else f"{a} OR {b}"


async def _reader(session, base: str, ids: list[str], vocab: list[str], stop: float, stats: dict[str, Stats],
                  rng: random.Random) -> None:
    while time.monotonic() < stop:
        if rng.random() < 0.7:
            kind, url = "pages", f"{base}/documents/{rng.choice(ids)}"
        else:
            page = "/search" if rng.random() < 0.5 else "/api/search"
            if rng.random() < 0.5:
                kind, q = "searches", rng.choice(QUERIES)
            else:
                kind, q = "new searches", _new_query(rng, vocab)
            url = f"{base}{page}?{urlencode({'q': q})}"
        t = time.perf_counter()
        try:
            async with session.get(url) as r:
                await r.read()
                status = r.status
            if status == 200:
                stats[kind].latencies.append(time.perf_counter() - t)
            else:
                stats[kind].error(str(status))
        except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
            stats[kind].error(type(exc).__name__)


_BASELINE_BODY = b"<!doctype html><p>" + b"x" * 50_000 + b"</p>"  # about one document page


async def baseline_app(scope, receive, send) -> None:
    """A bare ASGI app that answers every request with one fixed page: uvicorn's own ceiling."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/html"), (b"content-length", str(len(_BASELINE_BODY)).encode())]})
    await send({"type": "http.response.body", "body": _BASELINE_BODY})


async def _baseline(session, clients: int, seconds: float) -> Stats:
    """The same clients against a bare uvicorn app for a few seconds: what the server stack and
    this generator reach on this machine right now, so the real figures can be read as ratios."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--app-dir", str(Path(__file__).parent), "load:baseline_app",
                             "--port", str(port), "--log-level", "warning", "--no-access-log"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    stats = Stats()
    try:
        await _wait_up(session, url.rstrip("/"), path="/")
        stop = time.monotonic() + seconds

        async def one() -> None:
            while time.monotonic() < stop:
                t = time.perf_counter()
                try:
                    async with session.get(url) as r:
                        await r.read()
                        ok = r.status == 200
                    stats.latencies.append(time.perf_counter() - t) if ok else stats.error(str(r.status))
                except Exception as exc:  # noqa: BLE001
                    stats.error(type(exc).__name__)

        await asyncio.gather(*(one() for _ in range(clients)))
    finally:
        proc.terminate()
        proc.wait(10)
    return stats


async def _uploader(session, base: str, files: list[Path], ids: list[str], stop: float, stats: Stats) -> None:
    """Uploads copies one after another; each stored one joins the pages readers open."""
    i = 0
    while time.monotonic() < stop:
        path = files[i % len(files)]
        t = time.perf_counter()
        try:
            status, doc_id = await _upload(session, base, path, salt=f"load-run copy {i} {time.time_ns()}")
            if status in (200, 201):
                stats.latencies.append(time.perf_counter() - t)
                ids.append(doc_id)
            else:
                stats.error(str(status))
        except Exception as exc:  # noqa: BLE001
            stats.error(type(exc).__name__)
        i += 1


def _hostile_uploads() -> list[tuple[str, dict, int]]:
    """(name, aiohttp request arguments, expected status) for each hostile upload."""
    import aiohttp

    sys.path.insert(0, str(ROOT / "tests"))
    import hostile_support as hostile

    def form(name: str, data: bytes) -> "aiohttp.FormData":
        f = aiohttp.FormData()
        f.add_field("file", data, filename=name, content_type="application/octet-stream")
        return f

    bomb, tree = hostile.docx_bomb(1024), hostile.pdf_page_tree()

    async def endless():  # a body with no length that never stops: cut by the server at the limit
        chunk = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n\r\n" + b"x" * 65000
        for _ in range(400):  # 26 MB: past the default 20 MB upload limit
            yield chunk

    return [("zip-bomb DOCX", lambda: {"data": form("bomb.docx", bomb)}, 413),
            ("page-tree PDF", lambda: {"data": form("tree.pdf", tree)}, 413),
            ("streamed oversize", lambda: {"data": endless(),
                                           "headers": {"Content-Type": "multipart/form-data; boundary=b"}}, 413),
            ("cross-origin write", lambda: {"data": form("a.txt", b"The Parties shall consult."),
                                            "headers": {"Origin": "https://evil.example"}}, 403)]


async def _bomber(session, base: str, stop: float, stats: Stats) -> None:
    """Hostile uploads one after another; the expected refusal counts as success."""
    import aiohttp

    cases = _hostile_uploads()
    i = 0
    while time.monotonic() < stop:
        name, make, expected = cases[i % len(cases)]
        t = time.perf_counter()
        try:
            async with session.post(base + "/api/documents", timeout=aiohttp.ClientTimeout(total=300),
                                    **make()) as r:
                await r.read()
                status = r.status
            if status == expected:
                stats.latencies.append(time.perf_counter() - t)
            else:
                stats.error(f"{name} {status}")
        except aiohttp.ClientError as exc:
            # a streamed body is cut by the server's 413: the client may see the reset first
            if name == "streamed oversize":
                stats.latencies.append(time.perf_counter() - t)
            else:
                stats.error(f"{name} {type(exc).__name__}")
        except Exception as exc:  # noqa: BLE001
            stats.error(f"{name} {type(exc).__name__}")
        i += 1


class PeakMemory:
    """The largest resident memory of the server with all its descendants, sampled every 50 ms."""

    def __init__(self, server_pid: int | None) -> None:
        self.pid, self.peak, self.worker_peak = server_pid, 0, 0

    def _sample(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        total = 0
        for p in procs:
            try:
                rss = p.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            if p is not root:
                self.worker_peak = max(self.worker_peak, rss)
        self.peak = max(self.peak, total)

    async def watch(self, stop: float) -> None:
        while self.pid and time.monotonic() < stop:
            await asyncio.to_thread(self._sample)
            await asyncio.sleep(0.05)

    def line(self) -> str:
        if not self.pid:
            return "server memory: not measured (--url given)"
        return (f"server peak memory (resident, server + analysis workers): {self.peak / 2**20:.0f} MiB; "
                f"largest single worker {self.worker_peak / 2**20:.0f} MiB")


class CpuClock:
    """CPU seconds used by the generator (this process) and by the server with its
    worker processes, between ``start`` and ``stop``."""

    def __init__(self, server_pid: int | None) -> None:
        import psutil

        self.me = psutil.Process()
        self.server = psutil.Process(server_pid) if server_pid else None
        self.begin = self.end = (0.0, 0.0, 0.0)

    def _now(self) -> tuple[float, float, float]:
        """(generator, server processes, analysis workers). The server is the started process
        and, with --processes N, its children that have children of their own (uvicorn's
        workers, each with an analysis pool); the other descendants analyse uploads."""
        import psutil

        mine = sum(self.me.cpu_times()[:2])
        if self.server is None:
            return mine, 0.0, 0.0
        served, workers = sum(self.server.cpu_times()[:2]), 0.0
        for child in self.server.children(recursive=True):
            try:
                used = sum(child.cpu_times()[:2])
                if child.ppid() == self.server.pid and child.children():
                    served += used
                else:
                    workers += used
            except psutil.Error:
                pass
        return mine, served, workers

    def start(self) -> None:
        self.begin = self._now()

    def stop(self) -> None:
        self.end = self._now()

    def line(self, seconds: float, reads: int) -> str:
        used = [e - b for b, e in zip(self.begin, self.end)]
        names = ["load generator", "server", "analysis workers"] if self.server else ["load generator"]
        per_read = f"; server CPU per read {used[1] / reads * 1000:.2f} ms" if self.server and reads else ""
        return "CPU use (share of one core): " + ", ".join(
            f"{n} {u / seconds:.0%}" for n, u in zip(names, used)) + f"; machine has {os.cpu_count()} cores" + per_read


async def run(args) -> int:
    import aiohttp

    proc = None
    tmp = None
    base = _loopback_url(args.url) if args.url else None
    if base is None:
        tmp = tempfile.TemporaryDirectory(prefix="pactlens-load-")
        proc, base = _start_server(Path(tmp.name) / "lib.db", args.server_args)
    connector = aiohttp.TCPConnector(limit=args.clients + 5)
    try:
        async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as session:
            await _wait_up(session, base)
            files = _sources(args.docs)
            t = time.perf_counter()
            ids = []
            for p in files:
                status, doc_id = await _upload(session, base, p)
                if status in (200, 201):
                    ids.append(doc_id)
            print(f"seeded {len(ids)} documents in {time.perf_counter() - t:.1f} s (from {len(files)} files)")
            if not ids:
                print("bench: nothing could be uploaded", file=sys.stderr)
                return 1
            if args.baseline > 0:
                base_stats = await _baseline(session, args.clients, args.baseline)
                print(base_stats.line("baseline", args.baseline) + "  (a bare uvicorn app: the stack's ceiling)")
            vocab = _vocabulary(files)
            by_kind, uploads = {"pages": Stats(), "searches": Stats(), "new searches": Stats()}, Stats()
            rng = random.Random(5)
            clock = CpuClock(proc.pid if proc else None)
            load_before = os.getloadavg()
            clock.start()
            start = time.monotonic()
            stop = start + args.duration
            tasks = [_reader(session, base, ids, vocab, stop, by_kind, random.Random(rng.random()))
                     for _ in range(args.clients)]
            memory = PeakMemory(proc.pid if proc else None)
            tasks.append(memory.watch(stop))
            if args.bombs:
                tasks.append(_bomber(session, base, stop, uploads))
            elif not args.no_upload:
                tasks.append(_uploader(session, base, files, ids, stop, uploads))
            await asyncio.gather(*tasks)
            elapsed = time.monotonic() - start
            clock.stop()
        uploader = " + 1 client uploading hostile files" if args.bombs else "" if args.no_upload else " + 1 uploader"
        print(f"{args.clients} readers{uploader} for {elapsed:.1f} s against {base}")
        reads = Stats([x for st in by_kind.values() for x in st.latencies],
                      {k: sum(st.errors.get(k, 0) for st in by_kind.values())
                       for st in by_kind.values() for k in st.errors})
        print(reads.line("reads", elapsed))
        for name, st in by_kind.items():
            print("  " + st.line(name, elapsed))
        print(uploads.line("hostile" if args.bombs else "uploads", elapsed))
        print(clock.line(elapsed, len(reads.latencies)))
        print("machine load average (1 min) before/after: {:.1f} / {:.1f}: other work on the machine takes "
              "cores from the server, so read the figures as ratios to the baseline".format(load_before[0], os.getloadavg()[0]))
        print(memory.line())
        if args.baseline > 0 and base_stats.latencies:
            ratio = (len(reads.latencies) / elapsed) / (len(base_stats.latencies) / args.baseline)
            print(f"reads/s as a share of the bare-app baseline in this run: {ratio:.2f}")
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
    ap.add_argument("--baseline", type=float, default=5.0, help="seconds against a bare uvicorn app first (0: none)")
    ap.add_argument("--no-upload", action="store_true", help="readers only (to separate the two loads)")
    ap.add_argument("--bombs", action="store_true", help="the uploader sends hostile files (each must get its 4xx)")
    ap.add_argument("--url", help="an already running server (loopback only); default: start one")
    ap.add_argument("--server-args", default="", help="extra options for the started `pactlens serve`")
    args = ap.parse_args()
    args.server_args = args.server_args.split()
    if not 0 < args.duration <= 600:
        sys.exit("bench: --duration must be in (0, 600] seconds")
    try:
        import uvloop
    except ImportError:  # not on Windows; the stock loop is slower but correct
        sys.exit(asyncio.run(run(args)))
    sys.exit(uvloop.run(run(args)))


if __name__ == "__main__":
    main()
