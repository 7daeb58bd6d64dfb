"""Errors as consistent JSON under /api and as pages elsewhere.

JSON errors look like ``{"error": code, "message": ..., "field": ...}``; every refusal for
lack of permission (403) is recorded in the audit log.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from canhgiac.errors import AuthenticationFailed, CanhgiacError, PermissionDenied
from canhgiac.web.deps import LoginRequired, record_refusal, request_locale
from canhgiac.web.i18n import N_, localised_message

log = logging.getLogger(__name__)

HTTP_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}
HTTP_MESSAGES = {
    400: "Yêu cầu không hợp lệ / bad request",
    401: "Cần đăng nhập / authentication required",
    403: "Không có quyền truy cập / forbidden",
    404: "Không tìm thấy trang hoặc tài nguyên / not found",
    405: "Phương thức không được hỗ trợ / method not allowed",
    413: "Dữ liệu gửi lên quá lớn / request body too large",
    429: "Quá nhiều yêu cầu, vui lòng thử lại sau / too many requests",
    500: "Lỗi máy chủ, vui lòng thử lại sau / internal server error",
}
# Page titles (gettext message ids) for the HTML error page.
PAGE_TITLES = {
    401: N_("Sign-in required"),
    403: N_("Access denied"),
    404: N_("Page not found"),
    405: N_("Method not allowed"),
    409: N_("Conflict"),
    413: N_("Request too large"),
    422: N_("Invalid input"),
    429: N_("Too many requests"),
    500: N_("Server error"),
}


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/") or path == "/healthz"


def json_error(
    status: int, code: str, message: str, field: str | None = None, **headers: str
) -> JSONResponse:
    body: dict[str, Any] = {"error": code, "message": message}
    if field:
        body["field"] = field
    return JSONResponse(body, status_code=status, headers=headers or None)


def error_response(
    request: Request, status: int, code: str, message: str, field: str | None = None
) -> Response:
    if is_api_path(request.url.path):
        extra = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
        return json_error(status, code, message, field, **extra)
    from canhgiac.web.rendering import render

    title = PAGE_TITLES.get(status, N_("Error"))
    return render(
        request,
        "error.html",
        {
            "status": status,
            "title_id": title,
            "message": localised_message(message, request_locale(request)),
        },
        status_code=status,
    )


def body_too_large_response(scope: Scope, limit: int) -> Response:
    request = Request(scope)
    message = f"Dữ liệu gửi lên vượt quá {limit} byte / request body exceeds {limit} bytes"
    return error_response(request, 413, "payload_too_large", message)


def _field_of(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    return ".".join(parts) or ".".join(str(p) for p in loc)


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CanhgiacError)
    if isinstance(exc, LoginRequired) and not is_api_path(request.url.path):
        target = request.url.path
        if request.url.query:
            target += "?" + request.url.query
        next_part = f"?next={quote(target, safe='')}" if request.method == "GET" else ""
        return Response(status_code=303, headers={"location": f"/login{next_part}"})
    if isinstance(exc, PermissionDenied):
        action = getattr(exc, "audit_action", "access.denied")
        detail = f"{request.method} {request.url.path}: {exc.message}"[:500]
        try:
            await run_in_threadpool(record_refusal, request, action, detail=detail)
        except Exception as audit_error:  # the refusal itself must still be answered
            log.error("could not audit %s: %s", action, type(audit_error).__name__)
    if isinstance(exc, AuthenticationFailed) and is_api_path(request.url.path):
        return json_error(
            exc.status_code, exc.code, exc.message, exc.field, **{"WWW-Authenticate": "Bearer"}
        )
    return error_response(request, exc.status_code, exc.code, exc.message, exc.field)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {}
    field = _field_of(first.get("loc", ())) if first else None
    detail = str(first.get("msg", "invalid value")) if first else "invalid value"
    message = (
        f"Giá trị không hợp lệ ở trường {field}: {detail} / invalid value for {field}: {detail}"
    )
    return error_response(request, 422, "validation_error", message, field)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = HTTP_CODES.get(status, "error")
    message = HTTP_MESSAGES.get(status, str(exc.detail))
    if status == 413 and isinstance(exc.detail, str):
        message = exc.detail
    response = error_response(request, status, code, message)
    for name, value in (exc.headers or {}).items():
        response.headers.setdefault(name, value)
    return response


async def _unexpected(request: Request, exc: Exception) -> Response:
    # Logged without request bodies or headers, which may carry secrets.
    log.error("unhandled %s on %s %s", type(exc).__name__, request.method, request.url.path)
    return error_response(request, 500, "internal_error", HTTP_MESSAGES[500])


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(CanhgiacError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
