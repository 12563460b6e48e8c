"""Turn one Analysis into the rows the library stores (a pure function: no database here).

Keeping this apart from the SQL means the same rows go to SQLite and
PostgreSQL, and a test can check them without a database.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pactlens.model import Analysis

#: Longest passage indexed as one search unit; longer sentences (texts without punctuation) are cut.
MAX_PASSAGE = 2000


@dataclass
class DocumentRows:
    """Everything stored for one document, table by table."""

    document: dict
    source: dict | None
    agreements: list[dict] = field(default_factory=list)
    parties: list[dict] = field(default_factory=list)
    obligations: list[dict] = field(default_factory=list)
    provisions: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)


def pack(data: bytes) -> bytes:
    return zlib.compress(data, 6)


def unpack(data: bytes) -> bytes:
    return zlib.decompress(data)


def build_rows(analysis: Analysis, source_bytes: bytes | None) -> DocumentRows:
    doc = analysis.document
    doc_id = doc.id
    rows = DocumentRows(
        document={
            "id": doc_id,
            "sha256": doc.sha256,
            "source": doc.source,
            "title": doc.title,
            "kind": doc.kind,
            "media_type": doc.media_type,
            "language": doc.language,
            "doc_date": doc.date,
            "chars": doc.chars,
            "version": analysis.generator.version,
            "pipeline": analysis.generator.pipeline,
            "added_at": datetime.now(timezone.utc),
            "analysis": pack(analysis.model_dump_json(by_alias=True).encode()),
        },
        source=None if source_bytes is None else {
            "document_id": doc_id, "name": doc.source, "size": len(source_bytes), "data": pack(source_bytes)},
    )
    for seq, ag in enumerate(analysis.agreements):
        rows.agreements.append({
            "document_id": doc_id, "seq": seq, "agreement_id": ag.id, "title": ag.title, "kind": ag.kind,
            "role": ag.role, "signed_date": ag.signed.date, "signed_place": ag.signed.place,
            "term_years": ag.term_years, "article_count": ag.article_count, "data": ag.model_dump_json(),
        })
        rows.parties.extend(
            {"document_id": doc_id, "agreement_seq": seq, "name": p.name, "iso3": p.iso3, "cow": p.cow}
            for p in ag.parties
        )
    rows.obligations = [
        {"document_id": doc_id, "agreement_id": o.agreement, "type": o.type, "present": o.present,
         "articles": ",".join(o.articles) or None, "confidence": o.confidence, "data": o.model_dump_json()}
        for o in analysis.obligations
    ]
    rows.provisions = [
        {"document_id": doc_id, "agreement_id": p.agreement, "article": p.article, "domain": p.domain,
         "domains": json.dumps(p.domains), "strength": p.strength, "data": p.model_dump_json()}
        for p in analysis.provisions
    ]
    rows.sentences = [
        {"document_id": doc_id, "span_start": s, "span_end": e, "text": doc.text[s:e]}
        for s, e in passages(doc.text)
    ]
    return rows


def passages(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the normalized text, the unit a search returns.

    blingfire is the sentence splitter the project depends on; its offsets
    point into the text it is given, so each span is ``text[start:end]``.
    Over-long spans (OCR texts without punctuation) are cut at a space so that
    a hit stays readable.
    """
    import blingfire

    if not text.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(text)
    out: list[tuple[int, int]] = []
    for start, end in offsets:
        out.extend(_cut(text, start, end))
    return out


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > MAX_PASSAGE:
        cut = text.rfind(" ", start + MAX_PASSAGE // 2, start + MAX_PASSAGE)
        cut = cut if cut > start else start + MAX_PASSAGE
        spans.append((start, cut))
        start = cut + 1 if text[cut:cut + 1] == " " else cut
    if text[start:end].strip():
        spans.append((start, end))
    return spans


def read_matching(source: str, sha256: str) -> bytes | None:
    """The bytes of ``source`` if it is a local file that still has the analysed content
    (what a library keeps for ``reanalyse``)."""
    try:
        path = Path(source)
        if not path.is_file():
            return None
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None
