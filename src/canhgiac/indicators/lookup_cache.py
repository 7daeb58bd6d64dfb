"""A short-lived, bounded cache of public look-up answers, keyed by the normalised value.

The look-up page and API are public, so repeated questions about a value in the news must
not each hit the database. Entries live only ``ttl_seconds`` (a status change shows within
that time in every process) and the front doors clear the cache of their own process on
every write, so an analyst sees the effect of a change at once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from canhgiac.indicators.lookup import LookupAnswer, _resolve, lookup

DEFAULT_TTL_SECONDS = 30.0
DEFAULT_MAX_ENTRIES = 10_000


class LookupCache:
    def __init__(
        self,
        *,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl_seconds
        self.max_entries = max_entries
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[float, LookupAnswer]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> LookupAnswer | None:
        now = self._clock()
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            expires, answer = found
            if expires <= now:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return answer

    def put(self, key: str, answer: LookupAnswer) -> None:
        with self._lock:
            self._entries[key] = (self._clock() + self.ttl, answer)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def cache_key(query: str) -> str:
    """The normalised identity of a question; raises ValidationFailed for unrecognised input."""
    ind, digits = _resolve(query)
    return f"{ind.kind.value}\x1f{ind.value}\x1f{digits or ''}"


def cached_lookup(session: Session, cache: LookupCache, query: str) -> LookupAnswer:
    """``lookup`` through the cache; the answer echoes this caller's own spelling."""
    key = cache_key(query)
    answer = cache.get(key)
    if answer is None:
        answer = lookup(session, query)
        cache.put(key, answer)
    return replace(answer, query=query, notes=list(answer.notes))


def cache_for(holder: Any) -> LookupCache:
    """The cache kept on an application's state (one per process and application)."""
    cache = getattr(holder, "lookup_cache", None)
    if not isinstance(cache, LookupCache):
        cache = LookupCache()
        holder.lookup_cache = cache
    return cache
