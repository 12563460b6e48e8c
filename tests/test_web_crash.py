"""Killing the server (SIGKILL) in the middle of an upload leaves the library consistent.

The store writes a document in one transaction; this checks it end to end:
a real ``pactlens serve`` process, a large upload, ``kill -9`` while the
server works on it, then the library is reopened and every stored document
is whole.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from pactlens.store import open_library
from test_web_support import NATO, nato


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(x) for x in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def _wait_up(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server exited"
        try:
            if httpx.get(base + "/api/documents", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail("server did not start")


def test_sigkill_during_upload_leaves_no_half_document(tmp_path):
    db = tmp_path / "lib.db"
    with open_library(str(db)) as lib:
        kept, _ = lib.add(nato())
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PACTLENS_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "pactlens", "serve", "--port", str(port), "--db", str(db),
                             "--max-mb", "50"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        _wait_up(base, proc)
        # A whole upload first: analysed in the server's worker process and stored.
        small = NATO.read_bytes() + b"\nA second copy.\n"
        done = httpx.post(base + "/api/documents", files={"file": ("small.txt", small, "text/plain")}, timeout=120)
        assert done.status_code == 201, done.text
        finished = done.json()["id"]
        # ~3 MB of treaty text, each copy numbered so no two are alike: long enough to be mid-analysis.
        body = NATO.read_text(encoding="utf-8")
        big = "\n\n".join(f"Copy {i}.\n\n{body}" for i in range(450)).encode()
        outcome: dict = {}

        def upload() -> None:
            try:
                outcome["response"] = httpx.post(base + "/api/documents", files={"file": ("big.txt", big, "text/plain")},
                                                 timeout=120)
            except httpx.TransportError as exc:
                outcome["error"] = exc

        sender = threading.Thread(target=upload)
        sender.start()
        time.sleep(2.5)  # the upload is sent within a fraction of a second; the server is now analysing it
        workers = _children(proc.pid)
        assert workers, "the server analyses uploads in a worker process"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        sender.join(30)
        assert "error" in outcome, "the upload finished before the kill: make it larger"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)

    # The analysis worker dies with its server rather than analysing on as an orphan.
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)

    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    with open_library(str(db)) as lib:
        summaries = lib.summaries()
        assert sorted(s.id for s in summaries) == sorted([kept, finished])
        for s in summaries:
            a = lib.get(s.id)
            assert a is not None and a.document.chars == len(a.document.text) == s.chars
        assert lib.search("armed attack")  # the index still answers for what is stored
        assert lib.add(nato(), replace=True) == (kept, True)  # and the library takes writes again
