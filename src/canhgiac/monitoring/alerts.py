"""Alerts from scans: stored per (source host, indicator), attributed to the agency whose
network holds the host, de-duplicated (a repeat adds hits, never a new alert) and triaged."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import Agency
from canhgiac.db.base import utcnow
from canhgiac.errors import NotFound, ValidationFailed
from canhgiac.monitoring.models import ALERT_STATUSES, Alert

MAX_BATCH_ALERTS = 100_000


class AgencyNetworks:
    """Which agency owns an address: most specific configured range wins."""

    def __init__(self, agencies: Iterable[Agency]) -> None:
        nets: list[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, int]] = []
        for agency in agencies:
            for text in (agency.network_ranges or "").split():
                try:
                    nets.append((ipaddress.ip_network(text, strict=False), agency.id))
                except ValueError:
                    continue
        # Longest prefix first, so the first containing network is the most specific.
        self._nets = sorted(nets, key=lambda item: -item[0].prefixlen)

    @classmethod
    def load(cls, session: Session) -> AgencyNetworks:
        return cls(session.scalars(select(Agency).where(Agency.is_active.is_(True))))

    def agency_of(self, host: str) -> int | None:
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return None
        for net, agency_id in self._nets:
            if address.version == net.version and address in net:
                return agency_id
        return None


@dataclass(frozen=True)
class AlertRow:
    src: str
    indicator: str
    kind: str
    category: str
    family: str
    source: str
    hits: int
    first_seen: datetime | None
    last_seen: datetime | None
    example: str | None = None


def _aware(value: datetime | None) -> datetime:
    if value is None:
        return utcnow()
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass
class RecordResult:
    created: int = 0
    updated: int = 0
    unattributed: int = 0


def record_alerts(
    session: Session,
    rows: Iterable[AlertRow],
    *,
    sensor: str | None = None,
    networks: AgencyNetworks | None = None,
) -> RecordResult:
    """Merge a scan's (host, indicator) rows into alerts. A false positive stays dismissed."""
    networks = networks or AgencyNetworks.load(session)
    result = RecordResult()
    batch = list(rows)
    if len(batch) > MAX_BATCH_ALERTS:
        raise ValidationFailed(
            f"Quá {MAX_BATCH_ALERTS} cảnh báo trong một lô / too many alerts", field="alerts"
        )
    existing: dict[tuple[str, str, str], Alert] = {}
    keys = {(r.src, r.kind, r.indicator) for r in batch}
    hosts = sorted({k[0] for k in keys})
    for start in range(0, len(hosts), 500):
        chunk = hosts[start : start + 500]
        for known in session.scalars(select(Alert).where(Alert.src_host.in_(chunk))):
            existing[(known.src_host, known.indicator_kind, known.indicator_value)] = known
    for row in batch:
        first, last = _aware(row.first_seen), _aware(row.last_seen)
        alert = existing.get((row.src, row.kind, row.indicator))
        if alert is None:
            agency_id = networks.agency_of(row.src)
            result.unattributed += agency_id is None
            alert = Alert(
                agency_id=agency_id,
                src_host=row.src[:64],
                indicator_kind=row.kind,
                indicator_value=row.indicator[:1024],
                category=row.category or "suspicious",
                family=row.family or "",
                source=row.source or "",
                hits=row.hits,
                first_seen=first,
                last_seen=last,
                example=(row.example or None) and row.example[:1024],
                sensor=sensor,
                status="new",
            )
            session.add(alert)
            existing[(row.src, row.kind, row.indicator)] = alert
            result.created += 1
        else:
            alert.hits += row.hits
            alert.first_seen = min(alert.first_seen, first)
            alert.last_seen = max(alert.last_seen, last)
            result.updated += 1
    session.flush()
    return result


def get_alert(session: Session, alert_id: int) -> Alert:
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise NotFound(f"Không có cảnh báo #{alert_id} / alert not found", field="alert")
    return alert


def triage_alert(
    session: Session, alert: Alert, *, status: str, reason: str, by_user_id: int | None
) -> Alert:
    if status not in ALERT_STATUSES:
        raise ValidationFailed(
            f"Trạng thái không hợp lệ: {status} / invalid status", field="status"
        )
    if status != "new" and not reason.strip():
        raise ValidationFailed("Cần ghi lý do / a reason is required", field="reason")
    alert.status = status
    alert.triage_reason = reason.strip()[:2000] or None
    alert.triaged_by_id = by_user_id
    alert.triaged_at = utcnow()
    session.flush()
    return alert


@dataclass
class AlertPage:
    items: list[Alert]
    total: int


def list_alerts(
    session: Session,
    *,
    agency_id: int | None = None,
    status: str | None = None,
    category: str | None = None,
    host: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> AlertPage:
    query = select(Alert)
    if agency_id is not None:
        query = query.where(Alert.agency_id == agency_id)
    if status:
        query = query.where(Alert.status == status)
    if category:
        query = query.where(Alert.category == category)
    if host:
        query = query.where(Alert.src_host == host.strip())
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = list(
        session.scalars(
            query.order_by(Alert.last_seen.desc(), Alert.id.desc())
            .limit(min(limit, 500))
            .offset(offset)
        )
    )
    return AlertPage(items, total)


def summarize_alerts(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    agency_id: int | None = None,
) -> dict[str, Any]:
    """Per category and family: alerts, infected hosts, hits — the dashboard's and report's figures."""
    query = select(
        Alert.category,
        Alert.family,
        func.count(Alert.id),
        func.count(func.distinct(Alert.src_host)),
        func.sum(Alert.hits),
    ).where(Alert.status != "false_positive")
    if since:
        query = query.where(Alert.last_seen >= since)
    if until:
        query = query.where(Alert.first_seen < until)
    if agency_id is not None:
        query = query.where(Alert.agency_id == agency_id)
    rows = session.execute(
        query.group_by(Alert.category, Alert.family).order_by(Alert.category, Alert.family)
    ).all()
    by_category: dict[str, dict[str, Any]] = {}
    for category, family, alerts, hosts, hits in rows:
        entry = by_category.setdefault(category, {"alerts": 0, "hits": 0, "families": {}})
        entry["alerts"] += alerts
        entry["hits"] += int(hits or 0)
        entry["families"][family or "-"] = {
            "alerts": alerts,
            "hosts": hosts,
            "hits": int(hits or 0),
        }
    host_query = select(Alert.category, func.count(func.distinct(Alert.src_host))).where(
        Alert.status != "false_positive"
    )
    if since:
        host_query = host_query.where(Alert.last_seen >= since)
    if until:
        host_query = host_query.where(Alert.first_seen < until)
    if agency_id is not None:
        host_query = host_query.where(Alert.agency_id == agency_id)
    for category, hosts in session.execute(host_query.group_by(Alert.category)):
        by_category[category]["hosts"] = hosts
    return {"categories": by_category, "alerts": sum(c["alerts"] for c in by_category.values())}
