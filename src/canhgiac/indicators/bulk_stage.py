"""The distinct rows of a bulk import, and their staging into temporary tables.

:class:`BulkSet` keeps each ``(kind, value)`` once, as first seen. Rows of one trail file
share category, family and reference, so those live once in ``metas`` and each value
carries only the meta's number (or ``(meta, display)`` in the rare case display differs).

Staging writes them sorted by ``(kind, value)`` (so index look-ups and inserts later walk
the indexes in order) into ``stage_meta (id, category, family, reference)`` and
``stage_u (pos, kind, value, display, meta)``. SQLite takes a kind's values as one JSON
array parameter and expands it with ``json_each``: no per-row Python, no per-row
statement. PostgreSQL takes COPY.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import filterfalse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # worker processes that only collect rows need no database code
    from sqlalchemy.engine import Connection

Meta = tuple[str | None, str | None, str | None]  # category, family, reference
Tag = int | tuple[int, str]  # meta number, or (meta number, display) when display != value

STAGE_DDL = (
    "CREATE TEMPORARY TABLE stage_meta (id INTEGER PRIMARY KEY, category VARCHAR(64), "
    "family VARCHAR(128), reference VARCHAR(1024))",
    "CREATE TEMPORARY TABLE stage_u (pos INTEGER PRIMARY KEY, kind VARCHAR(16), "
    "value VARCHAR(2048), display VARCHAR(2048), meta INTEGER)",
)
# One kind's values and tags, two JSON arrays in the same (sorted) order, joined by position.
_SQLITE_TAGS = (
    "INSERT INTO stage_tags (pos, meta, display) SELECT key, "
    "CASE WHEN type = 'integer' THEN value ELSE json_extract(value, '$[0]') END, "
    "CASE WHEN type = 'integer' THEN NULL ELSE json_extract(value, '$[1]') END FROM json_each(?)"
)
_SQLITE_VALUES = (
    "INSERT INTO stage_u (pos, kind, value, display, meta) "
    "SELECT ? + v.key, ?, v.value, coalesce(t.display, v.value), t.meta "
    "FROM json_each(?) AS v JOIN stage_tags AS t ON t.pos = v.key"
)


class BulkSet:
    """Distinct ``(kind, value)`` rows, each with what its first occurrence said."""

    def __init__(self, first_meta: int = 0) -> None:
        self.rows = 0  # rows added, duplicates included
        self.meta_rows: list[tuple[int, str | None, str | None, str | None]] = []
        self._next_meta = first_meta
        self._meta_ids: dict[Meta, int] = {}
        self.by_kind: dict[str, dict[str, Tag]] = {}

    def meta(self, category: str | None, family: str | None, reference: str | None) -> int:
        key = (category, family, reference)
        found = self._meta_ids.get(key)
        if found is None:
            found = self._meta_ids[key] = self._next_meta
            self._next_meta += 1
            self.meta_rows.append((found, category, family, reference))
        return found

    def absorb(self, later: BulkSet) -> None:
        """Add the rows of ``later``, seen after all of this set's (so these win a tie).

        ``later`` must number its metas apart from this set (``first_meta``); it is used up.
        """
        self.rows += later.rows
        self.meta_rows.extend(later.meta_rows)
        for kind, values in later.by_kind.items():
            known = self.by_kind.get(kind)
            if known:
                values.update(known)  # values seen first keep what their first sighting said
            self.by_kind[kind] = values
        later.by_kind = {}

    def add(self, kind: str, value: str, display: str, meta: int) -> None:
        self.rows += 1
        known = self.by_kind.get(kind)
        if known is None:
            known = self.by_kind[kind] = {}
        if value not in known:
            known[value] = meta if display == value else (meta, display)

    def add_plain(self, kind: str, values: list[str], meta: int) -> None:
        """``add(kind, v, v, meta)`` for each of ``values``, without a Python-level loop."""
        self.rows += len(values)
        known = self.by_kind.get(kind)
        if known is None:
            known = self.by_kind[kind] = {}
        known.update(dict.fromkeys(filterfalse(known.__contains__, values), meta))

    @property
    def distinct(self) -> int:
        return sum(len(known) for known in self.by_kind.values())

    def drain_sorted(self) -> Iterator[tuple[str, list[str], list[Tag]]]:
        """``(kind, values, tags)`` per kind, values sorted; frees each kind as it goes."""
        for kind in sorted(self.by_kind):
            known = self.by_kind.pop(kind)
            values = sorted(known)
            tags = list(map(known.__getitem__, values))
            del known
            yield kind, values, tags


def stage(conn: Connection, bulk: BulkSet) -> None:
    """Create and fill ``stage_meta`` and ``stage_u`` (positions 1…distinct, sorted)."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS stage_meta")
    conn.exec_driver_sql("DROP TABLE IF EXISTS stage_u")
    for ddl in STAGE_DDL:
        conn.exec_driver_sql(ddl)
    if conn.dialect.name == "postgresql":
        _copy(conn, bulk)
        return
    raw: Any = conn.connection.dbapi_connection
    cursor = raw.cursor()
    try:
        cursor.executemany("INSERT INTO stage_meta VALUES (?, ?, ?, ?)", bulk.meta_rows)
        cursor.execute("DROP TABLE IF EXISTS stage_tags")
        cursor.execute(
            "CREATE TEMPORARY TABLE stage_tags (pos INTEGER PRIMARY KEY, meta INTEGER, display TEXT)"
        )
        pos = 1
        for kind, values, tags in bulk.drain_sorted():
            values_json = json.dumps(values, ensure_ascii=False)
            tags_json = json.dumps(tags, ensure_ascii=False)
            if "\\u0000" in values_json or "\\u0000" in tags_json:
                # SQLite's JSON functions would cut such a string short: bind it as is.
                _executemany_kind(cursor, pos, kind, values, tags)
            else:
                cursor.execute("DELETE FROM stage_tags")
                cursor.execute(_SQLITE_TAGS, (tags_json,))
                cursor.execute(_SQLITE_VALUES, (pos, kind, values_json))
            pos += len(values)
        cursor.execute("DROP TABLE stage_tags")
    finally:
        cursor.close()


def _executemany_kind(cursor: Any, pos: int, kind: str, values: list[str], tags: list[Tag]) -> None:
    cursor.executemany(
        "INSERT INTO stage_u (pos, kind, value, display, meta) VALUES (?, ?, ?, ?, ?)",
        (
            (pos + i, kind, value, *((value, tag) if isinstance(tag, int) else (tag[1], tag[0])))
            for i, (value, tag) in enumerate(zip(values, tags, strict=True))
        ),
    )


def _copy(conn: Connection, bulk: BulkSet) -> None:
    pg: Any = conn.connection.dbapi_connection  # psycopg 3: COPY is its fastest path
    with pg.cursor() as cur:
        with cur.copy("COPY stage_meta (id, category, family, reference) FROM STDIN") as copy:
            for row in bulk.meta_rows:
                copy.write_row(row)
        pos = 1
        with cur.copy("COPY stage_u (pos, kind, value, display, meta) FROM STDIN") as copy:
            for kind, values, tags in bulk.drain_sorted():
                for value, tag in zip(values, tags, strict=True):
                    if isinstance(tag, int):
                        copy.write_row((pos, kind, value, value, tag))
                    else:
                        copy.write_row((pos, kind, value, tag[1], tag[0]))
                    pos += 1
