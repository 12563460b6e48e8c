"""Turn what a user types for ``--db`` into a SQLAlchemy URL.

Users write a file path, ``sqlite:///x.db`` or ``postgresql://...``; the
PostgreSQL driver is always psycopg 3, whatever the URL says.
"""

from __future__ import annotations

import os

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from pactlens.store.errors import StoreError

DEFAULT_URL = "sqlite:///./pactlens.db"
ENV_VAR = "PACTLENS_DB"


def resolve_url(url: str | None = None) -> URL:
    """``None`` means ``$PACTLENS_DB`` or ``./pactlens.db``; a string without a scheme is a SQLite file path."""
    raw = (url or os.environ.get(ENV_VAR) or DEFAULT_URL).strip()
    if "://" not in raw:
        raw = "sqlite:///" + raw
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise StoreError(f"bad database URL {raw!r}: {exc}") from None
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if parsed.database in (None, ""):
            raise StoreError("bad database URL: SQLite needs a file path (sqlite:///path/to/library.db)")
        return parsed.set(drivername="sqlite+pysqlite")
    raise StoreError(f"unsupported database {backend!r}: use a SQLite file or postgresql://")


def display(url: URL) -> str:
    """The URL for messages, with any password masked."""
    return url.render_as_string(hide_password=True)
