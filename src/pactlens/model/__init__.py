"""The data contract ``pactlens.analysis/1`` as typed models.

Everything downstream of the pipeline (reports, store, API, web) reads these
models and nothing else, so the JSON Schema printed by ``pactlens schema`` is
generated from them rather than written by hand. Field names listed in
DESIGN.md are the contract: add fields freely, never rename those.

The package is the whole contract and imports nothing else of pactlens (it
is the bottom of the dependency order): this module holds
``pactlens.analysis/1``; beside it, :mod:`~pactlens.model.check` holds
``pactlens.check/1``, :mod:`~pactlens.model.compare` the comparison,
:mod:`~pactlens.model.library` what the library store hands back,
:mod:`~pactlens.model.errors` the errors a user can act on, and
:mod:`~pactlens.model.schemas` the JSON Schema of each wire type. They are
imported on demand, so importing the analysis contract stays cheap.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "pactlens.analysis/1"

DocumentKind = Literal["treaty", "brief", "news", "other"]
AgreementKind = Literal["treaty", "agreement", "memorandum", "declaration", "programme", "other"]
AgreementRole = Literal["primary", "subject", "related"]
Strength = Literal["binding", "soft", "excluded"]
ObligationType = Literal["defense", "offense", "neutrality", "nonaggression", "consultation"]
Precision = Literal["day", "month", "year"]
Severity = Literal["info", "warning", "error"]
EntityKind = Literal["state", "person", "organization", "project", "policy", "place"]
Domain = Literal[
    "defence",
    "security",
    "intelligence",
    "counterterrorism",
    "energy",
    "nuclear",
    "trade",
    "finance",
    "transport",
    "science-technology",
    "education-culture",
    "media-information",
    "environment",
    "legal-judicial",
    "health",
    "agriculture",
    "regional-security",
    "multilateral",
    "migration",
    "other",
]
DOMAINS: tuple[str, ...] = Domain.__args__  # type: ignore[attr-defined]
OBLIGATION_TYPES: tuple[str, ...] = ObligationType.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Base for every contract record: unknown keys are refused, so typos in
    producers fail loudly instead of silently widening the contract."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Record):
    """A span of the normalized document text: ``text == document.text[start:end]``.

    It also says where the span stands in the source, so a reader can open the
    original at the clause: ``source_start``/``source_end`` are character offsets
    into the text the reader extracted from the file (a text file's characters,
    an HTML page's main text, a PDF's text layer, a DOCX's paragraphs), and
    ``page`` (PDF) or ``paragraph`` (DOCX, counting the non-empty paragraphs and
    then the footnotes) is the 1-based unit it starts in.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    source_start: int | None = Field(default=None, ge=0)
    source_end: int | None = Field(default=None, ge=0)
    page: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=1)


class Generator(Record):
    name: str = "pactlens"
    version: str
    pipeline: str = Field(description="Hash of what shapes results (rules, lexicons, models).")


class DocumentInfo(Record):
    id: str = Field(description="Stable id: the first 16 hex digits of sha256.")
    source: str
    sha256: str = Field(description="sha256 of the source bytes as read.")
    media_type: str | None = None
    kind: DocumentKind
    title: str | None = None
    author: str | None = Field(default=None, description="Who wrote it, as its metadata, cover or byline says.")
    date: str | None = Field(default=None, description="The document's own date (ISO), if stated.")
    language: str | None = None
    chars: int
    text: str = Field(description="The normalized text that every evidence span points into.")


class StructureSpan(Record):
    """One structural element of the document (article, paragraph, annex...)."""

    kind: Literal[
        "title",
        "preamble",
        "article",
        "paragraph",
        "annex",
        "protocol",
        "final-clause",
        "footnotes",
        "section",
    ]
    label: str | None = Field(default=None, description="As written: 'Article 5', 'ARTICLE V'.")
    number: str | None = Field(default=None, description="Normalized number: '5', '3(2)', 'A'.")
    heading: str | None = None
    start: int
    end: int
    children: list[StructureSpan] = Field(default_factory=list)
    part: str | None = Field(default=None, description="Instrument an article belongs to: 'main', 'ANNEX I', 'PROTOCOL'.")


