"""Hostile files through the real command line: the answer, the exit status, seconds and peak memory.

Run: ``.venv/bin/python bench/hostile.py [--tiny 2000]``. Each file is built
small on disk (tests/hostile_support.py) in a temporary folder and given to
``python -m pactlens analyze`` in its own process, whose peak resident memory
is read from the kernel (``wait4``); the bound is 1 GB for any input. Then
``pactlens add`` takes a folder of many tiny files, a FIFO and a link to
/dev/zero. Exit status 1 when an answer is not one line with exit 2 (or a
normal result), or memory passes the bound.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
BOUND_MB = 1024


def run(args: list[str], cwd: Path) -> tuple[int, str, str, float, float]:
    """(exit status, stdout, stderr, seconds, peak MB) of ``python -m pactlens ARGS``."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "pactlens", *args], stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return (proc.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                seconds, usage.ru_maxrss / 1024)


def main() -> int:
    import hostile_support as hostile

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tiny", type=int, default=2000, help="how many tiny files to add")
    args = ap.parse_args()
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = hostile.write_all(folder / "files")
        os.mkfifo(folder / "files" / "fifo.txt")
        (folder / "files" / "zero.txt").symlink_to("/dev/zero")
        named = folder / "files" / "two\nlines.txt"
        named.write_bytes(b"")
        files.update({"fifo.txt": folder / "files" / "fifo.txt", "zero.txt": folder / "files" / "zero.txt",
                      "name with a newline": named})
        print(f"{'file':<26} {'on disk':>9} {'exit':>4} {'seconds':>8} {'peak MB':>8}  answer")
        for label, path in files.items():
            size = path.lstat().st_size if not path.is_fifo() else 0
            code, out, err, seconds, peak = run(["analyze", str(path), "--format", "json"], folder)
            lines = err.strip().splitlines()
            ok_answer = (code == 0 and not lines) or (code == 2 and len(lines) == 1)
            answer = lines[0] if lines else ("a normal result" if code == 0 else "(nothing)")
            flag = "" if ok_answer and peak <= BOUND_MB else "  <-- FAIL"
            bad += bool(flag)
            print(f"{label[:26]:<26} {size:>9,} {code:>4} {seconds:>8.2f} {peak:>8.0f}  {answer[:110]}{flag}")

        tiny = folder / "tiny"
        tiny.mkdir()
        for i in range(args.tiny):
            (tiny / f"note-{i:05d}.txt").write_text(f"Note {i}: the Parties shall consult on {i % 28 + 1} May 2025.\n")
        os.mkfifo(tiny / "zz-fifo.txt")  # not files: a folder walk skips them, named they fail
        (tiny / "zz-zero.txt").symlink_to("/dev/zero")
        code, out, err, seconds, peak = run(["add", str(tiny), str(tiny / "zz-fifo.txt"), str(tiny / "zz-zero.txt"),
                                             "--db", str(folder / "lib.db"), "--format", "json"], folder)
        import json

        report = json.loads(out) if out.strip().startswith("{") else {}
        stored, failed = len(report.get("stored", [])), len(report.get("failed", []))
        flag = "" if stored == args.tiny and failed == 2 and peak <= BOUND_MB else "  <-- FAIL"
        bad += bool(flag)
        print(f"\nadd {args.tiny} tiny files + a FIFO + /dev/zero: exit {code}, {stored} stored, {failed} failed, "
              f"{seconds:.1f} s ({args.tiny / seconds:.0f} files/s), parent peak {peak:.0f} MB{flag}")
    print(f"\n{'all answered' if not bad else f'{bad} FAILED'} (memory bound {BOUND_MB} MB)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
