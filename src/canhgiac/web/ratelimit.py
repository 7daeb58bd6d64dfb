"""Per-client rate limiting for public endpoints (the look-up and disputes).

An in-process sliding window: for each client the times of its last ``limit`` requests
(a bounded deque), so a client is refused exactly while ``limit`` requests fall within the
window and Retry-After says when the oldest leaves it. The number of clients tracked is
bounded too, least recently seen dropped first. Behind several workers each process counts
on its own, which only makes the limit more generous.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from fastapi import Request
from starlette.exceptions import HTTPException

from canhgiac.web.deps import app_settings, client_ip

DEFAULT_MAX_CLIENTS = 10_000


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
        self._recent: OrderedDict[str, deque[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._recent)

    def hit(self, key: str) -> float | None:
        """Count one request; None when allowed, else the seconds to wait before retrying."""
        now = self._clock()
        with self._lock:
            times = self._recent.get(key)
            if times is None:
                times = deque(maxlen=self.limit)
                self._recent[key] = times
                while len(self._recent) > self.max_clients:
                    self._recent.popitem(last=False)
            self._recent.move_to_end(key)
            if len(times) == self.limit and now - times[0] < self.window:
                return times[0] + self.window - now  # refused requests are not counted
            times.append(now)
            return None


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
