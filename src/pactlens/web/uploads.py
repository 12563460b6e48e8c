"""Taking an upload in: size limit, type check, then analysis and storage off the event loop.

The API and the HTML form share this, so both refuse the same things with
the same statuses: 413 too large, 415 not a type pactlens reads, 422 a file
of the right type that cannot be analysed (empty, damaged).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from fastapi import UploadFile
from starlette.concurrency import run_in_threadpool

from pactlens.ingest.discover import SUPPORTED_SUFFIXES
from pactlens.web.problems import ProblemError

CHUNK = 1 << 16
BINARY = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04"}


async def read_limited(upload: UploadFile, limit: int) -> bytes:
    """The upload's bytes, or 413 as soon as it passes ``limit`` (never reads more than limit+1 chunk)."""
    parts, size = [], 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise ProblemError(413, f"the file is larger than the limit of {limit:,} bytes")
        parts.append(chunk)
    return b"".join(parts)


def safe_name(name: str | None) -> str:
    """The client's file name without any directory part (it only tells the type and labels the source)."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    return base or "upload.txt"


def check_type(data: bytes, name: str) -> None:
    """415 unless the suffix is one pactlens reads and the content looks like it.

    Binary formats must start with their signature; text formats must not
    carry NUL bytes or a binary signature (a PDF renamed to .txt is refused,
    not analysed as garbage).
    """
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ProblemError(415, f"{name}: unsupported file type {suffix or '(no suffix)'}; send one of {allowed}")
    if suffix in BINARY:
        if not data.startswith(BINARY[suffix]):
            raise ProblemError(415, f"{name}: the content is not a {suffix[1:].upper()} file")
        return
    head = data[:8192]
    if b"\x00" in head or any(head.startswith(sig) for sig in BINARY.values()):
        raise ProblemError(415, f"{name}: the content is binary, not {suffix[1:]} text")
    if not data.strip():
        raise ProblemError(422, f"{name}: the file is empty")


def _analyze_and_store(lib, data: bytes, name: str, max_bytes: int, replace: bool):
    from pactlens.pipeline import analyze_bytes

    analysis = analyze_bytes(data, name, max_bytes=max_bytes)
    doc_id, stored = lib.add(analysis, replace=replace, source_bytes=data)
    return analysis, doc_id, stored


async def ingest_upload(lib, upload: UploadFile, max_bytes: int, replace: bool = False):
    """Check, analyse and store one upload; returns (analysis, document id, newly stored?).

    Analysis is CPU-bound and storage blocks, so both run in the thread pool:
    pages keep being served while a large file is analysed.
    """
    name = safe_name(upload.filename)
    data = await read_limited(upload, max_bytes)
    check_type(data, name)
    return await run_in_threadpool(_analyze_and_store, lib, data, name, max_bytes, replace)
