"""Refusals before the body: oversize uploads, foreign Host, cross-origin and unauthenticated writes; HEAD, 405 Allow,
the bearer scheme in OpenAPI, the short-token refusal of ``pactlens serve`` and hostile files through the upload API.

The "before the body" claims are checked on the raw ASGI app with a receive that
counts what the server took in: a 400 MB body must be refused having read (and
spooled) nothing, or at most the limit plus one chunk when its length is unknown.
"""

from __future__ import annotations

import anyio
import pytest
from fastapi.testclient import TestClient

from cli_support import run_cli
from hostile_support import docx_bomb, pdf_page_tree
from pactlens.web import create_app
from pactlens.web.guard import FRAMING, allowed_hosts, host_name
from test_api import assert_problem
from test_web_support import NATO, lib  # noqa: F401 (lib: fixture)

LIMIT = 200_000
CHUNK = 64 * 1024
TOKEN = "a-token-of-24-characters"


def _send_raw(app, headers: dict[str, str], total: int, method: str = "POST", path: str = "/api/documents"):
    """Stream ``total`` bytes of body at the app in CHUNKs; (status, response headers, body bytes the app took)."""
    taken = 0
    answer: dict = {}

    async def receive():
        nonlocal taken
        if taken >= total:
            return {"type": "http.disconnect"}
        n = min(CHUNK, total - taken)
        chunk = (PART_HEAD + b"x" * n)[:n] if taken == 0 else b"x" * n  # one valid file part that never ends
        taken += n
        return {"type": "http.request", "body": chunk, "more_body": taken < total}

    async def send(message):
        if message["type"] == "http.response.start":
            answer.setdefault("status", message["status"])
            answer.setdefault("headers", {k.decode().lower(): v.decode() for k, v in message["headers"]})

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in {"host": "127.0.0.1:8000", **headers}.items()],
             "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000)}
    anyio.run(app, scope, receive, send)
    return answer["status"], answer["headers"], taken


MULTIPART = {"content-type": "multipart/form-data; boundary=b"}
PART_HEAD = b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'


def test_oversize_by_content_length_is_413_before_any_byte_is_read(lib):
    app = create_app(library=lib, max_upload_bytes=LIMIT)
    status, headers, taken = _send_raw(app, {**MULTIPART, "content-length": str(400 * 1024 * 1024)}, 400 * 1024 * 1024)
    assert (status, taken) == (413, 0)
    assert headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("length", [None, "1000"], ids=["no-length", "lying-length"])
def test_oversize_stream_is_cut_at_the_limit(lib, length):
    app = create_app(library=lib, max_upload_bytes=LIMIT)
    headers = MULTIPART if length is None else {**MULTIPART, "content-length": length}
    status, _, taken = _send_raw(app, headers, 400 * 1024 * 1024)
    assert status == 413
    assert taken <= LIMIT + FRAMING + CHUNK


def test_size_and_token_are_checked_before_the_body(lib):
    app = create_app(library=lib, token=TOKEN, max_upload_bytes=LIMIT)
    big = str(296 * 1024 * 1024)
    assert _send_raw(app, {**MULTIPART, "content-length": big}, 296 * 1024 * 1024)[::2] == (413, 0)
    status, headers, taken = _send_raw(app, MULTIPART, 296 * 1024 * 1024)  # within no stated limit: 401 unread
    assert (status, taken) == (401, 0) and headers["www-authenticate"].startswith("Bearer")


def test_streamed_oversize_through_the_test_client_is_a_problem(lib):
    client = TestClient(create_app(library=lib, max_upload_bytes=LIMIT))

    def chunks():
        for _ in range(10):
            yield b"-" * 100_000

    assert_problem(client.post("/api/documents", content=chunks(), headers=MULTIPART), 413)
    assert not client.get("/api/documents").json()


def test_no_token_api_write_from_another_origin_is_403(lib):
    client = TestClient(create_app(library=lib))
    files = {"file": ("nato.txt", NATO.read_bytes(), "text/plain")}
    for origin in ("https://evil.example", "null", "http://127.0.0.1.evil.example"):
        assert_problem(client.post("/api/documents", files=files, headers={"Origin": origin}), 403)
    assert_problem(client.delete("/api/documents/0123456789abcdef", headers={"Origin": "https://evil.example"}), 403)
    assert not client.get("/api/documents").json()
    # the server's own page, and a client that sends no Origin (curl), may write (here: reach the 404)
    gone = "/api/documents/0123456789abcdef"
    assert_problem(client.delete(gone, headers={"Origin": "http://testserver"}), 404)
    assert_problem(client.delete(gone), 404)


