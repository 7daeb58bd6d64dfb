"""Password log-in with lock-out, and server-side web sessions."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from canhgiac.accounts import audit
from canhgiac.accounts.models import User, WebSession
from canhgiac.accounts.passwords import verify_password
from canhgiac.db.base import utcnow
from canhgiac.errors import AuthenticationFailed
from canhgiac.settings import Settings

INVALID_CREDENTIALS = "Sai tên đăng nhập hoặc mật khẩu / wrong username or password"


def authenticate(
    session: Session, *, username: str, password: str, settings: Settings, ip: str | None = None
) -> User:
    """Check a password. After ``login_max_failures`` failures the account locks for a while.

    The same message is given for unknown users and wrong passwords so usernames cannot be
    probed; a locked account says so (the owner needs to know to wait or call an admin).
    """
    username = username.strip().lower()[:64]
    user = session.scalar(select(User).where(User.username == username))
    now = utcnow()
    anonymous = audit.Actor(name=username or "anonymous", ip=ip)
    if user is not None and user.locked_until is not None and user.locked_until > now:
        verify_password(None, password)  # equal timing
        audit.record(
            session,
            "auth.login_refused_locked",
            entity_type="users",
            entity_id=user.id,
            actor=anonymous,
        )
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise AuthenticationFailed(
            f"Tài khoản tạm khóa do đăng nhập sai nhiều lần, thử lại sau {minutes} phút / "
            f"account locked after repeated failures, try again in {minutes} min"
        )
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.is_active or not user.agency.is_active:
        if user is not None and not ok:
            user.failed_logins += 1
            if user.failed_logins >= settings.login_max_failures:
                user.locked_until = now + timedelta(seconds=settings.login_lockout_seconds)
                user.failed_logins = 0
                audit.record(
                    session,
                    "auth.account_locked",
                    entity_type="users",
                    entity_id=user.id,
                    actor=anonymous,
                )
        audit.record(
            session,
            "auth.login_failed",
            entity_type="users",
            entity_id=user.id if user else None,
            detail="disabled" if (user is not None and ok) else "bad credentials",
            actor=anonymous,
        )
        raise AuthenticationFailed(INVALID_CREDENTIALS)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    audit.record(
        session,
        "auth.login",
        entity_type="users",
        entity_id=user.id,
        actor=audit.Actor(name=user.username, user_id=user.id, agency_id=user.agency_id, ip=ip),
    )
    return user


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def open_web_session(
    session: Session, *, user: User, settings: Settings, ip: str | None = None
) -> str:
    raw = secrets.token_urlsafe(32)
    session.add(
        WebSession(
            session_hash=_hash(raw),
            user_id=user.id,
            expires_at=utcnow() + timedelta(seconds=settings.session_max_age_seconds),
            ip=ip,
        )
    )
    session.flush()
    return raw


def resolve_web_session(session: Session, raw: str) -> User | None:
    if not raw or len(raw) > 128:
        return None
    web_session = session.scalar(select(WebSession).where(WebSession.session_hash == _hash(raw)))
    if web_session is None or web_session.expires_at <= utcnow():
        return None
    user = web_session.user
    if not user.is_active or not user.agency.is_active:
        return None
    return user


def close_web_session(session: Session, raw: str) -> None:
    session.execute(delete(WebSession).where(WebSession.session_hash == _hash(raw)))


def purge_expired_sessions(session: Session) -> int:
    result = session.execute(delete(WebSession).where(WebSession.expires_at <= utcnow()))
    return int(getattr(result, "rowcount", 0) or 0)
