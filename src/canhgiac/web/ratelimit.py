"""Per-client rate limiting for public endpoints (the look-up and disputes).

An in-process sliding-window counter (the previous fixed window, weighted by how much of it
still overlaps the sliding window, plus the current one): O(1) memory per client, and the
number of clients tracked is bounded, least recently seen dropped first. Behind several
workers each process counts on its own, which only makes the limit more generous.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from fastapi import Request
from starlette.exceptions import HTTPException

from canhgiac.web.deps import app_settings, client_ip

DEFAULT_MAX_CLIENTS = 50_000


class SlidingWindowLimiter:
    def __init__(
        self,
        limit: int,
        *,
        window_seconds: float = 60.0,
        max_clients: int = DEFAULT_MAX_CLIENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = max(1, limit)
        self.window = window_seconds
        self.max_clients = max_clients
        self._clock = clock
        self._lock = threading.Lock()
        # key -> [start of the current fixed window, count in the previous one, count now]
        self._state: OrderedDict[str, list[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._state)

    def hit(self, key: str) -> float | None:
        """Count one request; None when allowed, else the seconds to wait before retrying."""
        now = self._clock()
        with self._lock:
            state = self._state.get(key)
            if state is None:
                state = [now, 0.0, 0.0]
                self._state[key] = state
            self._state.move_to_end(key)
            start, previous, current = state
            elapsed_windows = (now - start) // self.window
            if elapsed_windows >= 1:
                previous = current if elapsed_windows == 1 else 0.0
                current = 0.0
                start += elapsed_windows * self.window
            overlap = 1.0 - (now - start) / self.window
            estimate = previous * overlap + current
            if estimate + 1 > self.limit:
                state[:] = [start, previous, current]
                return self._retry_after(now, start, previous, current)
            state[:] = [start, previous, current + 1]
            while len(self._state) > self.max_clients:
                self._state.popitem(last=False)
            return None

    def _retry_after(self, now: float, start: float, previous: float, current: float) -> float:
        room = self.limit - 1 - current
        if room >= 0 and previous > 0:
            # Wait until the previous window's weight has decayed enough for one more.
            return max(start + self.window * (1.0 - room / previous) - now, 0.0)
        # The current window alone is full: wait into the next one, where it decays.
        next_start = start + self.window
        return max(next_start + self.window * (1.0 - (self.limit - 1) / current) - now, 0.0)


def _limiter(request: Request) -> SlidingWindowLimiter:
    state = request.app.state
    limiter = getattr(state, "lookup_limiter", None)
    if not isinstance(limiter, SlidingWindowLimiter):
        limiter = SlidingWindowLimiter(app_settings(request).lookup_rate_per_minute)
        state.lookup_limiter = limiter
    return limiter


def limit_public_lookups(request: Request) -> None:
    """Dependency of the public look-up and dispute endpoints: 429 with Retry-After."""
    wait = _limiter(request).hit(client_ip(request) or "unknown")
    if wait is not None:
        raise HTTPException(status_code=429, headers={"Retry-After": str(max(1, math.ceil(wait)))})
