"""Taking an upload in: size limit, type check, then analysis and storage off the event loop.

The API and the HTML form share this, so both refuse the same things with
the same statuses: 413 too large, 415 not a type pactlens reads, 422 a file
of the right type that cannot be analysed (empty, damaged).
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


async def analyze(state, data: bytes, name: str):
    """The analysis of an upload: in a worker process when the app has a pool (``pactlens
    serve``: CPU-bound analysis would otherwise hold the GIL and stall every page), else in
    the thread pool. Either way the event loop stays free."""
    from pactlens.pipeline import analyze_bytes

    pool = getattr(state, "analysis_pool", None)
    if pool is None:
        return await run_in_threadpool(analyze_bytes, data, name, max_bytes=state.settings.max_upload_bytes)
    try:
        return await asyncio.wrap_future(pool.submit(analyze_bytes, data, name,
                                                     max_bytes=state.settings.max_upload_bytes))
    except BrokenProcessPool:
        state.analysis_pool = new_pool(pool._max_workers)  # the next upload gets a fresh worker
        raise ProblemError(500, f"{name}: the analysis worker crashed on this file") from None


def _stored(lib, data: bytes):
    """The stored analysis of these exact bytes, if any (ids are the sha256's first 16 hex digits)."""
    digest = hashlib.sha256(data).hexdigest()
    if not lib.has(digest):
        return None
    found = lib.get(digest[:16])
    return found if found is not None and found.document.sha256 == digest else None


def new_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes started fresh (spawn): forking a threaded server with open database
    connections is unsafe."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_die_with_parent)


def _die_with_parent() -> None:
    """On Linux, a worker is killed when the server dies (even by SIGKILL) instead of
    analysing on as an orphan."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:
            pass


async def ingest_upload(request, upload: UploadFile, replace: bool = False):
    """Check, analyse and store one upload; returns (analysis, document id, newly stored?)."""
    state = request.app.state
    name = safe_name(upload.filename)
    data = await read_limited(upload, state.settings.max_upload_bytes)
    check_type(data, name)
    if not replace and (known := await run_in_threadpool(_stored, state.lib, data)) is not None:
        return known, known.document.id, False
    analysis = await analyze(state, data, name)
    doc_id, stored = await run_in_threadpool(state.lib.add, analysis, replace=replace, source_bytes=data)
    if stored:
        state.pages.recheck_all()
    return analysis, doc_id, stored
