"""The look-up cache: keyed by the normalised value, short-lived, bounded."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from canhgiac.errors import ValidationFailed
from canhgiac.indicators import store
from canhgiac.indicators.lookup_cache import LookupCache, cache_key, cached_lookup


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_spellings_of_one_value_share_a_key() -> None:
    assert cache_key("0912 345 678") == cache_key("0912.345.678") == cache_key("0912-345-678")
    # Bare digits may also be an account number at any bank: that is part of the question.
    assert cache_key("+84912345678") != cache_key("0912 345 678")
    assert cache_key("EVIL.example.com") == cache_key("evil.example.com")
    assert cache_key("evil.example.com") != cache_key("login.evil.example.com")
    with pytest.raises(ValidationFailed):
        cache_key("xin chào")


@pytest.mark.db
def test_answers_are_cached_for_the_ttl_and_echo_each_query(db: Session) -> None:
    clock = Clock()
    cache = LookupCache(ttl_seconds=30, clock=clock)
    first = cached_lookup(db, cache, "0912 345 678")
    assert first.status == "unknown" and len(cache) == 1
    store.record_indicator(db, raw="0912345678", source="tip:a", count_as_report=True)
    clock.now = 29
    cached = cached_lookup(db, cache, "0912.345.678")
    assert cached.status == "unknown" and cached.query == "0912.345.678"
    clock.now = 31  # expired: a status change shows within the TTL
    assert cached_lookup(db, cache, "0912-345-678").status == "reported"


def test_size_is_bounded() -> None:
    from canhgiac.indicators.lookup import LookupAnswer

    cache = LookupCache(max_entries=3)
    for n in range(10):
        cache.put(str(n), LookupAnswer(query=str(n), status="unknown"))
    assert len(cache) == 3 and cache.get("9") is not None and cache.get("0") is None
