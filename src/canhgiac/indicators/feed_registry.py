"""The feed registry: which feeds, where from, how often, and whether they are healthy.

A feed that has not succeeded within ``stale_after_hours`` is stale; one that suddenly
returns far fewer entries than last time (or none) raises an alarm instead of silently
ageing out the whole list.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.accounts import audit
from canhgiac.db.base import utcnow
from canhgiac.detectors.pages.addresses import AddressPolicy
from canhgiac.errors import CanhgiacError, Conflict, NotFound, ValidationFailed
from canhgiac.indicators.feeds import FORMATS, parse_feed_chunks
from canhgiac.indicators.feeds.download import DownloadLimits, check_url, download
from canhgiac.indicators.feeds.formats.csv_columns import CsvMapping
from canhgiac.indicators.feeds.misp_fetch import fetch_misp_feed
from canhgiac.indicators.importer import KNOWN_CATEGORIES, ImportReport, import_items
from canhgiac.indicators.models import Feed, IndicatorSource
from canhgiac.indicators.toplist import import_toplist
from canhgiac.settings import Settings

FEED_FORMATS = (*FORMATS, "toplist")
# A feed returning less than this share of its previous size is not trusted to age out.
SHRINK_ALARM_RATIO = 0.5


@dataclass(frozen=True)
class FeedHealth:
    state: str  # ok, stale, empty, failing, shrunk, never, disabled
    message_vi: str
    message_en: str

    @property
    def alarm(self) -> bool:
        return self.state in ("stale", "empty", "failing", "shrunk")


def _check_format(fmt: str) -> str:
    if fmt not in FEED_FORMATS:
        raise ValidationFailed(
            f"Định dạng không hỗ trợ: {fmt}; chọn {', '.join(FEED_FORMATS)}", field="format"
        )
    return fmt


def _check_columns(fmt: str, columns: dict[str, Any] | None) -> dict[str, Any]:
    if fmt != "csv":
        return {}
    if not columns or "value" not in columns:
        raise ValidationFailed(
            "CSV cần cột 'value' / CSV feeds need a 'value' column mapping", field="columns"
        )
    try:
        CsvMapping(**columns)
    except TypeError as exc:
        raise ValidationFailed(
            f"Ánh xạ cột không hợp lệ / invalid column mapping: {exc}", field="columns"
        ) from None
    return columns


def create_feed(
    session: Session,
    *,
    name: str,
    url: str,
    fmt: str,
    category: str | None = None,
    category_map: dict[str, str] | None = None,
    columns: dict[str, Any] | None = None,
    interval_hours: int = 24,
    stale_after_hours: int = 72,
    import_status: str = "verified",
) -> Feed:
    name = name.strip()
    if not name or len(name) > 128:
        raise ValidationFailed(
            "Tên nguồn 1–128 ký tự / name must be 1–128 characters", field="name"
        )
    check_url(url)
    if category and category not in KNOWN_CATEGORIES:
        raise ValidationFailed(f"Danh mục không hợp lệ: {category}", field="category")
    if import_status not in ("reported", "verified"):
        raise ValidationFailed(
            "Trạng thái nhập chỉ là reported hoặc verified / reported or verified",
            field="import_status",
        )
    if not 1 <= interval_hours <= 24 * 30 or not interval_hours <= stale_after_hours <= 24 * 90:
        raise ValidationFailed(
            "Chu kỳ/ngưỡng cũ không hợp lệ / invalid interval or staleness", field="interval_hours"
        )
    if session.scalar(select(Feed.id).where(Feed.name == name)) is not None:
        raise Conflict(f"Đã có nguồn {name} / feed exists", field="name")
    feed = Feed(
        name=name,
        url=url,
        format=_check_format(fmt),
        category=category,
        category_map=category_map or {},
        columns=_check_columns(fmt, columns),
        interval_hours=interval_hours,
        stale_after_hours=stale_after_hours,
        import_status=import_status,
    )
    session.add(feed)
    session.flush()
    return feed


def get_feed(session: Session, ident: int | str) -> Feed:
    if isinstance(ident, int) or str(ident).isdigit():
        feed = session.get(Feed, int(ident))
    else:
        feed = session.scalar(select(Feed).where(Feed.name == ident))
    if feed is None:
        raise NotFound(f"Không có nguồn {ident} / feed not found", field="feed")
    return feed


def list_feeds(session: Session) -> list[Feed]:
    return list(session.scalars(select(Feed).order_by(Feed.name)))


def set_feed_enabled(session: Session, feed: Feed, enabled: bool) -> Feed:
    feed.enabled = enabled
    session.flush()
    return feed


def feed_health(feed: Feed, now: datetime | None = None) -> FeedHealth:
    now = now or utcnow()
    if not feed.enabled:
        return FeedHealth("disabled", "Đã tắt", "Disabled")
    if feed.last_attempt_at is None:
        return FeedHealth("never", "Chưa chạy lần nào", "Never run")
    if feed.last_error and (
        feed.last_success_at is None or feed.last_attempt_at > feed.last_success_at
    ):
        if feed.last_success_at is None or now - feed.last_success_at > timedelta(
            hours=feed.stale_after_hours
        ):
            return FeedHealth(
                "stale",
                f"Lỗi và quá hạn: {feed.last_error}",
                f"Failing and stale: {feed.last_error}",
            )
        return FeedHealth(
            "failing",
            f"Lần chạy cuối lỗi: {feed.last_error}",
            f"Last run failed: {feed.last_error}",
        )
    if feed.last_error:  # the last run succeeded with a warning (a feed that shrank)
        return FeedHealth("shrunk", feed.last_error, feed.last_error)
    if feed.last_success_at and now - feed.last_success_at > timedelta(
        hours=feed.stale_after_hours
    ):
        return FeedHealth("stale", "Quá lâu chưa cập nhật", "Not updated for too long")
    if feed.last_entries == 0:
        return FeedHealth(
            "empty", "Lần cập nhật cuối không có mục nào", "Last update had no entries"
        )
    return FeedHealth("ok", "Hoạt động bình thường", "Healthy")


def active_entries(session: Session, feed: Feed) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(IndicatorSource)
            .where(IndicatorSource.source == feed.name, IndicatorSource.active.is_(True))
        )
        or 0
    )


def mark_feed_failed(session: Session, feed: Feed, message: str) -> None:
    feed.last_attempt_at = utcnow()
    feed.last_error = message[:2000]
    audit.record(
        session, "feeds.failed", entity_type="feeds", entity_id=feed.id, detail=feed.last_error
    )
    session.flush()


def feed_due(feed: Feed, now: datetime) -> bool:
    return feed.enabled and (
        feed.last_attempt_at is None
        or now - feed.last_attempt_at >= timedelta(hours=feed.interval_hours)
    )


def feed_address_policy(settings: Settings) -> AddressPolicy:
    """Feeds never reach internal addresses; tests lift that for loopback only by setting."""
    return AddressPolicy(allow_private=settings.allow_private_fetch)


def run_feed(
    session: Session,
    feed: Feed,
    *,
    settings: Settings,
    limits: DownloadLimits | None = None,
    transport: httpx.BaseTransport | None = None,
    force: bool = False,
) -> ImportReport | None:
    """Download and import one feed; records health either way. None when unchanged (304)."""
    feed.last_attempt_at = utcnow()
    feed.last_error = None
    workdir = Path(tempfile.mkdtemp(prefix="canhgiac-feed-"))
    try:
        report = _fetch_and_import(
            session,
            feed,
            workdir,
            limits=limits,
            transport=transport,
            force=force,
            policy=feed_address_policy(settings),
        )
    except CanhgiacError as exc:
        mark_feed_failed(session, feed, exc.message)
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    feed.last_success_at = utcnow()
    if report is not None:
        feed.last_entries = report.stored
    session.flush()
    return report


def _fetch_and_import(
    session: Session,
    feed: Feed,
    workdir: Path,
    *,
    limits: DownloadLimits | None,
    transport: httpx.BaseTransport | None,
    force: bool,
    policy: AddressPolicy,
) -> ImportReport | None:
    etag = None if force else feed.etag
    if feed.format == "misp":
        fetched = fetch_misp_feed(
            feed.url, workdir, etag=etag, limits=limits, transport=transport, address_policy=policy
        )
        if fetched.manifest.not_modified:
            return None
        feed.etag = fetched.manifest.etag
        path = workdir
    else:
        result = download(
            feed.url,
            dest_dir=workdir,
            etag=etag,
            last_modified=None if force else feed.last_modified,
            limits=limits,
            transport=transport,
            address_policy=policy,
        )
        if result.not_modified or result.path is None:
            return None
        feed.etag, feed.last_modified = result.etag, result.last_modified
        path = result.path
    if feed.format == "toplist":
        count = import_toplist(session, path, source=feed.name)
        return ImportReport(source=feed.name, entries=count, stored=count)
    items = parse_feed_chunks(
        feed.format,
        path,
        category=feed.category,
        csv_mapping=CsvMapping(**feed.columns) if feed.format == "csv" else None,
    )
    previous = feed.last_entries or 0

    def plausible_snapshot(distinct: int) -> bool:
        # Only a plausible snapshot may age out what disappeared: a feed that suddenly
        # shrank (truncated download, broken upstream) keeps its old entries, with an alarm.
        if previous and distinct < previous * SHRINK_ALARM_RATIO:
            feed.last_error = (
                f"Nguồn giảm đột ngột từ {previous} còn {distinct} mục; không làm hết hạn mục cũ / "
                f"feed shrank from {previous} to {distinct} entries; nothing aged out"
            )
            return False
        return True

    report = import_items(
        session,
        items,
        source=feed.name,
        feed_id=feed.id,
        status=feed.import_status,
        default_category=feed.category,
        category_map=feed.category_map,
        full_snapshot=plausible_snapshot,
    )
    if feed.last_error:
        audit.record(
            session, "feeds.shrank", entity_type="feeds", entity_id=feed.id, detail=feed.last_error
        )
    return report
