"""Server-rendered pages: content, escaping, forms and their guards."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from pactlens.web import create_app
from test_web_support import ANZ, NATO, anz, nato, lib  # noqa: F401 (lib: fixture)

HTML = {"accept": "text/html"}


@pytest.fixture()
def client(lib):
    return TestClient(create_app(library=lib))


@pytest.fixture()
def ids(lib):
    return {"nato": lib.add(nato())[0], "anz": lib.add(anz())[0]}


def test_empty_library_says_so(client):
    page = client.get("/")
    assert page.status_code == 200 and "The library is empty" in page.text
    assert 'enctype="multipart/form-data"' in page.text
    for url in ("/network", "/compare", "/search", "/search?q=treaty"):
        assert client.get(url).status_code == 200, url


def test_library_lists_documents(client, ids):
    page = client.get("/").text
    assert "North Atlantic Treaty" in page and "Agreement between Australia and New Zealand" in page
    assert f'href="/documents/{ids["nato"]}"' in page


def test_document_page_profile_and_marks(client, ids):
    page = client.get(f"/documents/{ids['nato']}").text
    # Obligations table: every ATOP type, with yes / no / not stated.
    rows = re.findall(r'<tr class="state-([\w-]+)">\s*<td>(?:<a[^>]*>)?(\w+)', page)
    assert dict((t, s) for s, t in rows) == {"defense": "yes", "offense": "no", "neutrality": "not-stated",
                                            "nonaggression": "not-stated", "consultation": "yes"}
    assert "strength-binding" in page and "twenty years" in page and "location: in Europe or North America" in page
    # The defence clause sits inside Article 5's provision: its segment carries both records.
    mark = re.search(r'<mark data-r="([^"]+)" data-start="\d+">will assist the Party or Parties so attacked</mark>', page)
    assert mark and set(mark[1].split()) == {"obligation-1", "provision-1"}
    assert '<svg class="timeline"' in page and "North Atlantic Treaty signed" in page


def test_document_page_of_a_brief_without_records_renders_empty_sections(client, lib):
    from pactlens.pipeline import analyze_bytes

    doc_id, _ = lib.add(analyze_bytes(b"A short note about nothing in particular.\n", "note.txt"))
    page = client.get(f"/documents/{doc_id}")
    assert page.status_code == 200
    assert "No agreement found in this document." in page.text


def test_search_hit_opens_the_cached_page_that_holds_the_match(client, ids, lib, monkeypatch):
    """The page is served as cached (no rendering per hit); the browser marks the span, counting
    from the page's start (``data-lo``): tests/test_browser.py checks the marking."""
    from pactlens.web import reader

    monkeypatch.setattr(reader, "PAGE_CHARS", 2000)
    page = client.get("/search", params={"q": "armed attack"}).text
    assert "<mark>armed</mark>" in page
    links = re.findall(r'href="(/documents/(\w+)\?at=(\d+)-(\d+))"', page)
    link, doc_id, start, end = max(links, key=lambda x: int(x[2]))  # the hit furthest into its text
    doc = client.get(link).text
    number, lo = int(re.search(r'data-page="(\d+)"', doc)[1]), int(re.search(r'id="doctext" data-lo="(\d+)"', doc)[1])
    assert number > 1 and lo <= int(start) and f"Page {number} of" in doc
    assert doc == client.get(f"/documents/{doc_id}?page={number}").text  # the page itself, nothing added
    after = client.get(f"/documents/{doc_id}?page={number + 1}").text
    assert f"Page {number} of {number}" in doc or int(re.search(r'data-lo="(\d+)"', after)[1]) > int(start)
    assert "armed attack" in lib.text(doc_id)[int(start):int(end)].lower()
    assert client.get(f"/documents/{doc_id}?at=999999998-999999999").text == client.get(f"/documents/{doc_id}").text
    assert client.get("/documents/nosuchdoc?at=1-5", headers=HTML).status_code == 404


