"""JSON API of accounts under /api/v1: tokens, the caller, agencies, users, machine tokens and
the audit log. Same service calls as the pages (``accounts.administration``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from canhgiac.accounts import administration as admin
from canhgiac.accounts.agencies import get_agency
from canhgiac.accounts.audit import event_to_dict
from canhgiac.accounts.audit_export import EXPORT_FORMATS, export_lines
from canhgiac.accounts.auth import authenticate
from canhgiac.accounts.models import Agency, ApiToken, User
from canhgiac.accounts.tokens import issue_user_token
from canhgiac.errors import AuthenticationFailed
from canhgiac.web.deps import ApiPrincipal, DbSession, app_settings, client_ip
from canhgiac.web.i18n import LOCAL_TZ, local_day_start

router = APIRouter()

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Chưa xác thực / not authenticated"},
    403: {"description": "Không có quyền / forbidden"},
}


class ErrorOut(BaseModel):
    error: str
    message: str
    field: str | None = None


class TokenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1024)


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth 2 scheme name, not a secret
    expires_at: datetime


class AgencyOut(BaseModel):
    id: int
    code: str
    name: str
    kind: str
    network_ranges: list[str]
    contact_email: str | None
    is_active: bool
    created_at: datetime

    @classmethod
    def of(cls, agency: Agency) -> AgencyOut:
        return cls(
            id=agency.id,
            code=agency.code,
            name=agency.name,
            kind=agency.kind,
            network_ranges=[r for r in agency.network_ranges.splitlines() if r],
            contact_email=agency.contact_email,
            is_active=agency.is_active,
            created_at=agency.created_at,
        )


class AgencyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=64)
    name: str = Field(max_length=255)
    kind: str = Field(max_length=32)
    network_ranges: list[str] = Field(default_factory=list, max_length=10_000)
    contact_email: str | None = Field(default=None, max_length=255)


class AgencyUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, max_length=255)
    kind: str | None = Field(default=None, max_length=32)
    network_ranges: list[str] | None = Field(default=None, max_length=10_000)
    contact_email: str | None = Field(default=None, max_length=255)
    is_active: bool | None = None


class UserOut(BaseModel):
    id: int
    username: str
    full_name: str
    email: str | None
    role: str
    agency_id: int
    is_active: bool
    locale: str
    last_login_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            email=user.email,
            role=user.role,
            agency_id=user.agency_id,
            is_active=user.is_active,
            locale=user.locale,
            last_login_at=user.last_login_at,
            created_at=user.created_at,
        )


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agency: int | str = Field(description="Agency id or code")
    username: str = Field(max_length=64)
    full_name: str = Field(max_length=255)
    role: str = Field(max_length=16)
    password: str = Field(max_length=1024)
    email: str | None = Field(default=None, max_length=255)
    locale: str = Field(default="vi", max_length=8)


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    full_name: str | None = Field(default=None, max_length=255)
    role: str | None = Field(default=None, max_length=16)
    email: str | None = Field(default=None, max_length=255)
    is_active: bool | None = None


class PasswordOut(BaseModel):
    password: str = Field(description="Shown once; give it to the user over a safe channel")


class MachineTokenOut(BaseModel):
    id: int
    name: str
    prefix: str
    agency_id: int
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None

    @classmethod
    def of(cls, token: ApiToken) -> MachineTokenOut:
        return cls(
            id=token.id,
            name=token.name,
            prefix=token.prefix,
            agency_id=token.agency_id,
            scopes=list(token.scopes or []),
            created_at=token.created_at,
            expires_at=token.expires_at,
            revoked_at=token.revoked_at,
            last_used_at=token.last_used_at,
        )


class MachineTokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agency: int | str = Field(description="Agency id or code")
    name: str = Field(max_length=128)
    scopes: list[str] = Field(max_length=16)
    expires_at: datetime | None = Field(
        default=None, description="ISO 8601; without a time zone it is read as Vietnam time"
    )


class MachineTokenCreated(BaseModel):
    token: MachineTokenOut
    secret: str = Field(description="Shown once; only a hash is stored")


class MeOut(BaseModel):
    name: str
    kind: str
    user: UserOut | None
    agency: AgencyOut
    role: str | None
    scopes: list[str]


class AuditPage(BaseModel):
    items: list[dict[str, Any]]
    limit: int
    offset: int


# --- authentication ---------------------------------------------------------------------


@router.post(
    "/auth/token",
    response_model=TokenOut,
    tags=["auth"],
    summary="Lấy mã truy cập bằng mật khẩu / get a bearer token with a password",
    responses={401: {"model": ErrorOut, "description": "Wrong password or locked account"}},
)
def create_token(request: Request, body: TokenRequest, db: DbSession) -> Any:
    settings = app_settings(request)
    try:
        user = authenticate(
            db,
            username=body.username,
            password=body.password,
            settings=settings,
            ip=client_ip(request),
        )
    except AuthenticationFailed as exc:
        # Returned, not raised: the failure count and its audit entry must be committed.
        return JSONResponse(exc.to_dict(), status_code=401, headers={"WWW-Authenticate": "Bearer"})
    issued = issue_user_token(db, user=user, ttl_seconds=settings.api_token_ttl_seconds)
    assert issued.token.expires_at is not None
    return TokenOut(access_token=issued.secret, expires_at=issued.token.expires_at)


@router.get(
    "/me",
    response_model=MeOut,
    tags=["auth"],
    responses=ERRORS,
    summary="Người gọi hiện tại / the caller",
)
def me(db: DbSession, principal: ApiPrincipal) -> MeOut:
    user = db.get(User, principal.user_id) if principal.user_id else None
    return MeOut(
        name=principal.name,
        kind="user" if user else "machine",
        user=UserOut.of(user) if user else None,
        agency=AgencyOut.of(get_agency(db, principal.agency_id)),
        role=principal.role.value if principal.role else None,
        scopes=sorted(principal.scopes),
    )


# --- agencies ---------------------------------------------------------------------------


@router.get("/agencies", response_model=list[AgencyOut], tags=["agencies"], responses=ERRORS)
def list_agencies(db: DbSession, principal: ApiPrincipal) -> list[AgencyOut]:
    return [AgencyOut.of(a) for a in admin.visible_agencies(db, principal)]


@router.post(
    "/agencies", response_model=AgencyOut, status_code=201, tags=["agencies"], responses=ERRORS
)
def create_agency(body: AgencyCreate, db: DbSession, principal: ApiPrincipal) -> AgencyOut:
    agency = admin.create_agency_as(
        db,
        principal,
        code=body.code,
        name=body.name,
        kind=body.kind,
        network_ranges="\n".join(body.network_ranges),
        contact_email=body.contact_email,
    )
    return AgencyOut.of(agency)


@router.get("/agencies/{agency_id}", response_model=AgencyOut, tags=["agencies"], responses=ERRORS)
def read_agency(agency_id: int, db: DbSession, principal: ApiPrincipal) -> AgencyOut:
    return AgencyOut.of(admin.agency_for_admin(db, principal, agency_id))


@router.patch(
    "/agencies/{agency_id}", response_model=AgencyOut, tags=["agencies"], responses=ERRORS
)
def update_agency(
    agency_id: int, body: AgencyUpdate, db: DbSession, principal: ApiPrincipal
) -> AgencyOut:
    agency = admin.agency_for_admin(db, principal, agency_id)
    admin.update_agency_as(
        db,
        principal,
        agency,
        name=body.name,
        kind=body.kind,
        network_ranges=None if body.network_ranges is None else "\n".join(body.network_ranges),
        contact_email=body.contact_email,
        is_active=body.is_active,
    )
    return AgencyOut.of(agency)


# --- users ------------------------------------------------------------------------------


@router.get("/users", response_model=list[UserOut], tags=["users"], responses=ERRORS)
def list_users(
    db: DbSession, principal: ApiPrincipal, agency_id: int | None = None
) -> list[UserOut]:
    return [UserOut.of(u) for u in admin.visible_users(db, principal, agency_id=agency_id)]


@router.post("/users", response_model=UserOut, status_code=201, tags=["users"], responses=ERRORS)
def create_user(body: UserCreate, db: DbSession, principal: ApiPrincipal) -> UserOut:
    user = admin.create_user_as(
        db,
        principal,
        agency_ident=body.agency,
        username=body.username,
        full_name=body.full_name,
        role=body.role,
        password=body.password,
        email=body.email,
        locale=body.locale,
    )
    return UserOut.of(user)


@router.get("/users/{user_id}", response_model=UserOut, tags=["users"], responses=ERRORS)
def read_user(user_id: int, db: DbSession, principal: ApiPrincipal) -> UserOut:
    return UserOut.of(admin.user_for_admin(db, principal, user_id))


@router.patch("/users/{user_id}", response_model=UserOut, tags=["users"], responses=ERRORS)
def update_user(user_id: int, body: UserUpdate, db: DbSession, principal: ApiPrincipal) -> UserOut:
    user = admin.user_for_admin(db, principal, user_id)
    admin.update_user_as(
        db,
        principal,
        user,
        full_name=body.full_name,
        role=body.role,
        email=body.email,
        is_active=body.is_active,
    )
    return UserOut.of(user)


@router.post(
    "/users/{user_id}/reset-password", response_model=PasswordOut, tags=["users"], responses=ERRORS
)
def reset_password(
    user_id: int, db: DbSession, principal: ApiPrincipal, response: Response
) -> PasswordOut:
    user = admin.user_for_admin(db, principal, user_id)
    response.headers["cache-control"] = "no-store"
    return PasswordOut(password=admin.reset_password_as(db, principal, user))


# --- machine tokens ---------------------------------------------------------------------


@router.get("/tokens", response_model=list[MachineTokenOut], tags=["tokens"], responses=ERRORS)
def list_machine_tokens(
    db: DbSession, principal: ApiPrincipal, agency_id: int | None = None
) -> list[MachineTokenOut]:
    return [MachineTokenOut.of(t) for t in admin.visible_tokens(db, principal, agency_id=agency_id)]


@router.post(
    "/tokens",
    response_model=MachineTokenCreated,
    status_code=201,
    tags=["tokens"],
    responses=ERRORS,
)
def create_machine_token(
    body: MachineTokenCreate, db: DbSession, principal: ApiPrincipal, response: Response
) -> MachineTokenCreated:
    expires_at = body.expires_at
    if expires_at is not None and expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=LOCAL_TZ)
    issued = admin.create_token_as(
        db,
        principal,
        agency_ident=body.agency,
        name=body.name,
        scopes=body.scopes,
        expires_at=expires_at,
    )
    response.headers["cache-control"] = "no-store"
    return MachineTokenCreated(token=MachineTokenOut.of(issued.token), secret=issued.secret)


@router.post(
    "/tokens/{token_id}/revoke", response_model=MachineTokenOut, tags=["tokens"], responses=ERRORS
)
def revoke_machine_token(token_id: int, db: DbSession, principal: ApiPrincipal) -> MachineTokenOut:
    return MachineTokenOut.of(admin.revoke_token_as(db, principal, token_id))


# --- audit log --------------------------------------------------------------------------

Q = Annotated[str | None, Query(max_length=128)]


def _filters(
    action: str | None,
    actor: str | None,
    entity_type: str | None,
    entity_id: str | None,
    since: date | None,
    until: date | None,
    agency_id: int | None,
) -> admin.AuditFilter:
    return admin.AuditFilter(
        action=action or None,
        actor=actor or None,
        entity_type=entity_type or None,
        entity_id=entity_id or None,
        since=local_day_start(since) if since else None,
        until=local_day_start(until + timedelta(days=1)) if until else None,
        agency_id=agency_id,
    )


@router.get(
    "/audit",
    response_model=AuditPage,
    tags=["audit"],
    responses=ERRORS,
    summary="Nhật ký kiểm toán, mới nhất trước / audit log, newest first",
)
def list_audit(
    db: DbSession,
    principal: ApiPrincipal,
    action: Q = None,
    actor: Q = None,
    entity_type: Q = None,
    entity_id: Q = None,
    since: Annotated[date | None, Query(description="First day (Vietnam time)")] = None,
    until: Annotated[date | None, Query(description="Last day, inclusive")] = None,
    agency_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=admin.MAX_AUDIT_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> AuditPage:
    filters = _filters(action, actor, entity_type, entity_id, since, until, agency_id)
    events = admin.audit_events_for(db, principal, filters, limit=limit, offset=offset)
    return AuditPage(items=[event_to_dict(e) for e in events], limit=limit, offset=offset)


@router.get(
    "/audit/export",
    tags=["audit"],
    responses=ERRORS,
    summary="Xuất nhật ký (CSV hoặc JSON Lines) / export the audit log",
)
def export_audit(
    db: DbSession,
    principal: ApiPrincipal,
    format: Annotated[str, Query(pattern="^(csv|jsonl)$")] = "jsonl",
    action: Q = None,
    actor: Q = None,
    entity_type: Q = None,
    entity_id: Q = None,
    since: date | None = None,
    until: date | None = None,
    agency_id: int | None = None,
) -> StreamingResponse:
    filters = _filters(action, actor, entity_type, entity_id, since, until, agency_id)
    events = admin.export_audit_events(db, principal, filters, fmt=format)
    lines = list(export_lines(events, format))
    return StreamingResponse(
        iter(lines),
        media_type=EXPORT_FORMATS[format],
        headers={"content-disposition": f'attachment; filename="audit.{format}"'},
    )
