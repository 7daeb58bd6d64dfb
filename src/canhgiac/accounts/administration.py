"""Administration on behalf of a principal: who may see and change which agencies, users,
tokens and audit events. The web pages and the JSON API call these same functions.

Administrators of the provincial office (``Principal.is_system_admin``) administer every
agency; an agency's own administrators administer only that agency; nobody else
administers anything.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from canhgiac.accounts import agencies, audit, tokens, users
from canhgiac.accounts.models import Agency, ApiToken, AuditEvent, User
from canhgiac.accounts.principal import (
    Principal,
    require_agency_admin,
    require_role,
    require_system_admin,
)
from canhgiac.accounts.roles import Role
from canhgiac.errors import PermissionDenied, ValidationFailed

ADMINS = frozenset({Role.ADMIN})
MAX_AUDIT_PAGE = 1000
MAX_AUDIT_EXPORT = 10_000


def require_admin(principal: Principal) -> None:
    require_role(principal, ADMINS)


# --- agencies ---------------------------------------------------------------------------


def visible_agencies(session: Session, principal: Principal) -> list[Agency]:
    require_admin(principal)
    if principal.is_system_admin:
        return agencies.list_agencies(session)
    return [agencies.get_agency(session, principal.agency_id)]


def agency_for_admin(session: Session, principal: Principal, ident: int | str) -> Agency:
    require_admin(principal)
    agency = agencies.get_agency(session, ident)
    require_agency_admin(principal, agency.id)
    return agency


def create_agency_as(
    session: Session,
    principal: Principal,
    *,
    code: str,
    name: str,
    kind: str,
    network_ranges: str = "",
    contact_email: str | None = None,
) -> Agency:
    require_system_admin(principal)
    return agencies.create_agency(
        session,
        code=code,
        name=name,
        kind=kind,
        network_ranges=network_ranges,
        contact_email=contact_email,
    )


def update_agency_as(
    session: Session,
    principal: Principal,
    agency: Agency,
    *,
    name: str | None = None,
    kind: str | None = None,
    network_ranges: str | None = None,
    contact_email: str | None = None,
    is_active: bool | None = None,
) -> Agency:
    require_agency_admin(principal, agency.id)
    changes_standing = (kind is not None and kind != agency.kind) or (
        is_active is not None and is_active != agency.is_active
    )
    if changes_standing and not principal.is_system_admin:
        raise PermissionDenied(
            "Chỉ quản trị viên của Sở TT&TT được đổi loại hoặc trạng thái cơ quan / "
            "only administrators of the provincial office may change an agency's kind or status"
        )
    return agencies.update_agency(
        session,
        agency,
        name=name,
        kind=kind,
        network_ranges=network_ranges,
        contact_email=contact_email,
        is_active=is_active,
    )


# --- users ------------------------------------------------------------------------------


def visible_users(
    session: Session, principal: Principal, *, agency_id: int | None = None
) -> list[User]:
    require_admin(principal)
    if not principal.is_system_admin:
        if agency_id is not None and agency_id != principal.agency_id:
            require_agency_admin(principal, agency_id)
        agency_id = principal.agency_id
    return users.list_users(session, agency_id=agency_id)


def user_for_admin(session: Session, principal: Principal, ident: int | str) -> User:
    require_admin(principal)
    user = users.get_user(session, ident)
    require_agency_admin(principal, user.agency_id)
    return user


def create_user_as(
    session: Session,
    principal: Principal,
    *,
    agency_ident: int | str,
    username: str,
    full_name: str,
    role: str,
    password: str,
    email: str | None = None,
    locale: str = "vi",
) -> User:
    agency = agency_for_admin(session, principal, agency_ident)
    return users.create_user(
        session,
        agency=agency,
        username=username,
        full_name=full_name,
        role=role,
        password=password,
        email=email,
        locale=locale,
    )


def update_user_as(
    session: Session,
    principal: Principal,
    user: User,
    *,
    full_name: str | None = None,
    role: str | None = None,
    email: str | None = None,
    is_active: bool | None = None,
) -> User:
    require_agency_admin(principal, user.agency_id)
    if user.id == principal.user_id:
        # An administrator cannot lock themselves out by accident.
        if is_active is False:
            raise ValidationFailed(
                "Bạn không thể tự vô hiệu hóa tài khoản của mình / you cannot disable yourself",
                field="is_active",
            )
        if role is not None and role != user.role:
            raise ValidationFailed(
                "Bạn không thể tự đổi vai trò của mình / you cannot change your own role",
                field="role",
            )
    users.update_user(session, user, full_name=full_name, role=role, email=email)
    if is_active is not None and is_active != user.is_active:
        users.set_user_active(session, user, is_active)
    return user


def reset_password_as(session: Session, principal: Principal, user: User) -> str:
    """Give the user a new random password; returned once for the admin to hand over."""
    require_agency_admin(principal, user.agency_id)
    password = secrets.token_urlsafe(12)
    users.update_user(session, user, password=password)
    audit.record(session, "users.password_reset", entity_type="users", entity_id=user.id)
    return password


# --- machine tokens ---------------------------------------------------------------------


def visible_tokens(
    session: Session, principal: Principal, *, agency_id: int | None = None
) -> list[ApiToken]:
    require_admin(principal)
    if not principal.is_system_admin:
        if agency_id is not None and agency_id != principal.agency_id:
            require_agency_admin(principal, agency_id)
        agency_id = principal.agency_id
    return tokens.list_tokens(session, agency_id=agency_id)


def token_for_admin(session: Session, principal: Principal, token_id: int) -> ApiToken:
    require_admin(principal)
    token = tokens.get_token(session, token_id)
    require_agency_admin(principal, token.agency_id)
    return token


def create_token_as(
    session: Session,
    principal: Principal,
    *,
    agency_ident: int | str,
    name: str,
    scopes: list[str],
    expires_at: datetime | None = None,
) -> tokens.IssuedToken:
    agency = agency_for_admin(session, principal, agency_ident)
    creator = users.get_user(session, principal.user_id) if principal.user_id else None
    return tokens.create_machine_token(
        session, agency=agency, name=name, scopes=scopes, created_by=creator, expires_at=expires_at
    )


def revoke_token_as(session: Session, principal: Principal, token_id: int) -> ApiToken:
    token = token_for_admin(session, principal, token_id)
    return tokens.revoke_token(session, token)


# --- audit log --------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    actor: str | None = None
    entity_type: str | None = None
    entity_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    agency_id: int | None = None

    def describe(self) -> str:
        parts = [
            f"{name}={value.isoformat() if isinstance(value, datetime) else value}"
            for name, value in vars(self).items()
            if value not in (None, "")
        ]
        return " ".join(parts) or "all"


def audit_events_for(
    session: Session,
    principal: Principal,
    filters: AuditFilter,
    *,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditEvent]:
    """Events visible to an admin: every agency's for the provincial office, else their own."""
    require_admin(principal)
    agency_id = filters.agency_id
    if not principal.is_system_admin:
        if agency_id is not None and agency_id != principal.agency_id:
            require_agency_admin(principal, agency_id)
        agency_id = principal.agency_id
    return audit.list_events(
        session,
        action=filters.action,
        actor=filters.actor,
        entity_type=filters.entity_type,
        entity_id=filters.entity_id,
        since=filters.since,
        until=filters.until,
        agency_id=agency_id,
        limit=max(1, min(limit, MAX_AUDIT_EXPORT)),
        offset=max(0, offset),
    )


def export_audit_events(
    session: Session, principal: Principal, filters: AuditFilter, *, fmt: str
) -> list[AuditEvent]:
    """Events for an export; the export itself is recorded (it copies personal data out)."""
    events = audit_events_for(session, principal, filters, limit=MAX_AUDIT_EXPORT)
    audit.record(
        session,
        "audit.export",
        entity_type="audit_events",
        detail=f"{fmt} {len(events)} events: {filters.describe()}"[:500],
    )
    return events
