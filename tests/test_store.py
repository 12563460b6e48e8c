"""The library store, against SQLite and a real PostgreSQL server (same tests for both)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from store_support import FTA, NATO, brief_analysis, fresh_pg_database, fta_analysis, nato_analysis, pg_server  # noqa: F401

from pactlens.store import StoreError, open_library
from pactlens.store import library as library_module
from pactlens.store import schema
from pactlens.store.search import fts5_query

TABLES = ("documents", "sources", "agreements", "parties", "obligations", "provisions", "sentences")


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "library.db")
    url, drop = fresh_pg_database(request.getfixturevalue("pg_server"))
    request.addfinalizer(drop)
    return url


@pytest.fixture
def lib(db_url):
    library = open_library(db_url)
    yield library
    library.close()


def row_counts(lib) -> dict[str, int]:
    with lib.engine.connect() as conn:
        return {t: conn.execute(select(func.count()).select_from(schema.metadata.tables[t])).scalar_one()
                for t in TABLES}


def test_add_then_get_returns_the_same_analysis(lib):
    a = nato_analysis()
    assert lib.add(a) == (a.document.id, True)
    assert lib.get(a.document.id) == a
    assert lib.has(a.document.sha256) and lib.known_hashes() == {a.document.sha256}
    assert lib.get("0" * 16) is None
    counts = row_counts(lib)
    assert counts["agreements"] == 1 and counts["parties"] == 12 and counts["obligations"] == 2
    assert counts["provisions"] == 2 and counts["sentences"] > 5 and counts["sources"] == 1


def test_same_sha256_is_skipped_unless_replaced(lib):
    first = nato_analysis(pipeline="old")
    lib.add(first)
    assert lib.add(nato_analysis(pipeline="new")) == (first.document.id, False)
    assert lib.get(first.document.id).generator.pipeline == "old"
    assert lib.add(nato_analysis(pipeline="new"), replace=True) == (first.document.id, True)
    assert lib.get(first.document.id).generator.pipeline == "new"
    assert lib.count() == 1 and row_counts(lib)["parties"] == 12  # replaced, not added twice


def test_stamp_moves_when_a_document_is_stored_again_and_not_otherwise(lib):
    a = nato_analysis(pipeline="old")
    assert lib.stamp(a.document.id) is None
    lib.add(a)
    first = lib.stamp(a.document.id)
    assert first is not None
    lib.add(fta_analysis())
    assert lib.stamp(a.document.id) == first  # another document does not touch this one
    lib.add(nato_analysis(pipeline="new"), replace=True)
    assert lib.stamp(a.document.id) != first


def test_generation_moves_with_every_commit_by_any_connection(db_url):
    with open_library(db_url) as watcher, open_library(db_url) as writer:
        g0 = watcher.generation()
        assert watcher.generation() == g0  # reading changes nothing
        doc_id, _ = writer.add(nato_analysis())
        g1 = watcher.generation()
        assert g1 != g0
        watcher.add(fta_analysis())  # its own writes too
        g2 = watcher.generation()
        assert g2 != g1
        writer.delete(doc_id)
        assert watcher.generation() != g2


def test_stale_lists_documents_of_other_pipelines(lib):
    lib.add(nato_analysis(pipeline="old"))
    lib.add(fta_analysis(pipeline="new"))
    assert lib.stale("new") == [nato_analysis().document.id]
    assert set(lib.stale("other")) == {nato_analysis().document.id, fta_analysis().document.id}


def test_summaries_list_documents_with_agreement_titles(lib):
    lib.add(nato_analysis())
    lib.add(fta_analysis())
    docs = lib.summaries()
    assert {d.id for d in docs} == {nato_analysis().document.id, fta_analysis().document.id}
    nato = next(d for d in docs if d.title == "NORTH ATLANTIC TREATY")
    assert nato.agreements == ["North Atlantic Treaty"] and nato.kind == "treaty" and nato.pipeline == "p-test"
    assert nato.added_at.tzinfo is not None
    assert len(lib.summaries(limit=1)) == 1 and len(lib.summaries(limit=5, offset=1)) == 1


def test_search_returns_the_matching_sentence_as_a_span(lib):
    a = nato_analysis()
    lib.add(a)
    lib.add(fta_analysis())
    hits = lib.search("armed attack Europe")
    assert hits and hits[0].document_id == a.document.id
    assert all(h.text == a.document.text[h.start:h.end] for h in hits)
    assert "Europe or North America" in hits[0].text
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
    assert {h.document_id for h in lib.search("customs OR Atlantic")} == {a.document.id, fta_analysis().document.id}
    assert lib.search('"collective defence"')[0].document_id == a.document.id
    assert all("customs" not in h.text.lower() for h in lib.search("parties -customs"))
    assert lib.search("nothinglikethisword") == []


@pytest.mark.parametrize("query", ['"', "AND (", 'armed AND (', '"unclosed phrase', "NEAR(", "*", "-", "OR",
                                   "text:armed", "a'b", "'; DROP TABLE documents; --", "armed\x00attack", "^", "()",
                                   "-armed", "ÜBER über", "attack*"])
def test_odd_queries_never_crash(lib, query):
    lib.add(nato_analysis())
    hits = lib.search(query)
    assert isinstance(hits, list)
    assert lib.count() == 1


def test_fts5_query_escapes_everything_but_its_operators():
    assert fts5_query('armed "collective defence" OR treaty -customs att*') == \
        '"armed" AND "collective defence" OR "treaty" NOT "customs" AND "att" *'
    assert fts5_query('"') is None and fts5_query("AND (") == '"AND"' and fts5_query("-x") is None
    assert fts5_query("Russia–Iran") == '"Russia Iran"'
    assert fts5_query("war or peace") == '"war" OR "peace"'


def test_a_failure_in_the_middle_of_add_stores_nothing(lib, monkeypatch):
    real_insert = library_module._insert

    def crash_after_inserting(conn, rows):
        real_insert(conn, rows)  # every table written...
        raise RuntimeError("simulated crash")  # ...then the process dies before commit

    monkeypatch.setattr(library_module, "_insert", crash_after_inserting)
    with pytest.raises(RuntimeError):
        lib.add(nato_analysis())
    assert row_counts(lib) == dict.fromkeys(TABLES, 0)
    assert lib.search("armed attack") == [] and not lib.has(nato_analysis().document.sha256)
    monkeypatch.undo()
    assert lib.add(nato_analysis())[1]  # the library is still usable


def test_a_failed_replace_keeps_the_old_document(lib, monkeypatch):
    old = nato_analysis(pipeline="old")
    lib.add(old)
    before = row_counts(lib)

    def crash(conn, rows):
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(library_module, "_insert", crash)
    with pytest.raises(RuntimeError):
        lib.add(nato_analysis(pipeline="new"), replace=True)
    assert lib.get(old.document.id) == old and row_counts(lib) == before


def test_delete_removes_every_row_of_the_document(lib):
    a = nato_analysis()
    lib.add(a)
    lib.add(fta_analysis())
    assert lib.delete(a.document.id) and not lib.delete(a.document.id)
    assert lib.get(a.document.id) is None and lib.search("armed attack") == []
    counts = row_counts(lib)
    assert counts["documents"] == 1 and counts["parties"] == 2  # only the FTA's two parties are left


def test_agreements_carry_their_obligations_and_provisions(lib):
    lib.add(nato_analysis())
    lib.add(brief_analysis())
    found = {sa.agreement.title: sa for sa in lib.agreements()}
    nato = found["North Atlantic Treaty"]
    assert nato.document_kind == "treaty" and {o.type for o in nato.obligations} == {"defense", "consultation"}
    assert [p.article for p in nato.provisions] == ["5", "2"]
    brief = found["Comprehensive Strategic Partnership Treaty"]
    assert [(o.type, o.present) for o in brief.obligations] == [("defense", False)]
    only = lib.agreements([brief_analysis().document.id])
    assert [sa.agreement.title for sa in only] == ["Comprehensive Strategic Partnership Treaty"]


def test_source_bytes_are_kept_only_when_they_match_the_analysis(lib, tmp_path):
    a = nato_analysis()
    lib.add(a)
    assert lib.source(a.document.id) == (str(NATO), NATO.read_bytes())
    moved = fta_analysis()
    changed = tmp_path / "fta.txt"
    changed.write_text("another text")
    moved.document.source = str(changed)  # the file changed since it was analysed
    lib.add(moved)
    assert lib.source(moved.document.id) == (str(changed), None)
    assert lib.add(fta_analysis(), replace=True, source_bytes=FTA.read_bytes())[1]
    assert lib.source(moved.document.id)[1] == FTA.read_bytes()


def test_failures_are_recorded_and_cleared_by_a_later_success(lib):
    lib.record_failure(str(NATO), "NATO: the file is empty")
    lib.record_failure("x.pdf", "x.pdf: no text layer")
    assert [f.source for f in lib.failures()] == [str(NATO), "x.pdf"]
    lib.add(nato_analysis())
    assert [f.reason for f in lib.failures()] == ["x.pdf: no text layer"]


def test_reopening_keeps_data_and_schema_matches_the_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.config import Config

    with open_library(db_url) as lib:
        lib.add(nato_analysis())
    with open_library(db_url) as lib:
        assert lib.count() == 1
        with lib.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": _ours})
            assert compare_metadata(ctx, schema.metadata) == []
            assert ctx.get_current_revision() == schema.HEAD_REVISION
    cfg = Config()
    cfg.set_main_option("script_location", "pactlens.store:migrations")
    assert ScriptDirectory.from_config(cfg).get_current_head() == schema.HEAD_REVISION


def _ours(obj, name, type_, reflected, compare_to) -> bool:
    """Leave out what the models do not describe: the FTS5 tables and the tsvector column and index."""
    return not (str(name).startswith("sentences_fts") or name in {"tsv", "ix_sentences_tsv", "alembic_version"})


def test_sqlite_library_uses_wal_and_foreign_keys(tmp_path):
    with open_library(str(tmp_path / "l.db")) as lib, lib.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_two_writers_on_one_sqlite_file_both_succeed(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    path = str(tmp_path / "shared.db")
    open_library(path).close()
    libs = [open_library(path), open_library(path)]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda pair: pair[0].add(pair[1]), zip(libs, [nato_analysis(), fta_analysis()])))
    assert all(stored for _, stored in results) and libs[0].count() == 2
    for lib in libs:
        lib.close()


@pytest.mark.parametrize("url, message", [
    ("foo://x", "unsupported database"),
    ("sqlite://", "needs a file path"),
    ("/no/such/folder/lib.db", "does not exist"),
    ("postgresql://nobody@127.0.0.1:1/none", "connection"),
])
def test_bad_urls_are_one_line_errors(url, message):
    with pytest.raises(StoreError, match=message) as exc:
        open_library(url)
    assert "\n" not in str(exc.value)


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a database"):
        open_library(str(path))
    assert path.read_bytes() == before


def test_default_url_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PACTLENS_DB", str(tmp_path / "env.db"))
    with open_library() as lib:
        assert lib.url.database == str(tmp_path / "env.db")
    monkeypatch.delenv("PACTLENS_DB")
    monkeypatch.chdir(tmp_path)
    with open_library() as lib:
        lib.add(fta_analysis())
    assert (tmp_path / "pactlens.db").is_file()


def test_add_rows_stores_a_batch_in_one_go_and_each_document_once(lib):
    """A batch run's writer hands over many documents' rows at once: those stored already are
    skipped, the same bytes twice in one batch are stored once, the rest all land."""
    from pactlens.store.rows import build_rows

    lib.add(nato_analysis())
    batch = [build_rows(a, None) for a in (nato_analysis(), fta_analysis(), fta_analysis(), brief_analysis())]
    results = lib.add_rows(batch)
    assert [stored for _, stored in results] == [False, True, False, True]
    assert [doc_id for doc_id, _ in results] == [r.document["id"] for r in batch]
    assert lib.count() == 3 and lib.has(fta_analysis().document.sha256)
    assert row_counts(lib)["agreements"] == sum(len(a.agreements) for a in (nato_analysis(), fta_analysis(), brief_analysis()))


def test_a_batch_that_fails_midway_stores_none_of_its_documents(lib, monkeypatch):
    """The writer inserts a batch table by table: a crash on the last table (sentences), after
    both documents' other rows went in, must leave none of them."""
    from pactlens.store.rows import build_rows

    def crash(conn, table, values):
        assert conn.execute(library_module.select(library_module.func.count()).select_from(
            library_module.t.documents)).scalar() == 2  # both documents' rows are in by now
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(library_module, "_insert_plain", crash)
    with pytest.raises(RuntimeError):
        lib.add_rows([build_rows(nato_analysis(), None), build_rows(fta_analysis(), None)])
    assert row_counts(lib) == dict.fromkeys(TABLES, 0)


def test_the_librarys_rows_compare_exactly_like_whole_analyses(lib):
    """The web's compare reads agreements, obligations and the provisions' columns, never a whole
    analysis; the table must not change for it (a treaty, a brief about another, a trade agreement)."""
    from pactlens.compare import compare, main_agreements

    analyses = [nato_analysis(), brief_analysis(), fta_analysis()]
    for a in analyses:
        lib.add(a)
    ids = [a.document.id for a in reversed(analyses)]  # the order asked for, not the order stored
    stored = lib.agreements(ids, provisions=False)
    assert all(sa.provisions == [] for sa in stored) and any(sa.obligations for sa in stored)
    rows = lib.provision_rows(ids)
    assert compare(main_agreements(stored, ids), rows).model_dump() == compare(reversed(analyses)).model_dump()
    assert all(sa.obligations == [] for sa in lib.agreements(obligations=False, provisions=False))