def test_document_text_is_escaped(client, lib):
    from pactlens.pipeline import analyze_bytes

    evil = b"Notes.\n\n<script>alert(1)</script> and <img src=x onerror=alert(2)>\n"
    doc_id, _ = lib.add(analyze_bytes(evil, "evil.txt"))
    page = client.get(f"/documents/{doc_id}").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    search = client.get("/search", params={"q": "<script>alert"}).text
    assert "<script>alert" not in search


def test_missing_document_is_an_html_404(client):
    r = client.get("/documents/nope", headers=HTML)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html") and "no document" in r.text


def test_upload_form_redirects_to_the_document(client):
    r = client.post("/upload", files={"file": ("nato.txt", NATO.read_bytes(), "text/plain")}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/documents/")
    assert client.get(r.headers["location"]).status_code == 200


def test_upload_form_refuses_wrong_type_with_an_html_page(client):
    r = client.post("/upload", files={"file": ("x.exe", b"MZ", "application/octet-stream")}, headers=HTML)
    assert r.status_code == 415 and "unsupported file type" in r.text


def test_cross_origin_form_posts_are_refused(client, ids):
    evil = {"origin": "http://evil.example", **HTML}
    r = client.post("/upload", files={"file": ("nato.txt", NATO.read_bytes(), "text/plain")}, headers=evil)
    assert r.status_code == 403
    assert client.post(f"/documents/{ids['nato']}/delete", headers=evil).status_code == 403
    sandboxed = {"origin": "null", **HTML}
    assert client.post(f"/documents/{ids['nato']}/delete", headers=sandboxed).status_code == 403
    assert client.get(f"/api/documents/{ids['nato']}").status_code == 200


def test_delete_form(client, ids):
    r = client.post(f"/documents/{ids['anz']}/delete", follow_redirects=False)
    assert r.status_code == 303
    assert client.get(f"/api/documents/{ids['anz']}").status_code == 404


def test_form_token_then_cookie(lib):
    client = TestClient(create_app(library=lib, token="s3cret"))
    files = {"file": ("nato.txt", NATO.read_bytes(), "text/plain")}
    assert 'name="token"' in client.get("/").text
    assert client.post("/upload", files=files, headers=HTML).status_code == 401
    assert client.post("/upload", files=files, data={"token": "nope"}, headers=HTML).status_code == 401
    r = client.post("/upload", files=files, data={"token": "s3cret"}, follow_redirects=False)
    assert r.status_code == 303 and "pactlens_token" in r.headers["set-cookie"]
    doc_id = r.headers["location"].rsplit("/", 1)[1]
    # The cookie now authorises the delete form, and the token field is no longer shown.
    assert 'name="token"' not in client.get("/").text
    assert client.post(f"/documents/{doc_id}/delete", follow_redirects=False).status_code == 303


def test_compare_page(client, ids):
    page = client.get("/compare", params={"ids": f"{ids['nato']},{ids['anz']}"}).text
    assert page.count('<span class="chip yn-yes">yes</span>') == 3  # defense (NATO), consultation (both)
    picked = client.get(f"/compare?pick={ids['nato']}&pick={ids['anz']}").text
    assert picked.count('<span class="chip yn-yes">yes</span>') == 3 and "Choose documents" in picked
    assert "Choose at least two documents." in client.get(f"/compare?pick={ids['nato']}").text


def test_network_page(client, ids):
    page = client.get("/network").text
    assert page.count('class="link defence"') == 7  # 7 NATO parties: one hub, a link to each
    assert page.count('class="link consultation"') == 1
    assert ">AUS</text>" in page and ">USA</text>" in page


def test_cached_page_is_forgotten_after_a_delete(client, ids):
    assert client.get(f"/documents/{ids['anz']}").status_code == 200  # rendered and cached
    assert client.get(f"/documents/{ids['anz']}").status_code == 200  # served from the cache
    assert client.delete(f"/api/documents/{ids['anz']}").status_code == 204
    assert client.get(f"/documents/{ids['anz']}", headers=HTML).status_code == 404


def test_page_cache_rebuilds_only_when_the_version_moves():
    from pactlens.web.cache import PageCache

    cache, version, builds = PageCache(recheck=0), ["v1"], []

    def get():
        return cache.get("k", lambda: version[0], lambda: builds.append(version[0]) or f"page {version[0]}")

    assert (get(), get()) == ("page v1", "page v1") and builds == ["v1"]  # checked, not rebuilt
    version[0] = "v2"
    assert get() == "page v2" and builds == ["v1", "v2"]


def test_page_cache_serves_fresh_entries_without_asking_and_rechecks_after_a_write():
    from pactlens.web.cache import PageCache

    cache, asked = PageCache(recheck=60), []
    cache.get("k", lambda: asked.append(1) or 1, lambda: "A")
    assert cache.fresh("k") == "A" and cache.fresh("other") is None
    cache.recheck_all()
    assert cache.fresh("k") is None  # our own write: ask the library before serving again
    assert cache.get("k", lambda: asked.append(1) or 1, lambda: "rebuilt") == "A" and len(asked) == 2


def test_requests_for_a_page_being_built_wait_for_that_one_build_without_holding_threads():
    import asyncio
    import threading

    from pactlens.web.cache import PageCache, cached

    cache, release, calls = PageCache(recheck=60), threading.Event(), []

    def build() -> str:
        release.wait(5)
        return "page"

    def get(key, version, make):  # counts the calls that reach a thread
        calls.append(key)
        return PageCache.get(cache, key, version, make)

    cache.get = get

    async def run() -> list[str]:
        first = [asyncio.ensure_future(cached(cache, "k", lambda: 1, build)) for _ in range(20)]
        await asyncio.sleep(0.05)
        cache.recheck_all()  # a write after those began: the next request does not take their answer
        later = asyncio.ensure_future(cached(cache, "k", lambda: 2, lambda: "new page"))
        await asyncio.sleep(0.05)
        release.set()
        return await asyncio.gather(*first, later)

    answers = asyncio.run(run())
    assert answers == ["page"] * 20 + ["new page"] and calls == ["k", "k"]


def test_page_cache_evicts_the_least_recently_used():
    from pactlens.web.cache import PageCache

    cache = PageCache(recheck=60, maxsize=2)
    for key in ("a", "b"):
        cache.get(key, lambda: 0, lambda k=key: k.upper())
    cache.fresh("a")
    cache.get("c", lambda: 0, lambda: "C")
    assert (cache.fresh("a"), cache.fresh("b"), cache.fresh("c")) == ("A", None, "C")


def test_page_cache_keeps_within_its_byte_budget():
    from pactlens.web.cache import PageCache

    cache = PageCache(recheck=60, max_bytes=100)
    cache.get("a", lambda: 0, lambda: "a" * 60)
    cache.get("b", lambda: 0, lambda: "b" * 30)
    cache.get("c", lambda: 0, lambda: "c" * 30)  # 120 bytes: the oldest goes
    assert (cache.fresh("a"), cache.fresh("b")) == (None, "b" * 30)
    assert cache.get("huge", lambda: 0, lambda: "h" * 500) == "h" * 500  # served, never kept
    assert cache.fresh("huge") is None and cache.fresh("c") == "c" * 30


def test_page_cache_builds_a_page_once_however_many_ask_at_once():
    import threading
    import time as clock

    from pactlens.web.cache import PageCache

    cache, builds, start = PageCache(recheck=60), [], threading.Barrier(8)

    def slow_build():
        builds.append(1)
        clock.sleep(0.05)
        return "P"

    def ask(out):
        start.wait()
        out.append(cache.get("k", lambda: 1, slow_build))

    got: list[str] = []
    threads = [threading.Thread(target=ask, args=(got,)) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert got == ["P"] * 8 and builds == [1]


def test_a_build_that_fails_is_not_cached():
    from pactlens.web.cache import PageCache

    cache = PageCache(recheck=60)
    with pytest.raises(KeyError):
        cache.get("k", lambda: 1, lambda: {}["missing"])
    assert cache.fresh("k") is None and cache.get("k", lambda: 1, lambda: "ok") == "ok"

def test_search_page_shows_the_best_hits_says_how_many_match_and_links_to_the_rest(client, ids, monkeypatch):
    from pactlens.web import pages

    monkeypatch.setattr(pages, "SEARCH_PAGE", 10)
    first = client.get("/search", params={"q": "the"}).text
    total = int(re.search(r"(\d+) matching sentences", first)[1])
    assert total > 20 and first.count('class="hit-text"') == 10 and "1–10 shown" in first
    assert 'href="/search?q=the&amp;page=2"' in first and "Better matches" not in first
    last_page = -(-total // 10)
    last = client.get("/search", params={"q": "the", "page": last_page}).text
    assert last.count('class="hit-text"') == total - 10 * (last_page - 1) and f'start="{10 * (last_page - 1) + 1}"' in last
    assert "More matches" not in last and f"page={last_page - 1}" in last
    shown = [hit for k in range(1, last_page + 1)
             for hit in re.findall(r'/documents/(\w+)\?at=(\d+-\d+)', client.get("/search", params={"q": "the", "page": k}).text)]
    assert len(shown) == len(set(shown)) == total  # every hit once across the pages, none twice


def test_search_sees_a_document_this_server_just_stored(client, lib):
    assert client.get("/api/search", params={"q": "Atlantic"}).json() == []  # cached: no hit yet
    assert "0 matching sentences" in client.get("/search", params={"q": "Atlantic"}).text
    files = {"file": (NATO.name, NATO.read_bytes(), "text/plain")}
    assert client.post("/api/documents", files=files).status_code == 201
    assert client.get("/api/search", params={"q": "Atlantic"}).json()  # not the cached empty answer
    page = client.get("/search", params={"q": "Atlantic"}).text
    assert "0 matching sentences" not in page and "<mark>Atlantic</mark>" in page


def test_an_upload_is_stored_from_rows_its_analysis_job_built(client, lib, monkeypatch):
    """The analysis job (a worker process under `pactlens serve`) builds the rows; the server
    only inserts them, so it never serialises an analysis while readers wait."""
    from pactlens.store.library import Library

    def no_add(*args, **kwargs):
        raise AssertionError("the server built the rows itself")

    monkeypatch.setattr(Library, "add", no_add)
    files = {"file": (NATO.name, NATO.read_bytes(), "text/plain")}
    made = client.post("/api/documents", files=files)
    assert made.status_code == 201 and made.json()["title"].lower() == "north atlantic treaty" and made.json()["agreements"] >= 1
    assert client.post("/api/documents", files=files).json() == {**made.json(), "stored": False}
    assert lib.search("armed attack")[0].document_id == made.json()["id"]


def test_a_write_by_another_process_shows_after_the_recheck_interval(client, lib, tmp_path):
    from pactlens.store import open_library

    client.app.state.pages.recheck = 0.2
    assert client.get("/api/search", params={"q": "Atlantic"}).json() == []
    other = open_library(str(lib.url.database))  # a second connection, as `pactlens add` would open
    try:
        other.add(nato())
    finally:
        other.close()
    import time

    time.sleep(0.25)
    assert client.get("/api/search", params={"q": "Atlantic"}).json()


def test_a_document_page_is_not_rendered_again_when_another_document_arrives(client, ids, monkeypatch):
    from pactlens.web import pages

    renders = []
    real = pages.render_document
    monkeypatch.setattr(pages, "render_document", lambda *a: renders.append(a[1]) or real(*a))
    client.app.state.pages.recheck = 0  # ask the library each time: only the stamp decides
    assert client.get(f"/documents/{ids['nato']}").status_code == 200
    files = {"file": (ANZ.name, ANZ.read_bytes() + b"\n\nanother copy\n", "text/plain")}
    assert client.post("/api/documents", files=files).status_code == 201
    assert client.get(f"/documents/{ids['nato']}").status_code == 200
    assert renders == [ids["nato"]]


def test_pages_and_search_answers_come_compressed_to_clients_that_accept_gzip(client, ids):
    for url in (f"/documents/{ids['nato']}", "/search?q=attack", "/api/search?q=attack"):
        r = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200 and r.headers["content-encoding"] == "gzip" and "attack" in r.text
        assert r.headers["vary"] == "Accept-Encoding"
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers and plain.text == r.text
    refused = client.get("/search?q=attack", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in refused.headers


@pytest.mark.parametrize("header,expected", [("gzip", True), ("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.8", True),
                                             ("*", True), ("gzip;q=0", False), ("identity", False), ("", False),
                                             ("gzip;q=nonsense", False)])
def test_accept_encoding_is_read_as_http_says(header, expected):
    from starlette.requests import Request

    from pactlens.web.bodies import accepts_gzip

    request = Request({"type": "http", "headers": [(b"accept-encoding", header.encode())]})
    assert accepts_gzip(request) is expected


def _later_anz_without_obligations():
    from pactlens.model import Obligation

    a = anz()
    a.obligations = [Obligation(agreement=o.agreement, type=o.type, present=False, articles=[], confidence=o.confidence)
                     for o in a.obligations]  # the same parties, no promise: a "none" link
    a.document.sha256 = "f" * 64
    a.document.id = "f" * 16
    a.agreements[0].title = "A later agreement of the same two states"
    a.agreements[0].signed.date = "1990-01-01"
    return a


def test_network_filters_by_obligation_and_year(client, ids, lib):
    lib.add(_later_anz_without_obligations())
    every = client.get("/network").text
    only = client.get("/network", params={"obligations": "true"}).text
    assert 'class="link none"' in every and 'class="link none"' not in only
    assert 'class="link defence"' in only and "Show every agreement" in only
    defence = client.get("/network", params={"obligation": "defence"}).text
    assert 'class="link defence"' in defence and 'class="link consultation"' not in defence
    late = client.get("/network", params={"from": "1980", "to": "2000"}).text
    assert "A later agreement of the same two states" in late and "North Atlantic Treaty</a>" not in late
    assert client.get("/network", params={"obligation": "bogus"}).status_code == 422


def _association_with_a_bloc():
    """An agreement of a bloc and a state, with the bloc's members added through it (as the
    pipeline codes the EEC's association agreements in GGO)."""
    from pactlens.model import Party

    a = anz()
    a.document.sha256 = "e" * 64
    a.document.id = "e" * 16
    ag = a.agreements[0]
    ag.title = "Association agreement of the EEC and Greece"
    ag.parties = [Party(name="European Economic Community"), Party(name="Greece", iso3="GRC"),
                  *(Party(name=n, iso3=c, via="European Economic Community") for n, c in (("France", "FRA"),
                                                                                         ("Italy", "ITA")))]
    return a


def test_the_network_filters_by_an_organisation_party_to_the_agreements(client, ids, lib):
    from pactlens.web import network

    a = _association_with_a_bloc()
    lib.add(a)
    [(key, name)] = network.organisations(a.agreements[0].parties).items()
    assert key.startswith("bloc:")  # the bloc named and the bloc its members came through: one organisation
    every = client.get("/network").text
    assert f'<option value="{key}"' in every and "North Atlantic Treaty</a>" in every
    only = client.get("/network", params={"org": key}).text
    assert "Association agreement of the EEC and Greece</a>" in only and "North Atlantic Treaty</a>" not in only
    assert f'<option value="{key}" selected' in only and "Show every agreement" in only
    assert "Association agreement" in client.get("/network.svg", params={"org": key}).text
    assert "No agreement" in client.get("/network", params={"org": "bloc:nobody"}).text


def test_a_multilateral_treaty_is_one_hub_and_the_picture_exports_as_shown(client, ids):
    page = client.get("/network").text
    # NATO's seven parties: seven links to one hub, not 21 pairwise links
    assert page.count("North Atlantic Treaty — strongest obligation") == 7 and "<rect" in page
    assert re.search(r"<td><a href=\"/documents/\w+\">North Atlantic Treaty</a></td>", page)  # the table view
    svg_file = client.get("/network.svg")
    assert svg_file.headers["content-type"].startswith("image/svg+xml")
    assert svg_file.text.startswith("<svg") and "<style>" in svg_file.text
    assert svg_file.text == re.search(r"<svg class=\"network\".*?</svg>", page, re.S)[0]


def test_a_page_the_browser_already_has_is_answered_with_304(client, ids):
    url = f"/documents/{ids['nato']}"
    first = client.get(url)
    etag = first.headers["etag"]
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200
    assert client.get("/search?q=attack", headers={"If-None-Match": etag}).status_code == 200  # another body


def test_no_page_or_api_answer_shows_the_servers_folders(client, lib):
    """A document added by the CLI keeps its path in the store (for the CLI); the web shows its file name."""
    a = nato()
    a.document.source = "/srv/private/corpus/north-atlantic-1949.txt"
    doc_id, _ = lib.add(a)
    for url in ("/", f"/documents/{doc_id}", "/search?q=armed+attack", "/api/documents", f"/api/documents/{doc_id}",
                "/api/search?q=armed+attack"):
        r = client.get(url)
        assert r.status_code == 200 and "/srv/private" not in r.text, url
    assert "north-atlantic-1949.txt" in client.get("/").text


def test_the_compare_picker_tells_documents_of_one_name_apart(client, lib):
    first, second = nato(), nato()
    second.document.text += "\n"  # another file of the same treaty
    second.document.sha256 = "f" * 64
    second.document.id = "f" * 16
    second.agreements[0].signed.date = "1949-04-05"
    ids = [lib.add(first)[0], lib.add(second)[0]]
    page = client.get("/compare").text
    rows = re.findall(r'<tr><td><input type="checkbox" name="pick" value="(\w+)".*?</tr>', page, re.S)
    assert sorted(rows) == sorted(ids)
    assert "1949-04-04" in page and "1949-04-05" in page and "Belgium, Canada, France" in page
    table = client.get(f"/compare?ids={ids[0]},{ids[1]}").text
    assert table.count('<th scope="row">') > 5 and 'class="corner"' in table


@pytest.mark.parametrize("kind,role,title,heading", [
    ("treaty", "primary", None, "North Atlantic Treaty"),
    ("brief", "subject", None, "Brief on the North Atlantic Treaty"),
    ("brief", "related", None, "north-atlantic-1949.txt"),
    ("brief", "subject", "NATO at seventy-five", "NATO at seventy-five"),
])
def test_a_document_is_headed_by_a_name_a_reader_knows(client, lib, kind, role, title, heading):
    a = nato()
    a.document.kind, a.document.title, a.agreements[0].role = kind, title, role
    doc_id, _ = lib.add(a)
    assert f"<h1>{heading}</h1>" in client.get(f"/documents/{doc_id}").text


def test_a_long_agreement_title_does_not_widen_the_compare_table(client, lib):
    """A title the reader took a whole sentence for (seen on Lomé IV's protocols) is cut in the
    header and kept whole in its tooltip."""
    a = nato()
    a.agreements[0].title = "Protocol 3 on privileges and immunities " + "the contracting parties desiring " * 6
    ids = [lib.add(a)[0], lib.add(anz())[0]]
    page = client.get(f"/compare?ids={ids[0]},{ids[1]}").text
    head = re.search(r'<th><a href="/documents/\w+" title="(Protocol 3[^"]*)">([^<]*)</a>', page)
    assert head and len(head[2]) <= 90 < len(head[1])
