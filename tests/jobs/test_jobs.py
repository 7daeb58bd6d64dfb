from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from canhgiac.accounts import auth
from canhgiac.accounts.models import WebSession
from canhgiac.db.base import utcnow
from canhgiac.jobs.queue import JobQueue, build_huey
from canhgiac.jobs.registry import all_jobs, run_job


@pytest.mark.db
def test_purge_sessions_job_removes_only_expired(db, factories, settings):
    user = factories.user()
    live = auth.open_web_session(db, user=user, settings=settings)
    auth.open_web_session(db, user=user, settings=settings)
    stale = db.scalars(select(WebSession)).all()[-1]
    stale.expires_at = utcnow() - timedelta(minutes=1)
    db.flush()
    assert run_job("accounts.purge_sessions", settings, db) == {"purged": 1}
    assert auth.resolve_web_session(db, live) is not None


def test_registry_has_scheduled_jobs():
    jobs = all_jobs()
    assert jobs["accounts.purge_sessions"].schedule is not None


def test_huey_backend_follows_settings(settings, tmp_path):
    from huey import RedisHuey, SqliteHuey

    assert isinstance(build_huey(settings), SqliteHuey)
    redis_settings = settings.model_copy(update={"redis_url": "redis://127.0.0.1:6379/15"})
    assert isinstance(build_huey(redis_settings), RedisHuey)


def test_queue_runs_a_job_through_huey(settings, migrated_engine):
    from sqlalchemy import text

    from canhgiac.jobs.registry import job

    @job("tests.count_agencies", "test job")
    def count_agencies(session, settings, *, offset: int = 0):
        return {
            "agencies": session.execute(text("SELECT count(*) FROM agencies")).scalar() + offset
        }

    # huey_immediate runs the task in-process through Huey's real task machinery.
    queue = JobQueue(settings)
    assert "accounts.purge_sessions" in queue.tasks
    assert queue.enqueue("tests.count_agencies", offset=1000).get()["agencies"] >= 1000
