"""Periodic housekeeping for accounts."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from canhgiac.accounts.auth import purge_expired_sessions
from canhgiac.jobs.registry import job
from canhgiac.settings import Settings


@job(
    "accounts.purge_sessions",
    "Xóa phiên đăng nhập hết hạn / purge expired web sessions",
    schedule={"minute": "17", "hour": "*/6"},
)
def purge_sessions(session: Session, settings: Settings, **_: Any) -> dict[str, Any]:
    return {"purged": purge_expired_sessions(session)}
