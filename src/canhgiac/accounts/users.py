"""User services."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import Agency, User, WebSession
from canhgiac.accounts.passwords import hash_password
from canhgiac.accounts.roles import Role
from canhgiac.errors import Conflict, NotFound, ValidationFailed

_USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")


def check_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise ValidationFailed(
            f"Vai trò không hợp lệ: {role!r}; chọn {allowed} / unknown role {role!r}; use {allowed}",
            field="role",
        ) from None


def create_user(
    session: Session,
    *,
    agency: Agency,
    username: str,
    full_name: str,
    role: str,
    password: str,
    email: str | None = None,
    locale: str = "vi",
    password_hash: str | None = None,
) -> User:
    """Create a user. ``password_hash`` lets bulk loaders hash a shared password once."""
    username = username.strip().lower()
    if not _USERNAME_RE.match(username):
        raise ValidationFailed(
            "Tên đăng nhập gồm 3–64 chữ thường, số, '.', '-', '_' / "
            "username must be 3–64 lower-case letters, digits, '.', '-' or '_'",
            field="username",
        )
    if not full_name.strip():
        raise ValidationFailed(
            "Họ tên không được để trống / full name is required", field="full_name"
        )
    if locale not in {"vi", "en"}:
        raise ValidationFailed(
            "Ngôn ngữ phải là vi hoặc en / locale must be vi or en", field="locale"
        )
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict(f"Tên đăng nhập {username} đã tồn tại / username taken", field="username")
    user = User(
        agency=agency,
        username=username,
        full_name=full_name.strip(),
        role=check_role(role),
        password_hash=password_hash or hash_password(password),
        email=(email or "").strip() or None,
        locale=locale,
    )
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, ident: int | str) -> User:
    if isinstance(ident, int) or ident.isdigit():
        user = session.get(User, int(ident))
    else:
        user = session.scalar(select(User).where(User.username == ident.strip().lower()))
    if user is None:
        raise NotFound(f"Không tìm thấy người dùng {ident} / user {ident} not found", field="user")
    return user


def list_users(session: Session, *, agency_id: int | None = None) -> list[User]:
    query = select(User).order_by(User.username)
    if agency_id is not None:
        query = query.where(User.agency_id == agency_id)
    return list(session.scalars(query))


def set_user_active(session: Session, user: User, active: bool) -> User:
    user.is_active = active
    if not active:
        # Disabling ends every open web session at once.
        for web_session in session.scalars(select(WebSession).where(WebSession.user_id == user.id)):
            session.delete(web_session)
    session.flush()
    return user


def update_user(
    session: Session,
    user: User,
    *,
    full_name: str | None = None,
    role: str | None = None,
    email: str | None = None,
    password: str | None = None,
) -> User:
    if full_name is not None:
        if not full_name.strip():
            raise ValidationFailed(
                "Họ tên không được để trống / full name is required", field="full_name"
            )
        user.full_name = full_name.strip()
    if role is not None:
        user.role = check_role(role)
    if email is not None:
        user.email = email.strip() or None
    if password:
        user.password_hash = hash_password(password)
        user.failed_logins = 0
        user.locked_until = None
    session.flush()
    return user


def set_user_locale(session: Session, user: User, locale: str) -> None:
    if locale in {"vi", "en"} and user.locale != locale:
        user.locale = locale
        session.flush()
