"""The matching engine: indicators loaded once, logs counted per distinct row, matched
set-at-a-time in DuckDB, results kept as DuckDB tables a service can persist.

Usage::

    engine = MonitorEngine()
    engine.load_indicators(["trails/maltrail", "extra.txt"])
    engine.add_allow(["allow.txt"])                          # global
    engine.add_allow(["agency-allow.txt"], scope=["10.20.0.0/16"])  # one agency's sources
    result = engine.scan([Path("dns.log")], fmt="auto")
    result.alerts()     # DuckDB relation: src, indicator, kind, category, family, source,
                        # hits, first_seen, last_seen, example, via, ind_id
    result.summary()    # dict: lines, matched_lines, hosts, alerts, malformed, categories, ...
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from duckdb.sqltypes import VARCHAR

from canhgiac.errors import ValidationFailed
from canhgiac.monitoring.indicators import (
    Indicator,
    LoadStats,
    iter_indicators,
    write_indicator_table,
)
from canhgiac.monitoring.iputil import ip6_key, network_bounds
from canhgiac.monitoring.matching_sql import DUCKDB, allow_prep, indicator_prep, matching_steps
from canhgiac.monitoring.sources import SourceStats, add_file
from canhgiac.monitoring.value_index import ValueIndex

AGG_COLUMNS = (
    "src VARCHAR, name VARCHAR, answers VARCHAR, dst VARCHAR, dport INTEGER, url VARCHAR, "
    "rcode VARCHAR, n BIGINT, first_seen DOUBLE, last_seen DOUBLE"
)


HEURISTICS_TABLE = "heur_agg"
HEURISTICS_COLUMNS = "src VARCHAR, name VARCHAR, rcode VARCHAR, n BIGINT"

DEFAULT_MEMORY_LIMIT = "1536MB"


def connect(
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT,
    threads: int | None = None,
    database: str = ":memory:",
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the engine's SQL functions registered.

    The memory limit bounds the whole scan: past it DuckDB spills the per-host counting to
    a temporary directory instead of growing (large logs with many distinct rows).
    """
    con = duckdb.connect(database)
    con.execute("SET enable_progress_bar = false")
    if memory_limit:
        con.execute("SET memory_limit = ?", [memory_limit])
        spill = Path(tempfile.gettempdir()) / "canhgiac-duckdb-spill"
        con.execute("SET temp_directory = ?", [str(spill)])
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    con.create_function("ip6_key", ip6_key, [VARCHAR], VARCHAR, side_effects=False)
    return con


@dataclass
class ScanResult:
    con: duckdb.DuckDBPyConnection
    sources: SourceStats

    def alerts(self) -> duckdb.DuckDBPyRelation:
        """Per (source host, indicator): hits (lines), first/last seen, category, family..."""
        return self.con.table("alerts")

    def summary(self) -> dict[str, Any]:
        con = self.con
        matched = con.execute("SELECT coalesce(sum(n), 0) FROM matched_rows").fetchone()
        hosts, alerts = con.execute(
            "SELECT count(DISTINCT src), count(DISTINCT (src, indicator)) FROM alerts"
        ).fetchone() or (0, 0)
        cats = con.execute(
            "SELECT category, count(DISTINCT (src, indicator)), count(DISTINCT src), "
            "count(DISTINCT indicator) FROM alerts GROUP BY category ORDER BY category"
        ).fetchall()
        return {
            "lines": self.sources.lines,
            "matched_lines": int(matched[0]) if matched else 0,
            "hosts": int(hosts),
            "alerts": int(alerts),
            "malformed": self.sources.malformed,
            "skipped": self.sources.skipped,
            "files": self.sources.files,
            "formats": self.sources.formats,
            "malformed_examples": self.sources.examples,
            "categories": {
                c: {"alerts": int(a), "hosts": int(h), "indicators": int(i)} for c, a, h, i in cats
            },
        }


