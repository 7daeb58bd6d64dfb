"""Feeds end to end against a local HTTP server: download, parse, normalise, store, health."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from canhgiac.accounts.audit import list_events
from canhgiac.db.base import utcnow
from canhgiac.errors import CanhgiacError, ValidationFailed
from canhgiac.indicators import feed_registry as feeds
from canhgiac.indicators.importer import import_path
from canhgiac.indicators.jobs import update_feeds
from canhgiac.indicators.lookup import lookup
from canhgiac.indicators.models import AllowlistEntry, Indicator, IndicatorSource
from tests.indicators.feeds.feedserver import FIXTURES, serve

CSV_COLUMNS = {
    "value": "indicator",
    "kind": "loai",
    "category": "danh_muc",
    "first_seen": "ngay_phat_hien",
}


@pytest.fixture
def server():
    with serve() as (base, seen):
        yield base, seen


def _count(db, source):
    return db.scalar(
        select(func.count()).select_from(IndicatorSource).where(IndicatorSource.source == source)
    )


@pytest.mark.parametrize(
    ("fmt", "path", "kwargs"),
    [
        ("plain", "plain/list.txt", {"category": "phishing"}),
        (
            "csv",
            "csv/feed.csv",
            {"columns": CSV_COLUMNS, "category_map": {"phishing_bank": "fraud.impersonation.bank"}},
        ),
        ("urlhaus", "urlhaus/csv_recent.txt", {}),
        ("chongluadao", "chongluadao/blacklist.json", {"category": "phishing"}),
        ("stix", "stix/bundle.json", {}),
        ("misp", "", {}),
    ],
)
def test_each_format_imports_from_a_local_server_idempotently(
    db, settings, server, fmt, path, kwargs
):
    base, _ = server
    url = f"{base}/feeds/{fmt}/" if fmt == "misp" else f"{base}/feeds/{path}"
    feed = feeds.create_feed(db, name=f"test-{fmt}", url=url, fmt=fmt, **kwargs)
    report = feeds.run_feed(db, feed, settings=settings)
    assert report is not None and report.stored > 0, report
    assert report.bulk.created == report.bulk.distinct > 0
    assert feeds.feed_health(feed).state == "ok"
    stored = _count(db, feed.name)
    again = feeds.run_feed(db, feed, settings=settings, force=True)
    assert again.bulk.created == 0 and again.bulk.linked == 0 and again.bulk.aged_out == 0
    assert _count(db, feed.name) == stored
    # Unchanged upstream: a conditional GET, nothing parsed.
    assert feeds.run_feed(db, feed, settings=settings) is None


def test_plain_feed_reports_malformed_lines_and_stores_no_garbage(db, settings, server):
    base, _ = server
    feed = feeds.create_feed(
        db,
        name="cong-an-list",
        url=f"{base}/feeds/plain/list.txt",
        fmt="plain",
        category="phishing",
    )
    report = feeds.run_feed(db, feed, settings=settings)
    assert report.malformed + report.skipped > 0
    assert all(line > 0 for _, line, _ in report.problems)
    values = set(db.scalars(select(Indicator.value)))
    assert "vietcombank-xacthuc.top" in values and "+84912345678" in values
    assert not any(v.startswith((".", "/", "*")) or " " in v for v in values)
    assert lookup(db, "login.vietcombank-xacthuc.top").status == "verified"


def test_maltrail_folder_import(db):
    report = import_path(db, FIXTURES / "maltrail", fmt="maltrail", source="maltrail")
    assert report.stored > 0 and report.skipped >= 0
    families = set(db.scalars(select(Indicator.family).where(Indicator.family.is_not(None))))
    categories = set(db.scalars(select(Indicator.category).where(Indicator.category.is_not(None))))
    assert families and categories <= {"malware", "malicious", "suspicious"}


def test_shrunken_feed_keeps_old_entries_and_alarms(db, settings, server, tmp_path):
    base, _ = server
    feed = feeds.create_feed(db, name="shrinker", url=f"{base}/feeds/plain/list.txt", fmt="plain")
    feeds.run_feed(db, feed, settings=settings)
    feed.last_entries = 10_000  # pretend it used to be much larger
    report = feeds.run_feed(db, feed, settings=settings, force=True)
    assert report.bulk.aged_out == 0
    health = feeds.feed_health(feed)
    assert health.state == "shrunk" and health.alarm
    assert list_events(db, action="feeds.shrank")


def test_failures_and_staleness_are_recorded(db, settings, server):
    base, _ = server
    feed = feeds.create_feed(
        db,
        name="broken",
        url=f"{base}/feeds/missing.txt",
        fmt="plain",
        interval_hours=1,
        stale_after_hours=2,
    )
    with pytest.raises(CanhgiacError):
        feeds.run_feed(db, feed, settings=settings)
    assert feeds.feed_health(feed).state == "stale" and feed.last_error
    assert list_events(db, action="feeds.failed")
    feed.url = f"{base}/feeds/plain/list.txt"
    feeds.run_feed(db, feed, settings=settings)
    assert feeds.feed_health(feed).state == "ok"
    assert feeds.feed_health(feed, utcnow() + timedelta(hours=3)).state == "stale"


def test_scheduled_job_runs_due_feeds_and_isolates_failures(db, server, settings):
    base, _ = server
    feeds.create_feed(db, name="good", url=f"{base}/feeds/plain/list.txt", fmt="plain")
    feeds.create_feed(db, name="bad", url=f"{base}/feeds/nope.txt", fmt="plain")
    result = update_feeds(db, settings)
    assert "created" in result["ran"]["good"] and "error" in result["ran"]["bad"]
    assert _count(db, "good") > 0
    assert set(result["alarms"]) == {"bad"}
    # Not due again within its interval.
    assert update_feeds(db, settings)["ran"] == {}


def test_toplist_feed_fills_the_allow_list(db, settings, server):
    base, _ = server
    feed = feeds.create_feed(db, name="tranco", url=f"{base}/feeds/toplist/top.csv", fmt="toplist")
    report = feeds.run_feed(db, feed, settings=settings)
    assert report.stored == 4
    assert db.scalar(select(func.count()).select_from(AllowlistEntry)) == 4
    assert lookup(db, "chat.zalo.me").status == "official"
    assert db.scalar(select(func.count()).select_from(Indicator)) == 0


def test_feed_validation(db):
    with pytest.raises(ValidationFailed) as err:
        feeds.create_feed(db, name="x", url="ftp://feeds.example/list", fmt="plain")
    assert err.value.field == "url"
    with pytest.raises(ValidationFailed) as err:
        feeds.create_feed(db, name="x", url="https://feeds.example/list", fmt="excel")
    assert err.value.field == "format"
    with pytest.raises(ValidationFailed) as err:
        feeds.create_feed(db, name="x", url="https://feeds.example/list.csv", fmt="csv")
    assert err.value.field == "columns"


def test_feeds_never_reach_internal_addresses(db, server, settings):
    base, seen = server
    strict = settings.model_copy(update={"allow_private_fetch": False})
    feed = feeds.create_feed(db, name="internal", url=f"{base}/feeds/plain/list.txt", fmt="plain")
    with pytest.raises(CanhgiacError, match=r"127\.0\.0\.1"):
        feeds.run_feed(db, feed, settings=strict)
    assert not seen  # refused before any request was sent
    assert feeds.feed_health(feed).state in ("failing", "stale")
