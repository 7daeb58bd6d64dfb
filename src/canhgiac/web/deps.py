"""Per-request dependencies: the unit of work, who is calling, and the request's language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from canhgiac.accounts import audit
from canhgiac.accounts.auth import resolve_web_session
from canhgiac.accounts.models import User
from canhgiac.accounts.principal import Principal
from canhgiac.accounts.tokens import authenticate_token
from canhgiac.db.engine import unit_of_work
from canhgiac.detectors.pages.check import UrlChecker
from canhgiac.errors import AuthenticationFailed, CanhgiacError
from canhgiac.settings import Settings
from canhgiac.web.i18n import normalise_locale
from canhgiac.web.security import SESSION_COOKIE

LOCALE_COOKIE = "cg_lang"


class LoginRequired(AuthenticationFailed):
    """Pages answer it with a redirect to the login page, the API with 401."""

    code = "unauthenticated"


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def app_session_factory(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    return factory


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def anonymous_actor(request: Request) -> audit.Actor:
    return audit.Actor(name="anonymous", ip=client_ip(request))


def request_actor(request: Request) -> audit.Actor:
    actor = getattr(request.state, "actor", None)
    return actor if isinstance(actor, audit.Actor) else anonymous_actor(request)


def db_session(request: Request) -> Iterator[Session]:
    """The request's transaction: committed when the handler returns, rolled back on error."""
    with unit_of_work(app_session_factory(request)) as session:
        audit.set_actor(session, request_actor(request))
        yield session


# Exit code runs when the endpoint finishes, before the response is sent, so the client
# never sees success for a transaction that did not commit.
DbSession = Annotated[Session, Depends(db_session, scope="function")]


@dataclass(frozen=True)
class Viewer:
    """What the layout shows of the signed-in user; plain data, so error pages can render
    it after the request's transaction was rolled back."""

    user_id: int
    username: str
    full_name: str
    role: str
    locale: str
    agency_id: int
    agency_name: str

    @classmethod
    def of(cls, user: User) -> Viewer:
        return cls(
            user_id=user.id,
            username=user.username,
            full_name=user.full_name,
            role=user.role,
            locale=user.locale,
            agency_id=user.agency_id,
            agency_name=user.agency.name,
        )


def current_user_optional(request: Request, db: DbSession) -> User | None:
    raw = request.cookies.get(SESSION_COOKIE, "")
    user = resolve_web_session(db, raw) if raw else None
    if user is not None:
        principal = Principal.of_user(user)
        request.state.viewer = Viewer.of(user)
        request.state.principal = principal
        actor = principal.actor(client_ip(request))
        request.state.actor = actor
        audit.set_actor(db, actor)
    return user


OptionalUser = Annotated[User | None, Depends(current_user_optional)]


def current_user(user: OptionalUser) -> User:
    if user is None:
        raise LoginRequired("Vui lòng đăng nhập / please sign in")
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def page_principal(user: CurrentUser) -> Principal:
    return Principal.of_user(user)


PagePrincipal = Annotated[Principal, Depends(page_principal)]


def record_refusal(request: Request, action: str, *, detail: str | None = None) -> None:
    """Audit a refusal in its own transaction: the request's own work has been rolled back."""
    with unit_of_work(app_session_factory(request)) as session:
        audit.record(session, action, detail=detail, actor=request_actor(request))


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()[:512]


def api_principal(request: Request, db: DbSession) -> Principal:
    """The caller of a /api route, from ``Authorization: Bearer``."""
    raw = _bearer(request)
    if raw is None:
        raise LoginRequired("Thiếu mã truy cập Bearer / missing bearer token")
    ip = client_ip(request)
    # Checked in a transaction of its own so that a refusal's audit entry survives the 401.
    session = app_session_factory(request)()
    try:
        principal = authenticate_token(session, raw, ip=ip)
        session.commit()
    except CanhgiacError:
        session.commit()
        raise
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    actor = principal.actor(ip)
    request.state.actor = actor
    request.state.principal = principal
    audit.set_actor(db, actor)
    return principal


ApiPrincipal = Annotated[Principal, Depends(api_principal)]


def request_locale(request: Request) -> str:
    """The user's stored preference, else the language cookie, else the configured default."""
    viewer = getattr(request.state, "viewer", None)
    if isinstance(viewer, Viewer):
        return normalise_locale(viewer.locale)
    settings = app_settings(request)
    return normalise_locale(
        request.cookies.get(LOCALE_COOKIE), normalise_locale(settings.default_locale)
    )


def page_checker(request: Request) -> UrlChecker:
    """The sandboxed page checker under this app's settings. A dependency, so that a test can
    point its resolver at a local server while the fetch, its limits and the address policy
    stay the real ones."""
    return UrlChecker.from_settings(app_settings(request))


PageChecker = Annotated[UrlChecker, Depends(page_checker)]
