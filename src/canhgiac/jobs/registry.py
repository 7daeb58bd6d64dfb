"""The job registry: domains declare jobs in their ``jobs.py``; the queue wires them to Huey.

A job is a plain function ``fn(session, settings, **kwargs) -> dict`` run in its own unit of
work, so it can be called directly in tests and by the CLI as well as by the worker.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from canhgiac.settings import Settings

JobFn = Callable[..., dict[str, Any]]

# Domain modules that declare jobs; each calls ``job(...)`` at import.
JOB_MODULES: tuple[str, ...] = (
    "canhgiac.accounts.jobs",
    "canhgiac.indicators.jobs",
    "canhgiac.verification.jobs",
)


@dataclass(frozen=True)
class Job:
    name: str
    fn: JobFn
    description: str
    # crontab fields for periodic jobs (minute, hour, day, month, day_of_week); None = on demand
    schedule: dict[str, str] | None = field(default=None)


_JOBS: dict[str, Job] = {}


def job(
    name: str, description: str, schedule: dict[str, str] | None = None
) -> Callable[[JobFn], JobFn]:
    def register(fn: JobFn) -> JobFn:
        _JOBS[name] = Job(name=name, fn=fn, description=description, schedule=schedule)
        return fn

    return register


def all_jobs() -> dict[str, Job]:
    for module in JOB_MODULES:
        importlib.import_module(module)
    return dict(_JOBS)


def run_job(name: str, settings: Settings, session: Session, **kwargs: Any) -> dict[str, Any]:
    jobs = all_jobs()
    if name not in jobs:
        from canhgiac.errors import NotFound

        raise NotFound(f"Không có tác vụ {name} / no job named {name}", field="job")
    return jobs[name].fn(session, settings, **kwargs)
