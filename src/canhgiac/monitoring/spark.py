"""The same matching on Apache Spark (PySpark, the optional ``spark`` extra).

For logs that outgrow one machine: the matching SQL of :mod:`matching_sql` runs unchanged
in meaning (rendered for Spark SQL) over Spark temporary views. Zeek TSV logs are read by
Spark itself; other formats go through the Python line parsers. ``ip6_key`` is a Python UDF.
"""

# ruff: noqa: S608 -- SQL here is assembled from constant fragments and validated names;
# data reaches DuckDB/Spark only as files, parameters or rows, never as SQL text.

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from canhgiac.monitoring.indicators import Indicator
from canhgiac.monitoring.iputil import ip6_key, network_bounds
from canhgiac.monitoring.logfiles import open_text
from canhgiac.monitoring.matching_sql import SPARK, allow_prep, indicator_prep, matching_steps
from canhgiac.monitoring.parsers.base import EVENT_COLUMNS
from canhgiac.monitoring.parsers.zeek import tsv_header
from canhgiac.monitoring.sources import SourceStats, parse_lines, resolve_format

IND_SCHEMA = (
    "ind_id BIGINT, kind STRING, value STRING, category STRING, family STRING, source STRING, "
    "domain STRING, lo STRING, hi STRING, port INT, host STRING, path STRING"
)
EVENT_SCHEMA = (
    "ts DOUBLE, src STRING, name STRING, answers STRING, dst STRING, dport INT, url STRING, "
    "rcode STRING"
)
AGG_SQL = (
    "SELECT src, name, answers, dst, dport, url, rcode, count(*) AS n, min(ts) AS first_seen, "
    "max(ts) AS last_seen FROM events "
    "GROUP BY src, name, answers, dst, dport, url, rcode"
)