def test_foreign_host_is_refused_and_own_names_are_served(lib):
    app = create_app(library=lib, allowed_hosts=sorted(allowed_hosts("127.0.0.1", ["docs.internal"])))
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST.", "docs.internal"):
        assert TestClient(app, base_url=f"http://{host}").get("/api/documents").status_code == 200, host
    for host in ("rebind.evil.example", "testserver", "127.0.0.2"):
        r = TestClient(app, base_url=f"http://{host}").get("/api/documents")
        assert_problem(r, 421)


def test_allowed_hosts_from_the_bound_address():
    assert allowed_hosts("0.0.0.0") == {"localhost", "127.0.0.1", "::1"}  # a wildcard is no name
    assert "192.0.2.7" in allowed_hosts("192.0.2.7", ["a.example,b.example"])
    assert {"a.example", "b.example"} <= allowed_hosts("::", ["a.example,b.example"])
    assert allowed_hosts("127.0.0.1", ["*"]) is None
    assert [host_name(h) for h in ("[::1]:80", "Example.ORG.:8000", "::1")] == ["::1", "example.org", "::1"]


def test_head_works_wherever_get_does(lib):
    client = TestClient(create_app(library=lib))
    for url in ("/", "/api/documents", "/openapi.json", "/docs"):
        get, head = client.get(url), client.head(url)
        assert head.status_code == get.status_code == 200, url
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]


def test_405_names_the_allowed_methods(lib):
    client = TestClient(create_app(library=lib))
    r = client.put("/api/documents")
    assert_problem(r, 405)
    assert set(r.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}
    r = client.patch("/api/documents/0123456789abcdef")
    assert set(r.headers["allow"].split(", ")) == {"GET", "HEAD", "DELETE"}


@pytest.mark.parametrize("token,security", [(TOKEN, [{"bearerToken": []}]), (None, [{"bearerToken": []}, {}])],
                         ids=["token: required", "no token: optional"])
def test_openapi_describes_the_bearer_scheme_on_writes(lib, token, security):
    spec = TestClient(create_app(library=lib, token=token)).get("/openapi.json").json()
    scheme = spec["components"]["securitySchemes"]["bearerToken"]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    paths = spec["paths"]
    assert paths["/api/documents"]["post"]["security"] == security
    assert paths["/api/documents/{doc_id}"]["delete"]["security"] == security
    assert "security" not in paths["/api/documents"]["get"]


def test_serve_refuses_a_short_token(tmp_path):
    r = run_cli("serve", "--db", tmp_path / "x.db", env={"PACTLENS_TOKEN": "fifteen-chars15"})
    assert r.returncode == 2
    assert "at least 16" in r.stderr and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("name,data,status,limit", [
    ("bomb.docx", docx_bomb(1024), 413, "part-bytes"),   # 1 GiB document part in ~1 MB
    ("tree.pdf", pdf_page_tree(), 413, "pages"),          # 22,500 pages in a few KB
])
def test_hostile_files_through_the_api_are_limit_problems(lib, name, data, status, limit):
    """The ingest limits (pactlens.limits) answer uploads too, naming the limit."""
    client = TestClient(create_app(library=lib, max_upload_bytes=20 * 1024 * 1024))
    r = client.post("/api/documents", files={"file": (name, data, "application/octet-stream")})
    body = assert_problem(r, status)
    assert limit in body["detail"] and not client.get("/api/documents").json()


def test_after_the_hostile_set_the_server_still_reads_and_takes_uploads(lib):
    """Zip-bomb DOCX, page-tree PDF, streamed oversize body, cross-origin write, foreign Host:
    each its own 4xx, one after another on one app, and then pages and a real upload work."""
    app = create_app(library=lib, max_upload_bytes=LIMIT * 10, allowed_hosts=["127.0.0.1", "localhost"])
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    post = client.post
    assert_problem(post("/api/documents", files={"file": ("bomb.docx", docx_bomb(1024), "application/zip")}), 413)
    assert_problem(post("/api/documents", files={"file": ("tree.pdf", pdf_page_tree(), "application/pdf")}), 413)
    assert_problem(post("/api/documents", content=(b"-" * 100_000 for _ in range(30)), headers=MULTIPART), 413)
    assert_problem(post("/api/documents", files={"file": ("n.txt", NATO.read_bytes(), "text/plain")},
                        headers={"Origin": "https://evil.example"}), 403)
    assert_problem(TestClient(app, base_url="http://rebind.evil.example").get("/api/documents"), 421)
    assert client.get("/").status_code == 200 and client.get("/api/documents").json() == []
    r = post("/api/documents", files={"file": ("nato.txt", NATO.read_bytes(), "text/plain")})
    assert r.status_code == 201 and client.get(r.json()["url"]).status_code == 200
