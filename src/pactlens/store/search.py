"""Full-text search over stored sentences, one query language for both backends.

Users type what they would type into a web search box: words (all must
match), "quoted phrases", ``OR`` between alternatives, ``-word`` to exclude,
``word*`` for a prefix (SQLite only; PostgreSQL's parser ignores the star).
PostgreSQL reads that with ``websearch_to_tsquery``, which never fails on
odd input. SQLite's FTS5 has its own syntax, where a stray quote or ``AND (``
is an error, so the query is rebuilt from its words: every term becomes a
quoted FTS5 string and only the operators above are kept.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Connection

from pactlens.model.library import SearchHit

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)

#: The best ``limit`` matches are picked inside FTS5 (its ``rank`` is bm25; ties go by rowid,
#: which is the order sentences were stored in) and only those rows are joined to their
#: sentence and document: a common word matching thousands of sentences costs one pass of
#: scoring, not thousands of joined rows to sort.
_SQLITE = text(
    "SELECT s.document_id, s.span_start, s.span_end, s.text, m.score, d.title, d.source "
    "FROM (SELECT rowid AS id, rank AS score FROM sentences_fts WHERE sentences_fts MATCH :q "
    "      ORDER BY rank, rowid LIMIT :limit OFFSET :offset) m "
    "JOIN sentences s ON s.id = m.id JOIN documents d ON d.id = s.document_id "
    "ORDER BY m.score, m.id"
)
_POSTGRES = text(
    "SELECT s.document_id, s.span_start, s.span_end, s.text, ts_rank(s.tsv, q) AS score, d.title, d.source "
    "FROM sentences s JOIN documents d ON d.id = s.document_id, websearch_to_tsquery('english', :q) q "
    "WHERE s.tsv @@ q ORDER BY score DESC, s.document_id, s.span_start LIMIT :limit OFFSET :offset"
)
_SQLITE_COUNT = text("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH :q")
_POSTGRES_COUNT = text("SELECT count(*) FROM sentences s WHERE s.tsv @@ websearch_to_tsquery('english', :q)")


def fts5_query(query: str) -> str | None:
    """The FTS5 form of a web-style query, or None when nothing searchable is left."""
    parts: list[str] = []
    pending_or = False
    for neg, phrase, bare in _TOKEN.findall(query):
        if bare.lower() == "or":  # as websearch_to_tsquery reads it
            pending_or = bool(parts)
            continue
        if bare.startswith("-") and len(bare) > 1:
            neg, bare = "-", bare[1:]
        term = _fts5_term(phrase if phrase else bare)
        if term is None:
            continue
        if neg:
            if parts:  # FTS5 has no unary NOT: a leading exclusion cannot be expressed
                parts.append(f"NOT {term}")
        else:
            parts.append(f"OR {term}" if pending_or else (f"AND {term}" if parts else term))
        pending_or = False
    return " ".join(parts) or None


def _fts5_term(raw: str) -> str | None:
    words = _WORD.findall(raw)
    if not words:
        return None
    term = '"' + " ".join(words) + '"'  # \w+ words hold no quote, so no escaping is needed
    return term + " *" if raw.endswith("*") and len(words) == 1 else term


def search(conn: Connection, query: str, limit: int, offset: int = 0) -> list[SearchHit]:
    """The ``limit`` best matches after the first ``offset``."""
    query = query.replace("\x00", " ")  # PostgreSQL refuses NUL in text
    q = fts5_query(query)
    if q is None:  # nothing to look for (no words, or only exclusions): same answer on both backends
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(_POSTGRES, {"q": query, "limit": limit, "offset": offset})
        return [_hit(r, r.score) for r in rows]
    rows = conn.execute(_SQLITE, {"q": q, "limit": limit, "offset": offset})
    return [_hit(r, -r.score) for r in rows]  # bm25: lower is better


def count(conn: Connection, query: str) -> int:
    """How many sentences match (the index alone: no sentence is read or scored)."""
    query = query.replace("\x00", " ")
    q = fts5_query(query)
    if q is None:
        return 0
    if conn.dialect.name == "postgresql":
        return conn.execute(_POSTGRES_COUNT, {"q": query}).scalar_one()
    return conn.execute(_SQLITE_COUNT, {"q": q}).scalar_one()


def _hit(row, rank: float) -> SearchHit:
    """A hit built without validation: every field comes typed from the library's own columns,
    and validating a hundred hits cost as much as the query itself."""
    return SearchHit.model_construct(document_id=row.document_id, title=row.title, source=row.source,
                                     text=row.text, start=row.span_start, end=row.span_end, rank=float(rank))
