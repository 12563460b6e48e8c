"""Limits on what one document may cost: bytes read, archive expansion, pages, characters, seconds.

One set of limits serves the CLI, the Python API and the web server, so a
file refused by one is refused by all. Defaults are safe for a shared
server (every input stays well under 1 GB of memory and a few minutes);
each can be raised, in order of precedence, by the caller (``Limits(...)``,
``--limit NAME=VALUE`` on the command line) or by the environment
(``PACTLENS_LIMIT_NAME=VALUE``, read when no limits are given; ``pactlens
serve`` passes its ``--limit`` options to its workers that way).

A document over a limit raises :class:`LimitError`, an
:class:`~pactlens.errors.InputError` whose one line names the limit and how
to raise it: the CLI exits 2, a batch records a failure and goes on, the
server answers 413.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace

from pactlens.errors import InputError

ENV_PREFIX = "PACTLENS_LIMIT_"


class LimitError(InputError):
    """A document is over one of the :class:`Limits`."""


@dataclass(frozen=True)
class Limits:
    """What one document may cost. ``0`` switches a limit off."""

    #: bytes read from a file, a URL or an upload
    bytes: int = 50 * 1024 * 1024
    #: decompressed bytes of one archive part that is read (a DOCX's ``word/document.xml``)
    part_bytes: int = 128 * 1024 * 1024
    #: decompressed / compressed size of one archive part (checked on parts over 1 MiB)
    ratio: int = 100
    #: pages of a PDF
    pages: int = 2000
    #: characters of text a reader extracts (before normalization)
    chars: int = 5_000_000
    #: seconds to analyse one document
    seconds: float = 180.0

    @classmethod
    def names(cls) -> list[str]:
        """The limits' names as the command line writes them (``part-bytes``)."""
        return [f.name.replace("_", "-") for f in fields(cls)]

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Limits":
        """Defaults, overridden by ``PACTLENS_LIMIT_<NAME>`` variables (``PACTLENS_LIMIT_PART_BYTES``)."""
        env = os.environ if environ is None else environ
        given = {f.name: env[ENV_PREFIX + f.name.upper()] for f in fields(cls) if ENV_PREFIX + f.name.upper() in env}
        return cls().with_values(given, source="environment variable " + ENV_PREFIX + "…")

    def with_values(self, values: dict[str, str], *, source: str = "--limit") -> "Limits":
        """These limits with some replaced by ``values`` (name → text), each checked."""
        changes: dict[str, float | int] = {}
        types = {f.name: f.type for f in fields(self)}
        for raw_name, raw in values.items():
            name = raw_name.strip().lower().replace("-", "_")
            if name not in types:
                raise InputError(f"unknown limit {raw_name!r} in {source} (known: {', '.join(self.names())})")
            try:
                value = float(raw) if types[name] in (float, "float") else int(float(raw))
            except ValueError:
                raise InputError(f"limit {raw_name}={raw!r} in {source}: not a number") from None
            if value < 0:
                raise InputError(f"limit {raw_name}={raw!r} in {source}: must be 0 (off) or more")
            changes[name] = value
        return replace(self, **changes)

    def parse_options(self, options: list[str] | None) -> "Limits":
        """Apply ``NAME=VALUE`` options (``--limit chars=10000000``)."""
        values: dict[str, str] = {}
        for opt in options or []:
            name, sep, value = opt.partition("=")
            if not sep:
                raise InputError(f"--limit {opt!r}: write NAME=VALUE, NAME one of {', '.join(self.names())}")
            values[name] = value
        return self.with_values(values)

    def as_env(self) -> dict[str, str]:
        """These limits as environment variables (for worker processes)."""
        return {ENV_PREFIX + f.name.upper(): str(getattr(self, f.name)) for f in fields(self)}

    # --- checks ---------------------------------------------------------------------
    def check(self, name: str, value: float, source: str, what: str) -> None:
        """Raise :class:`LimitError` when ``value`` is over the limit ``name`` (``what``
        says what was measured, e.g. "characters of text")."""
        limit = getattr(self, name)
        if limit and value > limit:
            raise LimitError(over(source, name, f"larger than the limit of {_number(limit)} {what} ({_number(value)})"))


def over(source: str, name: str, phrase: str) -> str:
    """The one line that says a document is over the limit ``name`` and how to raise it."""
    return (f"{source}: {phrase}; raise it with --limit {name.replace('_', '-')}=N "
            f"or {ENV_PREFIX}{name.upper()}=N (0: no limit)")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def resolve(limits: Limits | None, max_bytes: int | None = None) -> Limits:
    """The limits a call runs under: the given ones or the environment's, with an explicit
    ``max_bytes`` (the older ``--max-mb`` option) taking the place of ``bytes``."""
    base = limits if limits is not None else Limits.from_env()
    return base if max_bytes is None else replace(base, bytes=max_bytes)


@contextmanager
def time_limit(limits: Limits, source: str):
    """Stop the work inside after ``limits.seconds`` with a :class:`LimitError`.

    An interval timer (SIGALRM) interrupts even a single long regular
    expression; it can only be armed on the main thread, so elsewhere (a web
    server's thread pool) the work runs unbounded in time: serve uploads with
    worker processes (``--workers``, the default) to keep the bound.
    """
    seconds = limits.seconds
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous_timer = signal.getitimer(signal.ITIMER_REAL)
    if previous_timer[0]:  # someone else's timer is running: leave it alone
        yield
        return

    expired = False

    def _error() -> LimitError:
        return LimitError(over(source, "seconds", f"the analysis took longer than the limit of {_number(seconds)} seconds"))

    def _expired(signum, frame):
        nonlocal expired
        expired = True
        raise _error()

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:
        # The handler's error was swallowed: the signal landed inside a gc callback or a __del__
        # (Python prints "Exception ignored in ..." and goes on), so the work ran to its end.
        raise _error()
