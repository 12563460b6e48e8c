"""What the library store hands back besides whole analyses: typed rows for lists, search and networks.

These are the store API's return types (the CLI, the web app, batch runs
and the library workflows code against them, and the API sends them as
JSON), so they belong to the contract: the store imports nothing above it.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from pactlens.model import Agreement, Obligation, Provision


class DocumentSummary(BaseModel):
    """One stored document, without its text: enough for a library listing."""

    id: str
    source: str
    title: str | None = None
    kind: str
    chars: int
    agreements: list[str] = Field(default_factory=list, description="Agreement titles (untitled ones omitted).")
    added_at: datetime
    pipeline: str


class SearchHit(BaseModel):
    """A sentence that matches a full-text query, located in its document's normalized text."""

    document_id: str
    title: str | None = None
    source: str
    text: str = Field(description="The matching sentence: document.text[start:end].")
    start: int
    end: int
    rank: float = Field(description="Relevance; higher is better. Comparable within one result list only.")


class StoredAgreement(BaseModel):
    """An agreement as stored, with the document it came from and its obligations and provisions."""

    document_id: str
    document_title: str | None = None
    document_kind: str
    agreement: Agreement
    obligations: list[Obligation] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)


class ProvisionRow(BaseModel):
    """A provision's article, domains and strength without its text and evidence: all that a
    comparison of domains reads, taken from the library's columns rather than from each
    provision's JSON (a long treaty stores megabytes of clause text)."""

    article: str | None = None
    domain: str
    domains: list[str] = Field(default_factory=list)
    strength: str


class Failure(BaseModel):
    """A source that could not be analysed, with its one-line reason."""

    source: str
    reason: str
    at: datetime
