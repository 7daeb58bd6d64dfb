"""abuse.ch URLhaus CSV dumps (``csv_recent`` / ``csv_online`` / full dump text).

The file opens with a ``#`` banner; its last commented line names the columns
(``# id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter``).
Rows are quoted CSV. Older dumps lack ``last_online``; both layouts are read by name.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from canhgiac.indicators.feeds.detect import URL
from canhgiac.indicators.feeds.lines import FeedSource, iter_lines, open_binary
from canhgiac.indicators.feeds.model import FeedEntry, FeedItem, FeedProblem, clip
from canhgiac.indicators.feeds.timeparse import parse_time

COLUMNS = (
    "id", "dateadded", "url", "url_status", "last_online", "threat", "tags", "urlhaus_link",
    "reporter",
)  # fmt: skip
LEGACY_COLUMNS = (
    "id",
    "dateadded",
    "url",
    "url_status",
    "threat",
    "tags",
    "urlhaus_link",
    "reporter",
)


def _header(comment: str) -> tuple[str, ...] | None:
    text = comment.lstrip("#").strip()
    if not text.startswith("id,"):
        return None
    names = tuple(name.strip().lower() for name in text.split(","))
    return names if "url" in names else None


def parse(source: FeedSource, *, file: str | None = None) -> Iterator[FeedItem]:
    columns: tuple[str, ...] | None = None
    with open_binary(source) as stream:
        for item in iter_lines(stream, file=file):
            if isinstance(item, FeedProblem):
                yield item
                continue
            line_no, line = item
            text = line.strip()
            if not text:
                continue
            if text.startswith("#"):
                columns = _header(text) or columns
                continue
            try:
                row = next(csv.reader([text]))
            except csv.Error as exc:
                yield FeedProblem(line_no, f"CSV hỏng / malformed CSV: {exc}", text[:200], file)
                continue
            layout = columns or (COLUMNS if len(row) == len(COLUMNS) else LEGACY_COLUMNS)
            if len(row) != len(layout):
                yield FeedProblem(
                    line_no,
                    f"số cột sai / expected {len(layout)} columns, got {len(row)}",
                    text[:200],
                    file,
                )
                continue
            yield _entry(line_no, dict(zip(layout, row, strict=True)), file)


def _entry(line_no: int, record: dict[str, str], file: str | None) -> FeedItem:
    url = record.get("url", "").strip()
    if not url:
        return FeedProblem(line_no, "thiếu URL / missing url", None, file)
    tags = [t.strip() for t in record.get("tags", "").split(",") if t.strip() and t != "None"]
    extra = {
        key: clip(record[key].strip())
        for key in ("id", "url_status", "last_online", "urlhaus_link", "reporter")
        if record.get(key, "").strip()
    }
    if tags:
        extra["tags"] = clip(tags)
    threat = record.get("threat", "").strip() or None
    return FeedEntry(
        line_no,
        url,
        URL,
        threat,
        None,
        parse_time(record.get("dateadded")),
        extra,
        file,
    )
