"""Taking an upload in: size limit, type check, then analysis and storage off the event loop.

The API and the HTML form share this, so both refuse the same things with
the same statuses: 413 too large, 415 not a type pactlens reads, 422 a file
of the right type that cannot be analysed (empty, damaged).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import PurePosixPath

from fastapi import UploadFile
from starlette.concurrency import run_in_threadpool

from pactlens.ingest.discover import SUPPORTED_SUFFIXES
from pactlens.web.prepared import Outline, Prepared, prepare
from pactlens.web.problems import ProblemError

log = logging.getLogger("pactlens.web")

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

    Binary formats must start with their signature; text must decode as ingest decodes
    it (:func:`pactlens.ingest.text.decode`: a BOM, UTF-8, UTF-16/32 told by where the NUL
    bytes fall, then a guessed charset), so the server refuses exactly what the CLI refuses,
    and a binary signature under a text suffix (a PDF renamed to .txt) is refused, not
    analysed as garbage. Decoding a large text costs a little: call it off the event loop.
    """
    from pactlens.errors import InputError
    from pactlens.ingest.text import decode

    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ProblemError(415, f"{name}: unsupported file type {suffix or '(no suffix)'}; send one of {allowed}")
    if suffix in BINARY:
        if not data.startswith(BINARY[suffix]):
            raise ProblemError(415, f"{name}: the content is not a {suffix[1:].upper()} file")
        return
    if any(data.startswith(sig) for sig in BINARY.values()):
        raise ProblemError(415, f"{name}: the content is binary, not {suffix[1:]} text")
    try:
        text = decode(data, name)
    except InputError:
        raise ProblemError(415, f"{name}: the content is binary, not {suffix[1:]} text") from None
    if not text.strip():
        raise ProblemError(422, f"{name}: the file is empty")


async def analyze(state, data: bytes, name: str) -> Prepared:
    """The analysis of an upload in the app's bounded pool (:mod:`pactlens.web.workers`), with
    its rows built there too (:mod:`pactlens.web.prepared`): 503 with Retry-After when every
    worker is busy and the wait list is full, 413 past a limit (time and memory included),
    500 when the worker died on the file."""
    from pactlens.web.workers import PoolBusy, WorkerFailed

    try:
        return await state.analysis_pool.run(prepare, data, name, source=name,
                                             max_bytes=state.settings.max_upload_bytes)
    except PoolBusy as exc:
        raise ProblemError(503, str(exc), {"Retry-After": str(exc.retry_after)}) from None
    except WorkerFailed:
        log.exception("analysis of %s failed", name)
        raise ProblemError(500, f"{name}: the analysis worker failed on this file") from None


def _stored(lib, data: bytes) -> Outline | None:
    """The stored document of these exact bytes, if any (ids are the sha256's first 16 hex digits)."""
    digest = hashlib.sha256(data).hexdigest()
    if not lib.has(digest):
        return None
    found = lib.get(digest[:16])
    return Outline.of(found) if found is not None and found.document.sha256 == digest else None


async def ingest_upload(request, upload: UploadFile, replace: bool = False) -> tuple[Outline, str, bool]:
    """Check, analyse and store one upload; returns (what it is, document id, newly stored?)."""
    state = request.app.state
    name = safe_name(upload.filename)
    data = await read_limited(upload, state.settings.max_upload_bytes)
    await run_in_threadpool(check_type, data, name)
    if not replace and (known := await run_in_threadpool(_stored, state.lib, data)) is not None:
        return known, hashlib.sha256(data).hexdigest()[:16], False
    prepared = await analyze(state, data, name)
    [(doc_id, stored)] = await run_in_threadpool(state.lib.add_rows, [prepared.rows], replace=replace)
    if stored:
        state.pages.recheck_all()
    return prepared.outline, doc_id, stored
