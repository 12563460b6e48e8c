"""The library's tables (SQLAlchemy Core), as the migrations in ``migrations/`` build them.

The whole analysis is kept as compressed JSON (``documents.analysis``) so that
``get`` returns exactly what was stored; the other tables repeat the parts
that are queried (agreements, parties, obligations, provisions, sentences for
full-text search). Every row hangs off ``documents`` with ON DELETE CASCADE,
so deleting or replacing a document is one statement.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

#: The newest migration; opening a library at another revision runs Alembic.
HEAD_REVISION = "0001_initial"

metadata = MetaData()


def _doc_fk(*, primary_key: bool = False) -> Column:
    return Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=not primary_key, primary_key=primary_key)


documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("kind", String(16), nullable=False),
    Column("media_type", String(100)),
    Column("language", String(16)),
    Column("doc_date", String(32)),
    Column("chars", Integer, nullable=False),
    Column("version", String(32), nullable=False),
    Column("pipeline", String(64), nullable=False, index=True),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("analysis", LargeBinary, nullable=False),  # zlib-compressed pactlens.analysis/1 JSON
)

sources = Table(
    "sources",
    metadata,
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("name", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),  # zlib-compressed original bytes, for reanalysis
)

agreements = Table(
    "agreements",
    metadata,
    _doc_fk(primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("agreement_id", String(64), nullable=False),
    Column("title", Text),
    Column("kind", String(16), nullable=False),
    Column("role", String(16), nullable=False),
    Column("signed_date", String(32)),
    Column("signed_place", Text),
    Column("term_years", Integer),
    Column("article_count", Integer),
    Column("data", Text, nullable=False),  # the Agreement record as JSON
)

parties = Table(
    "parties",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("agreement_seq", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("iso3", String(3), index=True),
    Column("cow", Integer),
)

obligations = Table(
    "obligations",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("agreement_id", String(64), nullable=False),
    Column("type", String(16), nullable=False, index=True),
    Column("present", Boolean, nullable=False),
    Column("articles", Text),
    Column("confidence", Float, nullable=False),
    Column("data", Text, nullable=False),
)

provisions = Table(
    "provisions",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("agreement_id", String(64), nullable=False),
    Column("article", String(64)),
    Column("domain", String(32), nullable=False, index=True),
    Column("domains", Text, nullable=False),
    Column("strength", String(16), nullable=False),
    Column("data", Text, nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
