"""Pages of the web shell itself: the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from canhgiac.accounts.users import set_user_locale
from canhgiac.web.deps import LOCALE_COOKIE, DbSession, OptionalUser, app_settings
from canhgiac.web.i18n import SUPPORTED_LOCALES
from canhgiac.web.rendering import redirect

router = APIRouter(include_in_schema=False)
ONE_YEAR = 365 * 24 * 3600


def safe_next(target: str | None, default: str = "/") -> str:
    """Only local paths: never redirect to another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target[:1000]


@router.post("/lang")
def switch_language(
    request: Request,
    db: DbSession,
    user: OptionalUser,
    locale: Annotated[str, Form(max_length=8)],
    next: Annotated[str, Form(max_length=1000)] = "/",
) -> Response:
    chosen = locale if locale in SUPPORTED_LOCALES else "vi"
    if user is not None:
        set_user_locale(db, user, chosen)
    response = redirect(safe_next(next))
    response.set_cookie(
        LOCALE_COOKIE,
        chosen,
        max_age=ONE_YEAR,
        httponly=True,
        samesite="lax",
        secure=app_settings(request).cookie_secure,
        path="/",
    )
    return response
