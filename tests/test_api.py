"""The JSON API through FastAPI's test client: every endpoint and its error paths."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pactlens.web import create_app
from test_web_support import NATO, anz, nato, lib  # noqa: F401 (lib: fixture)

PROBLEM = "application/problem+json"


@pytest.fixture()
def client(lib):
    return TestClient(create_app(library=lib, max_upload_bytes=200_000))


@pytest.fixture()
def seeded(lib, client):
    ids = {"nato": lib.add(nato())[0], "anz": lib.add(anz())[0]}
    return client, ids


def assert_problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["status"] == status and body["title"] and "Traceback" not in r.text
    return body


def test_upload_stores_and_returns_201_then_200_for_the_same_file(client):
    data = NATO.read_bytes()
    r = client.post("/api/documents", files={"file": ("nato.txt", data, "text/plain")})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] is True and body["url"] == f"/documents/{body['id']}"
    assert r.headers["location"] == f"/api/documents/{body['id']}"
    again = client.post("/api/documents", files={"file": ("nato.txt", data, "text/plain")})
    assert again.status_code == 200 and again.json() == {**body, "stored": False}
    replaced = client.post("/api/documents?replace=true", files={"file": ("nato.txt", data, "text/plain")})
    assert replaced.status_code == 201


def test_get_document_is_the_analysis_object(seeded):
    client, ids = seeded
    r = client.get(f"/api/documents/{ids['nato']}")
    assert r.status_code == 200
    a = r.json()
    assert a["schema"] == "pactlens.analysis/1"
    assert a["document"]["id"] == ids["nato"]
    assert [o["type"] for o in a["obligations"]] == ["defense", "consultation", "offense"]


def test_list_documents_and_paging(seeded):
    client, ids = seeded
    rows = client.get("/api/documents").json()
    assert {r["id"] for r in rows} == set(ids.values())
    assert {tuple(r["agreements"]) for r in rows} == {("North Atlantic Treaty",),
                                                      ("Agreement between Australia and New Zealand",)}
    assert len(client.get("/api/documents?limit=1").json()) == 1
    assert client.get("/api/documents?offset=5").json() == []
    assert_problem(client.get("/api/documents?limit=0"), 422)
    assert_problem(client.get("/api/documents?limit=abc"), 422)


def test_search_returns_located_sentences(seeded):
    client, ids = seeded
    hits = client.get("/api/search", params={"q": "armed attack"}).json()
    assert hits and all(h["document_id"] == ids["nato"] for h in hits)
    text = client.get(f"/api/documents/{ids['nato']}").json()["document"]["text"]
    assert all(text[h["start"]:h["end"]] == h["text"] for h in hits)
    assert client.get("/api/search", params={"q": "zzzqqq"}).json() == []
    assert_problem(client.get("/api/search"), 422)
    assert_problem(client.get("/api/search", params={"q": "   "}), 422)
    for odd in ('"', "AND", "*", "')--", "NEAR(", "a OR"):
        assert client.get("/api/search", params={"q": odd}).status_code in (200, 422)


def test_compare_two_documents(seeded):
    client, ids = seeded
    r = client.get("/api/compare", params={"ids": f"{ids['nato']},{ids['anz']}"})
    assert r.status_code == 200
    body = r.json()
    assert [c["title"] for c in body["agreements"]] == ["North Atlantic Treaty",
                                                         "Agreement between Australia and New Zealand"]
    defense = next(row for row in body["rows"] if row["label"] == "defense")
    assert defense["values"][0].startswith("yes") and defense["values"][1] == "not stated"


@pytest.mark.parametrize("ids", ["", "one", "a,a", ",".join(f"x{i}" for i in range(20))])
def test_compare_needs_two_to_twelve_ids(seeded, ids):
    client, _ = seeded
    assert_problem(client.get("/api/compare", params={"ids": ids}), 422)


def test_compare_unknown_id_is_404(seeded):
    client, ids = seeded
    assert_problem(client.get("/api/compare", params={"ids": f"{ids['nato']},nope"}), 404)


def test_delete_then_gone(seeded):
    client, ids = seeded
    assert client.delete(f"/api/documents/{ids['anz']}").status_code == 204
    assert_problem(client.get(f"/api/documents/{ids['anz']}"), 404)
    assert_problem(client.delete(f"/api/documents/{ids['anz']}"), 404)


def test_unknown_document_and_route_are_problems(client):
    assert assert_problem(client.get("/api/documents/0123456789abcdef"), 404)["detail"]
    assert_problem(client.get("/api/documents/" + "x" * 300), 404)
    assert_problem(client.get("/api/nothing-here"), 404)
    assert_problem(client.put("/api/documents"), 405)


def test_upload_too_large_is_413(client):
    big = b"The Parties shall consult. " * 10_000
    assert_problem(client.post("/api/documents", files={"file": ("big.txt", big, "text/plain")}), 413)


@pytest.mark.parametrize("name,data", [
    ("tool.exe", b"MZ\x90\x00"),
    ("noext", b"plain words"),
    ("fake.pdf", b"The Parties shall consult."),
    ("fake.docx", b"The Parties shall consult."),
    ("renamed.txt", b"%PDF-1.7\n1 0 obj"),
    ("binary.md", b"abc\x00\x01\x02def"),
])
def test_upload_wrong_type_is_415(client, name, data):
    assert_problem(client.post("/api/documents", files={"file": (name, data, "application/octet-stream")}), 415)


def test_upload_empty_or_missing_file_is_422(client):
    assert_problem(client.post("/api/documents", files={"file": ("empty.txt", b"  \n", "text/plain")}), 422)
    assert_problem(client.post("/api/documents", data={"x": "1"}), 422)


def test_upload_path_in_file_name_is_dropped(client):
    r = client.post("/api/documents", files={"file": ("../../etc/nato.txt", NATO.read_bytes(), "text/plain")})
    assert r.status_code == 201
    source = client.get(f"/api/documents/{r.json()['id']}").json()["document"]["source"]
    assert source == "nato.txt"


def test_token_guards_every_write_but_not_reads(lib):
    client = TestClient(create_app(library=lib, token="s3cret"))
    doc_id = lib.add(nato())[0]
    files = {"file": ("nato2.txt", NATO.read_bytes() + b"\n", "text/plain")}
    r = client.post("/api/documents", files=files)
    assert_problem(r, 401)
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert_problem(client.post("/api/documents", files=files, headers={"Authorization": "Bearer wrong"}), 401)
    assert_problem(client.delete(f"/api/documents/{doc_id}"), 401)
    assert client.get(f"/api/documents/{doc_id}").status_code == 200
    ok = {"Authorization": "Bearer s3cret"}
    assert client.post("/api/documents", files=files, headers=ok).status_code == 201
    assert client.delete(f"/api/documents/{doc_id}", headers=ok).status_code == 204


def test_security_headers_on_every_response(seeded):
    client, ids = seeded
    for url in ("/", f"/documents/{ids['nato']}", "/api/documents", "/api/documents/nope"):
        h = client.get(url).headers
        assert "script-src 'self'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"


def test_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert set(paths) == {"/api/documents", "/api/documents/{doc_id}", "/api/documents/{doc_id}/export",
                          "/api/search", "/api/compare"}
    assert set(paths["/api/documents"]) == {"get", "post"}
    assert set(paths["/api/documents/{doc_id}"]) == {"get", "delete"}
    assert "413" in paths["/api/documents"]["post"]["responses"]


def test_docs_page_is_served_locally(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    asset = client.get("/swagger-ui/swagger-ui-bundle.js")
    assert asset.status_code == 200 and "SwaggerUIBundle" in asset.text[:5_000_000]
