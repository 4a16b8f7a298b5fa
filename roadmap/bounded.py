"""An answer cache of a fixed number of entries that every session's thread shares: the query layer's kept rows
per filter combination and its tables per state of the report log."""
from __future__ import annotations

import threading


class Bounded:
    """At most `entries` answers, shared by every session's thread; the least recently used goes first.  Two
    threads asking for the same new key may both compute it: the answers are equal, and neither waits."""

    def __init__(self, entries: int):
        self._entries = entries
        self._lock = threading.Lock()
        self._found: dict = {}

    def get(self, key, compute):
        with self._lock:
            found = self._found.pop(key, None)
            if found is not None:
                self._found[key] = found  # the most recently used goes last
                return found
        found = compute()
        with self._lock:
            if len(self._found) >= self._entries:
                self._found.pop(next(iter(self._found)))
            self._found[key] = found
        return found

    def clear(self) -> None:
        with self._lock:
            self._found.clear()
