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
so they show at once. Under load, one thread per key checks or builds an entry
while the other requests for it wait on the event loop, not in threads of their
own: a new document's first page takes a tenth of a second to build, and the
readers who all open it at once used to hold every thread of the pool waiting
for it, so a search that needed one queued behind them (bench/load.py).
"""

from __future__ import annotations

import asyncio
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sized
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
_STRIPES = 64  # per-key build locks, striped so arbitrary search strings cannot grow a lock table
#: A check or build in flight: when it began (monotonic) and the future of its thread's answer.
_Flight = tuple[float, "asyncio.Future"]
#: Threads that check and build entries (database reads, rendering): more only queue for the GIL.
BUILD_THREADS = 8
_EXECUTOR: ThreadPoolExecutor | None = None
_EXECUTOR_LOCK = threading.Lock()


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
        #: per event loop, the checks or builds in flight by key (touched only on that loop)
        self._flights: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[Hashable, _Flight]] = \
            weakref.WeakKeyDictionary()

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
    needed) in a worker thread, so the loop never waits on the database. Requests for a key
    already being checked share that one call: they wait for it on the loop, holding no thread."""
    if (value := cache.fresh(key)) is not None:
        return value
    loop = asyncio.get_running_loop()
    flights = cache._flights.setdefault(loop, {})
    flight = flights.get(key)
    if flight is None or flight[0] <= cache._epoch:  # none, or begun before this server's last write
        future = loop.run_in_executor(_executor(), cache.get, key, version, build)
        flight = flights[key] = (time.monotonic(), future)
        future.add_done_callback(lambda f: _landed(flights, key, f))
    return await asyncio.shield(flight[1])  # a reader who leaves does not cancel the others' answer


def _executor() -> ThreadPoolExecutor:
    """The threads that check and build entries, shared by every cache of the process.

    A plain executor, not the thread pool of Starlette's ``run_in_threadpool``: anyio's call
    yields to the event loop before it starts and again to take a limiter token, and under
    load each turn of the loop waits behind every other request in it (bench/load.py on a busy
    machine: a new search spent 2 ms in its thread and 180-290 ms between being handed over
    and starting there)."""
    global _EXECUTOR
    with _EXECUTOR_LOCK:
        if _EXECUTOR is None:
            _EXECUTOR = ThreadPoolExecutor(BUILD_THREADS, thread_name_prefix="pactlens-page")
        return _EXECUTOR


def _landed(flights: dict[Hashable, _Flight], key: Hashable, future: asyncio.Future) -> None:
    if key in flights and flights[key][1] is future:
        del flights[key]
    if not future.cancelled():
        future.exception()  # its error (a 404) went to whoever waited; never "never retrieved"
