"""The one public entry point: ``analyze(source) -> Analysis``.

Composes the stages in order (ingest → structure → extract → verify); each
stage is a plain function over the shared :class:`~pactlens.structure.doc.Doc`.
Store, report, web and CLI call this and never re-parse text.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pactlens import __version__
from pactlens.limits import Limits, resolve, time_limit
from pactlens.model import Analysis, DocumentInfo, Generator

#: Packages whose code or data shapes results; their content makes the pipeline hash.
_SHAPING = ("ingest", "structure", "extract", "verify", "resources")


@lru_cache(maxsize=1)
def pipeline_hash() -> str:
    """A short hash of every rule, lexicon and model version that shapes results.

    Stored analyses carry it, so a library can tell which results are stale
    after an upgrade.
    """
    root = Path(__file__).parent
    h = hashlib.sha256(__version__.encode())
    for pkg in _SHAPING:
        for path in sorted((root / pkg).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".json", ".tsv", ".txt", ".csv", ".yaml"}:
                h.update(str(path.relative_to(root)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:12]


def analyze(source: str | Path, *, allow_private: bool = False, max_bytes: int | None = None,
            limits: Limits | None = None) -> Analysis:
    """Read a file path or http(s) URL and analyse it.

    ``limits`` (default: :meth:`Limits.from_env`) bound what the document may
    cost; ``max_bytes`` replaces its byte limit. Raises
    :class:`pactlens.errors.InputError` for anything wrong with the input,
    :class:`pactlens.limits.LimitError` (one) for a document over a limit.
    """
    from pactlens import ingest

    limits = resolve(limits, max_bytes)
    with time_limit(limits, str(source)):
        norm = ingest.load(str(source), allow_private=allow_private, limits=limits)
        return analyze_normalized(norm)


def analyze_bytes(data: bytes, name: str, *, max_bytes: int | None = None, limits: Limits | None = None) -> Analysis:
    """Analyse an upload held in memory (``name`` gives the type by its suffix)."""
    from pactlens import ingest

    limits = resolve(limits, max_bytes)
    with time_limit(limits, name):
        norm = ingest.load_bytes(data, name, limits=limits)
        return analyze_normalized(norm)


def analyze_normalized(norm) -> Analysis:  # norm: pactlens.ingest.types.NormalizedText
    from pactlens.structure import build

    return analyze_doc(build(norm))


def analyze_doc(doc) -> Analysis:  # doc: pactlens.structure.doc.Doc
    """Analyse a structured document; what the extractors compute once stays on ``doc``."""
    from pactlens.extract.agreements import find_agreements
    from pactlens.extract.kind import classify
    from pactlens.extract.metadata import document_metadata
    from pactlens.extract.prose.citations import find_citations
    from pactlens.extract.prose.entities import find_entities
    from pactlens.extract.prose.events import find_events
    from pactlens.extract.prose.quotes import find_quotes
    from pactlens.extract.treaty.obligations import find_obligations
    from pactlens.extract.treaty.provisions import find_provisions
    from pactlens.structure.summary import summarize
    from pactlens.verify.audit import audit

    norm = doc.source
    kind = classify(doc)
    agreements = find_agreements(doc, kind)
    provisions = find_provisions(doc, agreements)
    obligations = find_obligations(doc, agreements, provisions)
    citations = find_citations(doc)
    quotes = find_quotes(doc, citations, kind=kind, agreements=agreements)
    events = find_events(doc, agreements)
    entities = find_entities(doc, kind, agreements)
    findings = audit(doc, citations, quotes)

    meta = document_metadata(doc, title=norm.title, date=norm.date)
    info = DocumentInfo(
        id=norm.sha256[:16],
        source=norm.source,
        sha256=norm.sha256,
        media_type=norm.media_type,
        kind=kind,
        title=meta.title,
        author=meta.author,
        date=meta.date,
        language="en",
        chars=len(doc.text),
        text=doc.text,
    )
    return Analysis(
        generator=Generator(version=__version__, pipeline=pipeline_hash()),
        document=info,
        structure=summarize(doc),
        agreements=agreements,
        provisions=provisions,
        obligations=obligations,
        quotes=quotes,
        events=events,
        citations=citations,
        findings=findings,
        entities=entities,
    )


def check(brief: str | Path, against: str | Path, *, allow_private: bool = False, limits: Limits | None = None):
    """Check what a brief says an agreement contains against the agreement's text.

    Returns a :class:`pactlens.model.check.CheckResult` (``pactlens.check/1``).
    """
    from pactlens import ingest
    from pactlens.structure import build
    from pactlens.verify.check import check as run_check

    limits = resolve(limits)
    docs = []
    for source in (brief, against):
        with time_limit(limits, str(source)):
            doc = build(ingest.load(str(source), allow_private=allow_private, limits=limits))
            docs += [doc, analyze_doc(doc)]  # one structure per document, shared with its analysis
    return run_check(*docs)
