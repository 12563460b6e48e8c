"""Command-line entry point: parses, calls the API, prints. No analysis logic here.

Errors the user can act on (:class:`pactlens.errors.PactlensError`) become one
line on stderr and exit status 2; set ``PACTLENS_DEBUG=1`` to see tracebacks.

Typer and the command modules are imported when a command runs, not when this package is:
``pactlens --help`` at a terminal 80 or more columns wide (and wherever output is not a
terminal) prints the same text typer would, kept in :mod:`pactlens.cli.top_help`, without
importing typer (about three quarters of the start; any submodule of typer imports all of it).
"""

from __future__ import annotations

import os
import sys

# pydantic looks for plugins in every installed distribution's entry points the first time it
# builds a model (a scan of site-packages: ~0.05 s of a cold start, several times that on a busy
# machine), and the command line installs none. Its documented switch turns the scan off for this
# process only; a user who wants a pydantic plugin (e.g. an instrumentation) sets the variable
# themselves, to '' or a list of names, and it is left as they set it.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

TYPE_CHECKING = False  # typing's own constant, without importing typing (a tenth of a fast --help)
if TYPE_CHECKING:
    import typer


def application() -> typer.Typer:
    """The Typer application with every command registered (imported on first use; typer reads
    it through :func:`main`, tests through ``CliRunner``)."""
    from pactlens.cli.app import app

    # Command modules register themselves on ``app`` when imported.
    from pactlens.cli import analyze as _analyze  # noqa: F401
    from pactlens.cli import library as _library  # noqa: F401
    from pactlens.cli import serve as _serve  # noqa: F401
    from pactlens.cli import check as _check  # noqa: F401
    from pactlens.cli import bench as _bench  # noqa: F401

    return app


def main(argv: list[str] | None = None) -> None:
    """Run one command (``argv``, default the process's arguments) as a user sees it: every way it can end
    becomes an exit status and at most one line on stderr. Tests call it in-process with ``argv``."""
    from pactlens.cli import top_help

    if top_help.answers(sys.argv[1:] if argv is None else argv):
        sys.stdout.write(top_help.TEXT)
        return
    from pactlens.errors import PactlensError, one_line

    app = application()
    try:
        # standalone_mode=False returns typer.Exit's code instead of exiting
        rc = app(args=argv, prog_name=None if argv is None else "pactlens", standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except PactlensError as exc:
        print(f"pactlens: error: {one_line(str(exc))}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("pactlens: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (e.g. `| head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:  # click usage errors and bugs
        # Recognised by shape, not class: recent typer vendors its own copy of click
        # (typer._click), whose exceptions are not click's.
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()  # "Usage: ... Error: Missing argument 'FILES...'."
            sys.exit(exc.exit_code)
        if type(exc).__name__ == "Abort":
            print("pactlens: aborted", file=sys.stderr)
            sys.exit(130)
        if os.environ.get("PACTLENS_DEBUG"):
            raise
        print(f"pactlens: internal error: {type(exc).__name__}: {one_line(str(exc))} (set PACTLENS_DEBUG=1 for details)",
              file=sys.stderr)
        sys.exit(1)
    finally:
        if argv is None:
            _quiet_shutdown()


def _quiet_shutdown() -> None:
    """Ignore Ctrl-C once the command has ended: an interrupt that lands while the interpreter
    shuts down (joining threads, flushing) would otherwise kill the process by the signal (exit
    -2, no message) instead of the status the command chose. Only for a real process: tests call
    :func:`main` in-process with ``argv`` and keep their own handler."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
