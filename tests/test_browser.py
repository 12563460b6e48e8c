"""The web app in real Chromium (Debian's package driven by Playwright; no browser download).

Skipped only when Chromium is absent and ``CI`` is unset; ``.ci/run``
installs it, so in CI this always runs. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web_support import anz, nato

ANZ_FULL = Path(__file__).parent / "fixtures" / "treaties" / "australia-new-zealand-agreement-1944.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed (apt-get install chromium); CI always runs this", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """uvicorn in a thread on a free loopback port, over a library seeded with two coded treaties."""
    import uvicorn

    from pactlens.pipeline import analyze
    from pactlens.store import open_library
    from pactlens.web import create_app

    db = tmp_path_factory.mktemp("lib") / "lib.db"
    lib = open_library(str(db))
    ids = {name: lib.add(make())[0] for name, make in (("nato", nato), ("anz", anz))}
    ids["anz-full"] = lib.add(analyze(str(ANZ_FULL)))[0]  # the pipeline's own record: a real outline
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(library=lib), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(10)
    lib.close()


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True, args=ARGS,
                                                    viewport={"width": 1440, "height": 900})
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.errors = errors  # type: ignore[attr-defined]
        yield pg
        ctx.close()


def test_upload_brief_and_see_marked_evidence(server, page, brief_path):
    base, _ = server
    page.goto(base + "/")
    page.set_input_files("input[name=file]", str(brief_path))
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/documents/*")
    assert "Russia" in page.inner_text("h1") + page.inner_text("#doctext")[:2000]
    assert page.locator("#doctext mark").count() > 0
    page.screenshot(path=str(ARTIFACTS / "brief-page.png"), full_page=False)
    page.goto(base + "/")
    assert page.locator("table.docs tbody tr").count() == 4  # nato, anz, anz-full and the brief
    page.screenshot(path=str(ARTIFACTS / "library.png"))
    assert not page.errors


def test_click_obligation_scrolls_clause_into_view(server, page):
    from playwright.sync_api import expect

    base, ids = server
    page.goto(f"{base}/documents/{ids['nato']}")
    defense = page.locator("table.obligations a.goto", has_text="defense")
    defense.click()
    focused = page.locator("#doctext mark.focus").first
    expect(focused).to_be_in_viewport()
    assert "will assist the Party or Parties so attacked" in focused.inner_text()
    page.screenshot(path=str(ARTIFACTS / "obligation-clicked.png"))
    # And back: clicking a span lists every record covering it (the obligation inside Article 5's provision).
    focused.click()
    listed = page.locator("#selected-list li")
    expect(listed.first).to_be_visible()
    kinds = " ".join(listed.all_inner_texts())
    assert "obligation" in kinds and "provision" in kinds
    assert not page.errors


def test_compare_two_agreements(server, page):
    base, ids = server
    page.goto(f"{base}/compare?ids={ids['nato']},{ids['anz']}")
    heads = page.locator("table.compare thead th a").all_inner_texts()
    assert heads == ["North Atlantic Treaty", "Agreement between Australia and New Zealand"]
    row = page.locator("table.compare tr", has=page.locator("th", has_text="defense"))
    assert row.locator("td").all_inner_texts()[0].startswith("yes")
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
    page.goto(base + "/network")
    assert page.locator("svg.network path.link.defence").count() > 0
    width = page.evaluate("document.querySelector('svg.network').viewBox.baseVal.width")
    page.click("[data-zoom=in]")
    zoomed = page.evaluate("document.querySelector('svg.network').viewBox.baseVal.width")
    assert zoomed < width
    before = page.evaluate("document.querySelector('svg.network').viewBox.baseVal.x")
    box = page.locator("svg.network").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 140, box["y"] + 90, steps=4)
    page.mouse.up()
    assert page.evaluate("document.querySelector('svg.network').viewBox.baseVal.x") < before - 20  # panned
    assert "/network" in page.url  # a drag is no click on a link
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    # saved as shown: the zoomed and moved view, as SVG and as PNG
    shown = page.evaluate("(() => { const v = document.querySelector('svg.network').viewBox.baseVal;"
                          " return [v.x, v.y, v.width, v.height].join(' '); })()")
    with page.expect_download() as svg_file:
        page.click("[data-export=svg]")
    saved = Path(svg_file.value.path()).read_text(encoding="utf-8")
    assert f'viewBox="{shown}"' in saved and "<style>" in saved and shown != "0 0 1000 640"
    with page.expect_download() as png_file:
        page.click("[data-export=png]")
    assert Path(png_file.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not page.errors


def test_script_in_a_document_is_shown_not_run(server, page, tmp_path):
    base, _ = server
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("A brief.\n\n<script>window.pwned = 1</script><img src=x onerror=\"window.pwned=2\">\n")
    page.goto(base + "/")
    page.set_input_files("input[name=file]", str(hostile))
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/documents/*")
    assert "<script>window.pwned = 1</script>" in page.inner_text("#doctext")
    assert page.evaluate("typeof window.pwned") == "undefined"


def test_search_and_api_docs_render(server, page):
    base, ids = server
    page.goto(base + "/search?q=armed+attack")
    assert page.locator("ol.hits mark").count() > 0
    page.screenshot(path=str(ARTIFACTS / "search.png"))
    page.goto(base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 6
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"))


def test_a_long_treaty_reads_with_an_outline_and_evidence_one_click_away(server, page, monkeypatch):
    """Pages made small (5,000 characters) so the 19 KB Canberra Pact spans several, as
    NAFTA does at the real size: the outline reaches an article on another page, and a
    record whose evidence is on another page is one click from it."""
    from playwright.sync_api import expect

    from pactlens.web import reader

    monkeypatch.setattr(reader, "PAGE_CHARS", 5000)
    base, ids = server
    page.goto(f"{base}/documents/{ids['anz-full']}")
    assert page.locator("nav.outline li.o-article").count() >= 10
    assert "Page 1 of" in page.inner_text("nav.pager-top")
    text, panel = page.locator("#doctext").bounding_box(), page.locator("#panel").bounding_box()
    assert text["y"] < 900 and panel["y"] < 900 and panel["x"] > text["x"]  # side by side on the first screen
    last = page.locator("nav.outline li.o-article a").last
    anchor = last.get_attribute("href").split("#")[1]
    last.click()
    page.wait_for_url(f"**#{anchor}")
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    here = page.locator("#text").get_attribute("data-page")
    assert here != "1"
    away = page.locator(f'#panel details[open] > ul a.rec:not([data-page="{here}"])').first
    rid = away.get_attribute("data-r")
    away.click()
    page.wait_for_url(f"**#r-{rid}")
    focused = page.locator("#doctext mark.focus").first
    expect(focused).to_be_in_viewport()
    assert rid in focused.get_attribute("data-r").split()
    assert not page.errors


def test_a_search_hit_is_marked_on_the_page_that_holds_it(server, page, monkeypatch):
    """Small pages again: the hit furthest into the Canberra Pact is on a later page, served as
    cached; the script marks exactly the hit's characters and brings them into view."""
    import json
    import urllib.request

    from playwright.sync_api import expect

    from pactlens.web import reader

    monkeypatch.setattr(reader, "PAGE_CHARS", 5000)
    base, ids = server
    with urllib.request.urlopen(f"{base}/api/search?q=Governments&limit=200") as r:
        hits = [h for h in json.loads(r.read()) if h["document_id"] == ids["anz-full"]]
    hit = max(hits, key=lambda h: h["start"])
    assert hit["start"] > 5000
    page.goto(f"{base}/documents/{ids['anz-full']}?at={hit['start']}-{hit['end']}")
    assert page.locator("#text").get_attribute("data-page") != "1"
    marked = page.locator("#doctext mark.hit")
    assert "".join(marked.all_text_contents()) == hit["text"]
    expect(marked.first).to_be_in_viewport()
    assert not page.errors


