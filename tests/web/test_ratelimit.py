"""The sliding-window limiter behind the public look-up."""

from __future__ import annotations

from canhgiac.web.ratelimit import SlidingWindowLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_refuses_the_request_over_the_limit_until_the_oldest_leaves_the_window() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(3, window_seconds=60, clock=clock)
    for step in range(3):
        clock.now = 1000.0 + step * 10
        assert limiter.hit("10.0.0.1") is None
    clock.now = 1025.0
    assert limiter.hit("10.0.0.1") == 35.0  # the first request (t=1000) leaves at 1060
    assert limiter.hit("10.0.0.2") is None  # other clients are counted apart
    clock.now = 1060.0
    assert limiter.hit("10.0.0.1") is None
    assert limiter.hit("10.0.0.1") == 10.0  # the next oldest (t=1010) leaves at 1070


def test_memory_is_bounded_by_the_number_of_clients() -> None:
    limiter = SlidingWindowLimiter(2, max_clients=100, clock=Clock())
    for n in range(1000):
        limiter.hit(f"client-{n}")
    assert len(limiter) == 100
