"""Page rendering: the Jinja environment, the layout's context and page messages (flash)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, URLSafeSerializer

from canhgiac.accounts.principal import Principal
from canhgiac.accounts.roles import AGENCY_KIND_LABELS, ROLE_LABELS
from canhgiac.settings import Settings
from canhgiac.web import nav
from canhgiac.web.deps import Viewer, app_settings, request_locale
from canhgiac.web.i18n import LOCALE_NAMES, Translations, install, labels_for
from canhgiac.web.security import ANON_COOKIE, csrf_token

TEMPLATES_DIR = Path(__file__).parent / "templates"
FLASH_COOKIE = "cg_flash"
FLASH_LEVELS = frozenset({"success", "info", "warning", "error"})
_MAX_FLASH_CHARS = 1500


def build_templates(translations: Translations) -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    install(templates.env, translations)
    return templates


def translator(request: Request) -> Callable[..., str]:
    """``_ = translator(request)`` then ``_("Saved %(name)s", name=...)`` in page handlers."""
    translations: Translations = request.app.state.translations
    catalogue = translations.get(request_locale(request))

    def _(message: str, **variables: object) -> str:
        text = catalogue.gettext(message)
        return text % variables if variables else text

    return _


def _flash_serializer(settings: Settings) -> URLSafeSerializer:
    return URLSafeSerializer(settings.secret_key.get_secret_value(), salt="canhgiac-flash")


def flash(request: Request, response: Response, level: str, message: str) -> None:
    """Queue a message for the next page this browser renders (never put secrets here)."""
    settings = app_settings(request)
    queued = _read_flashes(request, settings) + getattr(request.state, "queued_flashes", [])
    queued.append([level if level in FLASH_LEVELS else "info", message[:500]])
    while queued and len(json.dumps(queued)) > _MAX_FLASH_CHARS:
        queued.pop(0)
    request.state.queued_flashes = queued
    response.set_cookie(
        FLASH_COOKIE,
        _flash_serializer(settings).dumps(queued),
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )


def _read_flashes(request: Request, settings: Settings) -> list[list[str]]:
    raw = request.cookies.get(FLASH_COOKIE)
    if not raw or len(raw) > 4096:
        return []
    try:
        data = _flash_serializer(settings).loads(raw)
    except BadSignature:
        return []
    if not isinstance(data, list):
        return []
    return [
        [str(item[0]), str(item[1])]
        for item in data
        if isinstance(item, list) and len(item) == 2 and item[0] in FLASH_LEVELS
    ]


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def page_paths(request: Request) -> frozenset[str]:
    paths: frozenset[str] = getattr(request.app.state, "page_paths", frozenset())
    return paths


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    status_code: int = 200,
    no_store: bool = False,
) -> HTMLResponse:
    settings = app_settings(request)
    locale = request_locale(request)
    viewer = getattr(request.state, "viewer", None)
    principal = getattr(request.state, "principal", None)
    if not isinstance(viewer, Viewer) or not isinstance(principal, Principal):
        viewer, principal = None, None
    paths = page_paths(request)
    flashes = _read_flashes(request, settings)
    page_context: dict[str, Any] = {
        "locale": locale,
        "locale_names": LOCALE_NAMES,
        "viewer": viewer,
        "principal": principal,
        "csrf_token": csrf_token(request, settings),
        "nav_main": nav.areas_for(principal, paths, "main"),
        "nav_admin": nav.areas_for(principal, paths, "admin"),
        "current_path": request.url.path,
        "flashes": flashes,
        "role_labels": labels_for(ROLE_LABELS, locale),
        "kind_labels": labels_for(AGENCY_KIND_LABELS, locale),
    }
    page_context.update(context or {})
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(request, template, page_context, status_code=status_code)
    response.headers["cache-control"] = "no-store" if no_store else "private, no-cache"
    if flashes:
        response.delete_cookie(FLASH_COOKIE, path="/")
    new_anon = getattr(request.state, "new_anon_cookie", None)
    if new_anon:
        response.set_cookie(
            ANON_COOKIE,
            new_anon,
            httponly=True,
            samesite="lax",
            secure=settings.cookie_secure,
            path="/",
        )
    return response
