"""JSON API of the miniSOC: sensors push log batches; agencies read and triage their alerts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from canhgiac.accounts.principal import require_scope
from canhgiac.accounts.roles import Scope
from canhgiac.monitoring import access, alerts, service
from canhgiac.monitoring.models import Alert
from canhgiac.web.deps import ApiPrincipal, DbSession

router = APIRouter(prefix="/monitoring", tags=["monitoring"])


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str = Field(
        description="zeek-dns, zeek-conn, bind, unbound, dnsmasq, suricata, squid, csv"
    )
    lines: list[str] = Field(max_length=service.MAX_BATCH_LINES)


class TriageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: str = Field(description="new, confirmed, false_positive")
    reason: str = Field(default="", max_length=2000)


def alert_out(alert: Alert) -> dict[str, Any]:
    return {
        "id": alert.id,
        "agency_id": alert.agency_id,
        "src_host": alert.src_host,
        "indicator": alert.indicator_value,
        "indicator_kind": alert.indicator_kind,
        "category": alert.category,
        "family": alert.family,
        "source": alert.source,
        "hits": alert.hits,
        "first_seen": alert.first_seen.isoformat(),
        "last_seen": alert.last_seen.isoformat(),
        "example": alert.example,
        "sensor": alert.sensor,
        "status": alert.status,
        "triage_reason": alert.triage_reason,
    }


@router.post("/batches", summary="Cảm biến đẩy một lô nhật ký / a sensor pushes a log batch")
def push_batch(body: BatchIn, db: DbSession, principal: ApiPrincipal) -> dict[str, Any]:
    require_scope(principal, Scope.MONITORING_WRITE)
    result = service.ingest_lines(db, body.lines, fmt=body.format, sensor=principal.name)
    return {
        "lines": result.summary["lines"],
        "matched_lines": result.summary["matched_lines"],
        "malformed": result.summary["malformed"],
        "alerts_created": result.alerts.created,
        "alerts_updated": result.alerts.updated,
    }


@router.get("/alerts", summary="Cảnh báo / alerts")
def list_alerts(
    db: DbSession,
    principal: ApiPrincipal,
    status: str | None = None,
    category: str | None = None,
    host: str | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    page = alerts.list_alerts(
        db,
        agency_id=access.visible_agency_filter(principal),
        status=status,
        category=category,
        host=host,
        limit=limit,
        offset=offset,
    )
    return {"total": page.total, "items": [alert_out(a) for a in page.items]}


@router.post("/alerts/{alert_id}/triage", summary="Xử lý cảnh báo / triage an alert")
def triage(alert_id: int, body: TriageIn, db: DbSession, principal: ApiPrincipal) -> dict[str, Any]:
    alert = alerts.get_alert(db, alert_id)
    access.require_can_triage(principal, alert)
    return alert_out(
        alerts.triage_alert(
            db, alert, status=body.status, reason=body.reason, by_user_id=principal.user_id
        )
    )


@router.get("/summary", summary="Tổng hợp theo loại và họ mã độc / summary per category and family")
def summary(
    db: DbSession,
    principal: ApiPrincipal,
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict[str, Any]:
    def aware(value: datetime | None) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value

    return alerts.summarize_alerts(
        db,
        since=aware(since),
        until=aware(until),
        agency_id=access.visible_agency_filter(principal),
    )
