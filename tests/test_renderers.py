"""One registry of renderers: the CLI, export and the API write a format the same way.

The analyses are the hand-built records of the web tests (real excerpts),
so these tests check where bytes go, not what the extractors find.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from pactlens.compare import agreements_of
from pactlens.errors import PactlensError
from pactlens.export import export
from pactlens.report.registry import RENDERERS, formats, renderer
from pactlens.web import create_app
from test_web_support import anz, lib, nato  # noqa: F401 (lib: fixture)


def _render(name: str, analyses, **options) -> str:
    r = renderer(name, "analyses", "agreements")
    out = io.StringIO()
    r.write(analyses if r.reads == "analyses" else [sa for a in analyses for sa in agreements_of(a)], out, **options)
    return out.getvalue()


@pytest.mark.parametrize("r", RENDERERS, ids=lambda r: f"{r.reads}-{r.name}")
def test_every_renderer_is_importable_and_callable(r):
    assert callable(r.load())


def test_every_command_offers_the_registrys_formats():
    assert formats("analyses", "agreements") == ["text", "json", "md", "jsonl", "csv", "atop", "graphml"]
    assert formats("check") == ["text", "json", "md"]


def test_an_unknown_format_is_one_line_naming_the_choices():
    with pytest.raises(PactlensError, match=r"unknown format 'xml': use one of text, json, md"):
        renderer("xml", "check")


def test_options_a_renderer_does_not_take_are_not_passed_to_it():
    a = nato()
    assert _render("md", [a], width=80, single=True) == _render("md", [a])


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "atop", "graphml", "md"])
def test_export_writes_what_the_renderer_writes_for_the_same_analyses(lib, fmt):  # noqa: F811
    lib.add(nato())
    out = io.StringIO()
    export(lib, fmt, out)
    assert out.getvalue() == _render(fmt, [lib.get(i) for i in lib.ids()])


def test_export_json_streams_one_compact_analysis_per_line(lib):  # noqa: F811
    lib.add(nato())
    lib.add(anz())
    out = io.StringIO()
    export(lib, "json", out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert [json.loads(x.rstrip(","))["schema"] for x in lines[1:3]] == ["pactlens.analysis/1"] * 2


def test_the_api_sends_a_document_in_any_format(lib):  # noqa: F811
    doc_id, _ = lib.add(nato())
    client = TestClient(create_app(library=lib))
    a = lib.get(doc_id)
    md = client.get(f"/api/documents/{doc_id}/export", params={"format": "md"})
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert md.text == _render("md", [a])
    assert client.get(f"/api/documents/{doc_id}/export").json() == a.to_json_dict()
    csv = client.get(f"/api/documents/{doc_id}/export", params={"format": "csv"})
    assert csv.text.splitlines()[0].startswith("document_id,document_title,agreement_id")
    graph = ET.fromstring(client.get(f"/api/documents/{doc_id}/export", params={"format": "graphml"}).content)
    assert graph.tag.endswith("graphml")
    assert client.get(f"/api/documents/{doc_id}/export", params={"format": "xml"}).status_code == 422
    assert client.get("/api/documents/nope/export").status_code == 404
