"""What one worker does with one file; shared by every engine so they store the same results."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pactlens.limits import Limits

if TYPE_CHECKING:  # pragma: no cover
    from pactlens.store.rows import DocumentRows


@dataclass(frozen=True, slots=True)
class Outcome:
    """A worker's answer for one source: the analysis as JSON (or as the library's rows), or a
    one-line reason."""

    source: str
    ok: bool
    payload: str  # analysis JSON when ok (empty when ``rows`` carries it), else the reason
    size: int
    peak_mb: float = 0.0  # the worker's peak resident memory so far
    rows: DocumentRows | None = None  # the library's rows, when the worker was asked to build them
    cpu_seconds: float = 0.0  # CPU time the worker spent on this source (analysis and rows)


def analyze_source(source: str, allow_private: bool = False, max_bytes: int | None = None,
                   limits: Limits | None = None, rows: bool = False) -> Outcome:
    """Analyse one source; never raises (a failure is an outcome the run records and goes past).

    With ``rows`` the worker also builds the rows the library stores (serialising the
    analysis, splitting its passages, compressing, reading the source bytes kept for
    ``reanalyse``), so that the one process that writes only inserts them: that writer
    is what limits a run's speed-up with workers.
    """
    from pactlens.errors import PactlensError
    from pactlens.pipeline import analyze

    size = _size(source)
    cpu = time.process_time()
    try:
        analysis = analyze(source, allow_private=allow_private, max_bytes=max_bytes, limits=limits)
    except PactlensError as exc:
        return Outcome(source, False, str(exc), size, _peak_mb(), cpu_seconds=time.process_time() - cpu)
    except Exception as exc:  # a bug on one file must not stop a corpus run
        return Outcome(source, False, f"internal error: {type(exc).__name__}: {exc}", size, _peak_mb(),
                       cpu_seconds=time.process_time() - cpu)
    if rows:
        from pactlens.store.rows import build_rows, read_matching

        built = build_rows(analysis, read_matching(analysis.document.source, analysis.document.sha256))
        return Outcome(source, True, "", size, _peak_mb(), built, time.process_time() - cpu)
    payload = analysis.model_dump_json(by_alias=True)
    return Outcome(source, True, payload, size, _peak_mb(), cpu_seconds=time.process_time() - cpu)


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _size(source: str) -> int:
    try:
        return Path(source).stat().st_size
    except OSError:
        return 0


def file_sha256(path: str, max_bytes: int | None = None) -> str | None:
    """sha256 of a file's bytes (what the pipeline stores), or None if it is unreadable,
    not a regular file (a FIFO would block, ``/dev/zero`` never ends), larger than
    ``max_bytes`` or a URL: the pipeline then says what is wrong with it."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or (max_bytes and info.st_size > max_bytes):
                return None
            h = hashlib.sha256()
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
            return h.hexdigest()
        except OSError:
            return None
