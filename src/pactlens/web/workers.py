"""A bounded pool of analysis processes: a fixed number of workers, a short wait list, a
deadline and a memory ceiling per document.

Why processes and not threads: a thread cannot be stopped from outside (Python has no
way to interrupt one, and SIGALRM — :func:`pactlens.limits.time_limit` — is delivered to
the main thread only), so a thread stuck in one long regular expression holds its core and
its memory until it finishes on its own. A worker process runs the analysis on its own
main thread, where the SIGALRM limit works and gives a clean one-line error; if it does
not answer by the deadline anyway (C code that never returns to the interpreter), the
server kills it (SIGKILL) and starts a fresh one, and the operating system takes back all
its memory. Each worker's address space is capped (RLIMIT_AS), so a document that would
need gigabytes fails inside that worker with a MemoryError, reported as a limit, instead
of pushing the server into swap or the OOM killer.

Admission is counted, not queued without end: at most ``workers`` documents run and
``queue`` more wait; one more is refused at once with :class:`PoolBusy` (the web layer
answers 503 with Retry-After) — a flood of uploads then costs the server nothing but the
refusals, and readers keep being served.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Callable

from pactlens.errors import InputError
from pactlens.limits import LimitError, over

#: Seconds a worker gets beyond the analysis time limit before it is killed: the limit
#: inside the worker (SIGALRM) should answer first, with its own message.
GRACE = 5.0
#: How much lower than the server a worker runs (``nice``): an analysis takes a whole core
#: for seconds, and on a machine with few cores the readers' requests must come first.
NICENESS = 10


class PoolBusy(Exception):
    """Every worker is busy and the wait list is full: try again later."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"the server is analysing as many documents as it can; retry in {retry_after} s")
        self.retry_after = retry_after


class WorkerFailed(Exception):
    """The worker ended without an answer (killed, crashed) or raised an unexpected error."""


#: Seconds a new worker may take to import the pipeline and warm up before it is given up.
STARTUP = 300.0


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False  # it has said it is warmed up: a job's deadline starts with the job


def _serve(conn: Connection, memory_bytes: int, warm_up: Callable[[], Any] | None) -> None:
    """A worker's loop: run each job sent over ``conn`` and send back its outcome.

    Outcomes: ``("ok", value)``, ``("limit", line)`` for a :class:`LimitError`,
    ``("memory", line)`` for a MemoryError, ``("input", line)`` for other bad input, ``("error", repr)`` for a bug.
    After a MemoryError the worker ends (its heap may be fragmented); the pool starts another.
    """
    _die_with_parent()
    _lower_priority()
    if memory_bytes:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    if warm_up is not None:
        try:
            warm_up()
        except Exception:  # noqa: BLE001 - warming up is an optimisation; the job will say what is wrong
            pass
    conn.send(("ready", None))
    while True:
        try:
            fn, args, kwargs, source = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", fn(*args, **kwargs)))
        except LimitError as exc:
            conn.send(("limit", str(exc)))
        except MemoryError:
            conn.send(("memory", f"{source}: the analysis needs more memory than a worker may use "
                                 f"({memory_bytes >> 20} MiB); raise it with pactlens serve --worker-memory MB"))
            return
        except InputError as exc:
            conn.send(("input", str(exc)))
        except Exception as exc:  # noqa: BLE001 - reported to the server, which logs it
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _lower_priority() -> None:
    """Readers before uploads: the scheduler gives a worker's core to the server whenever
    the server has requests to answer (no effect where ``os.nice`` is missing or refused)."""
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):
        pass


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


