"""Turning log files into the ``events`` rows the engine counts.

Zeek TSV files go through the compiled reader (:mod:`canhgiac.monitoring.fastscan`), which
keeps only the lines whose values hit; DuckDB then reads those (only the needed columns; the
same name rule as the Python parsers, in SQL). Every other format goes through its line parser into a temporary
TSV that DuckDB then reads in bulk. Malformed lines are counted, never fatal.
"""

# ruff: noqa: S608 -- SQL here is assembled from constant fragments and validated names;
# data reaches DuckDB/Spark only as files, parameters or rows, never as SQL text.

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from canhgiac.errors import ValidationFailed
from canhgiac.monitoring import fastscan
from canhgiac.monitoring.detect import detect_format
from canhgiac.monitoring.logfiles import is_gzip, open_text
from canhgiac.monitoring.parsers import FORMATS, LineParser, make_parser
from canhgiac.monitoring.parsers.base import (
    EVENT_COLUMNS,
    EVENT_TYPES,
    MAX_LINE_CHARS,
    Event,
    MalformedLine,
)
from canhgiac.monitoring.parsers.zeek import tsv_header
from canhgiac.monitoring.value_index import ValueIndex

NULL = "\\N"
MALFORMED_EXAMPLES = 5


@dataclass
class SourceStats:
    lines: int = 0
    malformed: int = 0
    skipped: int = 0
    files: int = 0
    formats: dict[str, str] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)

    def add(self, other: SourceStats) -> None:
        self.lines += other.lines
        self.malformed += other.malformed
        self.skipped += other.skipped
        self.files += other.files
        self.formats.update(other.formats)
        room = MALFORMED_EXAMPLES - len(self.examples)
        self.examples.extend(other.examples[: max(room, 0)])


def resolve_format(path: Path, fmt: str) -> str:
    if fmt == "auto":
        return detect_format(path)
    if fmt not in FORMATS:
        raise ValidationFailed(
            f"Định dạng không hỗ trợ / unsupported format: {fmt}", field="format"
        )
    return fmt


def parse_lines(
    lines: Iterable[str],
    fmt: str,
    stats: SourceStats,
    *,
    where: str = "",
    parser: LineParser | None = None,
) -> Iterator[Event]:
    """Events of ``lines`` through the format's line parser; counts lines and malformed."""
    parser = parser if parser is not None else make_parser(fmt)
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_CHARS:
            stats.lines += 1
            stats.malformed += 1
            _example(stats, where, number, "line too long")
            continue
        try:
            event = parser.parse(line)
        except MalformedLine as exc:
            stats.lines += 1
            stats.malformed += 1
            _example(stats, where, number, str(exc))
            continue
        if event is None:
            if line.strip() and not line.startswith("#"):
                stats.skipped += 1
            continue
        stats.lines += 1
        yield event


def _example(stats: SourceStats, where: str, number: int, reason: str) -> None:
    if len(stats.examples) < MALFORMED_EXAMPLES:
        stats.examples.append(f"{where}:{number}: {reason}")


def _cell(value: object) -> str:
    if value is None:
        return NULL
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_events_tsv(events: Iterable[Event], fh_path: Path) -> int:
    count = 0
    with fh_path.open("a", encoding="utf-8", newline="") as fh:
        for ev in events:
            fh.write("\t".join(_cell(v) for v in ev) + "\n")
            count += 1
    return count


def events_read_sql(tsv: str) -> str:
    cols = ", ".join(f"'{c}': '{t}'" for c, t in zip(EVENT_COLUMNS, EVENT_TYPES, strict=True))
    return (
        f"read_csv('{_quote(tsv)}', delim='\\t', header=false, quote='', escape='', "
        f"nullstr='{NULL}', columns={{{cols}}}, auto_detect=false)"
    )


def _quote(text: str) -> str:
    return text.replace("'", "''")


def zeek_tsv_sql(path: Path | list[Path], header: dict[str, str], *, rejects: str | None) -> str:
    """A SELECT of events straight from Zeek TSV file(s), only the needed columns typed."""
    fields = header["fields"].split("\t")
    unset = header.get("unset_field", "-")
    empty = header.get("empty_field", "(empty)")
    types = {f: ("DOUBLE" if f == "ts" else "VARCHAR") for f in fields}
    cols = ", ".join(f"'{_quote(f)}': '{t}'" for f, t in types.items())
    opts = [
        "delim='\\t'", "header=false", "comment='#'", "quote=''", "escape=''",
        f"nullstr='{_quote(unset)}'", f"columns={{{cols}}}", "auto_detect=false",
    ]  # fmt: skip
    paths = path if isinstance(path, list) else [path]
    if any(is_gzip(p) for p in paths):
        opts.append("compression='gzip'")
    if rejects:
        opts += [
            "store_rejects=true",
            f"rejects_table='{rejects}'",
            f"rejects_scan='{rejects}_scan'",
        ]
    files = ", ".join(f"'{_quote(str(p))}'" for p in paths)
    src = f"read_csv([{files}], {', '.join(opts)})"

    def col(name: str) -> str:
        if name not in types:
            return "NULL"
        return f"nullif(\"{name}\", '{_quote(empty)}')"

    is_dns = "query" in types
    name = f"nullif(lower(rtrim({col('query')}, '.')), '')" if is_dns else "NULL"
    answers = f"lower({col('answers')})" if is_dns else "NULL"
    rcode = col("rcode_name") if is_dns else "NULL"
    ts = '"ts"' if "ts" in types else "NULL"
    return (
        f"SELECT {ts} AS ts, lower({col('id.orig_h')}) AS src, {name} AS name, "
        f"{answers} AS answers, lower({col('id.resp_h')}) AS dst, "
        f"TRY_CAST({col('id.resp_p')} AS INTEGER) AS dport, CAST(NULL AS VARCHAR) AS url, "
        f"{rcode} AS rcode FROM {src}"
    )


