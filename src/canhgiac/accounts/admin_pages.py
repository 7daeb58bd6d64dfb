"""Administration pages: agencies, users, machine tokens and the audit log.

Every change goes through ``accounts.administration``, which decides who may do what; a
refusal raises PermissionDenied, which the app answers with a 403 page and an audit entry.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from canhgiac.accounts import administration as admin
from canhgiac.accounts.roles import AgencyKind, Role, Scope
from canhgiac.errors import CanhgiacError, PermissionDenied, ValidationFailed
from canhgiac.web.deps import DbSession, PagePrincipal, request_locale
from canhgiac.web.i18n import local_day_start, localised_message, parse_local_date
from canhgiac.web.rendering import flash, redirect, render, translator

router = APIRouter(prefix="/admin", include_in_schema=False)
AUDIT_PAGE_SIZE = 50

Text = Annotated[str, Form(max_length=255)]
LongText = Annotated[str, Form(max_length=20_000)]


def _form_error(
    request: Request, db: DbSession, template: str, exc: CanhgiacError, context: dict[str, Any]
) -> Response:
    """Re-show a form with the service's message next to the field; nothing is kept."""
    if isinstance(exc, PermissionDenied):
        raise exc
    db.rollback()
    errors = {exc.field or "_form": exc.message}
    return render(request, template, {**context, "errors": errors}, status_code=exc.status_code)


# --- agencies ---------------------------------------------------------------------------


@router.get("/agencies")
def agencies_list(request: Request, db: DbSession, principal: PagePrincipal) -> Response:
    return render(
        request, "admin/agencies.html", {"agencies": admin.visible_agencies(db, principal)}
    )


def _agency_context(principal: Any, values: dict[str, Any], agency: Any = None) -> dict[str, Any]:
    return {
        "values": values,
        "agency": agency,
        "kinds": [k.value for k in AgencyKind],
        "can_change_standing": principal.is_system_admin,
    }


@router.get("/agencies/new")
def agency_new_form(request: Request, principal: PagePrincipal) -> Response:
    admin.require_admin(principal)
    if not principal.is_system_admin:
        raise PermissionDenied(
            "Chỉ quản trị viên của Sở TT&TT được tạo cơ quan / "
            "only administrators of the provincial office may create agencies"
        )
    values = {"kind": AgencyKind.OTHER.value, "is_active": True}
    return render(request, "admin/agency_form.html", _agency_context(principal, values))


@router.post("/agencies/new")
def agency_create(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    code: Text = "",
    name: Text = "",
    kind: Text = "",
    network_ranges: LongText = "",
    contact_email: Text = "",
) -> Response:
    values = {
        "code": code,
        "name": name,
        "kind": kind,
        "network_ranges": network_ranges,
        "contact_email": contact_email,
        "is_active": True,
    }
    try:
        agency = admin.create_agency_as(
            db,
            principal,
            code=code,
            name=name,
            kind=kind,
            network_ranges=network_ranges,
            contact_email=contact_email,
        )
    except CanhgiacError as exc:
        return _form_error(
            request, db, "admin/agency_form.html", exc, _agency_context(principal, values)
        )
    response = redirect("/admin/agencies")
    _ = translator(request)
    flash(request, response, "success", _("Agency %(code)s created.", code=agency.code))
    return response


