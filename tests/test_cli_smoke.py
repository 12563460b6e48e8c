import subprocess
import sys


def test_help_runs():
    r = subprocess.run([sys.executable, "-m", "pactlens", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    assert "analyze" in r.stdout
