"""JSON API for feeds, the allow-list and the disputes queue under /api/v1 (same services as
the pages and the CLI)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from canhgiac.accounts.personal_data import PersonalDataCipher
from canhgiac.errors import CanhgiacError
from canhgiac.indicators import allowlist, disputes
from canhgiac.indicators import feed_registry as feeds
from canhgiac.indicators.access import require_dispute_handler, require_editor, require_reader
from canhgiac.indicators.api import ERRORS
from canhgiac.indicators.feeds.download import DownloadLimits
from canhgiac.indicators.lookup_cache import cache_for
from canhgiac.indicators.models import AllowlistEntry, Dispute, Feed
from canhgiac.web.deps import ApiPrincipal, DbSession, app_settings

router = APIRouter()
API_RUN_LIMITS = DownloadLimits(total_timeout=300.0)


class FeedOut(BaseModel):
    id: int
    name: str
    url: str
    format: str
    category: str | None
    category_map: dict[str, str]
    columns: dict[str, Any]
    import_status: str
    interval_hours: int
    stale_after_hours: int
    enabled: bool
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_entries: int | None
    last_error: str | None
    health: str
    health_message: dict[str, str]
    alarm: bool
    active_entries: int

    @classmethod
    def of(cls, db: DbSession, feed: Feed) -> FeedOut:
        health = feeds.feed_health(feed)
        return cls(
            id=feed.id,
            name=feed.name,
            url=feed.url,
            format=feed.format,
            category=feed.category,
            category_map=dict(feed.category_map or {}),
            columns=dict(feed.columns or {}),
            import_status=feed.import_status,
            interval_hours=feed.interval_hours,
            stale_after_hours=feed.stale_after_hours,
            enabled=feed.enabled,
            last_attempt_at=feed.last_attempt_at,
            last_success_at=feed.last_success_at,
            last_entries=feed.last_entries,
            last_error=feed.last_error,
            health=health.state,
            health_message={"vi": health.message_vi, "en": health.message_en},
            alarm=health.alarm,
            active_entries=feeds.active_entries(db, feed),
        )


class FeedCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=128)
    url: str = Field(max_length=1024)
    format: str = Field(max_length=32)
    category: str | None = Field(default=None, max_length=64)
    category_map: dict[str, str] = Field(default_factory=dict, max_length=500)
    columns: dict[str, Any] = Field(default_factory=dict, max_length=20)
    interval_hours: int = 24
    stale_after_hours: int = 72
    import_status: str = Field(default="verified", max_length=16)


class FeedRun(BaseModel):
    feed: FeedOut
    report: dict[str, Any] | None = Field(description="None when the feed has not changed")


class AllowlistOut(BaseModel):
    id: int
    kind: str
    value: str
    display: str
    reason: str
    source: str
    created_at: datetime

    @classmethod
    def of(cls, e: AllowlistEntry) -> AllowlistOut:
        return cls(
            id=e.id,
            kind=e.kind,
            value=e.value,
            display=e.display,
            reason=e.reason,
            source=e.source,
            created_at=e.created_at,
        )


class AllowlistCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str = Field(min_length=1, max_length=2048)
    kind: str | None = Field(default=None, max_length=16)
    reason: str = Field(max_length=5000)


class DisputeOut(BaseModel):
    id: int
    indicator_id: int
    indicator_display: str
    indicator_status: str
    status: str
    explanation: str
    evidence: str | None
    created_at: datetime
    decided_at: datetime | None
    decision_reason: str | None

    @classmethod
    def of(cls, d: Dispute) -> DisputeOut:
        return cls(
            id=d.id,
            indicator_id=d.indicator_id,
            indicator_display=d.indicator.display,
            indicator_status=d.indicator.status,
            status=d.status,
            explanation=d.explanation,
            evidence=d.evidence,
            created_at=d.created_at,
            decided_at=d.decided_at,
            decision_reason=d.decision_reason,
        )


class DisputeDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    accept: bool
    reason: str = Field(max_length=disputes.MAX_TEXT)


class ContactOut(BaseModel):
    contact: str


# --- feeds ------------------------------------------------------------------------------


@router.get("/feeds", response_model=list[FeedOut], tags=["feeds"], responses=ERRORS)
def list_feeds(db: DbSession, principal: ApiPrincipal) -> list[FeedOut]:
    require_reader(principal)
    return [FeedOut.of(db, f) for f in feeds.list_feeds(db)]


@router.post("/feeds", response_model=FeedOut, status_code=201, tags=["feeds"], responses=ERRORS)
def create_feed(body: FeedCreate, db: DbSession, principal: ApiPrincipal) -> FeedOut:
    require_editor(principal)
    feed = feeds.create_feed(
        db,
        name=body.name,
        url=body.url,
        fmt=body.format,
        category=body.category,
        category_map=body.category_map,
        columns=body.columns,
        interval_hours=body.interval_hours,
        stale_after_hours=body.stale_after_hours,
        import_status=body.import_status,
    )
    return FeedOut.of(db, feed)


@router.post("/feeds/{feed}/run", response_model=FeedRun, tags=["feeds"], responses=ERRORS)
def run_feed(request: Request, feed: str, db: DbSession, principal: ApiPrincipal) -> Any:
    """Download and import now. A failure is recorded on the feed and answered as an error."""
    require_editor(principal)
    target = feeds.get_feed(db, feed)
    nested = db.begin_nested()
    try:
        report = feeds.run_feed(db, target, settings=app_settings(request), limits=API_RUN_LIMITS)
        nested.commit()
    except CanhgiacError as exc:
        nested.rollback()
        feeds.mark_feed_failed(db, target, exc.message)
        # Returned, not raised: the recorded failure must be committed.
        return JSONResponse(exc.to_dict(), status_code=exc.status_code)
    cache_for(request.app.state).clear()
    return FeedRun(feed=FeedOut.of(db, target), report=report.to_dict() if report else None)


@router.post("/feeds/{feed}/enable", response_model=FeedOut, tags=["feeds"], responses=ERRORS)
def enable_feed(feed: str, db: DbSession, principal: ApiPrincipal) -> FeedOut:
    require_editor(principal)
    return FeedOut.of(db, feeds.set_feed_enabled(db, feeds.get_feed(db, feed), True))


@router.post("/feeds/{feed}/disable", response_model=FeedOut, tags=["feeds"], responses=ERRORS)
def disable_feed(feed: str, db: DbSession, principal: ApiPrincipal) -> FeedOut:
    require_editor(principal)
    return FeedOut.of(db, feeds.set_feed_enabled(db, feeds.get_feed(db, feed), False))


# --- allow-list -------------------------------------------------------------------------


@router.get("/allowlist", response_model=list[AllowlistOut], tags=["allowlist"], responses=ERRORS)
def list_allowlist(
    db: DbSession,
    principal: ApiPrincipal,
    source: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AllowlistOut]:
    require_reader(principal)
    entries = allowlist.list_allowlist(db, source=source, limit=limit, offset=offset)
    return [AllowlistOut.of(e) for e in entries]


@router.post(
    "/allowlist", response_model=AllowlistOut, status_code=201, tags=["allowlist"], responses=ERRORS
)
def add_allowlist(
    request: Request, body: AllowlistCreate, db: DbSession, principal: ApiPrincipal
) -> AllowlistOut:
    require_editor(principal)
    entry = allowlist.add_allowlist_entry(db, raw=body.value, kind=body.kind, reason=body.reason)
    cache_for(request.app.state).clear()
    return AllowlistOut.of(entry)


@router.delete("/allowlist/{entry_id}", status_code=204, tags=["allowlist"], responses=ERRORS)
def remove_allowlist(
    request: Request, entry_id: int, db: DbSession, principal: ApiPrincipal
) -> Response:
    require_editor(principal)
    allowlist.remove_allowlist_entry(db, entry_id)
    cache_for(request.app.state).clear()
    return Response(status_code=204)


# --- disputes (analysts) ----------------------------------------------------------------


@router.get("/disputes", response_model=list[DisputeOut], tags=["disputes"], responses=ERRORS)
def list_disputes(
    db: DbSession,
    principal: ApiPrincipal,
    status: Annotated[str | None, Query(max_length=16)] = "open",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[DisputeOut]:
    require_dispute_handler(principal)
    chosen = None if status in (None, "", "all") else status
    return [DisputeOut.of(d) for d in disputes.list_disputes(db, status=chosen, limit=limit)]


@router.get(
    "/disputes/{dispute_id}", response_model=DisputeOut, tags=["disputes"], responses=ERRORS
)
def read_dispute(dispute_id: int, db: DbSession, principal: ApiPrincipal) -> DisputeOut:
    require_dispute_handler(principal)
    return DisputeOut.of(disputes.get_dispute(db, dispute_id))


@router.post(
    "/disputes/{dispute_id}/reveal-contact",
    response_model=ContactOut,
    tags=["disputes"],
    responses=ERRORS,
)
def reveal_contact(
    request: Request, dispute_id: int, db: DbSession, principal: ApiPrincipal, response: Response
) -> ContactOut:
    """Personal data: the view is recorded in the audit log."""
    require_dispute_handler(principal)
    dispute = disputes.get_dispute(db, dispute_id)
    cipher = PersonalDataCipher(app_settings(request))
    response.headers["cache-control"] = "no-store"
    return ContactOut(contact=disputes.reveal_contact(db, cipher=cipher, dispute=dispute))


@router.post(
    "/disputes/{dispute_id}/decision",
    response_model=DisputeOut,
    tags=["disputes"],
    responses=ERRORS,
)
def decide(
    request: Request,
    dispute_id: int,
    body: DisputeDecision,
    db: DbSession,
    principal: ApiPrincipal,
) -> DisputeOut:
    require_dispute_handler(principal)
    dispute = disputes.get_dispute(db, dispute_id)
    disputes.decide_dispute(
        db, dispute=dispute, accept=body.accept, reason=body.reason, decided_by_id=principal.user_id
    )
    cache_for(request.app.state).clear()
    return DisputeOut.of(dispute)
