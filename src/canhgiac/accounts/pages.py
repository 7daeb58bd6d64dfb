"""Web pages of accounts: sign in, sign out and the home page (dashboard)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from canhgiac.accounts import administration, audit
from canhgiac.accounts.auth import authenticate, close_web_session, open_web_session
from canhgiac.accounts.models import AuditEvent
from canhgiac.accounts.principal import Principal
from canhgiac.accounts.roles import Role
from canhgiac.errors import AuthenticationFailed, PermissionDenied
from canhgiac.web import nav
from canhgiac.web.deps import (
    LOCALE_COOKIE,
    CurrentUser,
    DbSession,
    OptionalUser,
    PagePrincipal,
    app_settings,
    client_ip,
)
from canhgiac.web.i18n import N_
from canhgiac.web.rendering import flash, page_paths, redirect, render, translator
from canhgiac.web.security import SESSION_COOKIE
from canhgiac.web.shell import safe_next

router = APIRouter(include_in_schema=False)


def _is_admin(principal: Principal) -> bool:
    return principal.role == Role.ADMIN


nav.register_area(nav.NavArea("home", N_("Overview"), "/", order=0))
nav.register_area(
    nav.NavArea("agencies", N_("Agencies"), "/admin/agencies", 900, "admin", _is_admin)
)
nav.register_area(nav.NavArea("users", N_("Users"), "/admin/users", 910, "admin", _is_admin))
nav.register_area(nav.NavArea("tokens", N_("API tokens"), "/admin/tokens", 920, "admin", _is_admin))
nav.register_area(nav.NavArea("audit", N_("Audit log"), "/admin/audit", 930, "admin", _is_admin))


@router.get("/login")
def login_form(request: Request, user: OptionalUser, next: str = "/") -> Response:
    if user is not None:
        return redirect(safe_next(next))
    return render(request, "accounts/login.html", {"next": safe_next(next), "username": ""})


@router.post("/login")
def login(
    request: Request,
    db: DbSession,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=1000)] = "/",
) -> Response:
    settings = app_settings(request)
    ip = client_ip(request)
    try:
        user = authenticate(db, username=username, password=password, settings=settings, ip=ip)
    except AuthenticationFailed as exc:
        # Returned, not raised: the failure count and its audit entry must be committed.
        return render(
            request,
            "accounts/login.html",
            {"next": safe_next(next), "username": username[:64], "error": exc.message},
            status_code=401,
        )
    raw = open_web_session(db, user=user, settings=settings, ip=ip)
    response = redirect(safe_next(next))
    response.set_cookie(
        SESSION_COOKIE,
        raw,
        max_age=settings.session_max_age_seconds,
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
    response.set_cookie(
        LOCALE_COOKIE,
        user.locale,
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
    return response


@router.post("/logout")
def logout(request: Request, db: DbSession, user: OptionalUser) -> Response:
    raw = request.cookies.get(SESSION_COOKIE, "")
    if raw:
        close_web_session(db, raw)
    if user is not None:
        audit.record(db, "auth.logout", entity_type="users", entity_id=user.id)
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    _ = translator(request)
    flash(request, response, "success", _("You have signed out."))
    return response


@router.get("/")
def dashboard(
    request: Request, db: DbSession, user: CurrentUser, principal: PagePrincipal
) -> Response:
    counts: dict[str, int] = {}
    recent: list[AuditEvent] = []
    if _is_admin(principal):
        try:
            counts = {
                "agencies": len(administration.visible_agencies(db, principal)),
                "users": len(administration.visible_users(db, principal)),
                "tokens": sum(
                    1 for t in administration.visible_tokens(db, principal) if t.revoked_at is None
                ),
            }
            recent = administration.audit_events_for(
                db, principal, administration.AuditFilter(), limit=8
            )
        except PermissionDenied:  # pragma: no cover - admins pass these checks by definition
            counts = {}
    return render(
        request,
        "accounts/dashboard.html",
        {
            "me": user,
            "counts": counts,
            "recent": recent,
            "areas": [a for a in request_areas(request, principal) if a.key != "home"],
        },
    )


def request_areas(request: Request, principal: Principal) -> list[nav.NavArea]:
    return nav.areas_for(principal, page_paths(request))
