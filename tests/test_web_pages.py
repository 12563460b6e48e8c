"""Server-rendered pages: content, escaping, forms and their guards."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from pactlens.web import create_app
from test_web_support import NATO, anz, nato, lib  # noqa: F401 (lib: fixture)

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


def test_search_hit_opens_the_document_at_the_match(client, ids):
    page = client.get("/search", params={"q": "armed attack"}).text
    link = re.search(r'href="(/documents/\w+\?at=(\d+)-(\d+))"', page)
    assert link and "<mark>armed</mark>" in page
    doc = client.get(link[1]).text
    assert 'data-initial="match-1"' in doc and "match-1" in re.search(r'<mark data-r="[^"]*match-1[^"]*"', doc)[0]


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
    assert page.count('class="link defence"') == 21  # 7 NATO parties: every pair
    assert page.count('class="link consultation"') == 1
    assert ">AUS</text>" in page and ">USA</text>" in page


def test_cached_page_is_forgotten_after_a_delete(client, ids):
    assert client.get(f"/documents/{ids['anz']}").status_code == 200  # rendered and cached
    assert client.get(f"/documents/{ids['anz']}").status_code == 200  # served from the cache
    assert client.delete(f"/api/documents/{ids['anz']}").status_code == 204
    assert client.get(f"/documents/{ids['anz']}", headers=HTML).status_code == 404


def test_page_cache_expires_and_evicts():
    from pactlens.web.cache import PageCache

    cache = PageCache(ttl=60, maxsize=2)
    cache.put("a", "A"), cache.put("b", "B"), cache.get("a"), cache.put("c", "C")
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == ("A", None, "C")  # least recently used went
    stale = PageCache(ttl=-1)
    stale.put("a", "A")
    assert stale.get("a") is None
