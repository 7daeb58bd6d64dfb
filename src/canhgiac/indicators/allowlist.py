"""The allow-list: the brand registry's official channels plus admin and top-site entries.

Nothing on it is published for blocking without an explicit, audited override.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from canhgiac.errors import Conflict, NotFound, ValidationFailed
from canhgiac.indicators.brands import Brand, load_brand_registry
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.models import AllowlistEntry
from canhgiac.indicators.normalize import NormalizedIndicator, normalize, registrable_domain


@dataclass(frozen=True)
class OfficialMatch:
    """Why a value is considered legitimate."""

    source: str  # "brand" (shipped registry) or the allow-list entry's source
    brand: Brand | None = None
    entry: AllowlistEntry | None = None
    matched_value: str | None = None


def parent_domains(host: str) -> list[str]:
    """``a.b.evil.example`` → [a.b.evil.example, b.evil.example, evil.example] (never a public suffix)."""
    host = host.rstrip(".").lower()
    try:
        floor = registrable_domain(host) or host
    except ValidationFailed:
        floor = host
    labels = host.split(".")
    out = []
    for i in range(len(labels)):
        candidate = ".".join(labels[i:])
        out.append(candidate)
        if candidate == floor:
            break
    return out


def _host_of(ind: NormalizedIndicator) -> str | None:
    if ind.kind == IndicatorKind.DOMAIN:
        return ind.value
    if ind.kind == IndicatorKind.URL:
        return ind.extra.get("host") or None
    return None


def official_match(session: Session, ind: NormalizedIndicator) -> OfficialMatch | None:
    registry = load_brand_registry()
    host = _host_of(ind)
    if host:
        # User-content hosts (sites.google.com, facebook.com…) belong to a brand but
        # anyone can publish there: never official.
        if registry.is_official_host(host):
            return OfficialMatch(
                source="brand", brand=registry.official_brand_for_host(host), matched_value=host
            )
        entry = session.scalar(
            select(AllowlistEntry)
            .where(
                AllowlistEntry.kind == IndicatorKind.DOMAIN.value,
                AllowlistEntry.value.in_(parent_domains(host)),
                AllowlistEntry.agency_id.is_(None),
            )
            .limit(1)
        )
        if entry is not None:
            return OfficialMatch(source=entry.source, entry=entry, matched_value=entry.value)
        return None
    if ind.kind == IndicatorKind.PHONE:
        brand = registry.brand_for_hotline(ind.value)
        if brand is not None:
            return OfficialMatch(source="brand", brand=brand, matched_value=ind.value)
    if ind.kind == IndicatorKind.SMS_SENDER:
        brand = registry.brand_for_sms_sender(ind.value)
        if brand is not None:
            return OfficialMatch(source="brand", brand=brand, matched_value=ind.value)
    entry = session.scalar(
        select(AllowlistEntry).where(
            AllowlistEntry.kind == ind.kind.value,
            AllowlistEntry.value == ind.value,
            AllowlistEntry.agency_id.is_(None),
        )
    )
    return (
        OfficialMatch(source=entry.source, entry=entry, matched_value=entry.value)
        if entry
        else None
    )


def add_allowlist_entry(
    session: Session,
    *,
    raw: str,
    reason: str,
    kind: str | None = None,
    source: str = "admin",
    agency_id: int | None = None,
) -> AllowlistEntry:
    ind = normalize(raw, kind)
    if not reason.strip():
        raise ValidationFailed("Cần ghi lý do / a reason is required", field="reason")
    exists = session.scalar(
        select(AllowlistEntry.id).where(
            AllowlistEntry.kind == ind.kind.value,
            AllowlistEntry.value == ind.value,
            AllowlistEntry.agency_id.is_(agency_id)
            if agency_id is None
            else AllowlistEntry.agency_id == agency_id,
        )
    )
    if exists is not None:
        raise Conflict(
            f"{ind.display} đã có trong danh sách trắng / already allow-listed", field="value"
        )
    entry = AllowlistEntry(
        kind=ind.kind.value,
        value=ind.value,
        display=ind.display,
        reason=reason.strip(),
        source=source,
        agency_id=agency_id,
    )
    session.add(entry)
    session.flush()
    return entry


def remove_allowlist_entry(session: Session, entry_id: int) -> None:
    entry = session.get(AllowlistEntry, entry_id)
    if entry is None:
        raise NotFound(f"Không có mục #{entry_id} / no allow-list entry {entry_id}", field="id")
    session.delete(entry)
    session.flush()


def list_allowlist(
    session: Session, *, source: str | None = None, limit: int = 200, offset: int = 0
) -> list[AllowlistEntry]:
    query = select(AllowlistEntry).order_by(AllowlistEntry.created_at.desc())
    if source:
        query = query.where(AllowlistEntry.source == source)
    return list(session.scalars(query.limit(limit).offset(offset)))
