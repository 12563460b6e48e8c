"""The library store: analyses kept in SQLite (default) or PostgreSQL, searchable and comparable.

``open_library(url)`` returns a :class:`Library`; its methods are the store
API that the CLI, the web app and batch runs use.
"""

from pactlens.model.library import DocumentSummary, Failure, SearchHit, StoredAgreement
from pactlens.store.errors import StoreError
from pactlens.store.library import Library, open_library

__all__ = ["DocumentSummary", "Failure", "Library", "SearchHit", "StoreError", "StoredAgreement", "open_library"]
