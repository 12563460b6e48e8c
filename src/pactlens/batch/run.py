"""Run a batch: skip what is stored, analyse the rest with an engine, store as results arrive."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field

from pactlens.batch.progress import Progress
from pactlens.batch.work import Outcome, _size, file_sha256
from pactlens.ingest.discover import is_url
from pactlens.limits import Limits, resolve


@dataclass
class BatchReport:
    total: int = 0
    stored: list[str] = field(default_factory=list)  # document ids newly stored
    skipped: list[str] = field(default_factory=list)  # sources already in the library
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line reason)
    interrupted: bool = False
    seconds: float = 0.0
    bytes: int = 0
    worker_peak_mb: float = 0.0  # the largest peak resident memory of any worker


def _raise_interrupt(signum, frame):  # SIGTERM stops a run as cleanly as Ctrl-C
    raise KeyboardInterrupt


def add_sources(
    lib,
    sources: list[str],
    *,
    jobs: int | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    reanalyse: bool = False,
    allow_private: bool = False,
    max_bytes: int | None = None,
    limits: Limits | None = None,
    progress: bool = True,
) -> BatchReport:
    """Analyse ``sources`` into the library ``lib`` (a :class:`pactlens.store.Library`).

    Interrupting (Ctrl-C, SIGTERM) stops after the results already written; a
    re-run skips them. Failures are recorded in the library and reported, and
    never stop the run.
    """
    import time

    from pactlens.batch import engines
    from pactlens.model import Analysis

    jobs = max(1, jobs or os.cpu_count() or 1)
    limits = resolve(limits, max_bytes)  # resolved here, so every worker runs under the same limits
    report = BatchReport(total=len(sources))
    known = set() if reanalyse else lib.known_hashes()
    todo: list[str] = []
    for src in sources:
        digest = None if is_url(src) else file_sha256(src, limits.bytes)
        if digest is not None and digest in known:
            report.skipped.append(src)
        else:
            todo.append(src)

    bar = Progress(len(todo), sum(_size(s) for s in todo), enabled=progress)
    opts = {"allow_private": allow_private, "limits": limits}
    stream = engines.run(todo, jobs, engine=engine, ray_address=ray_address, **opts)

    old = signal.signal(signal.SIGTERM, _raise_interrupt)
    started = time.monotonic()
    try:
        for outcome in stream:
            _store(lib, outcome, report, reanalyse, Analysis)
            report.worker_peak_mb = max(report.worker_peak_mb, outcome.peak_mb)
            bar.advance(size=outcome.size, failed=not outcome.ok)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        stream.close()
        signal.signal(signal.SIGTERM, old)
        bar.close()
        report.seconds = time.monotonic() - started
        report.bytes = bar.bytes
    return report


def _store(lib, outcome: Outcome, report: BatchReport, reanalyse: bool, analysis_type) -> None:
    if not outcome.ok:
        report.failures.append((outcome.source, outcome.payload))
        lib.record_failure(outcome.source, outcome.payload)
        return
    analysis = analysis_type.model_validate_json(outcome.payload)
    doc_id, stored = lib.add(analysis, replace=reanalyse)
    (report.stored if stored else report.skipped).append(doc_id if stored else outcome.source)
