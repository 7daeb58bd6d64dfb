"""Import a feed file or folder into the store: parse, normalise, bulk-merge, report.

Malformed lines are counted and reported with their line numbers; they never abort the
import and never reach the store. Importing the same content twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.bulk import BulkResult, merge
from canhgiac.indicators.bulk_stage import BulkSet
from canhgiac.indicators.collect import (
    DEFAULT_CATEGORY_MAP,
    KNOWN_CATEGORIES,
    Tally,
    collect,
    collect_feed,
)
from canhgiac.indicators.feeds.formats.csv_columns import CsvMapping
from canhgiac.indicators.feeds.model import FeedChunk

__all__ = [
    "DEFAULT_CATEGORY_MAP",
    "KNOWN_CATEGORIES",
    "ImportReport",
    "import_items",
    "import_path",
]


@dataclass
class ImportReport:
    source: str
    entries: int = 0
    stored: int = 0  # entries that normalised and went to the store
    malformed: int = 0
    skipped: int = 0
    problems: list[tuple[str | None, int, str]] = field(
        default_factory=list
    )  # (file, line, reason)
    bulk: BulkResult | None = None

    def to_dict(self) -> dict[str, object]:
        bulk = self.bulk or BulkResult()
        return {
            "source": self.source,
            "entries": self.entries,
            "stored": self.stored,
            "distinct": bulk.distinct,
            "created": bulk.created,
            "unchanged": bulk.unchanged,
            "linked": bulk.linked,
            "revived": bulk.revived,
            "aged_out": bulk.aged_out,
            "malformed": self.malformed,
            "skipped": self.skipped,
            "problems": [{"file": f, "line": n, "reason": r} for f, n, r in self.problems],
        }


def _check(source: str, default_category: str | None) -> None:
    if not source.strip():
        raise ValidationFailed("Cần tên nguồn / a source name is required", field="source")
    if default_category and default_category not in KNOWN_CATEGORIES:
        raise ValidationFailed(
            f"Danh mục không hợp lệ: {default_category} / unknown category", field="category"
        )


def _store(
    session: Session,
    bulk: BulkSet,
    tally: Tally,
    *,
    source: str,
    feed_id: int | None,
    status: str,
    full_snapshot: bool | Callable[[int], bool],
) -> ImportReport:
    result = merge(
        session, bulk, source=source, feed_id=feed_id, status=status, full_snapshot=full_snapshot
    )
    return ImportReport(
        source=source,
        entries=tally.entries,
        stored=tally.stored,
        malformed=tally.malformed + tally.stats.malformed,
        skipped=tally.stats.skipped,
        problems=tally.problems,
        bulk=result,
    )


def import_items(
    session: Session,
    items: Iterable[FeedChunk],
    *,
    source: str,
    feed_id: int | None = None,
    status: str = "verified",
    default_category: str | None = None,
    category_map: Mapping[str, str] | None = None,
    full_snapshot: bool | Callable[[int], bool] = True,
    max_problems: int = 100,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import parsed feed items (entries, problems, blocks) as everything ``source`` lists."""
    _check(source, default_category)
    bulk, tally = BulkSet(), Tally()
    collect(
        items,
        bulk,
        tally,
        default_category=default_category,
        category_map=category_map or {},
        max_problems=max_problems,
        progress=progress,
    )
    return _store(
        session,
        bulk,
        tally,
        source=source,
        feed_id=feed_id,
        status=status,
        full_snapshot=full_snapshot,
    )


def import_path(
    session: Session,
    path: Path,
    *,
    fmt: str,
    source: str,
    category: str | None = None,
    csv_mapping: CsvMapping | None = None,
    feed_id: int | None = None,
    status: str = "verified",
    category_map: Mapping[str, str] | None = None,
    full_snapshot: bool | Callable[[int], bool] = True,
    max_problems: int = 100,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import a feed file or folder (a big trail folder is parsed on two cores)."""
    if not path.exists():
        raise ValidationFailed(f"Không có tệp/thư mục {path} / path not found", field="path")
    _check(source, category)
    bulk, tally = collect_feed(
        fmt,
        path,
        category=category,
        csv_mapping=csv_mapping,
        category_map=category_map or {},
        max_problems=max_problems,
        progress=progress,
    )
    return _store(
        session,
        bulk,
        tally,
        source=source,
        feed_id=feed_id,
        status=status,
        full_snapshot=full_snapshot,
    )
