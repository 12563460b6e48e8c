"""The library: analyses stored in SQLite (default) or PostgreSQL, searchable and comparable.

``Library`` is the whole Python API of the store (the CLI, the web app and
batch runs are thin shells over it). Each document is written in one
transaction, so a crash or a concurrent writer never leaves half a document.
The schema is created and upgraded by Alembic when a library is opened.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, Table, create_engine, delete, event, func, insert, select, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from pactlens.model import Agreement, Analysis, Obligation, Provision
from pactlens.store import schema as t
from pactlens.store.errors import StoreError
from pactlens.model.library import DocumentSummary, Failure, ProvisionRow, SearchHit, StoredAgreement
from pactlens.store.rows import DocumentRows, build_rows, read_matching, unpack
from pactlens.store.url import display, resolve_url

#: How long a SQLite writer waits for another one before giving up (ms).
BUSY_TIMEOUT_MS = 30_000
#: Key of the PostgreSQL advisory lock that serialises schema migrations.
_MIGRATION_LOCK = 0x7061_6374  # "pact"


class Library:
    """A connection to one library database. Open it with :func:`open_library`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url
        self._watch = None  # SQLite: the connection that reads PRAGMA data_version
        self._watch_lock = threading.Lock()

    # -- writing ---------------------------------------------------------------------------------

    def add(self, analysis: Analysis, *, replace: bool = False,
            source_bytes: bytes | None = None) -> tuple[str, bool]:
        """Store one analysis; returns ``(document id, stored)``.

        ``stored`` is False when a document with the same sha256 is already
        there and ``replace`` is not set. The source bytes are kept for
        ``reanalyse``: pass them, or they are read from ``document.source``
        when that file still has the analysed sha256.
        """
        doc = analysis.document
        known = None if replace else self._id_of(doc.sha256)
        if known is not None:  # the common re-run case: answered before any row is built
            return known, False
        if source_bytes is None:
            source_bytes = read_matching(doc.source, doc.sha256)
        return self.add_rows([build_rows(analysis, source_bytes)], replace=replace)[0]

    def add_rows(self, batch: list[DocumentRows], *, replace: bool = False) -> list[tuple[str, bool]]:
        """Store documents whose rows were built elsewhere (by a batch's workers), all of them in
        one transaction; returns ``(document id, stored)`` for each, in order.

        One transaction for many documents is what makes a batch's single writer cheap (a
        commit per document costs more than its inserts); it still never leaves half a
        document. A document already stored (by sha256) is not stored again unless
        ``replace``; a conflict with another writer is settled document by document.
        """
        if not batch:
            return []
        try:
            with self._write() as conn:
                return _insert_batch(conn, batch, replace)
        except IntegrityError as exc:
            if len(batch) > 1:  # another writer stored one of them meanwhile: find which, one by one
                return [result for rows in batch for result in self.add_rows([rows], replace=replace)]
            doc = batch[0].document
            if not replace and self.has(doc["sha256"]):  # another writer stored it first
                return [(doc["id"], False)]
            raise StoreError(f"{doc['source']}: cannot store it: {_first_line(exc)}") from None

    def delete(self, doc_id: str) -> bool:
        with self._write() as conn:
            return conn.execute(delete(t.documents).where(t.documents.c.id == doc_id)).rowcount > 0

    def record_failure(self, source: str, reason: str) -> None:
        with self._write() as conn:
            conn.execute(insert(t.failures).values(source=source, reason=reason, at=datetime.now(timezone.utc)))

    # -- reading ---------------------------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        return self._id_of(sha256) is not None

    def _id_of(self, sha256: str) -> str | None:
        with self._read() as conn:
            return conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == sha256)).scalar()

    def known_hashes(self) -> set[str]:
        with self._read() as conn:
            return set(conn.execute(select(t.documents.c.sha256)).scalars())

    def get(self, doc_id: str) -> Analysis | None:
        with self._read() as conn:
            blob = conn.execute(select(t.documents.c.analysis).where(t.documents.c.id == doc_id)).scalar()
        return None if blob is None else Analysis.model_validate_json(unpack(blob))

    def text(self, doc_id: str) -> str | None:
        """The document's normalized text alone: the stored JSON parsed without building the
        analysis's models (a tenth of :meth:`get`'s time on a long treaty)."""
        import json

        with self._read() as conn:
            blob = conn.execute(select(t.documents.c.analysis).where(t.documents.c.id == doc_id)).scalar()
        return None if blob is None else json.loads(unpack(blob))["document"]["text"]

    def resolve(self, prefix: str) -> str | None:
        """The id of the one document whose id starts with ``prefix`` (ids are long to type)."""
        with self._read() as conn:
            ids = conn.execute(select(t.documents.c.id).where(t.documents.c.id.startswith(prefix, autoescape=True))
                               .limit(2)).scalars().all()
        if len(ids) > 1:
            raise StoreError(f"document id {prefix!r} is ambiguous: give more characters")
        return ids[0] if ids else None

    def ids(self) -> list[str]:
        with self._read() as conn:
            return list(conn.execute(select(t.documents.c.id).order_by(t.documents.c.added_at, t.documents.c.id))
                        .scalars())

    def source(self, doc_id: str) -> tuple[str, bytes | None] | None:
        """The stored source name and original bytes (None when they were not kept)."""
        with self._read() as conn:
            row = conn.execute(select(t.documents.c.source, t.sources.c.data)
                               .select_from(t.documents.outerjoin(t.sources))
                               .where(t.documents.c.id == doc_id)).first()
        if row is None:
            return None
        return row.source, None if row.data is None else unpack(row.data)

    def count(self) -> int:
        with self._read() as conn:
            return conn.execute(select(func.count()).select_from(t.documents)).scalar_one()

    def stamp(self, doc_id: str) -> tuple | None:
        """What changes when this document is stored again (replaced or reanalysed), None when
        it is absent: a page rendered from it stays right while the stamp is the same."""
        d = t.documents.c
        with self._read() as conn:
            row = conn.execute(select(d.added_at, d.pipeline, d.sha256).where(d.id == doc_id)).first()
        return None if row is None else tuple(row)

    def generation(self) -> Hashable:
        """A value that changes whenever any process commits to the library, so a search or
        list cached under an older value is stale.

        SQLite answers from ``PRAGMA data_version`` on one dedicated connection (it changes
        with every commit made by any other connection, in this process or another: no
        table is read). PostgreSQL has no such counter; the documents' count and newest
        ``added_at`` change with every add, replace and delete.
        """
        if self.engine.dialect.name != "sqlite":
            d = t.documents.c
            with self._read() as conn:
                return tuple(conn.execute(select(func.count(), func.max(d.added_at))).one())
        with self._watch_lock, _errors(self.url):
            if self._watch is None:
                self._watch = self.engine.raw_connection()  # kept out of the pool until close()
            cur = self._watch.cursor()
            try:
                return cur.execute("PRAGMA data_version").fetchone()[0]
            finally:
                cur.close()

    def summaries(self, limit: int = 1000, offset: int = 0) -> list[DocumentSummary]:
        d = t.documents.c
        with self._read() as conn:
            docs = conn.execute(select(d.id, d.source, d.title, d.kind, d.chars, d.added_at, d.pipeline)
                                .order_by(d.added_at.desc(), d.id).limit(limit).offset(offset)).all()
            titles: dict[str, list[str]] = defaultdict(list)
            if docs:
                a = t.agreements.c
                for row in conn.execute(select(a.document_id, a.title).where(a.document_id.in_([r.id for r in docs]))
                                        .order_by(a.document_id, a.seq)):
                    if row.title:
                        titles[row.document_id].append(row.title)
        return [DocumentSummary(id=r.id, source=r.source, title=r.title, kind=r.kind, chars=r.chars,
                                agreements=titles[r.id], added_at=_utc(r.added_at), pipeline=r.pipeline)
                for r in docs]

    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Sentences matching a web-style query (see :mod:`pactlens.store.search`), best first;
        ``offset`` skips that many of the best (a results page after the first)."""
        from pactlens.store.search import search

        with self._read() as conn:
            return search(conn, query, max(1, min(limit, 10_000)), max(0, offset))

    def search_page(self, query: str, limit: int, offset: int = 0) -> tuple[list[SearchHit], int]:
        """One page of :meth:`search` and how many sentences match in all, read together."""
        from pactlens.store.search import count, search

        with self._read() as conn:
            return search(conn, query, max(1, min(limit, 10_000)), max(0, offset)), count(conn, query)

    def stale(self, pipeline: str) -> list[str]:
        d = t.documents.c
        with self._read() as conn:
            return list(conn.execute(select(d.id).where(d.pipeline != pipeline).order_by(d.added_at, d.id)).scalars())

    def failures(self) -> list[Failure]:
        f = t.failures.c
        with self._read() as conn:
            rows = conn.execute(select(f.source, f.reason, f.at).order_by(f.id)).all()
        return [Failure(source=r.source, reason=r.reason, at=_utc(r.at)) for r in rows]

    def agreements(self, doc_ids: list[str] | None = None, *, obligations: bool = True,
                   provisions: bool = True) -> list[StoredAgreement]:
        """Every stored agreement (or those of ``doc_ids``), each with its obligations and provisions.

        ``obligations=False`` / ``provisions=False`` leave those lists empty without reading
        them: a picker needs neither and a network no provisions, whose JSON (every clause's
        text) is most of what a long treaty stores."""
        a, d = t.agreements.c, t.documents.c
        query = (select(a.document_id, a.data, d.title, d.kind).join(t.documents, d.id == a.document_id)
                 .order_by(d.added_at, a.document_id, a.seq))
        if doc_ids is not None:
            query = query.where(a.document_id.in_(doc_ids))
        with self._read() as conn:
            rows = conn.execute(query).all()
            found_obligations = _by_agreement(conn, t.obligations, doc_ids, Obligation) if obligations else {}
            found_provisions = _by_agreement(conn, t.provisions, doc_ids, Provision) if provisions else {}
        out = []
        for r in rows:
            ag = Agreement.model_validate_json(r.data)
            key = (r.document_id, ag.id)
            out.append(StoredAgreement(document_id=r.document_id, document_title=r.title, document_kind=r.kind,
                                       agreement=ag, obligations=found_obligations.get(key, []),
                                       provisions=found_provisions.get(key, [])))
        return out

    def provision_rows(self, doc_ids: list[str]) -> dict[tuple[str, str], list[ProvisionRow]]:
        """The provisions of ``doc_ids`` as (document id, agreement id) -> rows of article,
        domains and strength, in the order stored, read from columns (no clause text)."""
        p = t.provisions.c
        out: dict[tuple[str, str], list[ProvisionRow]] = defaultdict(list)
        with self._read() as conn:
            for r in conn.execute(select(p.document_id, p.agreement_id, p.article, p.domain, p.domains, p.strength)
                                  .where(p.document_id.in_(doc_ids)).order_by(p.id)):
                out[(r.document_id, r.agreement_id)].append(ProvisionRow.model_construct(  # typed columns
                    article=r.article, domain=r.domain, domains=json.loads(r.domains), strength=r.strength))
        return out

    def close(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction; on SQLite it takes the write lock up front (BEGIN IMMEDIATE),
        so two writers queue on the busy timeout instead of failing on a lock upgrade."""
        with _errors(self.url), self.engine.connect() as conn:
            conn = conn.execution_options(pactlens_immediate=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with _errors(self.url), self.engine.connect() as conn, conn.begin():
            yield conn


def open_library(url: str | None = None) -> Library:
    """Open (creating or upgrading as needed) the library at ``url``.

    ``None`` means ``$PACTLENS_DB`` or ``./pactlens.db``; a plain path is a
    SQLite file; ``postgresql://...`` a PostgreSQL database (psycopg 3).
    """
    sa_url = resolve_url(url)
    if sa_url.get_backend_name() == "sqlite":
        _check_sqlite_path(sa_url)
    engine = _engine(sa_url)
    try:
        _migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Library(engine)


def _engine(url: URL) -> Engine:
    if url.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    # A pool as large as the web server's worker threads (plus the data_version watcher): with
    # SQLAlchemy's default of 5, connections beyond it were opened and closed per request.
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, pool_size=12, max_overflow=8)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's begin event below issues BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable across crashes of the process
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("pactlens_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _check_sqlite_path(url: URL) -> None:
    if url.database == ":memory:":
        raise StoreError("an in-memory SQLite library would be lost on exit: give a file path")
    folder = Path(url.database).expanduser().resolve().parent
    if not folder.is_dir():
        raise StoreError(f"cannot create the library {url.database}: folder {folder} does not exist")


def _migrate(engine: Engine) -> None:
    """Bring the schema to :data:`schema.HEAD_REVISION` inside one locked transaction.

    The revision check is a single query, so opening an up-to-date library
    does not load Alembic's scripts.
    """
    from alembic.runtime.migration import MigrationContext

    with _errors(engine.url), engine.connect() as conn:
        conn = conn.execution_options(pactlens_immediate=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            if MigrationContext.configure(conn).get_current_revision() == t.HEAD_REVISION:
                return
            _upgrade(conn)


def _upgrade(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.util.exc import CommandError

    cfg = Config()
    cfg.set_main_option("script_location", "pactlens.store:migrations")
    cfg.attributes["connection"] = conn
    try:
        command.upgrade(cfg, "head")
    except CommandError as exc:
        raise StoreError(f"cannot upgrade the library schema ({exc}); is it from a newer pactlens?") from None


@contextmanager
def _errors(url: URL) -> Iterator[None]:
    """Database failures become one-line :class:`StoreError` messages naming the library."""
    try:
        yield
    except StoreError:
        raise
    except DBAPIError as exc:
        if isinstance(exc, IntegrityError):
            raise
        raise StoreError(f"library {display(url)}: {_first_line(exc)}") from None
    except SQLAlchemyError as exc:
        raise StoreError(f"library {display(url)}: {exc}") from None


def _insert_batch(conn: Connection, batch: list[DocumentRows], replace: bool) -> list[tuple[str, bool]]:
    """Insert the documents of ``batch`` not stored yet (all of them, replacing, with ``replace``)."""
    d = t.documents.c
    existing = dict(conn.execute(select(d.sha256, d.id).where(d.sha256.in_({r.document["sha256"] for r in batch}))).all())
    results: list[tuple[str, bool]] = []
    new: list[DocumentRows] = []
    taken: set[str] = set()
    for rows in batch:
        sha, doc_id = rows.document["sha256"], rows.document["id"]
        if sha in taken:  # the same bytes twice in one batch: stored once
            results.append((doc_id, replace))
        elif sha in existing and not replace:
            results.append((existing[sha], False))
        else:
            taken.add(sha)
            new.append(rows)
            results.append((doc_id, True))
    if replace and existing:
        conn.execute(delete(t.documents).where(d.id.in_([existing[r.document["sha256"]] for r in new
                                                          if r.document["sha256"] in existing])))
    _insert(conn, new)
    if new:
        conn.execute(delete(t.failures).where(t.failures.c.source.in_({r.document["source"] for r in new})))
    return results


def _insert(conn: Connection, batch: list[DocumentRows]) -> None:
    """All rows of ``batch``, one statement per table: a statement per table and document
    cost the single writer more than the rows themselves. Rows go in document order, so
    every table's ids are those a document-by-document insert gives."""
    for table, values in ((t.documents, [r.document for r in batch]),
                          (t.sources, [r.source for r in batch if r.source is not None]),
                          (t.agreements, [v for r in batch for v in r.agreements]),
                          (t.parties, [v for r in batch for v in r.parties]),
                          (t.obligations, [v for r in batch for v in r.obligations]),
                          (t.provisions, [v for r in batch for v in r.provisions])):
        if values:
            conn.execute(insert(table), values)
    _insert_plain(conn, t.sentences, [v for r in batch for v in r.sentences])


def _insert_plain(conn: Connection, table: Table, values: list[dict]) -> None:
    """Rows of plain integers and text, handed straight to the driver: nothing in them needs
    SQLAlchemy's type processing, and its per-row parameter building was a third of the
    writer's time on sentences (hundreds per document)."""
    if not values:
        return
    columns = list(values[0])
    mark = ":{}" if conn.dialect.name == "sqlite" else "%({})s"  # named: the dicts go as they are
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(mark.format(c) for c in columns)})"
    conn.exec_driver_sql(sql, values)


def _by_agreement(conn: Connection, table, doc_ids: list[str] | None, model) -> dict[tuple[str, str], list]:
    query = select(table.c.document_id, table.c.agreement_id, table.c.data).order_by(table.c.id)
    if doc_ids is not None:
        query = query.where(table.c.document_id.in_(doc_ids))
    out: dict[tuple[str, str], list] = defaultdict(list)
    for r in conn.execute(query):
        out[(r.document_id, r.agreement_id)].append(model.model_validate_json(r.data))
    return out


def _first_line(exc: DBAPIError) -> str:
    text = str(exc.orig if exc.orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _utc(value: datetime) -> datetime:
    """SQLite hands datetimes back naive; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


__all__ = ["Library", "open_library"]
