from __future__ import annotations

from collections.abc import Iterable

from canhgiac.indicators.feeds import FeedEntry, FeedItem, FeedProblem


def split(items: Iterable[FeedItem]) -> tuple[list[FeedEntry], list[FeedProblem]]:
    entries: list[FeedEntry] = []
    problems: list[FeedProblem] = []
    for item in items:
        (entries if isinstance(item, FeedEntry) else problems).append(item)  # type: ignore[arg-type]
    return entries, problems


def values(entries: Iterable[FeedEntry]) -> list[tuple[str, str | None]]:
    return [(e.raw, e.kind_hint) for e in entries]
