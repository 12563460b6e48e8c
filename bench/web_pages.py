"""Every web page in real Chromium at 1366 and 390 px: first paint, page weight, sideways
scroll, and screenshots for review.

Usage: python bench/web_pages.py [--db LIB] [--shots DIR]

Without --db it builds a library in a temporary folder with ``pactlens add`` of the long
treaties of the shared corpus (NAFTA, ~1 MB of text; the fourth Lomé Convention, 0.7 MB),
the North Atlantic Treaty, the Russia–Iran brief and a CRS report (a minute or two; pass
--db to reuse one). It starts ``pactlens serve`` over it and opens, at each width, the
library, every document, a search, compare of all documents, the network and the API
docs, in Debian's Chromium through Playwright (no browser download).

For each page it prints the first contentful paint (the browser's own measure), the HTML
size, the number of elements, and whether the page scrolls sideways. A document page is
opened twice: the first visit includes rendering it on the server, the second is served
from the page cache. As a baseline measured in the same run and browser, the same
document's text alone in a ``<pre>`` is painted from a local file; the ratio to it says
what the reader's layout and marks cost beyond the bare text. At the end each document
page's paint and HTML are printed again as ratios to the short brief's page in the same
run (first visit and cached), with the server's part of it (request sent to first byte: for a
first visit, the rendering). Targets (issue 13): a long
treaty's first paint < 1 s, its HTML < 2 MB, no page scrolling sideways at 390 px.

Screenshots (the first screen, and the whole page where it is under 12,000 px) go to
--shots (default /tmp/pactlens-web-shots), named page-width.png; they are for review,
not for the repository.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BRIEF = ROOT / "examples" / "russia-iran-2025-brief.txt"  # the baseline page: a short brief
SOURCES = [CORPUS / "agreements-ggo" / "NRTAFT_1992A.txt", CORPUS / "agreements-ggo" / "LOME_1989O4.txt",
           CORPUS / "treaties" / "north-atlantic-1949.txt", BRIEF,
           CORPUS / "briefs" / "dev" / "crs-RS21852-uae-us-policy-2026-09-30.html"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
WIDTHS = (1366, 390)
MEASURE = """() => {
  const nav = performance.getEntriesByType('navigation')[0] || {};
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const d = document.documentElement;
  return {fcp: fcp ? fcp.startTime : null, html: nav.decodedBodySize || 0,
          ttfb: nav.responseStart && nav.requestStart ? nav.responseStart - nav.requestStart : null,
          elements: document.getElementsByTagName('*').length, sideways: d.scrollWidth > window.innerWidth + 1, height: d.scrollHeight};
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pactlens() -> list[str]:
    return [sys.executable, "-m", "pactlens"]


def build_library(db: Path) -> None:
    found = [str(p) for p in SOURCES if p.exists()]
    print(f"building a library of {len(found)} documents in {db} …", flush=True)
    subprocess.run([*_pactlens(), "add", "--db", str(db), "--jobs", "1", *found], check=True,
                   stdout=subprocess.DEVNULL)


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([*_pactlens(), "serve", "--db", str(db), "--port", str(port), "--workers", "0"],
                            env={**os.environ, "PACTLENS_TOKEN": ""}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/api/documents", timeout=2) as r:
                if r.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    sys.exit("bench: the server did not start")


def _get(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=60) as r:
        return json.loads(r.read())


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")[:40] or "page"


def run(args) -> int:
    from playwright.sync_api import sync_playwright

    tmp = None
    db = Path(args.db) if args.db else None
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="pactlens-web-pages-")
        db = Path(tmp.name) / "lib.db"
        build_library(db)
    shots = Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    proc, base = serve(db)
    try:
        docs = _get(base, "/api/documents")
        pages = [("library", "/"), ("search", "/search?q=armed+attack"),
                 ("compare", "/compare?ids=" + ",".join(d["id"] for d in docs[:12])),
                 ("network", "/network"), ("api-docs", "/docs")]
        texts = {}
        for d in sorted(docs, key=lambda d: -d["chars"]):
            name = _slug(d["title"] or Path(d["source"]).stem)
            pages.insert(1 + len(texts), (name, f"/documents/{d['id']}"))
            texts[name] = d
        print(f"{'page':42} {'width':>5} {'first paint':>12} {'x bare':>7} {'HTML':>10} {'elements':>9} sideways")
        failures = 0
        seen: dict[tuple[str, int, str], dict] = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for width in WIDTHS:
                ctx = browser.new_context(viewport={"width": width, "height": 900 if width > 500 else 844})
                for name, path in pages:
                    # a document's first visit renders it on the server (only at the first width: after
                    # that the page cache holds it)
                    visits = ["cold", "warm"] if name in texts and width == WIDTHS[0] else ["warm"]
                    for visit in visits:
                        page = ctx.new_page()
                        page.goto(base + path, wait_until="load")
                        _await_paint(page)
                        m = page.evaluate(MEASURE)
                        bare = _bare_paint(page, base, texts[name]["id"], tmp_dir=shots) if name in texts and \
                            visit == "warm" else None
                        ratio = f"{m['fcp'] / bare:.1f}" if bare and m["fcp"] else ""
                        label = f"{name} ({visit})" if name in texts else name
                        print(f"{label:42} {width:5d} {m['fcp'] or 0:9.0f} ms {ratio:>7} {m['html'] / 1024:7.0f} KB "
                              f"{m['elements']:9d} {'YES' if m['sideways'] else 'no'}", flush=True)
                        failures += bool(m["sideways"])
                        seen[(name, width, visit)] = m
                        if visit == "warm":
                            page.screenshot(path=str(shots / f"{name}-{width}.png"))
                            if m["height"] < 12000:
                                page.screenshot(path=str(shots / f"{name}-{width}-full.png"), full_page=True)
                        page.close()
                ctx.close()
            browser.close()
        _against_brief(seen, texts)
        print(f"screenshots: {shots}")
        print("pages that scroll sideways:", failures)
        return 0
    finally:
        proc.terminate()
        proc.wait(10)
        if tmp is not None:
            tmp.cleanup()


def _against_brief(seen: dict[tuple[str, int, str], dict], texts: dict[str, dict]) -> None:
    """Each document page's first paint and HTML as ratios to the short brief's page in this run
    (first visit: rendered by the server; second: from its page cache)."""
    brief = next((n for n, d in texts.items() if d["source"].endswith(BRIEF.name)), None)
    if brief is None:
        return
    print(f"\nagainst the brief's page ({texts[brief]['chars']:,} characters), same run:")
    print(f"{'page':42} {'width':>5} {'visit':>5} {'chars':>9} {'paint':>7} {'x brief':>7} {'server':>7} {'x brief':>7} "
          f"{'HTML':>8} {'x brief':>7}")
    for (name, width, visit), m in seen.items():
        base = seen.get((brief, width, visit))
        if name not in texts or base is None or not base["fcp"] or not m["fcp"]:
            continue
        server = f"{m['ttfb']:5.0f}ms {m['ttfb'] / base['ttfb']:7.2f}" if m["ttfb"] and base["ttfb"] else f"{'':>7} {'':>7}"
        print(f"{name:42} {width:5d} {visit:>5} {texts[name]['chars']:9,} {m['fcp']:5.0f}ms {m['fcp'] / base['fcp']:7.2f} "
              f"{server} {m['html'] / 1024:6.0f}KB {m['html'] / base['html']:7.2f}")


def _await_paint(page) -> None:
    """The paint entry is recorded a frame after load: wait for it (a page with nothing to
    paint has none; then the figure is left empty)."""
    try:
        page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0", timeout=5000)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError; the measure then says none
        pass


def _bare_paint(page, base: str, doc_id: str, tmp_dir: Path) -> float | None:
    """First paint of the document's text alone, in a <pre>, from a local file (the baseline)."""
    text = _get(base, f"/api/documents/{doc_id}")["document"]["text"]
    bare = tmp_dir / "bare.html"
    bare.write_text(f"<!doctype html><meta charset=utf-8><pre>{html.escape(text)}</pre>", encoding="utf-8")
    other = page.context.new_page()
    other.goto(bare.as_uri(), wait_until="load")
    _await_paint(other)
    fcp = other.evaluate(MEASURE)["fcp"]
    other.close()
    bare.unlink()
    return fcp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an existing library (default: build one from the corpus)")
    ap.add_argument("--shots", default="/tmp/pactlens-web-shots", help="folder for the screenshots")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit("bench: Chromium is not installed (apt-get install chromium)")
    sys.exit(run(args))


if __name__ == "__main__":
    main()
