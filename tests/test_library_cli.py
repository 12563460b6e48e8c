"""The library commands end to end: ``pactlens ... --db <temp SQLite file>``, run in-process."""

from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx
import pytest
from cli_support import CliResult, run_cli
from store_support import FTA, NATO, brief_analysis, nato_analysis

from pactlens.store import open_library


def pactlens(*args: str, db) -> CliResult:
    return run_cli(*args, "--db", str(db), env={"PACTLENS_DB": None, "PACTLENS_DEBUG": None})


def ok_json(*args: str, db):
    out = pactlens(*args, "--format", "json", db=db)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


_PROGRESS = re.compile(r"pactlens: \d+/\d+ files, ")


def one_line_error(out: CliResult) -> str:
    assert out.returncode == 2, (out.stdout, out.stderr)
    # A slow machine may print periodic progress lines of a batch (every 5 s); they are not errors.
    lines = [ln for ln in out.stderr.strip().splitlines() if not _PROGRESS.match(ln)]
    assert len(lines) == 1 and lines[0].startswith("pactlens: error:") and "Traceback" not in out.stderr
    return lines[0]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "library.db"


def test_add_list_show_search_export(db):
    added = ok_json("add", str(NATO), str(FTA), "--jobs", "1", db=db)
    assert len(added["stored"]) == 2 and added["failed"] == []
    again = ok_json("add", str(NATO), str(FTA), "--jobs", "1", db=db)
    assert again["stored"] == [] and len(again["skipped"]) == 2
    assert len(ok_json("add", str(NATO), "--reanalyse", "--jobs", "1", db=db)["stored"]) == 1

    listed = ok_json("list", db=db)
    assert {d["id"] for d in listed} == set(added["stored"])
    nato_id = next(d["id"] for d in listed if d["source"] == str(NATO))
    assert nato_id in pactlens("list", db=db).stdout

    shown = ok_json("show", nato_id[:8], db=db)  # a unique prefix is enough
    assert shown["schema"] == "pactlens.analysis/1" and shown["document"]["id"] == nato_id
    assert pactlens("show", nato_id, db=db).returncode == 0

    hits = ok_json("search", "armed attack", db=db)
    assert hits and hits[0]["document_id"] == nato_id
    assert all(h["text"] == shown["document"]["text"][h["start"]:h["end"]] for h in hits)
    text_out = pactlens("search", '"AND (', db=db)
    assert text_out.returncode == 0 and "Traceback" not in text_out.stderr

    exported = json.loads(pactlens("export", "--format", "json", db=db).stdout)
    assert sorted(a["document"]["id"] for a in exported) == sorted(added["stored"])
    lines = pactlens("export", "--format", "jsonl", db=db).stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["schema"] == "pactlens.analysis/1" for x in lines)


def _seed(db, *analyses) -> list[str]:
    with open_library(str(db)) as lib:
        return [lib.add(a)[0] for a in analyses]


def test_compare_reads_the_stored_rows_not_whole_analyses(db, monkeypatch):
    """Like the web's compare: a whole analysis (a long treaty's text and every clause) is never
    loaded; the table is the same as from the analyses themselves."""
    from pactlens.compare import compare
    from pactlens.store.library import Library

    nato_id, brief_id = _seed(db, nato_analysis(), brief_analysis())
    expected = compare([nato_analysis(), brief_analysis()]).model_dump(mode="json")

    def no_get(*args, **kwargs):
        raise AssertionError("compare loaded a whole analysis")

    monkeypatch.setattr(Library, "get", no_get)
    assert ok_json("compare", nato_id, brief_id, db=db) == expected


def test_compare_and_agreement_exports(db, tmp_path):
    nato_id, brief_id = _seed(db, nato_analysis(), brief_analysis())
    result = ok_json("compare", nato_id, brief_id, db=db)
    defense = next(r for r in result["rows"] if r["label"] == "defense")
    assert defense["values"] == ["yes (Art. 5)", "no"]
    table = pactlens("compare", nato_id, brief_id, db=db)
    assert table.returncode == 0 and "North Atlantic Treaty" in table.stdout and "yes (Art. 5)" in table.stdout

    rows = list(csv.DictReader(io.StringIO(pactlens("export", "--format", "csv", db=db).stdout)))
    assert {r["title"]: r["defense"] for r in rows} == {"North Atlantic Treaty": "yes",
                                                         "Comprehensive Strategic Partnership Treaty": "no"}
    assert next(r for r in rows if r["title"] == "North Atlantic Treaty")["binding_domains"] == "defence; security"

    atop = list(csv.DictReader(io.StringIO(pactlens("export", "--format", "atop", db=db).stdout)))
    assert {r["title"]: (r["defense"], r["consul"]) for r in atop} == {
        "North Atlantic Treaty": ("1", "1"), "Comprehensive Strategic Partnership Treaty": ("0", "")}
    assert next(r for r in atop if r["defense"] == "1")["defense_articles"] == "5"

    out = tmp_path / "net.graphml"
    assert pactlens("export", "--format", "graphml", "--out", str(out), db=db).returncode == 0
    g = nx.read_graphml(out)
    assert g.number_of_nodes() == 14 and g.edges["IRN", "RUS"]["strongest"] == "none"


def test_reanalyse_updates_documents_of_an_older_pipeline(db):
    (doc_id,) = _seed(db, nato_analysis(pipeline="an-older-pipeline"))
    report = ok_json("reanalyse", db=db)
    assert report == {"updated": [doc_id], "failed": []}
    with open_library(str(db)) as lib:
        fresh = lib.get(doc_id)
        # the pipeline of the process that re-ran it (this test's own hash may differ while the tree is edited)
        assert fresh.generator.pipeline != "an-older-pipeline" and lib.stale(fresh.generator.pipeline) == []
        assert fresh.document.sha256 == nato_analysis().document.sha256 and lib.count() == 1


def test_a_file_that_fails_is_reported_and_the_rest_stored(db, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = pactlens("add", str(empty), str(NATO), "--jobs", "1", db=db)
    assert "empty.txt" in one_line_error(out)
    with open_library(str(db)) as lib:
        assert lib.count() == 1 and [f.source for f in lib.failures()] == [str(empty)]


def test_delete_and_unknown_ids(db):
    (doc_id,) = _seed(db, nato_analysis())
    assert "no document" in one_line_error(pactlens("show", "ffffffff", db=db))
    assert "no document" in one_line_error(pactlens("compare", "ffffffff", doc_id, db=db))
    assert ok_json("delete", doc_id, db=db) == {"deleted": [doc_id]}
    assert ok_json("list", db=db) == []


def test_bad_libraries_are_one_line_errors_and_left_untouched(tmp_path):
    assert "unsupported database" in one_line_error(pactlens("list", db="mysql://x/y"))
    assert "does not exist" in one_line_error(pactlens("list", db=tmp_path / "no" / "such.db"))
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100)
    before = notes.read_bytes()
    assert "not a database" in one_line_error(pactlens("add", str(NATO), db=notes))
    assert notes.read_bytes() == before
