"""The comparison wire type: agreements side by side, as ``pactlens compare --format json`` and the API send it.

It lives in the contract so that the CLI, the web app and exports read a
comparison without importing the code that builds it (:mod:`pactlens.compare`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

COMPARISON_SCHEMA = "pactlens.comparison/1"

Status = Literal["yes", "no", "not stated"]


class ObligationCell(BaseModel):
    """One ATOP obligation of one agreement: stated present, stated absent, or not stated."""

    status: Status
    articles: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list, description="Condition types (adversary, location...).")
    confidence: float | None = None


class DomainCell(BaseModel):
    """How an agreement commits in one domain: its strongest provision and the count of each strength."""

    strength: Literal["binding", "soft", "excluded"]
    counts: dict[str, int]
    articles: list[str] = Field(default_factory=list)


class ComparedParty(BaseModel):
    name: str
    iso3: str | None = None


class ComparedAgreement(BaseModel):
    document_id: str
    agreement_id: str
    title: str | None = None
    kind: str
    role: str
    parties: list[ComparedParty]
    signed: str | None = None
    place: str | None = None
    term_years: int | None = None
    renewal: str | None = None
    article_count: int | None = None
    obligations: dict[str, ObligationCell]
    strongest_obligation: str = Field(description="The strongest ATOP obligation stated present, or 'none'.")
    domains: dict[str, DomainCell]


class ComparisonRow(BaseModel):
    """One line of the side-by-side table: a label and one value per agreement."""

    group: Literal["agreement", "obligation", "domain"]
    label: str
    values: list[str]


class Comparison(BaseModel):
    agreements: list[ComparedAgreement]
    rows: list[ComparisonRow]
