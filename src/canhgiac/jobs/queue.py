"""Huey wiring: SQLite storage by default, Redis when CANHGIAC_REDIS_URL is set."""

from __future__ import annotations

from typing import Any

from huey import Huey, RedisHuey, SqliteHuey, crontab
from huey.api import TaskWrapper

from canhgiac.accounts.audit import Actor, set_actor
from canhgiac.db.engine import get_engine, session_factory, unit_of_work
from canhgiac.jobs.registry import Job, all_jobs
from canhgiac.settings import Settings


class JobQueue:
    """One Huey instance with every registered job as a task (periodic ones scheduled)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.huey = build_huey(settings)
        self.tasks: dict[str, TaskWrapper] = {}
        for job in all_jobs().values():
            self.tasks[job.name] = self._wire(job)

    def _wire(self, job: Job) -> TaskWrapper:
        settings = self.settings

        def run(**kwargs: Any) -> dict[str, Any]:
            with unit_of_work(session_factory(get_engine(settings))) as session:
                set_actor(session, Actor(name=f"job:{job.name}"))
                return job.fn(session, settings, **kwargs)

        run.__name__ = job.name.replace(".", "_")
        if job.schedule is not None:
            return self.huey.periodic_task(crontab(**job.schedule), name=job.name)(run)
        return self.huey.task(name=job.name)(run)

    def enqueue(self, name: str, **kwargs: Any) -> Any:
        return self.tasks[name](**kwargs)


def build_huey(settings: Settings) -> Huey:
    if settings.redis_url:
        return RedisHuey("canhgiac", url=settings.redis_url, immediate=settings.huey_immediate)
    settings.huey_sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(
        "canhgiac", filename=str(settings.huey_sqlite_path), immediate=settings.huey_immediate
    )
