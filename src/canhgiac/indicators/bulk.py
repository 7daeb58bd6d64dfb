"""Set-based bulk merge of indicators: stage, then a handful of INSERT … SELECT statements.

Importing 1.6 million indicators must not be a million ORM round-trips. Rows stream into a
temporary staging table in large batches (executemany on SQLite, COPY on PostgreSQL); then
each step is one statement over the whole set:

1. de-duplicate the staged rows (``stage_u``);
2. insert indicators that do not exist yet;
3. revive indicators that had expired and are listed again;
4. link every staged indicator to this source (new links only) and reactivate old ones;
5. for a full snapshot of a feed, deactivate links whose entries disappeared (age out).

Entries already present and active are not written at all, so re-importing the same feed
changes nothing. Analysts' status decisions are never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from canhgiac.accounts import audit
from canhgiac.db.base import UTCDateTime, utcnow

BATCH_ROWS = 50_000
STAGE_COLUMNS = ("kind", "value", "display", "category", "family", "reference")


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
    rows: int = 0  # rows handed in
    distinct: int = 0  # distinct (kind, value) among them
    created: int = 0  # indicators that did not exist before
    linked: int = 0  # new (indicator, source) links
    revived: int = 0  # expired indicators listed again, or inactive links reactivated
    aged_out: int = 0  # links whose entries disappeared from a full snapshot

    @property
    def unchanged(self) -> int:
        return self.distinct - self.created


def _exec(conn: Connection, sql: str, **params: Any) -> int:
    stmt = text(sql)
    typed = [
        bindparam(k, type_=UTCDateTime()) for k, v in params.items() if isinstance(v, datetime)
    ]
    if typed:
        stmt = stmt.bindparams(*typed)
    return int(conn.execute(stmt, params).rowcount or 0)


def _create_stage(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        # Index building over millions of rows wants more than the default 2 MB page cache.
        conn.exec_driver_sql("PRAGMA cache_size = -262144")
    conn.exec_driver_sql("DROP TABLE IF EXISTS stage_rows")
    conn.exec_driver_sql(
        "CREATE TEMPORARY TABLE stage_rows (kind VARCHAR(16), value VARCHAR(2048), display VARCHAR(2048), "
        "category VARCHAR(64), family VARCHAR(128), reference VARCHAR(1024))"
    )


def _load_stage(conn: Connection, batch: list[tuple[Any, ...]]) -> None:
    if conn.dialect.name == "postgresql":
        pg: Any = conn.connection.dbapi_connection  # psycopg 3: COPY is its fastest path
        with (
            pg.cursor() as cur,
            cur.copy(f"COPY stage_rows ({', '.join(STAGE_COLUMNS)}) FROM STDIN") as copy,
        ):
            for row in batch:
                copy.write_row(row)
        return
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.executemany("INSERT INTO stage_rows VALUES (?, ?, ?, ?, ?, ?)", batch)
    finally:
        cursor.close()


def _as_tuple(row: BulkRow | Sequence[str | None]) -> tuple[Any, ...]:
    if isinstance(row, BulkRow):
        return (row.kind, row.value, row.display, row.category, row.family, row.reference)
    padded = tuple(row) + (None,) * (len(STAGE_COLUMNS) - len(row))
    return padded[: len(STAGE_COLUMNS)]


def bulk_upsert(
    session: Session,
    rows: Iterable[BulkRow] | Iterable[Sequence[str | None]],
    *,
    source: str,
    feed_id: int | None = None,
    status: str = "verified",
    confidence: int = 70,
    full_snapshot: bool | Callable[[int], bool] = False,
    now: datetime | None = None,
) -> BulkResult:
    """Merge ``rows`` (BulkRow or (kind, value, display, category, family, reference)) into the store.

    With ``full_snapshot`` the rows are everything ``source`` lists today, and its links to
    indicators not among them are deactivated (indicators left with no active source and
    no analyst decision expire). It may be a guard called with the number of distinct rows,
    so a feed that suddenly shrank does not age out everything it dropped.
    """
    now = now or utcnow()
    conn = session.connection()
    result = BulkResult()
    # De-duplicate and sort here rather than in SQL: a dict and one sort cost a fraction of
    # a GROUP BY over the staged rows, and sorted rows go into the indexes in order.
    unique: dict[tuple[str, str], tuple[Any, ...]] = {}
    for row in rows:
        item = _as_tuple(row)
        unique.setdefault((item[0], item[1]), item)
        result.rows += 1
    result.distinct = len(unique)
    ordered = [unique[key] for key in sorted(unique)]
    del unique
    _create_stage(conn)
    for start in range(0, len(ordered), BATCH_ROWS):
        _load_stage(conn, ordered[start : start + BATCH_ROWS])
    del ordered
    conn.exec_driver_sql("ALTER TABLE stage_rows RENAME TO stage_u")

    result.created = _exec(
        conn,
        "INSERT INTO indicators (kind, value, display, category, family, status, confidence, tlp, "
        "first_seen, last_seen, report_count, created_at, updated_at) "
        "SELECT s.kind, s.value, s.display, s.category, s.family, CAST(:status AS VARCHAR(16)), "
        "CAST(:confidence AS INTEGER), 'clear', "
        ":now, :now, 0, :now, :now FROM stage_u s "
        "WHERE NOT EXISTS (SELECT 1 FROM indicators i WHERE i.kind = s.kind AND i.value = s.value) "
        "ON CONFLICT (kind, value) DO NOTHING",
        status=status,
        confidence=confidence,
        now=now,
    )
    # The ids of every staged indicator, for the link steps.
    conn.exec_driver_sql("DROP TABLE IF EXISTS stage_ids")
    conn.exec_driver_sql(
        "CREATE TEMPORARY TABLE stage_ids AS SELECT i.id AS id, i.status AS status, s.category AS category, "
        "s.family AS family, s.reference AS reference "
        "FROM stage_u s JOIN indicators i ON i.kind = s.kind AND i.value = s.value "
        "WHERE i.merged_into_id IS NULL ORDER BY i.id"
    )
    conn.exec_driver_sql("CREATE UNIQUE INDEX stage_ids_id ON stage_ids (id)")
    conn.exec_driver_sql("DROP TABLE stage_u")

    result.revived = _exec(
        conn,
        "UPDATE indicators SET status = :status, updated_at = :now "
        "WHERE status = 'expired' AND id IN (SELECT id FROM stage_ids WHERE status = 'expired')",
        status=status,
        now=now,
    )
    result.linked = _exec(
        conn,
        "INSERT INTO indicator_sources (indicator_id, source, feed_id, category, family, reference, "
        "first_seen, last_seen, active) "
        "SELECT t.id, CAST(:source AS VARCHAR(128)), CAST(:feed_id AS INTEGER), t.category, t.family, "
        "t.reference, :now, :now, :active FROM stage_ids t "
        "WHERE NOT EXISTS (SELECT 1 FROM indicator_sources x WHERE x.indicator_id = t.id AND x.source = :source) "
        "ORDER BY t.id "
        "ON CONFLICT (indicator_id, source) DO NOTHING",
        source=source,
        feed_id=feed_id,
        now=now,
        active=True,
    )
    result.revived += _exec(
        conn,
        "UPDATE indicator_sources SET active = :active, last_seen = :now "
        "WHERE source = :source AND active = :inactive AND indicator_id IN (SELECT id FROM stage_ids)",
        source=source,
        now=now,
        active=True,
        inactive=False,
    )
    if full_snapshot(result.distinct) if callable(full_snapshot) else full_snapshot:
        result.aged_out = age_out_missing(conn, source=source, now=now)
    conn.exec_driver_sql("DROP TABLE stage_ids")
    audit.record(
        session,
        "indicators.bulk_import",
        entity_type="indicator_sources",
        entity_id=source,
        detail=(
            f"rows={result.rows} distinct={result.distinct} created={result.created} "
            f"linked={result.linked} revived={result.revived} aged_out={result.aged_out}"
        ),
    )
    return result


def age_out_missing(conn: Connection, *, source: str, now: datetime) -> int:
    """Deactivate ``source``'s links to indicators not in ``stage_ids``; expire orphans."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS stage_gone")
    _exec(
        conn,
        "CREATE TEMPORARY TABLE stage_gone AS SELECT indicator_id AS id FROM indicator_sources "
        "WHERE source = :source AND active = :active AND indicator_id NOT IN (SELECT id FROM stage_ids)",
        source=source,
        active=True,
    )
    aged = _exec(
        conn,
        "UPDATE indicator_sources SET active = :inactive "
        "WHERE source = :source AND indicator_id IN (SELECT id FROM stage_gone)",
        source=source,
        inactive=False,
    )
    if aged:
        _exec(
            conn,
            "UPDATE indicators SET status = 'expired', updated_at = :now "
            "WHERE id IN (SELECT id FROM stage_gone) AND status IN ('reported', 'verified') "
            "AND NOT EXISTS (SELECT 1 FROM indicator_sources x WHERE x.indicator_id = indicators.id "
            "AND x.active = :active)",
            now=now,
            active=True,
        )
    conn.exec_driver_sql("DROP TABLE stage_gone")
    return aged
