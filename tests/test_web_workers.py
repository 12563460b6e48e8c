"""The upload analysis pool (pactlens.web.workers): a bounded wait list, a deadline that
stops a stuck worker, a memory ceiling, and a fresh worker after each of these — with
jobs that stand for the failures (sleep, allocate, exit) so each test takes about a second.

The jobs are standard-library callables, so the spawned workers import nothing heavy.
"""

from __future__ import annotations

import asyncio
import operator
import os
import time

import pytest
from fastapi.testclient import TestClient

from pactlens.errors import InputError
from pactlens.limits import LimitError
from pactlens.web import create_app
from pactlens.web.workers import NICENESS, AnalysisPool, PoolBusy, ThreadPool, WorkerFailed
from test_api import assert_problem
from test_web_support import NATO, lib  # noqa: F401 (lib: fixture)

ANZ_FULL = NATO.parent.parent / "treaties" / "australia-new-zealand-agreement-1944.txt"


def _run(coro):
    return asyncio.run(coro)


def test_a_stuck_job_is_killed_at_the_deadline_and_the_next_runs_on_a_fresh_worker():
    async def go():
        pool = AnalysisPool(workers=1, queue=0, seconds=0.3, grace=0.2, memory_mb=0)
        try:
            t = time.monotonic()
            with pytest.raises(LimitError, match="seconds"):
                await pool.run(time.sleep, 60, source="stuck.txt")
            assert time.monotonic() - t < 10
            assert await pool.run(operator.add, 2, 3) == 5
            assert pool.started == 2  # the stuck one was replaced
        finally:
            pool.close()

    _run(go())


def test_a_document_over_the_memory_ceiling_is_a_limit_and_the_worker_is_renewed():
    async def go():
        pool = AnalysisPool(workers=1, queue=0, memory_mb=300)
        try:
            with pytest.raises(LimitError, match="memory"):
                await pool.run(bytearray, 1 << 30, source="huge.docx")  # 1 GiB in a 300 MiB address space
            assert await pool.run(operator.mul, 6, 7) == 42
        finally:
            pool.close()

    _run(go())


def test_a_full_pool_refuses_at_once_and_takes_work_again_when_free():
    async def go():
        pool = AnalysisPool(workers=1, queue=1, memory_mb=0)
        try:
            running = asyncio.create_task(pool.run(time.sleep, 1.0))
            waiting = asyncio.create_task(pool.run(operator.add, 1, 1))
            await asyncio.sleep(0.05)
            with pytest.raises(PoolBusy) as busy:
                await pool.run(operator.add, 1, 2)
            assert busy.value.retry_after >= 1
            assert await running is None and await waiting == 2
            assert await pool.run(operator.add, 1, 2) == 3 and pool.admitted == 0
        finally:
            pool.close()

    _run(go())


def test_bad_input_and_a_dead_worker_are_told_apart():
    async def go():
        pool = AnalysisPool(workers=1, queue=0, memory_mb=0)
        try:
            with pytest.raises(InputError):
                await pool.run(_raise_input, "x.txt: binary data")
            with pytest.raises(WorkerFailed):
                await pool.run(os._exit, 3)
            assert await pool.run(operator.add, 1, 1) == 2
        finally:
            pool.close()

    _run(go())


def test_workers_run_below_the_server_so_readers_keep_their_core():
    async def go():
        pool = AnalysisPool(workers=1, queue=0, memory_mb=0)
        try:
            assert await pool.run(os.nice, 0) == min(19, os.nice(0) + NICENESS)  # os.nice(0): the current value
        finally:
            pool.close()

    _run(go())


def _raise_input(message: str) -> None:
    raise InputError(message)


def test_the_thread_pool_counts_the_same_way():
    async def go():
        pool = ThreadPool(workers=1, queue=0)
        first = asyncio.create_task(pool.run(time.sleep, 0.3))
        await asyncio.sleep(0.05)
        with pytest.raises(PoolBusy):
            await pool.run(operator.add, 1, 1)
        await first
        assert await pool.run(operator.add, 1, 1) == 2

    _run(go())


def test_a_full_pool_is_503_with_retry_after_and_pages_still_serve(lib):
    app = create_app(library=lib)
    with TestClient(app) as client:
        pool = app.state.analysis_pool
        pool.admitted = pool.workers + pool.queue  # every place taken
        r = client.post("/api/documents", files={"file": ("nato.txt", NATO.read_bytes(), "text/plain")})
        assert_problem(r, 503)
        assert int(r.headers["retry-after"]) >= 1
        assert client.get("/").status_code == 200
        pool.admitted = 0
        assert client.post("/api/documents", files={"file": ("nato.txt", NATO.read_bytes(), "text/plain")}
                           ).status_code == 201


@pytest.mark.parametrize("loop", ["asyncio", "uvloop"])
def test_a_large_answer_arrives_whole_under_either_event_loop(loop):
    """uvloop leaves a watched descriptor non-blocking; a 4 MiB answer must still be read whole
    (``pactlens serve`` runs on uvloop: the first real uploads failed before this was handled)."""
    async def go():
        pool = AnalysisPool(workers=1, queue=0, memory_mb=0)
        try:
            for _ in range(3):
                assert len(await pool.run(bytes, 4 << 20)) == 4 << 20
        finally:
            pool.close()

    if loop == "uvloop":
        uvloop = pytest.importorskip("uvloop")
        uvloop.run(go())
    else:
        _run(go())


def test_an_upload_over_the_time_limit_is_a_clear_413_and_the_library_is_left_as_it_was(lib, monkeypatch):
    """The whole upload path under a tiny time limit (NAFTA's analysis took 6 s quietly and hit
    the server's 180 s at load 20): the analysis is stopped (by the worker's own alarm, or on a
    loaded machine by the pool's deadline), the answer says which limit, nothing is stored and
    the library's documents still read."""
    monkeypatch.setenv("PACTLENS_LIMIT_SECONDS", "0.001")
    from test_web_support import nato

    kept, _ = lib.add(nato())
    app = create_app(library=lib, analysis_processes=1)
    with TestClient(app) as client:
        before = lib.ids()
        r = client.post("/api/documents", files={"file": ("anz.txt", ANZ_FULL.read_bytes(), "text/plain")})
        assert_problem(r, 413)
        detail = r.json()["detail"]
        assert "anz.txt" in detail and "seconds" in detail and "\n" not in detail
        assert lib.ids() == before and not lib.search("Canberra")
        assert client.get(f"/documents/{kept}").status_code == 200
        assert client.get("/api/documents").json()[0]["id"] == kept
        assert app.state.analysis_pool.admitted == 0  # its place is free for the next upload


def test_a_worker_warms_up_on_a_treaty_with_a_quantity_so_its_first_upload_pays_no_first_use():
    """The warm-up text is read as a treaty whose quantity goes through the quantities reader
    (quantulum3: its units pattern took 2-5 s to compile on a fresh worker's first long treaty)."""
    from pactlens.pipeline import analyze_bytes
    from pactlens.web.app import WARM_UP

    a = analyze_bytes(WARM_UP, "warm-up.txt")
    assert a.document.kind == "treaty"
    assert [(q.value, q.per) for p in a.provisions for q in p.quantities] == [(40.0, "year")]
