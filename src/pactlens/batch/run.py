"""Run a batch: skip what is stored, analyse the rest with an engine, store as results arrive.

Workers hand back the library's rows ready to insert; the writer commits them in
batches (:data:`WRITE_BATCH` documents, or what came within :data:`WRITE_EVERY`
seconds; the first result alone), each batch one transaction, so that a commit
per document does not make the single writer the bottleneck of a many-worker run.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass, field

from pactlens.batch.progress import Progress
from pactlens.batch.work import Outcome, _size, file_sha256
from pactlens.ingest.discover import is_url
from pactlens.limits import Limits, resolve

#: Documents the writer commits in one transaction at most.
WRITE_BATCH = 32
#: Seconds a stored result waits for its batch at most: an interrupted run loses no more than this.
WRITE_EVERY = 2.0


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
    write_seconds: float = 0.0  # time the writer spent storing results and failures
    #: CPU time the workers spent on the sources (analysis and rows), summed: with the writer's own
    #: CPU it says how a run would scale on idle cores, which wall time on a shared machine cannot.
    worker_cpu_seconds: float = 0.0


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
    from pactlens.batch import engines

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
    opts = {"allow_private": allow_private, "limits": limits, "rows": True}
    stream = engines.run(todo, jobs, engine=engine, ray_address=ray_address, **opts)
    writer = _Writer(lib, report, reanalyse)

    old = signal.signal(signal.SIGTERM, _raise_interrupt)
    started = time.monotonic()
    try:
        for outcome in stream:
            writer.take(outcome)
            report.worker_peak_mb = max(report.worker_peak_mb, outcome.peak_mb)
            report.worker_cpu_seconds += outcome.cpu_seconds
            bar.advance(size=outcome.size, failed=not outcome.ok)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        stream.close()
        writer.flush()
        signal.signal(signal.SIGTERM, old)
        bar.close()
        report.seconds = time.monotonic() - started
        report.bytes = bar.bytes
    return report


class _Writer:
    """Stores outcomes in batches; failures at once (they are rare, and a run should show them)."""

    def __init__(self, lib, report: BatchReport, replace: bool) -> None:
        self.lib, self.report, self.replace = lib, report, replace
        self.pending: list = []
        self.since = time.monotonic()
        self.flushed = False  # nothing of this run written yet

    def take(self, outcome: Outcome) -> None:
        t = time.perf_counter()
        if not outcome.ok:
            self.report.failures.append((outcome.source, outcome.payload))
            self.lib.record_failure(outcome.source, outcome.payload)
        else:
            self.pending.append((outcome.source, outcome.rows))
        self.report.write_seconds += time.perf_counter() - t
        if not self.flushed or len(self.pending) >= WRITE_BATCH or time.monotonic() - self.since >= WRITE_EVERY:
            self.flush()  # the first result at once: a library being filled shows it has begun

    def flush(self) -> None:
        t = time.perf_counter()
        batch, self.pending, self.since = self.pending, [], time.monotonic()
        self.flushed = self.flushed or bool(batch)
        results = self.lib.add_rows([rows for _, rows in batch], replace=self.replace) if batch else []
        for (source, _), (doc_id, stored) in zip(batch, results, strict=True):
            (self.report.stored if stored else self.report.skipped).append(doc_id if stored else source)
        self.report.write_seconds += time.perf_counter() - t
