"""``/healthz``: is the application up and its database reachable?"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from canhgiac.web.deps import app_session_factory

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Tình trạng dịch vụ / service health")
def healthz(request: Request) -> JSONResponse:
    session = app_session_factory(request)()
    try:
        session.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means "not healthy", never a traceback
        log.warning("health check: database unreachable (%s)", type(exc).__name__)
        return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
    finally:
        session.close()
    return JSONResponse({"status": "ok", "database": "ok"})
