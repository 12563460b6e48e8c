"""The command line's shell: help, usage errors, --out. In-process, except the one run of the real entry point."""

import subprocess
import sys

import pytest
from cli_support import run_cli


def test_help_runs():
    """A real interpreter: the installed package imports and the entry point exits 0."""
    r = subprocess.run([sys.executable, "-m", "pactlens", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    assert "analyze" in r.stdout


@pytest.mark.parametrize(("args", "says"), [
    (["analyze"], "Missing argument"),
    (["bench", "atop"], "Missing argument"),
    (["analyze", "--no-such-option", "x.txt"], "No such option"),
    (["no-such-command"], "No such command"),
])
def test_usage_errors_are_usage_errors_not_internal_errors(args, says):
    r = run_cli(*args)
    assert r.returncode == 2
    assert says in r.stderr and "internal error" not in r.stderr and "Traceback" not in r.stderr


def test_an_output_path_that_cannot_be_written_is_one_line_error(tmp_path):
    from conftest import EXAMPLE_BRIEF

    for out in (tmp_path / "missing-folder" / "x.json", tmp_path):
        r = run_cli("analyze", str(EXAMPLE_BRIEF), "--format", "json", "--out", str(out))
        assert r.returncode == 2 and r.stderr.startswith("pactlens: error: cannot write")
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_out_onto_a_fifo_or_a_link_writes_through_and_keeps_them(tmp_path):
    """``--out /dev/null`` once replaced the device with a file (an atomic rename over it);
    a FIFO stands in for the device here, a symlink must stay a link."""
    import json
    import os
    import stat
    import threading

    from conftest import EXAMPLE_BRIEF

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = run_cli("analyze", str(EXAMPLE_BRIEF), "--format", "json", "--out", str(fifo))
    reader.join(timeout=60)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode) and json.loads(got[0])["schema"] == "pactlens.analysis/1"

    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("old")
    link.symlink_to(real)
    r = run_cli("analyze", str(EXAMPLE_BRIEF), "--format", "json", "--out", str(link))
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and json.loads(real.read_text())["schema"] == "pactlens.analysis/1"
