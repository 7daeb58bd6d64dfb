"""Audit log pages: browse with filters, export as CSV or JSON Lines."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse

from canhgiac.accounts import administration as admin
from canhgiac.accounts.audit_export import EXPORT_FORMATS, export_lines
from canhgiac.errors import ValidationFailed
from canhgiac.web.deps import DbSession, PagePrincipal
from canhgiac.web.i18n import local_day_start, parse_local_date
from canhgiac.web.rendering import render

router = APIRouter(prefix="/admin", include_in_schema=False)
AUDIT_PAGE_SIZE = 50


def _audit_filter(
    action: str,
    actor: str,
    entity: str,
    entity_id: str,
    date_from: str,
    date_to: str,
    agency: int | None,
) -> admin.AuditFilter:
    start = parse_local_date(date_from, "date_from")
    end = parse_local_date(date_to, "date_to")
    return admin.AuditFilter(
        action=action.strip() or None,
        actor=actor.strip() or None,
        entity_type=entity.strip() or None,
        entity_id=entity_id.strip() or None,
        since=local_day_start(start) if start else None,
        until=local_day_start(end + timedelta(days=1)) if end else None,
        agency_id=agency,
    )


Q = Annotated[str, Query(max_length=128)]


@router.get("/audit")
def audit_page(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    action: Q = "",
    actor: Q = "",
    entity: Q = "",
    entity_id: Q = "",
    date_from: Q = "",
    date_to: Q = "",
    agency: int | None = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    admin.require_admin(principal)
    query = {
        "action": action,
        "actor": actor,
        "entity": entity,
        "entity_id": entity_id,
        "date_from": date_from,
        "date_to": date_to,
    }
    if agency is not None:
        query["agency"] = str(agency)
    errors: dict[str, str] = {}
    events: list[Any] = []
    try:
        filters = _audit_filter(action, actor, entity, entity_id, date_from, date_to, agency)
        events = admin.audit_events_for(
            db, principal, filters, limit=AUDIT_PAGE_SIZE + 1, offset=(page - 1) * AUDIT_PAGE_SIZE
        )
    except ValidationFailed as exc:
        errors[exc.field or "_form"] = exc.message
    active = {k: v for k, v in query.items() if v}
    return render(
        request,
        "admin/audit.html",
        {
            "events": events[:AUDIT_PAGE_SIZE],
            "values": query,
            "errors": errors,
            "agencies": admin.visible_agencies(db, principal),
            "page": page,
            "has_more": len(events) > AUDIT_PAGE_SIZE,
            "query_string": urlencode(active),
            "export_formats": list(EXPORT_FORMATS),
        },
        status_code=422 if errors else 200,
    )


@router.get("/audit/export")
def audit_export(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    format: Annotated[str, Query(pattern="^(csv|jsonl)$")] = "csv",
    action: Q = "",
    actor: Q = "",
    entity: Q = "",
    entity_id: Q = "",
    date_from: Q = "",
    date_to: Q = "",
    agency: int | None = None,
) -> Response:
    filters = _audit_filter(action, actor, entity, entity_id, date_from, date_to, agency)
    events = admin.export_audit_events(db, principal, filters, fmt=format)
    lines = list(export_lines(events, format))  # built inside the transaction
    return StreamingResponse(
        iter(lines),
        media_type=EXPORT_FORMATS[format],
        headers={
            "content-disposition": f'attachment; filename="audit.{format}"',
            "cache-control": "no-store",
        },
    )