AGG_SQL = (
    "SELECT src, name, answers, dst, dport, url, rcode, count(*) AS n, "
    "min(ts) AS first_seen, max(ts) AS last_seen FROM ({events}) e GROUP BY ALL"
)


def add_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    fmt: str,
    *,
    table: str,
    fast: bool = True,
    heuristics_table: str | None = None,
    index: ValueIndex | None = None,
) -> SourceStats:
    """Count ``path``'s events per distinct row into ``table`` (appended).

    Zeek TSV (``fast``) goes through the compiled reader, which keeps only the lines whose
    values hit an indicator (see :mod:`canhgiac.monitoring.fastscan`; ``index``, built
    from the connection's indicator tables, decides most values without DuckDB); other
    formats are counted whole. With ``heuristics_table`` every line's (src, name, rcode) counts are
    appended there too, for :mod:`canhgiac.monitoring.heuristics`.
    """
    stats = SourceStats(files=1)
    fmt = resolve_format(path, fmt)
    stats.formats[str(path)] = fmt
    header = tsv_header(path, open_text) if fmt in ("zeek-dns", "zeek-conn") else None
    if fast and header is not None and "id.orig_h" in header["fields"].split("\t"):
        return _add_zeek_tsv(con, path, header, table, heuristics_table, stats, index)
    fd, tmp = tempfile.mkstemp(prefix="canhgiac-ev-", suffix=".tsv")
    os.close(fd)
    try:
        with open_text(path) as fh:
            write_events_tsv(parse_lines(fh, fmt, stats, where=path.name), Path(tmp))
        _stage(
            con,
            AGG_SQL.format(events="SELECT * FROM " + events_read_sql(tmp)),
            table,
            heuristics_table,
        )
    finally:
        os.unlink(tmp)
    return stats


def _add_zeek_tsv(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    header: dict[str, str],
    table: str,
    heuristics_table: str | None,
    stats: SourceStats,
    index: ValueIndex | None,
) -> SourceStats:
    with tempfile.TemporaryDirectory(prefix="canhgiac-zeek-") as tmp:
        found, readers = fastscan.read_candidates(
            con, path, header, Path(tmp), keep_src=heuristics_table is not None, index=index
        )
        parts = [r.out for r in readers if r.out.exists()]
        rejected = 0
        if parts:
            rejects = "canhgiac_rejects"
            _stage(con, AGG_SQL.format(events=zeek_tsv_sql(parts, header, rejects=rejects)), table)
            row = con.execute(f"SELECT count(DISTINCT (file_id, line)) FROM {rejects}").fetchone()
            rejected = int(row[0]) if row else 0
            con.execute(f"DROP TABLE IF EXISTS {rejects}; DROP TABLE IF EXISTS {rejects}_scan")
        if heuristics_table is not None:
            rows = Path(tmp) / "heuristics.tsv"
            fastscan.write_heuristic_rows(readers, rows)
            con.execute(
                f"INSERT INTO {heuristics_table} SELECT lower(src), "
                f"nullif(lower(rtrim(name, '.')), ''), rcode, n FROM read_csv(?, delim='\\t', "
                f"header=false, quote='', escape='', auto_detect=false, nullstr='\\N', "
                f"columns={{'src': 'VARCHAR', 'name': 'VARCHAR', 'rcode': 'VARCHAR', "
                f"'n': 'BIGINT'}})",
                [str(rows)],
            )
    stats.malformed = found.malformed + rejected
    stats.lines = found.lines + found.malformed
    stats.examples = [f"{path.name}:{n}: malformed Zeek record" for n in found.bad_lines]
    return stats


def _stage(
    con: duckdb.DuckDBPyConnection, select: str, table: str, heuristics_table: str | None = None
) -> int:
    """Append ``select`` to ``table``; returns the number of lines it counted."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE canhgiac_stage AS {select}")
    row = con.execute("SELECT coalesce(sum(n), 0) FROM canhgiac_stage").fetchone()
    con.execute(f"INSERT INTO {table} SELECT * FROM canhgiac_stage")
    if heuristics_table is not None:
        con.execute(
            f"INSERT INTO {heuristics_table} SELECT src, name, rcode, sum(n) "
            "FROM canhgiac_stage GROUP BY ALL"
        )
    con.execute("DROP TABLE canhgiac_stage")
    return int(row[0]) if row else 0
