"""Set-based bulk merge of indicators: stage, then a handful of INSERT … SELECT statements.

Importing 1.7 million indicators must not be a million ORM round-trips. The distinct rows
(:class:`~canhgiac.indicators.bulk_stage.BulkSet`) go sorted into temporary staging
tables in a few statements; then each step is one statement over the whole set:

1. insert indicators that do not exist yet;
2. when every staged indicator was new (a first import), link them all to this source
   straight from the stage: none can have a link yet, nothing can need reviving;
3. otherwise collect the ids of the staged indicators, revive expired ones, link those
   not linked yet and reactivate inactive links;
4. for a full snapshot of a feed, deactivate links whose entries disappeared (age out).

Entries already present and active are not written at all, so re-importing the same feed
changes nothing. Analysts' status decisions are never overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from canhgiac.accounts import audit
from canhgiac.db.base import UTCDateTime, utcnow
from canhgiac.indicators.bulk_stage import BulkSet, stage

# SQLite's page cache for the import's connection: index builds and the merge over
# millions of rows want far more than the default 2 MB.
SQLITE_CACHE_KIB = 262_144

_INSERT_INDICATORS = (
    "INSERT INTO indicators (kind, value, display, category, family, status, confidence, tlp, "
    "first_seen, last_seen, report_count, created_at, updated_at) "
    "SELECT s.kind, s.value, s.display, m.category, m.family, CAST(:status AS VARCHAR(16)), "
    "CAST(:confidence AS INTEGER), 'clear', :now, :now, 0, :now, :now "
    "FROM stage_u s JOIN stage_meta m ON m.id = s.meta "
    "WHERE {condition} ORDER BY s.pos ON CONFLICT (kind, value) DO NOTHING"
)
# Rows that exist are filtered out first on PostgreSQL (it would draw a sequence number
# for every conflicting row) and on SQLite when most staged rows exist (a re-import: the
# look-up is cheaper than building each row to have it conflict); when most are new, the
# conflict check alone is the same look-up, done once instead of twice.
_NEW_ONLY = "NOT EXISTS (SELECT 1 FROM indicators i WHERE i.kind = s.kind AND i.value = s.value)"
_SAMPLE = 64  # staged rows looked up to guess which case it is
# Links for staged indicators that were all just inserted, numbered from :offset + 1.
_LINK_NEW = (
    "INSERT INTO indicator_sources (indicator_id, source, feed_id, category, family, reference, "
    "first_seen, last_seen, active) "
    "SELECT :offset + s.pos, CAST(:source AS VARCHAR(128)), CAST(:feed_id AS INTEGER), "
    "m.category, m.family, m.reference, :now, :now, :active "
    "FROM stage_u s JOIN stage_meta m ON m.id = s.meta ORDER BY s.pos"
)
_LINK_EXISTING = (
    "INSERT INTO indicator_sources (indicator_id, source, feed_id, category, family, reference, "
    "first_seen, last_seen, active) "
    "SELECT t.id, CAST(:source AS VARCHAR(128)), CAST(:feed_id AS INTEGER), "
    "m.category, m.family, m.reference, :now, :now, :active "
    "FROM stage_ids t JOIN stage_meta m ON m.id = t.meta "
    "WHERE NOT EXISTS (SELECT 1 FROM indicator_sources x WHERE x.indicator_id = t.id "
    "AND x.source = :source) "
    "ORDER BY t.id ON CONFLICT (indicator_id, source) DO NOTHING"
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


def _scalar(conn: Connection, sql: str, **params: Any) -> Any:
    return conn.execute(text(sql), params).scalar()


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
    bulk = BulkSet()
    for row in rows:
        if isinstance(row, BulkRow):
            bulk.add(
                row.kind, row.value, row.display, bulk.meta(row.category, row.family, row.reference)
            )
            continue
        kind, value, display, category, family, reference = (*row, None, None, None)[:6]
        if kind is None or value is None or display is None:
            raise ValueError(f"bulk row without kind, value or display: {row!r}")
        bulk.add(kind, value, display, bulk.meta(category, family, reference))
    return merge(
        session,
        bulk,
        source=source,
        feed_id=feed_id,
        status=status,
        confidence=confidence,
        full_snapshot=full_snapshot,
        now=now,
    )


def merge(
    session: Session,
    bulk: BulkSet,
    *,
    source: str,
    feed_id: int | None = None,
    status: str = "verified",
    confidence: int = 70,
    full_snapshot: bool | Callable[[int], bool] = False,
    now: datetime | None = None,
) -> BulkResult:
    """Merge a :class:`BulkSet` into the store (see :func:`bulk_upsert`); empties ``bulk``."""
    now = now or utcnow()
    conn = session.connection()
    result = BulkResult(rows=bulk.rows, distinct=bulk.distinct)
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    stage(conn, bulk)
    conn.exec_driver_sql("DROP TABLE IF EXISTS stage_ids")
    conn.exec_driver_sql(
        "CREATE TEMPORARY TABLE stage_ids (id INTEGER PRIMARY KEY, status VARCHAR(16), meta INTEGER)"
    )
    result.created = _exec(
        conn,
        _INSERT_INDICATORS.format(
            condition="true" if sqlite and not _mostly_known(conn, result.distinct) else _NEW_ONLY
        ),
        status=status,
        confidence=confidence,
        now=now,
    )
    snapshot = full_snapshot(result.distinct) if callable(full_snapshot) else full_snapshot
    params: dict[str, Any] = {"source": source, "feed_id": feed_id, "now": now, "active": True}
    first_id = _all_new_from(conn, result) if sqlite else None
    if first_id is not None:
        # Every staged indicator is new, with ids first_id… in stage order: none has a link
        # yet, so the source's existing active links all point elsewhere and age out.
        if snapshot:
            result.aged_out = age_out_missing(conn, source=source, now=now)
        result.linked = _exec(conn, _LINK_NEW, offset=first_id - 1, **params)
    else:
        staged = _link_existing(conn, result, status=status, params=params)
        # Each staged indicator now has an active link from the source: when the source
        # has no more active links than that, none of them is to age out.
        if snapshot and _active_links(conn, source) > staged:
            result.aged_out = age_out_missing(conn, source=source, now=now)
    for table in ("stage_ids", "stage_u", "stage_meta"):
        conn.exec_driver_sql(f"DROP TABLE {table}")
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


def _mostly_known(conn: Connection, distinct: int) -> bool:
    """Whether most of an evenly spread sample of the staged rows are indicators already."""
    positions = list(range(1, distinct + 1, max(1, distinct // _SAMPLE)))
    known = _scalar(
        conn,
        "SELECT count(*) FROM json_each(:positions) p JOIN stage_u s ON s.pos = p.value "
        "WHERE EXISTS (SELECT 1 FROM indicators i WHERE i.kind = s.kind AND i.value = s.value)",
        positions=json.dumps(positions),
    )
    return bool(positions) and 2 * int(known) > len(positions)


def _all_new_from(conn: Connection, result: BulkResult) -> int | None:
    """The id of the first staged row when every staged row was just inserted with ids
    first, first + 1, … in stage order; else None.

    SQLite gives each inserted row the largest id so far plus one, so one INSERT … SELECT
    ORDER BY pos numbers its rows consecutively; checked rather than assumed (it picks
    random ids once the largest possible one is taken).
    """
    if result.created == 0 or result.created != result.distinct:
        return None
    first = _scalar(
        conn,
        "SELECT i.id FROM stage_u s JOIN indicators i ON i.kind = s.kind AND i.value = s.value "
        "WHERE s.pos = 1",
    )
    last = _scalar(conn, "SELECT max(id) FROM indicators")
    if first is None or last != first + result.created - 1:
        return None
    return int(first)


def _link_existing(
    conn: Connection, result: BulkResult, *, status: str, params: dict[str, Any]
) -> int:
    """Link every staged indicator (some already linked, some inactive) to the source;
    the number of staged indicators (merged duplicates left out)."""
    staged = _exec(
        conn,
        "INSERT INTO stage_ids (id, status, meta) SELECT i.id, i.status, s.meta "
        "FROM stage_u s JOIN indicators i ON i.kind = s.kind AND i.value = s.value "
        "WHERE i.merged_into_id IS NULL",
    )
    result.revived = _exec(
        conn,
        "UPDATE indicators SET status = :status, updated_at = :now "
        "WHERE status = 'expired' AND id IN (SELECT id FROM stage_ids WHERE status = 'expired')",
        status=status,
        now=params["now"],
    )
    result.linked = _exec(conn, _LINK_EXISTING, **params)
    # Reactivation touches the staged ids only if the source has inactive links at all:
    # checking that first is one scan without building a look-up of the staged ids.
    if _scalar(
        conn,
        "SELECT 1 FROM indicator_sources WHERE source = :source AND active = :inactive LIMIT 1",
        source=params["source"],
        inactive=False,
    ):
        result.revived += _exec(
            conn,
            "UPDATE indicator_sources SET active = :active, last_seen = :now WHERE source = :source "
            "AND active = :inactive AND indicator_id IN (SELECT id FROM stage_ids)",
            inactive=False,
            **params,
        )
    return staged


def _active_links(conn: Connection, source: str) -> int:
    return int(
        _scalar(
            conn,
            "SELECT count(*) FROM indicator_sources WHERE source = :source AND active = :active",
            source=source,
            active=True,
        )
    )


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
