"""API bearer tokens: short-lived user tokens and scoped, revocable machine tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from canhgiac.accounts import audit
from canhgiac.accounts.models import Agency, ApiToken, User
from canhgiac.accounts.principal import Principal
from canhgiac.accounts.roles import Scope
from canhgiac.db.base import utcnow
from canhgiac.errors import AuthenticationFailed, NotFound, ValidationFailed

TOKEN_PREFIX = "cg_"  # noqa: S105 - a prefix, not a secret


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    """The raw secret exists only here, shown once to whoever asked for it."""

    token: ApiToken
    secret: str


def _new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def check_scopes(scopes: list[str]) -> list[str]:
    allowed = {s.value for s in Scope}
    bad = [s for s in scopes if s not in allowed]
    if bad or not scopes:
        raise ValidationFailed(
            f"Phạm vi không hợp lệ: {', '.join(bad) or '(trống)'}; chọn trong "
            f"{', '.join(sorted(allowed))} / invalid scopes",
            field="scopes",
        )
    return sorted(set(scopes))


def issue_user_token(session: Session, *, user: User, ttl_seconds: int) -> IssuedToken:
    secret = _new_secret()
    token = ApiToken(
        name=f"login:{user.username}",
        kind="user",
        token_hash=_hash(secret),
        prefix=secret[:10],
        user_id=user.id,
        agency_id=user.agency_id,
        scopes=[],
        expires_at=utcnow() + timedelta(seconds=ttl_seconds),
    )
    session.add(token)
    session.flush()
    return IssuedToken(token, secret)


def create_machine_token(
    session: Session,
    *,
    agency: Agency,
    name: str,
    scopes: list[str],
    created_by: User | None = None,
    expires_at: datetime | None = None,
) -> IssuedToken:
    if not name.strip():
        raise ValidationFailed(
            "Tên mã truy cập không được trống / token name is required", field="name"
        )
    if expires_at is not None and expires_at <= utcnow():
        raise ValidationFailed(
            "Ngày hết hạn phải ở tương lai / expiry must be in the future", field="expires_at"
        )
    secret = _new_secret()
    token = ApiToken(
        name=name.strip(),
        kind="machine",
        token_hash=_hash(secret),
        prefix=secret[:10],
        agency_id=agency.id,
        scopes=check_scopes(scopes),
        created_by_id=created_by.id if created_by else None,
        expires_at=expires_at,
    )
    session.add(token)
    session.flush()
    return IssuedToken(token, secret)


def get_token(session: Session, token_id: int) -> ApiToken:
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"Không tìm thấy mã truy cập {token_id} / token not found", field="token")
    return token


def list_tokens(
    session: Session, *, agency_id: int | None = None, kind: str | None = "machine"
) -> list[ApiToken]:
    query = select(ApiToken).order_by(ApiToken.id.desc())
    if agency_id is not None:
        query = query.where(ApiToken.agency_id == agency_id)
    if kind is not None:
        query = query.where(ApiToken.kind == kind)
    return list(session.scalars(query))


def revoke_token(session: Session, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.flush()
    return token


def authenticate_token(session: Session, raw: str, *, ip: str | None = None) -> Principal:
    """Resolve a bearer secret; expired, revoked and unknown tokens are refused and audited."""
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash(raw.strip())))
    now = utcnow()
    problem = None
    if token is None:
        problem = "unknown"
    elif token.revoked_at is not None:
        problem = "revoked"
    elif token.expires_at is not None and token.expires_at <= now:
        problem = "expired"
    elif token.user is not None and not token.user.is_active:
        problem = "user disabled"
    elif not token.agency.is_active:
        problem = "agency disabled"
    if problem or token is None:
        audit.record(
            session,
            "auth.token_refused",
            entity_type="api_tokens",
            entity_id=token.id if token else None,
            detail=problem,
            actor=audit.Actor(name="anonymous", ip=ip),
        )
        messages = {
            "expired": "Mã truy cập đã hết hạn / token expired",
            "revoked": "Mã truy cập đã bị thu hồi / token revoked",
        }
        raise AuthenticationFailed(
            messages.get(problem or "", "Mã truy cập không hợp lệ / invalid token")
        )
    token.last_used_at = now
    if token.user is not None:
        base = Principal.of_user(token.user)
        return Principal(
            name=base.name,
            agency_id=base.agency_id,
            agency_kind=base.agency_kind,
            user_id=base.user_id,
            role=base.role,
            token_id=token.id,
        )
    return Principal(
        name=f"token:{token.name}",
        agency_id=token.agency_id,
        agency_kind=token.agency.kind,
        scopes=frozenset(token.scopes or []),
        token_id=token.id,
    )