def local_session(app_name: str = "canhgiac-monitor") -> Any:
    """A small local-mode session (tests, single-machine trials)."""
    from pyspark.sql import SparkSession

    # Python workers must import this package (the ip6_key UDF lives here).
    src_dir = str(Path(__file__).resolve().parents[2])
    return (
        SparkSession.builder.master("local[2]")
        .appName(app_name)
        .config("spark.pyspark.python", sys.executable)
        .config("spark.executorEnv.PYTHONPATH", src_dir)
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.buffer.pageSize", "2m")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )


class SparkMatcher:
    def __init__(self, spark: Any) -> None:
        from pyspark.sql.types import StringType

        self.spark = spark
        spark.udf.register("ip6_key", ip6_key, StringType())
        self.set_allow([])

    def set_indicators(self, indicators: Iterable[Indicator]) -> None:
        rows = [
            (i, ind.kind, ind.value, ind.category, ind.family, ind.source, ind.domain or None,
             ind.lo or None, ind.hi or None, ind.port, ind.host or None, ind.path or None)
            for i, ind in enumerate(indicators, 1)
        ]  # fmt: skip
        self.spark.createDataFrame(rows, IND_SCHEMA).createOrReplaceTempView("indicators")
        for name, select in indicator_prep(SPARK):
            self.spark.sql(select).localCheckpoint().createOrReplaceTempView(name)

    def set_allow(
        self,
        entries: Iterable[Indicator],
        scoped: Sequence[tuple[Sequence[str], Iterable[Indicator]]] = (),
    ) -> None:
        rows: list[tuple[Any, ...]] = [
            (e.kind, e.domain or None, e.lo or None, e.hi or None, -1) for e in entries
        ]
        scopes: list[tuple[int, str, str]] = []
        for scope_id, (nets, scoped_entries) in enumerate(scoped, 1):
            for net in nets:
                bounds = network_bounds(net)
                if bounds is not None:
                    scopes.append((scope_id, *bounds))
            rows += [
                (e.kind, e.domain or None, e.lo or None, e.hi or None, scope_id)
                for e in scoped_entries
            ]
        self.spark.createDataFrame(
            rows, "kind STRING, domain STRING, lo STRING, hi STRING, scope_id INT"
        ).createOrReplaceTempView("allow_raw")
        self.spark.createDataFrame(
            scopes, "scope_id INT, lo STRING, hi STRING"
        ).createOrReplaceTempView("allow_scope")
        for name, select in allow_prep():
            self.spark.sql(select).createOrReplaceTempView(name)

    def events_of(self, paths: Sequence[Path], fmt: str = "auto") -> SourceStats:
        """Register the ``events`` view for ``paths``."""
        stats = SourceStats()
        frames = []
        for path in paths:
            f = resolve_format(path, fmt)
            header = tsv_header(path, open_text) if f.startswith("zeek") else None
            if header is not None:
                frames.append(self._zeek_tsv(path, header))
                continue
            with open_text(path) as fh:
                rows = [tuple(ev) for ev in parse_lines(fh, f, stats, where=path.name)]
            frames.append(self.spark.createDataFrame(rows, EVENT_SCHEMA))
        df = frames[0]
        for other in frames[1:]:
            df = df.unionByName(other)
        df.createOrReplaceTempView("events")
        return stats

    def _zeek_tsv(self, path: Path, header: dict[str, str]) -> Any:
        fields = header["fields"].split("\t")
        unset = header.get("unset_field", "-")
        empty = header.get("empty_field", "(empty)")
        schema = ", ".join(f"`{f}` {'DOUBLE' if f == 'ts' else 'STRING'}" for f in fields)
        raw = self.spark.read.csv(
            str(path), sep="\t", comment="#", schema=schema, nullValue=unset, quote="",
            mode="DROPMALFORMED",
        )  # fmt: skip
        raw.createOrReplaceTempView("zeek_raw")

        def col(name: str) -> str:
            return f"nullif(`{name}`, '{empty}')" if name in fields else "CAST(NULL AS STRING)"

        dns = "query" in fields
        name = f"nullif(lower(TRIM(TRAILING '.' FROM {col('query')})), '')" if dns else "NULL"
        answers = f"lower({col('answers')})" if dns else "NULL"
        rcode = col("rcode_name") if dns else "NULL"
        return self.spark.sql(
            f"SELECT `ts` AS ts, lower({col('id.orig_h')}) AS src, "
            f"CAST({name} AS STRING) AS name, CAST({answers} AS STRING) AS answers, "
            f"lower({col('id.resp_h')}) AS dst, CAST({col('id.resp_p')} AS INT) AS dport, "
            f"CAST(NULL AS STRING) AS url, CAST({rcode} AS STRING) AS rcode FROM zeek_raw "
            f"WHERE `id.orig_h` IS NOT NULL"
        )

    def match(self) -> Any:
        """Run the matching over the ``events`` view; returns the ``alerts`` DataFrame."""
        steps = [("agg", AGG_SQL), *matching_steps(SPARK)]
        for name, select in steps:
            # Each step is materialised once with its lineage cut: later steps refer to
            # earlier ones several times, and the plans would otherwise nest ever deeper.
            df = self.spark.sql(select).localCheckpoint()
            df.createOrReplaceTempView(name)
        return self.spark.table("alerts")

    def summary(self) -> dict[str, int]:
        row = self.spark.sql(
            "SELECT (SELECT coalesce(sum(n), 0) FROM matched_rows) AS matched_lines, "
            "(SELECT coalesce(sum(n), 0) FROM agg) AS lines, "
            "(SELECT count(DISTINCT src) FROM alerts) AS hosts, "
            "(SELECT count(*) FROM (SELECT DISTINCT src, indicator FROM alerts) t) AS alerts"
        ).collect()[0]
        return {k: int(row[k]) for k in ("lines", "matched_lines", "hosts", "alerts")}


__all__ = ["EVENT_COLUMNS", "SparkMatcher", "local_session"]
