"""Progress of a batch run: a live bar on a terminal, plain periodic lines elsewhere."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts files, bytes and failures; shows them as a rich bar or as log lines."""

    def __init__(self, total: int, total_bytes: int, *, stream: TextIO | None = None,
                 enabled: bool = True, every: float = 5.0) -> None:
        self.total, self.total_bytes = total, total_bytes
        self.done = self.failed = self.skipped = self.bytes = 0
        self.stream = stream or sys.stderr
        self.every = every
        self.started = time.monotonic()
        self._last = self.started
        self._bar = None
        self.enabled = enabled
        if enabled and self.stream.isatty():
            self._start_bar()

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

        self._bar = Bar(
            TextColumn("[bold]analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("failures: {task.fields[failed]}"),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            transient=False,
        )
        self._task = self._bar.add_task("files", total=self.total, rate="", failed=0)
        self._bar.start()

    def rate(self) -> float:
        """MB/s of source bytes analysed so far."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return self.bytes / elapsed / 1e6

    def advance(self, *, size: int = 0, failed: bool = False, skipped: bool = False) -> None:
        self.done += 1
        self.bytes += size
        self.failed += failed
        self.skipped += skipped
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, rate=f"{self.rate():.2f} MB/s", failed=self.failed)
            return
        now = time.monotonic()
        if now - self._last >= self.every:  # short runs print no progress lines; the summary says it all
            self._last = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        left = self.total - self.done
        eta = (elapsed / self.done * left) if self.done else 0.0
        return (f"pactlens: {self.done}/{self.total} files, {self.rate():.2f} MB/s, "
                f"{self.failed} failed, {self.skipped} already stored, ETA {eta:.0f}s")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
