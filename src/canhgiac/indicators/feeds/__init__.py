"""Indicator feeds: pure, streaming parsers for each format, and a safe downloader.

``parse_feed(format, source)`` yields :class:`FeedEntry` (a candidate indicator to
normalise) and :class:`FeedProblem` (a malformed or deliberately skipped line) in file
order; count them with :class:`FeedStats`. Storing entries is the store's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds.formats import (
    chongluadao,
    csv_columns,
    maltrail,
    misp,
    plain,
    stix,
    urlhaus,
)
from canhgiac.indicators.feeds.formats.csv_columns import CsvMapping
from canhgiac.indicators.feeds.model import (
    FeedBlock,
    FeedChunk,
    FeedEntry,
    FeedItem,
    FeedProblem,
    FeedStats,
    entries_only,
    expand_blocks,
)

FORMATS = ("plain", "csv", "maltrail", "urlhaus", "chongluadao", "misp", "stix")
# Formats whose source is a folder rather than one file.
DIRECTORY_FORMATS = frozenset({"maltrail", "misp"})

__all__ = [
    "DIRECTORY_FORMATS",
    "FORMATS",
    "CsvMapping",
    "FeedBlock",
    "FeedChunk",
    "FeedEntry",
    "FeedItem",
    "FeedProblem",
    "FeedStats",
    "entries_only",
    "expand_blocks",
    "parse_feed",
    "parse_feed_chunks",
]


def parse_feed(
    fmt: str,
    source: Path | str,
    *,
    csv_mapping: CsvMapping | None = None,
    category: str | None = None,
) -> Iterator[FeedItem]:
    """Parse a local feed file or folder in format ``fmt`` (one of :data:`FORMATS`)."""
    path = _checked(fmt, source)
    if fmt == "plain":
        return plain.parse(path, category=category)
    if fmt == "csv":
        if csv_mapping is None:
            raise ValidationFailed(
                "CSV cần ánh xạ cột / CSV needs a column mapping", field="csv_mapping"
            )
        return csv_columns.parse(path, csv_mapping)
    if fmt == "maltrail":
        return maltrail.parse(path)
    if fmt == "urlhaus":
        return urlhaus.parse(path)
    if fmt == "chongluadao":
        return chongluadao.parse(path, category=category)
    if fmt == "misp":
        return misp.parse(path)
    return stix.parse(path)


def parse_feed_chunks(
    fmt: str,
    source: Path | str,
    *,
    csv_mapping: CsvMapping | None = None,
    category: str | None = None,
) -> Iterator[FeedChunk]:
    """What :func:`parse_feed` yields, except that formats able to (maltrail) pass runs of
    plain entries as :class:`FeedBlock`; ``expand_blocks`` gives :func:`parse_feed`'s items."""
    if fmt == "maltrail":
        return maltrail.chunks(_checked(fmt, source))
    return parse_feed(fmt, source, csv_mapping=csv_mapping, category=category)


def _checked(fmt: str, source: Path | str) -> Path:
    path = Path(source)
    if fmt not in FORMATS:
        raise ValidationFailed(
            f"Định dạng không hỗ trợ / unsupported format '{fmt}' (one of {', '.join(FORMATS)})",
            field="format",
        )
    if not path.exists():
        raise ValidationFailed(f"Không tìm thấy / not found: {path}", field="source")
    if path.is_dir() and fmt not in DIRECTORY_FORMATS:
        raise ValidationFailed(
            f"Định dạng '{fmt}' cần một tệp / format '{fmt}' needs a file, not a folder",
            field="source",
        )
    return path