def test_no_page_scrolls_sideways_on_a_phone(server, page):
    base, ids = server
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        for path in ("/", f"/documents/{ids['nato']}", f"/documents/{ids['anz-full']}", "/search?q=armed+attack",
                     f"/compare?ids={ids['nato']},{ids['anz']}", "/network", "/docs"):
            page.goto(base + path)
            wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 1, (path, wide)
            if path == f"/documents/{ids['anz-full']}":
                # the timeline keeps a readable width and scrolls inside its card
                assert page.locator("#timeline svg").bounding_box()["width"] >= 700
            if path == "/network":  # so does the network: its labels read at about 10 px, not 4
                label = page.locator("svg.network text.node").first.bounding_box()
                assert label["height"] >= 9, label
        page.screenshot(path=str(ARTIFACTS / "document-390.png"))
    finally:
        page.set_viewport_size({"width": 1440, "height": 900})


def test_a_span_lists_records_that_are_still_behind_show_all(server, page):
    """Each list of the panel shows its first few; the rest comes when "show all" is opened.
    A span of the text may belong to a record not listed yet: clicking it fetches that list,
    so the span's records are named by their labels, and "show all" then holds them."""
    from playwright.sync_api import expect

    base, ids = server
    page.goto(f"{base}/documents/{ids['anz-full']}")
    found = page.evaluate("""() => {
      for (const m of document.querySelectorAll('#doctext mark[data-r]'))
        for (const r of m.getAttribute('data-r').split(' '))
          if (!document.getElementById('rec-' + r)) return [m.getAttribute('data-start'), r];
      return null; }""")
    assert found, "every record of the page is listed: nothing is behind show all"
    start, rid = found
    page.locator(f'#doctext mark[data-start="{start}"]').first.click()
    item = page.locator(f'#selected-list a[data-r="{rid}"]')
    expect(item).to_be_visible()
    page.wait_for_selector(f"#rec-{rid}", state="attached")
    label = page.locator(f"#rec-{rid}").text_content()
    assert label and item.inner_text() == f"{rid.split('-')[0]}: {label}"
    assert page.locator(f'#panel details.more[data-kind="{rid.split("-")[0]}"] #rec-{rid}').count() == 1
    assert not page.errors
