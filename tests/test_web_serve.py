"""``pactlens serve`` from the command line: loopback by default, a token for anything else."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pactlens.web.security import is_loopback


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pactlens", *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **env})


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "example.org"])
def test_refuses_a_public_bind_without_a_token(host, tmp_path):
    r = run("serve", "--host", host, "--db", str(tmp_path / "x.db"), PACTLENS_TOKEN="")
    assert r.returncode == 2
    assert "PACTLENS_TOKEN" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.db").exists()  # refused before touching anything


def test_help_names_the_defaults():
    r = run("serve", "--help")
    assert r.returncode == 0 and "127.0.0.1" in r.stdout and "8000" in r.stdout


@pytest.mark.parametrize("host,expected", [("127.0.0.1", True), ("127.5.0.1", True), ("localhost", True),
                                           ("::1", True), ("[::1]", True), ("0.0.0.0", False), ("10.0.0.1", False),
                                           ("example.org", False)])
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected


def test_several_processes_serve_one_library_and_stop_together(tmp_path):
    """`--processes 2`: both answer on one port over one library; a document stored through
    one is read through the other; SIGTERM stops every process."""
    import signal
    import time

    import httpx
    from test_web_crash import _alive, _children, _free_port, _wait_up
    from test_web_support import NATO

    port, db = _free_port(), tmp_path / "lib.db"
    proc = subprocess.Popen([sys.executable, "-m", "pactlens", "serve", "--port", str(port), "--db", str(db),
                             "--processes", "2", "--workers", "0"],
                            env={**os.environ, "PACTLENS_TOKEN": ""}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, proc)
        deadline = time.monotonic() + 30
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(proc.pid)
        assert len(workers) >= 2
        r = httpx.post(base + "/api/documents", files={"file": (NATO.name, NATO.read_bytes(), "text/plain")},
                       timeout=60)
        assert r.status_code == 201
        doc_id = r.json()["id"]
        time.sleep(1.1)  # the other process's cached answers are rechecked after a second
        with httpx.Client(timeout=10) as client:  # new connections land on either process
            for _ in range(8):
                assert client.get(f"{base}/documents/{doc_id}", headers={"Connection": "close"}).status_code == 200
                hits = client.get(f"{base}/api/search", params={"q": "North Atlantic"},
                                  headers={"Connection": "close"}).json()
                assert any(h["document_id"] == doc_id for h in hits)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    assert "Traceback" not in proc.stderr.read().decode()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)


def test_a_port_in_use_is_a_one_line_error(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = run("serve", "--port", str(port), "--db", str(tmp_path / "x.db"), PACTLENS_TOKEN="")
    assert r.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in r.stderr
    assert "Traceback" not in r.stderr and "serving" not in r.stderr