class AnalysisPool:
    """``workers`` processes, ``queue`` waiting places, ``seconds`` per job (0: none) and
    ``memory_mb`` of address space per worker (0: none). Use from one event loop."""

    def __init__(self, workers: int = 1, queue: int = 4, seconds: float = 0.0, memory_mb: int = 2048,
                 warm_up: Callable[[], Any] | None = None, grace: float = GRACE) -> None:
        if workers < 1 or queue < 0:
            raise ValueError("a pool needs at least one worker and a wait list of 0 or more")
        self.workers, self.queue, self.seconds, self.grace = workers, queue, seconds, grace
        self._memory = memory_mb << 20
        self._warm_up = warm_up
        self._context = multiprocessing.get_context("spawn")  # forking a threaded server is unsafe
        self._idle: list[_Worker] = []
        self._slots: asyncio.Semaphore | None = None
        self.admitted = 0  # running + waiting
        self.started = 0  # worker processes started, replacements included (tests and the log read it)

    # --- workers -----------------------------------------------------------------------
    def start(self) -> None:
        """Start the workers (they import the pipeline and warm up while the server starts)."""
        while len(self._idle) < self.workers:
            self._idle.append(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child, self._memory, self._warm_up),
                                        daemon=True, name="pactlens-analysis")
        process.start()
        child.close()
        self.started += 1
        return _Worker(process, parent)

    def close(self) -> None:
        """Stop every worker (idle ones; busy ones die with their job's cancellation)."""
        for w in self._idle:
            w.conn.close()
            w.process.kill()
            w.process.join(5)
        self._idle.clear()

    @property
    def pids(self) -> list[int]:
        return [w.process.pid for w in self._idle if w.process.pid is not None]

    # --- jobs ----------------------------------------------------------------------------
    def retry_after(self) -> int:
        """Seconds a refused client should wait: about one document's analysis per waiting place."""
        return max(1, min(60, int(self.seconds or 10) // 4 + 1))

    async def run(self, fn: Callable[..., Any], *args: Any, source: str = "the document", **kwargs: Any) -> Any:
        """``fn(*args, **kwargs)`` in a worker. Raises :class:`PoolBusy` when full,
        :class:`LimitError` past the deadline or the memory ceiling, :class:`InputError`
        for bad input and :class:`WorkerFailed` when the worker died or hit a bug."""
        if self.admitted >= self.workers + self.queue:
            raise PoolBusy(self.retry_after())
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers)
        self.admitted += 1
        try:
            async with self._slots:
                return await self._execute(fn, args, kwargs, source)
        finally:
            self.admitted -= 1

    async def _execute(self, fn: Callable[..., Any], args: tuple, kwargs: dict, source: str) -> Any:
        if not self._idle:
            self.start()
        worker = self._idle.pop()
        try:
            outcome = await self._job(worker, (fn, args, kwargs, source), source)
        except BaseException:
            await self._replace(worker)
            raise
        if outcome[0] == "memory":
            await self._replace(worker, kill=False)  # it ends itself after a MemoryError
        else:
            self._idle.append(worker)
        return _unwrap(outcome)

    async def _job(self, worker: _Worker, job: tuple, source: str) -> tuple[str, Any]:
        if not worker.ready:  # a new worker's start-up does not count against the document
            if not await _readable(worker.conn, STARTUP) or (await _receive(worker, source))[0] != "ready":
                raise WorkerFailed(f"{source}: the analysis worker did not start")
            worker.ready = True
        try:
            worker.conn.send(job)
        except OSError:  # it died while idle
            raise WorkerFailed(f"{source}: the analysis worker had ended") from None
        if not await _readable(worker.conn, self.seconds + self.grace if self.seconds else None):
            raise LimitError(over(source, "seconds", f"the analysis took longer than the limit of "
                                                     f"{self.seconds:g} seconds"))
        return await _receive(worker, source)

    async def _replace(self, worker: _Worker, kill: bool = True) -> None:
        """Kill ``worker`` (if asked), reap it off the loop, and put a fresh one in its place."""
        worker.conn.close()
        if kill:
            worker.process.kill()
        await asyncio.to_thread(worker.process.join, 10)
        self._idle.append(self._spawn())


async def _readable(conn: Connection, timeout: float | None) -> bool:
    """Wait, without holding a thread, until ``conn`` has something to read (or has closed);
    False when ``timeout`` seconds pass first."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = conn.fileno()
    loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
    try:
        await asyncio.wait_for(ready, timeout)
        return True
    except asyncio.TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)
        os.set_blocking(fd, True)  # uvloop leaves a watched fd non-blocking; recv() needs it blocking


async def _receive(worker: _Worker, source: str) -> tuple[str, Any]:
    try:
        return await asyncio.to_thread(worker.conn.recv)  # a large analysis is read off the loop
    except (EOFError, OSError):
        worker.process.join(1)
        raise WorkerFailed(f"{source}: the analysis worker ended without an answer "
                           f"(exit status {worker.process.exitcode})") from None


def _unwrap(outcome: tuple[str, Any]) -> Any:
    kind, value = outcome
    if kind == "ok":
        return value
    if kind in ("limit", "memory"):
        raise LimitError(value)
    if kind == "input":
        raise InputError(value)
    raise WorkerFailed(value)


class ThreadPool(AnalysisPool):
    """The same admission (``workers`` running, ``queue`` waiting, then :class:`PoolBusy`) with
    the jobs in the server's thread pool: no process to start, for tests and light use. A
    thread cannot be stopped, so there is no deadline and no memory ceiling here."""

    def start(self) -> None:
        pass

    def close(self) -> None:
        pass

    async def _execute(self, fn: Callable[..., Any], args: tuple, kwargs: dict, source: str) -> Any:
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(fn, *args, **kwargs)
