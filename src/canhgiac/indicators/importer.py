"""Import a feed file or folder into the store: parse, normalise, bulk-merge, report.

Malformed lines are counted and reported with their line numbers; they never abort the
import and never reach the store. Importing the same content twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from canhgiac.categories import BY_CODE, THREAT_CATEGORIES
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.bulk import BulkResult, bulk_upsert
from canhgiac.indicators.fast_normalize import fast_normalize
from canhgiac.indicators.feeds import parse_feed
from canhgiac.indicators.feeds.formats.csv_columns import CsvMapping
from canhgiac.indicators.feeds.model import FeedEntry, FeedItem, FeedProblem, FeedStats
from canhgiac.indicators.normalize import normalize

KNOWN_CATEGORIES = frozenset(BY_CODE) | frozenset(THREAT_CATEGORIES)
# Feed vocabularies mapped onto ours when the feed does not say otherwise.
DEFAULT_CATEGORY_MAP: dict[str, str] = {
    "malware_download": "malware",
    "scam": "fraud.impersonation.brand",
    "gambling": "gambling",
    "phishing": "phishing",
    "c&c": "c2",
    "cnc": "c2",
}


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


def _category_resolver(
    default: str | None, mapping: Mapping[str, str]
) -> Callable[[str | None], str | None]:
    """Feed category → ours, memoised: feeds repeat a handful of category strings millions of times."""
    memo: dict[str | None, str | None] = {}

    def resolve(raw_category: str | None) -> str | None:
        try:
            return memo[raw_category]
        except KeyError:
            raw = (raw_category or "").strip().lower()
            mapped = mapping.get(raw) or DEFAULT_CATEGORY_MAP.get(raw) or raw
            memo[raw_category] = result = mapped if mapped in KNOWN_CATEGORIES else default
            return result

    return resolve


def _rows(
    items: Iterable[FeedItem],
    report: ImportReport,
    stats: FeedStats,
    *,
    default_category: str | None,
    category_map: Mapping[str, str],
    max_problems: int,
    progress: Callable[[int], None] | None,
) -> Iterator[tuple[str, str, str, str | None, str | None, str | None]]:
    category_of = _category_resolver(default_category, category_map)
    problems = report.problems
    entries = 0
    for item in items:
        if item.__class__ is FeedProblem:
            problem: FeedProblem = item
            stats.add(problem)
            if not problem.skipped and len(problems) < max_problems:
                problems.append((problem.file, problem.line_no, problem.reason))
            continue
        entry: FeedEntry = item  # type: ignore[assignment]
        entries += 1
        if progress is not None and entries % 50_000 == 0:
            progress(entries)
        fast = fast_normalize(entry.raw, entry.kind_hint)
        if fast is None:
            try:
                ind = normalize(entry.raw, entry.kind_hint)
            except ValidationFailed as exc:
                report.malformed += 1
                if len(problems) < max_problems:
                    problems.append((entry.file, entry.line_no, exc.message))
                continue
            fast = (ind.kind.value, ind.value, ind.display)
        report.stored += 1
        yield (fast[0], fast[1], fast[2], category_of(entry.category), entry.family, entry.file)
    report.entries = entries


def import_items(
    session: Session,
    items: Iterable[FeedItem],
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
    if not source.strip():
        raise ValidationFailed("Cần tên nguồn / a source name is required", field="source")
    if default_category and default_category not in KNOWN_CATEGORIES:
        raise ValidationFailed(
            f"Danh mục không hợp lệ: {default_category} / unknown category", field="category"
        )
    report = ImportReport(source=source)
    stats = FeedStats()
    rows = _rows(
        items,
        report,
        stats,
        default_category=default_category,
        category_map=category_map or {},
        max_problems=max_problems,
        progress=progress,
    )
    report.bulk = bulk_upsert(
        session, rows, source=source, feed_id=feed_id, status=status, full_snapshot=full_snapshot
    )
    report.malformed += stats.malformed
    report.skipped = stats.skipped
    return report


def import_path(
    session: Session,
    path: Path,
    *,
    fmt: str,
    source: str,
    category: str | None = None,
    csv_mapping: CsvMapping | None = None,
    **kwargs: Any,
) -> ImportReport:
    if not path.exists():
        raise ValidationFailed(f"Không có tệp/thư mục {path} / path not found", field="path")
    items = parse_feed(fmt, path, category=category, csv_mapping=csv_mapping)
    return import_items(session, items, source=source, default_category=category, **kwargs)
