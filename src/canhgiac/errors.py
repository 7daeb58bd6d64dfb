"""Domain errors. Front doors map them to HTTP statuses, page messages and exit codes."""

from __future__ import annotations


class CanhgiacError(Exception):
    """Base of all domain errors; ``message`` is user-facing (Vietnamese first)."""

    status_code = 400
    code = "error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"error": self.code, "message": self.message}
        if self.field:
            data["field"] = self.field
        return data


class ValidationFailed(CanhgiacError):
    status_code = 422
    code = "validation_error"


class NotFound(CanhgiacError):
    status_code = 404
    code = "not_found"


class Conflict(CanhgiacError):
    status_code = 409
    code = "conflict"


class AuthenticationFailed(CanhgiacError):
    status_code = 401
    code = "unauthenticated"


class PermissionDenied(CanhgiacError):
    status_code = 403
    code = "forbidden"


class RateLimited(CanhgiacError):
    status_code = 429
    code = "rate_limited"