@router.get("/agencies/{agency_id}/edit")
def agency_edit_form(
    request: Request, agency_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    agency = admin.agency_for_admin(db, principal, agency_id)
    values = {
        "code": agency.code,
        "name": agency.name,
        "kind": agency.kind,
        "network_ranges": agency.network_ranges,
        "contact_email": agency.contact_email or "",
        "is_active": agency.is_active,
    }
    return render(request, "admin/agency_form.html", _agency_context(principal, values, agency))


@router.post("/agencies/{agency_id}/edit")
def agency_update(
    request: Request,
    agency_id: int,
    db: DbSession,
    principal: PagePrincipal,
    name: Text = "",
    kind: Text = "",
    network_ranges: LongText = "",
    contact_email: Text = "",
    is_active: Text = "",
) -> Response:
    agency = admin.agency_for_admin(db, principal, agency_id)
    standing = principal.is_system_admin
    values = {
        "code": agency.code,
        "name": name,
        "kind": kind or agency.kind,
        "network_ranges": network_ranges,
        "contact_email": contact_email,
        "is_active": bool(is_active) if standing else agency.is_active,
    }
    try:
        admin.update_agency_as(
            db,
            principal,
            agency,
            name=name,
            network_ranges=network_ranges,
            contact_email=contact_email,
            kind=kind if standing else None,
            is_active=bool(is_active) if standing else None,
        )
    except CanhgiacError as exc:
        return _form_error(
            request, db, "admin/agency_form.html", exc, _agency_context(principal, values, agency)
        )
    response = redirect("/admin/agencies")
    _ = translator(request)
    flash(request, response, "success", _("Agency %(code)s saved.", code=agency.code))
    return response


# --- users ------------------------------------------------------------------------------


@router.get("/users")
def users_list(
    request: Request, db: DbSession, principal: PagePrincipal, agency: int | None = None
) -> Response:
    return render(
        request,
        "admin/users.html",
        {
            "users": admin.visible_users(db, principal, agency_id=agency),
            "agencies": admin.visible_agencies(db, principal),
            "agency_filter": agency,
        },
    )


def _user_context(
    db: DbSession, principal: Any, values: dict[str, Any], user: Any = None
) -> dict[str, Any]:
    return {
        "values": values,
        "target": user,
        "roles": [r.value for r in Role],
        "agencies": admin.visible_agencies(db, principal),
    }


@router.get("/users/new")
def user_new_form(request: Request, db: DbSession, principal: PagePrincipal) -> Response:
    values = {"agency": principal.agency_id, "role": Role.OFFICER.value}
    return render(request, "admin/user_form.html", _user_context(db, principal, values))


@router.post("/users/new")
def user_create(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    agency: Text = "",
    username: Text = "",
    full_name: Text = "",
    email: Text = "",
    role: Text = "",
    password: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    values = {
        "agency": agency,
        "username": username,
        "full_name": full_name,
        "email": email,
        "role": role,
    }
    try:
        if not agency.strip():
            raise ValidationFailed("Hãy chọn cơ quan / choose an agency", field="agency")
        user = admin.create_user_as(
            db,
            principal,
            agency_ident=agency.strip(),
            username=username,
            full_name=full_name,
            role=role,
            password=password,
            email=email,
        )
    except CanhgiacError as exc:
        return _form_error(
            request, db, "admin/user_form.html", exc, _user_context(db, principal, values)
        )
    response = redirect("/admin/users")
    _ = translator(request)
    flash(request, response, "success", _("User %(username)s created.", username=user.username))
    return response


@router.get("/users/{user_id}/edit")
def user_edit_form(
    request: Request, user_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    user = admin.user_for_admin(db, principal, user_id)
    values = {
        "agency": user.agency_id,
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email or "",
        "role": user.role,
    }
    return render(request, "admin/user_form.html", _user_context(db, principal, values, user))


@router.post("/users/{user_id}/edit")
def user_update(
    request: Request,
    user_id: int,
    db: DbSession,
    principal: PagePrincipal,
    full_name: Text = "",
    email: Text = "",
    role: Text = "",
) -> Response:
    user = admin.user_for_admin(db, principal, user_id)
    values = {
        "agency": user.agency_id,
        "username": user.username,
        "full_name": full_name,
        "email": email,
        "role": role,
    }
    try:
        admin.update_user_as(
            db, principal, user, full_name=full_name, email=email, role=role or None
        )
    except CanhgiacError as exc:
        return _form_error(
            request, db, "admin/user_form.html", exc, _user_context(db, principal, values, user)
        )
    response = redirect("/admin/users")
    _ = translator(request)
    flash(request, response, "success", _("User %(username)s saved.", username=user.username))
    return response


def _set_active(
    request: Request, db: DbSession, principal: Any, user_id: int, active: bool
) -> Response:
    user = admin.user_for_admin(db, principal, user_id)
    _ = translator(request)
    try:
        admin.update_user_as(db, principal, user, is_active=active)
    except CanhgiacError as exc:
        if isinstance(exc, PermissionDenied):
            raise
        db.rollback()
        response = redirect(f"/admin/users/{user_id}/edit")
        flash(request, response, "error", localised_message(exc.message, request_locale(request)))
        return response
    response = redirect("/admin/users")
    message = (
        _("User %(username)s enabled.", username=user.username)
        if active
        else _("User %(username)s disabled; their sessions were ended.", username=user.username)
    )
    flash(request, response, "success", message)
    return response


@router.post("/users/{user_id}/disable")
def user_disable(
    request: Request, user_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    return _set_active(request, db, principal, user_id, False)


@router.post("/users/{user_id}/enable")
def user_enable(
    request: Request, user_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    return _set_active(request, db, principal, user_id, True)


@router.post("/users/{user_id}/reset-password")
def user_reset_password(
    request: Request, user_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    user = admin.user_for_admin(db, principal, user_id)
    password = admin.reset_password_as(db, principal, user)
    # Shown on this response only: never in a redirect, cookie, log or audit entry.
    return render(
        request,
        "admin/secret_once.html",
        {"kind": "password", "subject": user.username, "secret": password, "back": "/admin/users"},
        no_store=True,
    )


# --- machine tokens ---------------------------------------------------------------------


@router.get("/tokens")
def tokens_list(
    request: Request, db: DbSession, principal: PagePrincipal, agency: int | None = None
) -> Response:
    return render(
        request,
        "admin/tokens.html",
        {
            "tokens": admin.visible_tokens(db, principal, agency_id=agency),
            "agencies": admin.visible_agencies(db, principal),
            "agency_filter": agency,
        },
    )


def _token_context(db: DbSession, principal: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {
        "values": values,
        "scopes": [s.value for s in Scope],
        "agencies": admin.visible_agencies(db, principal),
    }


@router.get("/tokens/new")
def token_new_form(request: Request, db: DbSession, principal: PagePrincipal) -> Response:
    values = {"agency": principal.agency_id, "scopes": []}
    return render(request, "admin/token_form.html", _token_context(db, principal, values))


@router.post("/tokens/new")
def token_create(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    agency: Text = "",
    name: Text = "",
    scopes: Annotated[list[str] | None, Form(max_length=16)] = None,
    expires_on: Text = "",
) -> Response:
    values = {"agency": agency, "name": name, "scopes": scopes or [], "expires_on": expires_on}
    try:
        if not agency.strip():
            raise ValidationFailed("Hãy chọn cơ quan / choose an agency", field="agency")
        day = parse_local_date(expires_on, "expires_on")
        issued = admin.create_token_as(
            db,
            principal,
            agency_ident=agency.strip(),
            name=name,
            scopes=scopes or [],
            expires_at=local_day_start(day + timedelta(days=1)) if day else None,
        )
    except CanhgiacError as exc:
        return _form_error(
            request, db, "admin/token_form.html", exc, _token_context(db, principal, values)
        )
    return render(
        request,
        "admin/secret_once.html",
        {
            "kind": "token",
            "subject": issued.token.name,
            "secret": issued.secret,
            "back": "/admin/tokens",
        },
        no_store=True,
    )


@router.post("/tokens/{token_id}/revoke")
def token_revoke(
    request: Request, token_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    token = admin.revoke_token_as(db, principal, token_id)
    response = redirect("/admin/tokens")
    _ = translator(request)
    flash(request, response, "success", _("Token %(name)s revoked.", name=token.name))
    return response
