"""Indicator services one record at a time (analysts, reports, API); every change audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from canhgiac.accounts import audit
from canhgiac.categories import BY_CODE, THREAT_CATEGORIES
from canhgiac.db.base import utcnow
from canhgiac.errors import NotFound, ValidationFailed
from canhgiac.indicators.models import STATUSES, TLPS, Indicator, IndicatorSource, Sighting
from canhgiac.indicators.normalize import NormalizedIndicator, normalize

# Which status changes an analyst may make (the lifecycle in DESIGN.md).
TRANSITIONS: dict[str, frozenset[str]] = {
    "reported": frozenset({"verified", "listed", "false_positive", "expired"}),
    "verified": frozenset({"listed", "false_positive", "expired", "reported"}),
    "listed": frozenset({"delisted", "false_positive", "expired"}),
    "delisted": frozenset({"listed", "verified", "reported"}),
    "false_positive": frozenset({"reported", "verified"}),
    "expired": frozenset({"reported", "verified", "listed"}),
}


def check_category(category: str | None) -> str | None:
    if category is None or category == "":
        return None
    if category in BY_CODE or category in THREAT_CATEGORIES:
        return category
    raise ValidationFailed(
        f"Danh mục không hợp lệ: {category!r} / unknown category {category!r}", field="category"
    )


def find_indicator(session: Session, ind: NormalizedIndicator) -> Indicator | None:
    found = session.scalar(
        select(Indicator).where(Indicator.kind == ind.kind.value, Indicator.value == ind.value)
    )
    while found is not None and found.merged_into_id is not None:
        found = session.get(Indicator, found.merged_into_id)
    return found


def get_indicator(session: Session, indicator_id: int) -> Indicator:
    found = session.get(Indicator, indicator_id)
    if found is None:
        raise NotFound(
            f"Không tìm thấy chỉ dấu #{indicator_id} / indicator not found", field="indicator"
        )
    return found


def record_indicator(
    session: Session,
    *,
    raw: str,
    kind: str | None = None,
    source: str,
    category: str | None = None,
    family: str | None = None,
    status: str = "reported",
    confidence: int = 50,
    tlp: str = "clear",
    reference: str | None = None,
    seen_at: datetime | None = None,
    count_as_report: bool = False,
) -> Indicator:
    """Create or refresh one indicator from one source (analyst, tip, detector)."""
    normalized = normalize(raw, kind)
    category = check_category(category)
    if status not in STATUSES:
        raise ValidationFailed(
            f"Trạng thái không hợp lệ: {status} / invalid status", field="status"
        )
    if tlp not in TLPS:
        raise ValidationFailed(f"TLP không hợp lệ: {tlp} / invalid TLP", field="tlp")
    if not 0 <= confidence <= 100:
        raise ValidationFailed(
            "Độ tin cậy từ 0 đến 100 / confidence must be 0–100", field="confidence"
        )
    now = seen_at or utcnow()
    indicator = find_indicator(session, normalized)
    if indicator is None:
        indicator = Indicator(
            kind=normalized.kind.value,
            value=normalized.value,
            display=normalized.display,
            category=category,
            family=family,
            status=status,
            confidence=confidence,
            tlp=tlp,
            first_seen=now,
            last_seen=now,
            report_count=0,
        )
        session.add(indicator)
        session.flush()
    else:
        indicator.last_seen = max(indicator.last_seen, now)
        if category and not indicator.category:
            indicator.category = category
    if count_as_report:
        indicator.report_count += 1
    link = session.scalar(
        select(IndicatorSource).where(
            IndicatorSource.indicator_id == indicator.id, IndicatorSource.source == source
        )
    )
    if link is None:
        session.add(
            IndicatorSource(
                indicator_id=indicator.id,
                source=source,
                category=category,
                family=family,
                reference=reference,
                first_seen=now,
                last_seen=now,
            )
        )
    else:
        link.last_seen, link.active = now, True
    session.flush()
    return indicator


def change_status(session: Session, indicator: Indicator, *, status: str, reason: str) -> Indicator:
    if status not in STATUSES:
        raise ValidationFailed(
            f"Trạng thái không hợp lệ: {status} / invalid status", field="status"
        )
    if status == indicator.status:
        return indicator
    if status not in TRANSITIONS[indicator.status]:
        raise ValidationFailed(
            f"Không thể chuyển từ {indicator.status} sang {status} / cannot go from {indicator.status} to {status}",
            field="status",
        )
    if not reason.strip():
        raise ValidationFailed("Cần ghi lý do / a reason is required", field="reason")
    indicator.status = status
    indicator.listed_at = utcnow() if status == "listed" else indicator.listed_at
    indicator.note = reason.strip()
    session.flush()
    return indicator


def bulk_change_status(session: Session, ids: Sequence[int], *, status: str, reason: str) -> int:
    changed = 0
    for indicator in session.scalars(select(Indicator).where(Indicator.id.in_(list(ids)))):
        if indicator.status != status:
            change_status(session, indicator, status=status, reason=reason)
            changed += 1
    return changed


def merge_indicators(session: Session, *, keep: Indicator, duplicate: Indicator) -> Indicator:
    """Fold a duplicate into ``keep``: its sources and sightings move over, counts add up."""
    if keep.id == duplicate.id:
        raise ValidationFailed(
            "Không thể gộp một chỉ dấu với chính nó / cannot merge into itself", field="duplicate"
        )
    if keep.kind != duplicate.kind:
        raise ValidationFailed("Chỉ gộp được chỉ dấu cùng loại / kinds differ", field="duplicate")
    existing_sources = {s.source for s in keep.sources}
    for src in list(duplicate.sources):
        if src.source not in existing_sources:
            src.indicator_id = keep.id
    for sighting in session.scalars(select(Sighting).where(Sighting.indicator_id == duplicate.id)):
        sighting.indicator_id = keep.id
    keep.report_count += duplicate.report_count
    keep.first_seen = min(keep.first_seen, duplicate.first_seen)
    keep.last_seen = max(keep.last_seen, duplicate.last_seen)
    duplicate.merged_into_id = keep.id
    session.flush()
    session.expire(keep, ["sources"])
    return keep


def record_sighting(
    session: Session,
    indicator: Indicator,
    *,
    source_kind: str,
    reference: str | None = None,
    agency_id: int | None = None,
    count: int = 1,
    at: datetime | None = None,
) -> Sighting:
    at = at or utcnow()
    sighting = Sighting(
        indicator_id=indicator.id,
        source_kind=source_kind,
        reference=reference,
        agency_id=agency_id,
        count=count,
        at=at,
    )
    indicator.last_seen = max(indicator.last_seen, at)
    session.add(sighting)
    session.flush()
    return sighting


@dataclass
class SearchPage:
    items: list[Indicator]
    total: int


def search_indicators(
    session: Session,
    *,
    q: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    category: str | None = None,
    source: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> SearchPage:
    query = select(Indicator).where(Indicator.merged_into_id.is_(None))
    if q:
        text = q.strip()
        try:
            normalized = normalize(text)
            query = query.where(
                or_(Indicator.value == normalized.value, Indicator.value.contains(text.lower()))
            )
        except ValidationFailed:
            query = query.where(Indicator.value.contains(text.lower()))
    if kind:
        query = query.where(Indicator.kind == kind)
    if status:
        query = query.where(Indicator.status == status)
    if category:
        query = query.where(Indicator.category == category)
    if source:
        query = query.where(Indicator.sources.any(IndicatorSource.source == source))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = list(
        session.scalars(
            query.order_by(Indicator.last_seen.desc()).limit(min(limit, 500)).offset(offset)
        )
    )
    return SearchPage(items=items, total=total)


def indicator_history(session: Session, indicator: Indicator) -> list[audit.AuditEvent]:
    return audit.list_events(
        session, entity_type="indicators", entity_id=str(indicator.id), limit=200
    )


def sightings_of(session: Session, indicator: Indicator, limit: int = 100) -> list[Sighting]:
    return list(
        session.scalars(
            select(Sighting)
            .where(Sighting.indicator_id == indicator.id)
            .order_by(Sighting.at.desc())
            .limit(limit)
        )
    )
