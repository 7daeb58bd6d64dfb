"""Scheduled feed updates."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from canhgiac.db.base import utcnow
from canhgiac.errors import CanhgiacError
from canhgiac.indicators.feed_registry import (
    feed_due,
    feed_health,
    list_feeds,
    mark_feed_failed,
    run_feed,
)
from canhgiac.jobs.registry import job
from canhgiac.settings import Settings


@job(
    "indicators.update_feeds",
    "Cập nhật các nguồn chỉ dấu đến hạn / update due indicator feeds",
    schedule={"minute": "5"},
)
def update_feeds(
    session: Session, settings: Settings, *, force: bool = False, **_: Any
) -> dict[str, Any]:
    now = utcnow()
    ran: dict[str, Any] = {}
    for feed in list_feeds(session):
        # ``force`` ignores the interval, never the switch: a disabled feed stays off.
        if not feed.enabled or not (force or feed_due(feed, now)):
            continue
        nested = session.begin_nested()  # one failing feed does not undo the others
        try:
            report = run_feed(session, feed, settings=settings, force=force)
            nested.commit()
            ran[feed.name] = report.to_dict() if report else "not modified"
        except CanhgiacError as exc:
            nested.rollback()  # nothing half-imported; the failure itself is recorded
            mark_feed_failed(session, feed, exc.message)
            ran[feed.name] = {"error": exc.message}
    alarms = {
        f.name: feed_health(f, now).state for f in list_feeds(session) if feed_health(f, now).alarm
    }
    return {"ran": ran, "alarms": alarms}
