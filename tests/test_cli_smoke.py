import subprocess
import sys


def test_help_runs():
    r = subprocess.run([sys.executable, "-m", "pactlens", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    assert "analyze" in r.stdout


import pytest  # noqa: E402


@pytest.mark.parametrize(("args", "says"), [
    (["analyze"], "Missing argument"),
    (["bench", "atop"], "Missing argument"),
    (["analyze", "--no-such-option", "x.txt"], "No such option"),
    (["no-such-command"], "No such command"),
])
def test_usage_errors_are_usage_errors_not_internal_errors(args, says):
    r = subprocess.run([sys.executable, "-m", "pactlens", *args], capture_output=True, text=True)
    assert r.returncode == 2
    assert says in r.stderr and "internal error" not in r.stderr and "Traceback" not in r.stderr
