"""A small time-limited cache of rendered document pages.

A document page is a pure function of the stored analysis, and rendering it
(loading the analysis, cutting the text into marked segments, the template)
costs far more than serving it. This server empties the cache on its own
writes; the time limit bounds how long a change made by another process
(``pactlens reanalyse`` on the same library) can go unseen.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict


class PageCache:
    def __init__(self, ttl: float = 15.0, maxsize: int = 256) -> None:
        self.ttl, self.maxsize = ttl, maxsize
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] < time.monotonic():
                self._items.pop(key, None)
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: str, page: str) -> None:
        with self._lock:
            self._items[key] = (time.monotonic() + self.ttl, page)
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
