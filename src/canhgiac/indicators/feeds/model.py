"""What every feed parser yields: entries to normalise and problems to count."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from itertools import count, repeat
from types import MappingProxyType
from typing import Any, NamedTuple

# Bounds applied to hostile feed content.
MAX_LINE_CHARS = 8192  # longer lines are reported, not parsed
MAX_JSON_ITEM_BYTES = 4 * 1024 * 1024  # one JSON array element (event, object)
MAX_JSON_FILE_BYTES = 256 * 1024 * 1024  # a MISP event file loaded whole
MAX_EXTRA_CHARS = 512  # strings kept in FeedEntry.extra are truncated to this


NO_EXTRA: Mapping[str, Any] = MappingProxyType({})


# NamedTuples rather than frozen dataclasses: a feed has millions of entries and tuple
# construction is several times cheaper.
class FeedEntry(NamedTuple):
    """One candidate indicator as found in a feed.

    ``raw`` is the indicator text as written (comments and surrounding blanks removed,
    ports and wildcards split off into ``extra``); it still goes through the normaliser.
    ``kind_hint`` is an :class:`~canhgiac.indicators.kinds.IndicatorKind` value guessed
    from the shape or declared by the feed, or None when the normaliser must decide.
    ``line_no`` is the 1-based line (text formats) or item ordinal (JSON formats) inside
    ``file`` (multi-file feeds) or the feed.
    """

    line_no: int
    raw: str
    kind_hint: str | None = None
    category: str | None = None
    family: str | None = None
    first_seen: datetime | None = None
    extra: Mapping[str, Any] = NO_EXTRA
    file: str | None = None


class FeedProblem(NamedTuple):
    """A line or item that yielded no entry.

    ``skipped`` is True for content deliberately left out (regex trails, hash attributes,
    path-only URLs); False for malformed content.
    """

    line_no: int
    reason: str
    raw: str | None = None
    file: str | None = None
    skipped: bool = False


FeedItem = FeedEntry | FeedProblem


class FeedBlock(NamedTuple):
    """Consecutive lines of one file that each parse to a plain entry, in one object.

    Stands for ``FeedEntry(first_line + i, value, kind_hint, category, family, None,
    extra, file)`` for the i-th of ``values``, ``extra`` being ``extras[i]`` (or none):
    bulk import handles a block of a hundred thousand host names as one list instead of
    a hundred thousand objects. :func:`expand_blocks` turns blocks back into entries.
    """

    first_line: int
    values: list[str]
    kind_hint: str
    category: str | None = None
    family: str | None = None
    file: str | None = None
    extras: list[Mapping[str, Any]] | None = None

    def entries(self) -> Iterator[FeedEntry]:
        # All in C (map, zip, tuple.__new__): parse() expands every block of a big feed.
        fields = zip(
            count(self.first_line),
            self.values,
            repeat(self.kind_hint),
            repeat(self.category),
            repeat(self.family),
            repeat(None),
            repeat(NO_EXTRA) if self.extras is None else self.extras,
            repeat(self.file),
        )
        return map(partial(tuple.__new__, FeedEntry), fields)


FeedChunk = FeedItem | FeedBlock


def expand_blocks(chunks: Iterable[FeedChunk]) -> Iterator[FeedItem]:
    """The items of ``chunks`` with every block replaced by its entries, in order."""
    for chunk in chunks:
        if isinstance(chunk, FeedBlock):
            yield from chunk.entries()
        else:
            yield chunk


@dataclass
class FeedStats:
    """Counters for a parse; ``examples`` keeps the first few malformed items."""

    entries: int = 0
    malformed: int = 0
    skipped: int = 0
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    examples: list[FeedProblem] = field(default_factory=list)
    max_examples: int = 20

    def add(self, item: FeedItem) -> None:
        if isinstance(item, FeedEntry):
            self.entries += 1
        elif item.skipped:
            self.skipped += 1
            self.skipped_reasons[item.reason] = self.skipped_reasons.get(item.reason, 0) + 1
        else:
            self.malformed += 1
            if len(self.examples) < self.max_examples:
                self.examples.append(item)


def entries_only(items: Iterable[FeedItem], stats: FeedStats) -> Iterator[FeedEntry]:
    """Yield the entries, counting every item (entries and problems) into ``stats``."""
    for item in items:
        stats.add(item)
        if isinstance(item, FeedEntry):
            yield item


def clip(value: object) -> Any:
    """Bound a value copied from a feed into ``extra`` (strings truncated, lists capped)."""
    if isinstance(value, str):
        return value[:MAX_EXTRA_CHARS]
    if isinstance(value, list):
        return [clip(v) for v in value[:32]]
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)[:MAX_EXTRA_CHARS]
