"""The first library schema: documents with their analysis and source bytes, the queried
parts of each analysis, sentences with full-text search (FTS5 on SQLite, a
generated tsvector with a GIN index on PostgreSQL), and failures.

Revision ID: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _doc_fk(*, primary_key: bool = False) -> sa.Column:
    return sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                     nullable=False, primary_key=primary_key)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("media_type", sa.String(100)),
        sa.Column("language", sa.String(16)),
        sa.Column("doc_date", sa.String(32)),
        sa.Column("chars", sa.Integer, nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("pipeline", sa.String(64), nullable=False, index=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("analysis", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "agreements",
        _doc_fk(primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("agreement_id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("signed_date", sa.String(32)),
        sa.Column("signed_place", sa.Text),
        sa.Column("term_years", sa.Integer),
        sa.Column("article_count", sa.Integer),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "parties",
        sa.Column("id", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("agreement_seq", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("iso3", sa.String(3), index=True),
        sa.Column("cow", sa.Integer),
    )
    op.create_table(
        "obligations",
        sa.Column("id", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("agreement_id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(16), nullable=False, index=True),
        sa.Column("present", sa.Boolean, nullable=False),
        sa.Column("articles", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "provisions",
        sa.Column("id", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("agreement_id", sa.String(64), nullable=False),
        sa.Column("article", sa.String(64)),
        sa.Column("domain", sa.String(32), nullable=False, index=True),
        sa.Column("domains", sa.Text, nullable=False),
        sa.Column("strength", sa.String(16), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False, index=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in ("parties", "obligations", "provisions", "sentences"):
        op.create_index(f"ix_{table}_document_id", table, ["document_id"])
    _full_text()


def _full_text() -> None:
    """Sentence search: an external-content FTS5 index kept in step by triggers (SQLite),
    or a stored tsvector column with a GIN index (PostgreSQL)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE sentences ADD COLUMN tsv tsvector "
                   "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED")
        op.execute("CREATE INDEX ix_sentences_tsv ON sentences USING GIN (tsv)")
        return
    op.execute("CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', "
               "tokenize='porter unicode61 remove_diacritics 2')")
    op.execute("CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN "
               "INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END")
    op.execute("CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN "
               "INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS sentences_fts")
    for table in ("failures", "sentences", "provisions", "obligations", "parties", "agreements", "sources",
                  "documents"):
        op.drop_table(table)
