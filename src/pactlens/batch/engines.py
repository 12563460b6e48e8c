"""Engines that run :func:`~pactlens.batch.work.analyze_source` over many sources.

Each engine is a generator of outcomes in completion order with a bounded
number of files in flight, so memory does not grow with the corpus. Closing
the generator (Ctrl-C in the consumer) cancels what has not started.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pactlens.batch.work import Outcome, analyze_source

#: Files in flight per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2


def run_inline(sources: list[str], **opts) -> Iterator[Outcome]:
    """One process, no pool: the reference the parallel engines must match."""
    for src in sources:
        yield analyze_source(src, **opts)


def _warm() -> None:
    """Prepare a worker: the parent alone handles Ctrl-C, and the pipeline is imported once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import pactlens.pipeline  # noqa: F401


def run_processes(sources: list[str], jobs: int, *, ordered: bool = False, **opts) -> Iterator[Outcome]:
    """A pool of ``jobs`` worker processes on this machine.

    With ``ordered`` outcomes come in input order (for streamed output);
    otherwise in completion order, which keeps every worker busy.
    """
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["pactlens.pipeline"])
    fn = partial(analyze_source, **opts)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm)
    window = jobs * IN_FLIGHT_PER_WORKER
    pending: deque = deque()
    it = iter(sources)
    try:
        for src in it:
            pending.append(pool.submit(fn, src))
            if len(pending) >= window:
                break
        while pending:
            if ordered:
                done = [pending.popleft()]
            else:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                done = [f for f in pending if f in finished]
                for f in done:
                    pending.remove(f)
            for fut in done:
                yield fut.result()
                nxt = next(it, None)
                if nxt is not None:
                    pending.append(pool.submit(fn, nxt))
    finally:
        for fut in pending:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def run_ray(sources: list[str], jobs: int, address: str | None = None, **opts) -> Iterator[Outcome]:
    """Ray tasks: a local Ray when ``address`` is None, else the cluster at ``address``.

    Workers read the files by path, so on a cluster the corpus must be on a
    filesystem every node mounts at the same path.
    """
    try:
        import ray
    except ImportError as exc:  # the extra is optional
        from pactlens.errors import PactlensError

        raise PactlensError("the Ray engine needs the ray extra: pip install 'pactlens[ray]'") from exc

    started_here = not ray.is_initialized()
    if started_here:
        kwargs = {"address": address, "include_dashboard": False, "log_to_driver": False,
                  "configure_logging": False}
        if address is None:
            kwargs["num_cpus"] = jobs
        ray.init(**kwargs)
    remote = ray.remote(num_cpus=1, max_retries=1)(analyze_source)
    limit = max(jobs, 1) * IN_FLIGHT_PER_WORKER
    it = iter(sources)
    pending = []
    try:
        for src in it:
            pending.append(remote.remote(src, **opts))
            if len(pending) >= limit:
                break
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            for ref in done:
                yield ray.get(ref)
                nxt = next(it, None)
                if nxt is not None:
                    pending.append(remote.remote(nxt, **opts))
    finally:
        for ref in pending:
            ray.cancel(ref, force=True)
        if started_here:
            ray.shutdown()


def run(sources: list[str], jobs: int, *, engine: str = "local", ray_address: str | None = None,
        ordered: bool = False, **opts) -> Iterator[Outcome]:
    """The engine a run asks for; one worker (or one file) runs inline, with no pool to start."""
    if engine == "ray":
        return run_ray(sources, jobs, ray_address, **opts)
    if jobs <= 1 or len(sources) <= 1:
        return run_inline(sources, **opts)
    return run_processes(sources, jobs, ordered=ordered, **opts)
