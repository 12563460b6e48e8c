"""The wire type ``pactlens.check/1``: a brief's claims about an agreement, labelled against its text.

It lives in the contract, not beside the checker, so that reports, the CLI
and the API can read a check result without importing the verify stage.
The result points into both documents' normalized texts, which it carries.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pactlens.model import Evidence

CHECK_SCHEMA = "pactlens.check/1"

#: ``not-about-text``: a sentence about the agreement's history or reception (ratifications,
#: negotiations, invocations), not about what its text says; it is not checked.
Label = Literal["supported", "contradicted", "not-in-text", "not-about-text"]
#: How bad a verdict is, worst first: the worst verdict wins, and reports show unsupported claims first.
SEVERITY: dict[str, int] = {"contradicted": 0, "not-in-text": 1, "supported": 2, "not-about-text": 3}


class CheckRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckedDocument(CheckRecord):
    id: str
    source: str
    sha256: str
    title: str | None = None
    text: str = Field(description="The normalized text this document's evidence points into.")


class Claim(CheckRecord):
    text: str
    label: Label
    reason: str
    brief_evidence: list[Evidence]
    treaty_evidence: list[Evidence] = Field(default_factory=list)


class CheckResult(CheckRecord):
    schema_: Literal["pactlens.check/1"] = Field(default=CHECK_SCHEMA, alias="schema")
    brief: CheckedDocument
    treaty: CheckedDocument
    claims: list[Claim] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    def unsupported_first(self) -> list[Claim]:
        return sorted(self.claims, key=lambda c: SEVERITY[c.label])
