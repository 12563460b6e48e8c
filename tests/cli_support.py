"""Run the pactlens command line inside the test process: what ``python -m pactlens ARGS`` prints and
exits with, without starting an interpreter and importing the pipeline (and spaCy) again for every call.

It goes through :func:`pactlens.cli.main`, the real entry point's body, so a
user-facing error is the same one line and exit status 2 as in a shell; only
the few tests that need a real process (signals, ``serve``, the installed
entry point) start one. stdout and stderr are captured apart. State that
could leak from one run into the next is put back and checked: environment
variables (``env`` overrides are undone), the working directory (``cwd``)
and the SIGINT/SIGTERM handlers.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class CliResult:
    """The parts of :class:`subprocess.CompletedProcess` the tests read."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str | os.PathLike, input: str | None = None, env: Mapping[str, str | None] | None = None,
            cwd: str | os.PathLike | None = None) -> CliResult:
    """``pactlens ARGS`` in-process; ``env`` entries set (or, with None, remove) variables for this run only."""
    from typer.testing import CliRunner

    from pactlens.cli import main

    argv = [os.fspath(a) for a in args]
    environ, here = dict(os.environ), os.getcwd()
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    with CliRunner().isolation(input=input, env=env) as (out, err, _):
        code = 0
        try:
            if cwd is not None:
                os.chdir(cwd)
            main(argv)
        except SystemExit as exc:
            code = _status(exc.code)
        finally:
            os.chdir(here)
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = out.getvalue(), err.getvalue()  # the streams close with the isolation
    leaked = {k for k in environ.keys() | os.environ.keys() if environ.get(k) != os.environ.get(k)}
    assert not leaked, f"pactlens {' '.join(argv)} left environment variables changed: {sorted(leaked)}"
    assert {s: signal.getsignal(s) for s in handlers} == handlers, "a signal handler was left installed"
    return CliResult(tuple(argv), code, stdout.decode("utf-8"), stderr.decode("utf-8", errors="backslashreplace"))


def _status(code: object) -> int:
    """The exit status Python gives a process that raises ``SystemExit(code)``."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1
