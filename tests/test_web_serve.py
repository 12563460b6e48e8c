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
