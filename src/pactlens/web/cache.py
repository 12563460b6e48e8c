"""Rendered pages and search answers, each kept with the version of the data it was made from.

A document page is a pure function of one stored analysis, and a search
answer of the whole library; making them (loading and parsing the analysis,
cutting the text into marked segments, the template) costs far more than
serving them. So each entry keeps the *version* it was built from (the
document's stamp, the library's generation, see :class:`pactlens.store.Library`)
and is rebuilt only when that version has moved.

Checking the version is cheap but is still a database call, so an entry
checked less than ``recheck`` seconds ago is served without one: a change
made by another process (``pactlens reanalyse``, a second server) shows
within that time, and this server's own writes call :meth:`PageCache.recheck_all`
so they show at once. Under load, one thread per key builds a missing page
while the others wait for it, instead of all building the same page.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sized
from dataclasses import dataclass
from typing import Generic, TypeVar

from starlette.concurrency import run_in_threadpool

T = TypeVar("T")
_STRIPES = 64  # per-key build locks, striped so arbitrary search strings cannot grow a lock table


@dataclass
class _Entry(Generic[T]):
    version: Hashable
    checked: float
    value: T
    size: int = 0


class PageCache(Generic[T]):
    """At most ``maxsize`` entries and ``max_bytes`` of pages (a page of a long treaty runs to
    megabytes), the least recently used going first."""

    def __init__(self, recheck: float = 1.0, maxsize: int = 512, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.recheck, self.maxsize, self.max_bytes = recheck, maxsize, max_bytes
        self._bytes = 0
        self._items: OrderedDict[Hashable, _Entry[T]] = OrderedDict()
        self._lock = threading.Lock()
        self._build_locks = [threading.Lock() for _ in range(_STRIPES)]
        self._epoch = 0.0  # entries checked before this moment are rechecked before use

    def fresh(self, key: Hashable) -> T | None:
        """The value if it was checked recently enough to serve without asking the database
        (safe to call on the event loop: no I/O)."""
        with self._lock:
            entry = self._items.get(key)
            if entry is None or not self._is_fresh(entry, time.monotonic()):
                return None
            self._items.move_to_end(key)
            return entry.value

    def get(self, key: Hashable, version: Callable[[], Hashable], build: Callable[[], T]) -> T:
        """The value for ``key``, rebuilt by ``build`` only when ``version()`` differs from the
        one it was built at. Blocking (database calls): run it in a worker thread."""
        with self._build_locks[hash(key) % _STRIPES]:
            if (value := self.fresh(key)) is not None:  # another thread just checked or built it
                return value
            asked = time.monotonic()  # before the version is read: a write after it makes the entry stale
            current = version()
            with self._lock:
                entry = self._items.get(key)
                if entry is not None and entry.version == current:
                    entry.checked = asked
                    self._items.move_to_end(key)
                    return entry.value
            value = build()  # may raise (a 404): nothing is stored then
            size = len(value) if isinstance(value, Sized) else 0
            if size <= self.max_bytes:
                self._put(key, _Entry(current, asked, value, size))
            return value

    def recheck_all(self) -> None:
        """This server wrote to the library: check every entry's version before serving it."""
        with self._lock:
            self._epoch = time.monotonic()

    def _is_fresh(self, entry: _Entry[T], now: float) -> bool:
        return entry.checked > self._epoch and now - entry.checked < self.recheck

    def _put(self, key: Hashable, entry: _Entry[T]) -> None:
        with self._lock:
            if (old := self._items.pop(key, None)) is not None:
                self._bytes -= old.size
            self._items[key] = entry
            self._bytes += entry.size
            while len(self._items) > self.maxsize or self._bytes > self.max_bytes:
                self._bytes -= self._items.popitem(last=False)[1].size


async def cached(cache: PageCache[T], key: Hashable, version: Callable[[], Hashable], build: Callable[[], T]) -> T:
    """From the cache on the event loop when the entry is fresh; else checked (and rebuilt if
    needed) in a worker thread, so the loop never waits on the database."""
    if (value := cache.fresh(key)) is not None:
        return value
    return await run_in_threadpool(cache.get, key, version, build)