class MonitorEngine:
    """Holds one DuckDB connection with the indicators and allow-lists loaded once."""

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        self.con = con if con is not None else connect()
        self.indicator_stats = LoadStats()
        self._scopes = 0
        self.value_index: ValueIndex | None = None
        self.con.execute(
            "CREATE OR REPLACE TABLE allow_raw (kind VARCHAR, domain VARCHAR, lo VARCHAR, "
            "hi VARCHAR, scope_id INTEGER)"
        )
        self.con.execute(
            "CREATE OR REPLACE TABLE allow_scope (scope_id INTEGER, lo VARCHAR, hi VARCHAR)"
        )
        self._refresh_allow()
        self._ready = False

    # -- indicators ---------------------------------------------------------------------
    def load_indicators(self, paths: Iterable[Path | str]) -> LoadStats:
        stats = LoadStats()
        self.set_indicators(iter_indicators(paths, stats))
        self.indicator_stats = stats
        return stats

    def set_indicators(self, indicators: Iterable[Indicator]) -> None:
        write_indicator_table(self.con, indicators, table="indicators")
        for name, select in indicator_prep(DUCKDB):
            self.con.execute(f"CREATE OR REPLACE TABLE {name} AS {select}")
        self.value_index = ValueIndex.from_connection(self.con)
        self._ready = True

    # -- allow-lists ----------------------------------------------------------------------
    def add_allow(self, paths: Iterable[Path | str], *, scope: Sequence[str] | None = None) -> int:
        """Allow entries (domains, addresses, CIDRs) from list files; with ``scope`` (source
        networks, e.g. one agency's) they apply only to hits of sources inside it."""
        entries = list(iter_indicators(paths))
        return self.add_allow_entries(entries, scope=scope)

    def add_allow_entries(
        self, entries: Iterable[Indicator], *, scope: Sequence[str] | None = None
    ) -> int:
        scope_id = -1
        if scope is not None:
            self._scopes += 1
            scope_id = self._scopes
            for net in scope:
                bounds = network_bounds(net)
                if bounds is None:
                    raise ValidationFailed(
                        f"Dải mạng không hợp lệ / invalid network: {net}", field="scope"
                    )
                self.con.execute("INSERT INTO allow_scope VALUES (?, ?, ?)", [scope_id, *bounds])
        rows = [
            (e.kind, e.domain or None, e.lo or None, e.hi or None, scope_id)
            for e in entries
            if e.kind in ("domain", "ip", "cidr")
        ]
        if rows:
            self.con.executemany("INSERT INTO allow_raw VALUES (?, ?, ?, ?, ?)", rows)
        self._refresh_allow()
        return len(rows)

    def _refresh_allow(self) -> None:
        for name, select in allow_prep():
            self.con.execute(f"CREATE OR REPLACE TABLE {name} AS {select}")

    # -- scanning -------------------------------------------------------------------------
    def scan(
        self,
        paths: Sequence[Path],
        fmt: str = "auto",
        *,
        fast: bool = True,
        heuristics: bool = False,
    ) -> ScanResult:
        """Read, count and match the logs; results replace the previous scan's tables.

        Zeek TSV logs (``fast``) go through the compiled reader, so ``agg`` then holds only
        the lines that hit; ``heuristics`` also counts every line per (src, name, rcode)
        into ``heur_agg`` for :func:`canhgiac.monitoring.heuristics.heuristic_findings`.
        """
        self.begin()
        stats = SourceStats()
        for path in paths:
            if not Path(path).is_file():
                raise ValidationFailed(
                    f"Không tìm thấy tệp nhật ký / log file not found: {path}", field="logs"
                )
            stats.add(
                add_file(
                    self.con,
                    Path(path),
                    fmt,
                    table="agg",
                    fast=fast,
                    heuristics_table=HEURISTICS_TABLE if heuristics else None,
                    index=self.value_index,
                )
            )
        return self.finish(stats)

    def begin(self) -> None:
        if not self._ready:
            self.set_indicators([])
        self.con.execute(f"CREATE OR REPLACE TABLE agg ({AGG_COLUMNS})")
        self.con.execute(f"CREATE OR REPLACE TABLE {HEURISTICS_TABLE} ({HEURISTICS_COLUMNS})")

    def finish(self, stats: SourceStats) -> ScanResult:
        """Match what ``agg`` holds (filled by :func:`add_file` or a caller, e.g. watch)."""
        # Every step is materialised: later steps read most of them several times, and as
        # views each read re-ran the joins against the whole indicator tables.
        views = {
            row[0]
            for row in self.con.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal"
            ).fetchall()
        }
        for name, select in matching_steps(DUCKDB):
            if name in views:  # left by an older version in a database file
                self.con.execute(f"DROP VIEW {name}")
            self.con.execute(f"CREATE OR REPLACE TABLE {name} AS {select}")
        return ScanResult(self.con, stats)
