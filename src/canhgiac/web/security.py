"""Security headers, request body limits and CSRF protection for HTML forms."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request
from itsdangerous import BadSignature, Signer
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from canhgiac.errors import PermissionDenied
from canhgiac.settings import Settings

SESSION_COOKIE = "cg_session"
ANON_COOKIE = "cg_anon"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


HSTS_HEADER = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response (pages, JSON, static, errors)."""

    def __init__(self, app: ASGIApp, *, https: bool = False) -> None:
        self.app = app
        # HSTS only where the deployment says it is served over HTTPS (cookie_secure).
        self.headers = (*SECURITY_HEADERS, HSTS_HEADER) if https else SECURITY_HEADERS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers.extend(h for h in self.headers if h[0] not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(
            status_code=413,
            detail=f"Dữ liệu gửi lên vượt quá {limit} byte / request body exceeds {limit} bytes",
        )


class BodySizeLimitMiddleware:
    """Refuses bodies over the limit: at once by Content-Length, else while streaming."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.limit = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.limit:
                    await self._refuse(scope, receive, send)
                    return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Rendered by the application's own handlers so the page/JSON looks like every other error.
        from canhgiac.web.errors import body_too_large_response

        response = body_too_large_response(scope, self.limit)
        await response(scope, receive, send)


class CsrfFailed(PermissionDenied):
    code = "csrf_failed"
    audit_action = "security.csrf_failed"


def _mac(settings: Settings, purpose: str, value: str) -> str:
    key = settings.secret_key.get_secret_value().encode()
    return hmac.new(key, f"csrf|{purpose}|{value}".encode(), hashlib.sha256).hexdigest()


def _anon_signer(settings: Settings) -> Signer:
    return Signer(settings.secret_key.get_secret_value(), salt="canhgiac-anon")


def _anon_value(request: Request, settings: Settings) -> str | None:
    raw = request.cookies.get(ANON_COOKIE, "")
    if not raw or len(raw) > 256:
        return None
    try:
        return _anon_signer(settings).unsign(raw).decode()
    except BadSignature:
        return None


def csrf_token(request: Request, settings: Settings) -> str:
    """The token for forms on this page: bound to the login session, else to an anonymous
    cookie (minted here and set on the response by the renderer)."""
    session_raw = request.cookies.get(SESSION_COOKIE)
    if session_raw:
        return _mac(settings, "session", session_raw)
    value = _anon_value(request, settings) or getattr(request.state, "new_anon_value", None)
    if value is None:
        value = secrets.token_urlsafe(24)
        request.state.new_anon_value = value
        request.state.new_anon_cookie = _anon_signer(settings).sign(value).decode()
    return _mac(settings, "anon", value)


def expected_csrf_token(request: Request, settings: Settings) -> str | None:
    session_raw = request.cookies.get(SESSION_COOKIE)
    if session_raw:
        return _mac(settings, "session", session_raw)
    value = _anon_value(request, settings)
    return _mac(settings, "anon", value) if value else None


async def verify_csrf(request: Request) -> None:
    """Dependency on every page router: unsafe methods need the form's (or header's) token."""
    if request.method not in UNSAFE_METHODS:
        return
    settings: Settings = request.app.state.settings
    given = request.headers.get(CSRF_HEADER)
    if not given:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    expected = expected_csrf_token(request, settings)
    if not given or expected is None or not hmac.compare_digest(given, expected):
        raise CsrfFailed(
            "Phiên biểu mẫu không hợp lệ hoặc đã hết hạn, vui lòng tải lại trang và thử lại / "
            "the form's security token is missing or invalid; reload the page and try again",
            field=CSRF_FIELD,
        )
