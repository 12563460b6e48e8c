"""Where a command's output goes: stdout, or a file written atomically (``--out``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Optional, TextIO

from pactlens.report.registry import FILE_WIDTH


def write(out: Optional[Path], render: Callable[[TextIO], object]) -> None:
    """Write to --out atomically (a failure never leaves a half-written file), or to stdout."""
    if out is None:
        render(sys.stdout)
        return
    import os
    import tempfile

    from pactlens.errors import PactlensError

    out = out.expanduser()
    if out.is_dir():
        raise PactlensError(f"cannot write {out}: it is a folder")
    if out.exists() and not out.is_file():
        # A device or a FIFO (``--out /dev/null``): write through it. Renaming a temporary
        # file over it would replace the device itself, and as root that breaks the machine.
        try:
            with open(out, "w", encoding="utf-8") as fh:
                render(fh)
        except OSError as exc:
            raise PactlensError(f"cannot write {out}: {exc.strerror or exc}") from None
        return
    if out.is_symlink():
        out = out.resolve()  # replace the file the link names, and keep the link
    try:
        fd, tmp = tempfile.mkstemp(dir=out.parent if str(out.parent) else ".", prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise PactlensError(f"cannot write {out}: {exc.strerror or exc}"
                            + (f" (folder {out.parent} does not exist)" if not out.parent.exists() else "")) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            render(fh)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PactlensError(f"cannot write {out}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def text_width(out: Optional[Path]) -> int | None:
    """The text report's width: the terminal's on stdout, a fixed width in a file."""
    return None if out is None else FILE_WIDTH
