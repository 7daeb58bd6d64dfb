"""Scheduled page captures for the verification queue."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from canhgiac.detectors.infrastructure import InfrastructureLookup
from canhgiac.detectors.pages.check import UrlChecker
from canhgiac.jobs.registry import job
from canhgiac.settings import Settings
from canhgiac.verification.service import capture_pending


def page_checker(settings: Settings) -> UrlChecker:
    """The sandboxed checker the job uses (a seam for tests, which resolve names locally)."""
    return UrlChecker.from_settings(settings)


@job(
    "verification.capture_pending",
    "Kiểm tra trang của tên mới trong hàng đợi xác minh / capture the pages of new names "
    "in the verification queue",
    schedule={"minute": "*/10"},
)
def capture_pending_job(
    session: Session,
    settings: Settings,
    *,
    limit: int = 50,
    workers: int = 4,
    screenshot: bool = False,
    **_: Any,
) -> dict[str, Any]:
    return capture_pending(
        session,
        page_checker(settings),
        limit=limit,
        workers=workers,
        screenshot=screenshot,
        infrastructure=InfrastructureLookup.for_settings(settings),
    )