class Structure(Record):
    title: Evidence | None = None
    preamble: Evidence | None = None
    articles: list[StructureSpan] = Field(default_factory=list)
    annexes: list[StructureSpan] = Field(default_factory=list)
    final_clause: Evidence | None = None
    sentences: int = 0
    paragraphs: int = 0
    footnote_markers: int = 0
    footnote_definitions: int = 0
    sections: list[StructureSpan] = Field(
        default_factory=list,
        description="Headings of running text (a brief's sections) and the block of notes ('footnotes'), in order.")


class Party(Record):
    name: str
    iso3: str | None = None
    cow: int | None = None
    via: str | None = Field(
        default=None,
        description="For a member state added because a bloc is a party: the bloc's party name "
        "(its membership on the signing date, from the bloc tables); None for a party the text names itself.",
    )
    evidence: list[Evidence] = Field(default_factory=list)


class Signatory(Record):
    name: str
    role: str | None = None
    party: str | None = Field(default=None, description="ISO3 of the state signed for, if known.")
    evidence: list[Evidence] = Field(default_factory=list)


class Signed(Record):
    date: str | None = None
    precision: Precision | None = None
    place: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Agreement(Record):
    id: str
    title: str | None = None
    kind: AgreementKind = "other"
    parties: list[Party] = Field(default_factory=list)
    signatories: list[Signatory] = Field(default_factory=list)
    signed: Signed = Field(default_factory=Signed)
    term_years: int | None = None
    renewal: str | None = Field(default=None, description="How the term renews, as stated.")
    article_count: int | None = None
    role: AgreementRole
    evidence: list[Evidence]


class Quantity(Record):
    value: float
    unit: str | None = None
    per: str | None = None
    text: str | None = None


class Provision(Record):
    agreement: str
    article: str | None = None
    domain: Domain
    domains: list[Domain]
    strength: Strength
    text: str
    quantities: list[Quantity] = Field(default_factory=list)
    evidence: list[Evidence]


class Condition(Record):
    type: Literal["adversary", "location", "conflict", "non-provocation", "request", "other"]
    text: str
    evidence: list[Evidence] = Field(default_factory=list)


class Obligation(Record):
    agreement: str
    type: ObligationType
    present: bool
    articles: list[str] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(default_factory=list)
    signal: Literal["rule", "embedding", "both"] | None = Field(
        default=None, description="Which signal decided: a rule over the clause's promise frame, the nearest "
                                  "labelled bank clauses, or both. None for a type no clause promises.")
    basis: list[str] = Field(default_factory=list, description="Why: the rule's name and the promise frame, "
                                                               "or the nearest bank clauses with their similarity.")


class Quote(Record):
    speaker: str | None = None
    speaker_kind: Literal["person", "institution", "document", "role", "name"] | None = Field(
        default=None, description="What the speaker is: a person, an institution, a document, an official by role, "
        "or a name the text gives without saying which (a state, a company)."
    )
    role: str | None = None
    party: str | None = None
    text: str
    direct: bool
    citation: str | None = Field(default=None, description="Marker of the footnote backing it.")
    evidence: list[Evidence]


class Event(Record):
    date: str
    precision: Precision
    kind: str
    summary: str
    actors: list[str] = Field(default_factory=list)
    agreement: str | None = None
    evidence: list[Evidence]


class Citation(Record):
    marker: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    cited_at: list[Evidence] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list, description="The definition itself.")


class Finding(Record):
    code: str
    severity: Severity
    message: str
    markers: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Entity(Record):
    name: str
    kind: EntityKind
    id: str | None = None
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None
    mentions: int
    evidence: list[Evidence] = Field(default_factory=list)


class Analysis(Record):
    """One analysed document: the whole ``pactlens.analysis/1`` object."""

    schema_: Literal["pactlens.analysis/1"] = Field(default=SCHEMA_ID, alias="schema")
    generator: Generator
    document: DocumentInfo
    structure: Structure = Field(default_factory=Structure)
    agreements: list[Agreement] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict:
    """The JSON Schema of the contract, generated from the models."""
    return schema_of(Analysis, SCHEMA_ID)


def schema_of(model: type[BaseModel], schema_id: str) -> dict:
    """The JSON Schema of one wire type, named by its schema id (``pactlens.check/1``)."""
    schema = model.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://pactlens.invalid/schema/" + schema_id
    return schema
