"""Set-based bulk upsert of indicators: a staging table and two INSERT … ON CONFLICT statements.

Importing 1.6 million indicators must not be a million ORM round-trips. Rows go into a
temporary staging table in large executemany batches, then one statement merges them into
``indicators`` and one into ``indicator_sources``. Re-importing the same entries changes
nothing but ``last_seen``; analysts' status decisions are never overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    and_,
    case,
    exists,
    func,
    insert,
    literal,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from canhgiac.accounts import audit
from canhgiac.db.base import utcnow
from canhgiac.indicators.models import Indicator, IndicatorSource

BATCH_ROWS = 50_000
_stage_md = MetaData()
STAGE = Table(
    "stage_indicators",
    _stage_md,
    Column("kind", String(16)),
    Column("value", String(2048)),
    Column("display", String(2048)),
    Column("category", String(64)),
    Column("family", String(128)),
    Column("reference", String(1024)),
    prefixes=["TEMPORARY"],
)


@dataclass(frozen=True, slots=True)
class BulkRow:
    kind: str
    value: str
    display: str
    category: str | None = None
    family: str | None = None
    reference: str | None = None


@dataclass
class BulkResult:
    rows: int = 0  # rows handed in (after de-duplication within the batch)
    created: int = 0  # indicators that did not exist before
    refreshed: int = 0  # existing indicators seen again
    aged_out: int = 0  # source entries no longer present in the feed


def _dialect_insert(session: Session):  # type: ignore[no-untyped-def]
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def _ensure_stage(session: Session) -> None:
    conn = session.connection()
    STAGE.drop(conn, checkfirst=True)
    STAGE.create(conn)


def _merge_stage(
    session: Session,
    *,
    source: str,
    feed_id: int | None,
    status: str,
    confidence: int,
    now: datetime,
) -> tuple[int, int]:
    dialect_insert = _dialect_insert(session)
    ind = Indicator.__table__
    staged = select(STAGE.c.kind, STAGE.c.value).distinct().subquery()
    total = session.scalar(select(func.count()).select_from(staged)) or 0
    existing = (
        session.scalar(
            select(func.count())
            .select_from(staged)
            .where(exists().where(and_(ind.c.kind == staged.c.kind, ind.c.value == staged.c.value)))
        )
        or 0
    )
    now_param = literal(now, DateTime(timezone=True))
    grouped = (
        select(
            STAGE.c.kind,
            STAGE.c.value,
            func.min(STAGE.c.display),
            func.min(STAGE.c.category),
            func.min(STAGE.c.family),
            literal(status),
            literal(confidence),
            literal("clear"),
            now_param,
            now_param,
            literal(0),
            now_param,
            now_param,
        )
        .where(true())
        .group_by(STAGE.c.kind, STAGE.c.value)
    )
    stmt = dialect_insert(ind).from_select(
        [
            "kind",
            "value",
            "display",
            "category",
            "family",
            "status",
            "confidence",
            "tlp",
            "first_seen",
            "last_seen",
            "report_count",
            "created_at",
            "updated_at",
        ],
        grouped,
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["kind", "value"],
        set_={
            "last_seen": stmt.excluded.last_seen,
            "updated_at": stmt.excluded.updated_at,
            "category": func.coalesce(ind.c.category, stmt.excluded.category),
            "family": func.coalesce(ind.c.family, stmt.excluded.family),
            # An indicator that aged out and reappears in a feed comes back.
            "status": case((ind.c.status == "expired", stmt.excluded.status), else_=ind.c.status),
        },
    )
    session.execute(stmt)

    src = IndicatorSource.__table__
    joined = (
        select(
            ind.c.id,
            literal(source),
            literal(feed_id),
            func.min(STAGE.c.category),
            func.min(STAGE.c.family),
            func.min(STAGE.c.reference),
            now_param,
            now_param,
            literal(True),
        )
        .select_from(
            STAGE.join(ind, and_(ind.c.kind == STAGE.c.kind, ind.c.value == STAGE.c.value))
        )
        .where(true())
        .group_by(ind.c.id)
    )
    src_stmt = dialect_insert(src).from_select(
        [
            "indicator_id",
            "source",
            "feed_id",
            "category",
            "family",
            "reference",
            "first_seen",
            "last_seen",
            "active",
        ],
        joined,
    )
    src_stmt = src_stmt.on_conflict_do_update(
        index_elements=["indicator_id", "source"],
        set_={
            "last_seen": src_stmt.excluded.last_seen,
            "active": src_stmt.excluded.active,
            "category": src_stmt.excluded.category,
            "family": src_stmt.excluded.family,
            "feed_id": src_stmt.excluded.feed_id,
        },
    )
    session.execute(src_stmt)
    session.execute(STAGE.delete())
    return total - existing, existing


def bulk_upsert(
    session: Session,
    rows: Iterable[BulkRow] | Iterable[Sequence[str | None]],
    *,
    source: str,
    feed_id: int | None = None,
    status: str = "verified",
    confidence: int = 70,
    now: datetime | None = None,
) -> BulkResult:
    """Merge ``rows`` into the store. Rows are BulkRow or (kind, value, display, category, family, reference)."""
    now = now or utcnow()
    result = BulkResult()
    _ensure_stage(session)
    conn = session.connection()
    batch: list[dict[str, str | None]] = []
    keys = ("kind", "value", "display", "category", "family", "reference")

    def flush() -> None:
        if not batch:
            return
        conn.execute(insert(STAGE), batch)
        created, refreshed = _merge_stage(
            session, source=source, feed_id=feed_id, status=status, confidence=confidence, now=now
        )
        result.created += created
        result.refreshed += refreshed
        batch.clear()

    for row in rows:
        if isinstance(row, BulkRow):
            batch.append(
                {
                    "kind": row.kind,
                    "value": row.value,
                    "display": row.display,
                    "category": row.category,
                    "family": row.family,
                    "reference": row.reference,
                }
            )
        else:
            batch.append(dict(zip(keys, row, strict=False)))
        result.rows += 1
        if len(batch) >= BATCH_ROWS:
            flush()
    flush()
    STAGE.drop(conn, checkfirst=True)
    audit.record(
        session,
        "indicators.bulk_import",
        entity_type="indicator_sources",
        entity_id=source,
        detail=f"rows={result.rows} created={result.created} refreshed={result.refreshed}",
    )
    return result


def age_out_source(session: Session, *, source: str, seen_before: datetime) -> int:
    """Entries of ``source`` not seen in the latest full import become inactive (never deleted).

    Indicators left with no active source and no analyst decision expire.
    """
    src = IndicatorSource.__table__
    ind = Indicator.__table__
    stale = and_(src.c.source == source, src.c.active.is_(True), src.c.last_seen < seen_before)
    aged = session.execute(update(src).where(stale).values(active=False)).rowcount or 0
    if aged:
        no_active_source = ~exists().where(
            and_(src.c.indicator_id == ind.c.id, src.c.active.is_(True))
        )
        from_this_source = exists().where(
            and_(src.c.indicator_id == ind.c.id, src.c.source == source)
        )
        session.execute(
            update(ind)
            .where(ind.c.status.in_(("reported", "verified")), no_active_source, from_this_source)
            .values(status="expired", updated_at=utcnow())
        )
    return int(aged)
