"""JSON API of indicators under /api/v1: the public look-up and dispute filing, and the
analysts' indicator search, detail, creation and status changes. Same service calls as the
pages; signed-in users read, analysts change; machine tokens need ``indicators:read`` /
``indicators:write``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from canhgiac.accounts.personal_data import PersonalDataCipher
from canhgiac.errors import ValidationFailed
from canhgiac.indicators import disputes, store
from canhgiac.indicators.access import analyst_source, require_editor, require_reader
from canhgiac.indicators.lookup_cache import cache_for, cached_lookup
from canhgiac.indicators.models import Indicator, IndicatorSource, Sighting
from canhgiac.web.deps import ApiPrincipal, DbSession, app_settings
from canhgiac.web.ratelimit import limit_public_lookups

router = APIRouter()

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Chưa xác thực / not authenticated"},
    403: {"description": "Không có quyền / forbidden"},
    404: {"description": "Không tìm thấy / not found"},
    422: {"description": "Dữ liệu không hợp lệ / invalid input"},
}
PUBLIC_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "Không nhận ra giá trị / unrecognised value"},
    429: {"description": "Quá nhiều yêu cầu; xem Retry-After / too many requests"},
}


class IndicatorOut(BaseModel):
    id: int
    kind: str
    value: str
    display: str
    status: str
    category: str | None
    family: str | None
    confidence: int
    tlp: str
    report_count: int
    first_seen: datetime
    last_seen: datetime
    listed_at: datetime | None
    valid_until: datetime | None
    merged_into_id: int | None

    @classmethod
    def of(cls, ind: Indicator) -> IndicatorOut:
        return cls(
            id=ind.id,
            kind=ind.kind,
            value=ind.value,
            display=ind.display,
            status=ind.status,
            category=ind.category,
            family=ind.family,
            confidence=ind.confidence,
            tlp=ind.tlp,
            report_count=ind.report_count,
            first_seen=ind.first_seen,
            last_seen=ind.last_seen,
            listed_at=ind.listed_at,
            valid_until=ind.valid_until,
            merged_into_id=ind.merged_into_id,
        )


class SourceOut(BaseModel):
    source: str
    active: bool
    category: str | None
    family: str | None
    reference: str | None
    first_seen: datetime
    last_seen: datetime

    @classmethod
    def of(cls, src: IndicatorSource) -> SourceOut:
        return cls(
            source=src.source,
            active=src.active,
            category=src.category,
            family=src.family,
            reference=src.reference,
            first_seen=src.first_seen,
            last_seen=src.last_seen,
        )


class SightingOut(BaseModel):
    at: datetime
    source_kind: str
    reference: str | None
    count: int

    @classmethod
    def of(cls, s: Sighting) -> SightingOut:
        return cls(at=s.at, source_kind=s.source_kind, reference=s.reference, count=s.count)


class IndicatorDetail(IndicatorOut):
    note: str | None = None
    sources: list[SourceOut] = Field(default_factory=list)
    sightings: list[SightingOut] = Field(default_factory=list)
    disputes: list[dict[str, Any]] = Field(default_factory=list)


class IndicatorPage(BaseModel):
    items: list[IndicatorOut]
    total: int
    limit: int
    offset: int


class IndicatorCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str = Field(min_length=1, max_length=2048)
    kind: str | None = Field(default=None, max_length=16)
    category: str | None = Field(default=None, max_length=64)
    family: str | None = Field(default=None, max_length=128)
    status: str = Field(default="reported", max_length=16)
    confidence: int = Field(default=50, ge=0, le=100)
    tlp: str = Field(default="clear", max_length=16)
    reference: str | None = Field(default=None, max_length=1024)


class StatusChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: str = Field(max_length=16)
    reason: str = Field(max_length=5000)


class BulkStatusChange(StatusChange):
    ids: list[int] = Field(min_length=1, max_length=500)


class BulkStatusResult(BaseModel):
    changed: int


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    duplicate_id: int


class DisputeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str = Field(min_length=1, max_length=2048)
    contact: str = Field(max_length=500)
    explanation: str = Field(max_length=disputes.MAX_TEXT)
    evidence: str = Field(default="", max_length=disputes.MAX_TEXT)


class DisputeFiled(BaseModel):
    id: int
    status: str


# --- public -----------------------------------------------------------------------------


@router.get(
    "/lookup",
    tags=["lookup"],
    summary="Tra cứu công khai / public look-up",
    responses=PUBLIC_ERRORS,
    dependencies=[Depends(limit_public_lookups)],
)
def lookup(
    request: Request, db: DbSession, q: Annotated[str, Query(min_length=1, max_length=2048)]
) -> dict[str, Any]:
    """The same JSON as ``canhgiac lookup VALUE --json``; ``status`` is one of official,
    verified, reported, disputed, delisted, unknown. Never shows who reported a value."""
    try:
        answer = cached_lookup(db, cache_for(request.app.state), q)
    except ValidationFailed as exc:
        raise ValidationFailed(exc.message, field="q") from None
    return answer.to_dict()


@router.post(
    "/disputes",
    status_code=201,
    response_model=DisputeFiled,
    tags=["lookup"],
    summary="Khiếu nại một cảnh báo / dispute a listing",
    responses={
        **PUBLIC_ERRORS,
        404: {"description": "Not listed"},
        409: {"description": "Pending"},
    },
    dependencies=[Depends(limit_public_lookups)],
)
def file_dispute(request: Request, body: DisputeCreate, db: DbSession) -> DisputeFiled:
    dispute = disputes.file_dispute(
        db,
        cipher=PersonalDataCipher(app_settings(request)),
        value=body.value,
        contact=body.contact,
        explanation=body.explanation,
        evidence=body.evidence,
    )
    cache_for(request.app.state).clear()
    return DisputeFiled(id=dispute.id, status=dispute.status)


# --- indicators -------------------------------------------------------------------------

Filter = Annotated[str | None, Query(max_length=255)]


@router.get("/indicators", response_model=IndicatorPage, tags=["indicators"], responses=ERRORS)
def search(
    db: DbSession,
    principal: ApiPrincipal,
    q: Filter = None,
    kind: Filter = None,
    status: Filter = None,
    category: Filter = None,
    source: Filter = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> IndicatorPage:
    require_reader(principal)
    page = store.search_indicators(
        db,
        q=q,
        kind=kind,
        status=status,
        category=category,
        source=source,
        limit=limit,
        offset=offset,
    )
    return IndicatorPage(
        items=[IndicatorOut.of(i) for i in page.items], total=page.total, limit=limit, offset=offset
    )


def _detail(db: DbSession, ind: Indicator) -> IndicatorDetail:
    base = IndicatorOut.of(ind).model_dump()
    return IndicatorDetail(
        **base,
        note=ind.note,
        sources=[SourceOut.of(s) for s in ind.sources],
        sightings=[SightingOut.of(s) for s in store.sightings_of(db, ind)],
        disputes=[
            {"id": d.id, "status": d.status, "created_at": d.created_at.isoformat()}
            for d in disputes.list_disputes(db, status=None, indicator_id=ind.id)
        ],
    )


@router.get(
    "/indicators/{indicator_id}",
    response_model=IndicatorDetail,
    tags=["indicators"],
    responses=ERRORS,
)
def read(indicator_id: int, db: DbSession, principal: ApiPrincipal) -> IndicatorDetail:
    require_reader(principal)
    return _detail(db, store.get_indicator(db, indicator_id))


@router.post(
    "/indicators",
    response_model=IndicatorDetail,
    status_code=201,
    tags=["indicators"],
    responses=ERRORS,
)
def create(
    request: Request, body: IndicatorCreate, db: DbSession, principal: ApiPrincipal
) -> IndicatorDetail:
    require_editor(principal)
    if body.status not in ("reported", "verified", "listed"):
        raise ValidationFailed("Trạng thái không hợp lệ / invalid status", field="status")
    indicator = store.record_indicator(
        db,
        raw=body.value,
        kind=body.kind,
        source=analyst_source(principal),
        category=body.category,
        family=body.family,
        status=body.status,
        confidence=body.confidence,
        tlp=body.tlp,
        reference=body.reference,
    )
    cache_for(request.app.state).clear()
    return _detail(db, indicator)


@router.post(
    "/indicators/bulk-status",
    response_model=BulkStatusResult,
    tags=["indicators"],
    responses=ERRORS,
)
def bulk_status(
    request: Request, body: BulkStatusChange, db: DbSession, principal: ApiPrincipal
) -> BulkStatusResult:
    require_editor(principal)
    changed = store.bulk_change_status(db, body.ids, status=body.status, reason=body.reason)
    cache_for(request.app.state).clear()
    return BulkStatusResult(changed=changed)


@router.post(
    "/indicators/{indicator_id}/status",
    response_model=IndicatorOut,
    tags=["indicators"],
    responses=ERRORS,
)
def change_status(
    request: Request, indicator_id: int, body: StatusChange, db: DbSession, principal: ApiPrincipal
) -> IndicatorOut:
    require_editor(principal)
    indicator = store.get_indicator(db, indicator_id)
    store.change_status(db, indicator, status=body.status, reason=body.reason)
    cache_for(request.app.state).clear()
    return IndicatorOut.of(indicator)


@router.post(
    "/indicators/{indicator_id}/merge",
    response_model=IndicatorOut,
    tags=["indicators"],
    responses=ERRORS,
)
def merge(
    request: Request, indicator_id: int, body: MergeRequest, db: DbSession, principal: ApiPrincipal
) -> IndicatorOut:
    require_editor(principal)
    keep = store.get_indicator(db, indicator_id)
    duplicate = store.get_indicator(db, body.duplicate_id)
    store.merge_indicators(db, keep=keep, duplicate=duplicate)
    cache_for(request.app.state).clear()
    return IndicatorOut.of(keep)
