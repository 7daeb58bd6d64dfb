"""Continuous mode: tail log files (or watch a directory) with checkpoints.

The counted rows (``agg``) and the per-file checkpoints live in one DuckDB database file and
are committed in the same transaction, so a crash or restart resumes exactly where the last
commit ended: no line is lost or counted twice. Only complete lines (ending in a newline)
are consumed; a partial last line waits for the next poll. A file whose identity (inode)
changed or that shrank was rotated/truncated and is read again from its start. Gzip files
are treated as finished (rotated) logs and read once.
"""

# ruff: noqa: S608 -- SQL here is assembled from constant fragments and validated names;
# data reaches DuckDB/Spark only as files, parameters or rows, never as SQL text.

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from canhgiac.errors import ValidationFailed
from canhgiac.monitoring.engine import AGG_COLUMNS, MonitorEngine, ScanResult, connect
from canhgiac.monitoring.logfiles import is_gzip, open_text
from canhgiac.monitoring.parsers import LineParser, make_parser
from canhgiac.monitoring.parsers.base import MAX_LINE_CHARS, Event
from canhgiac.monitoring.sources import (
    SourceStats,
    events_read_sql,
    parse_lines,
    resolve_format,
    write_events_tsv,
)

MAX_BATCH_BYTES = 64 * 1024 * 1024
HEADER_LINES = 64


@dataclass
class PollResult:
    files: int = 0
    lines: int = 0
    malformed: int = 0


class Watcher:
    """Tails ``targets`` (files, or directories whose files matching ``pattern`` are read)."""

    def __init__(
        self,
        state_db: Path,
        targets: list[Path],
        *,
        fmt: str = "auto",
        pattern: str = "*",
        indicators: list[Path] | None = None,
    ) -> None:
        self.targets = targets
        self.fmt = fmt
        self.pattern = pattern
        self.con = connect_state(state_db)
        self.engine = MonitorEngine(self.con)
        if indicators:
            self.engine.load_indicators(indicators)
        else:
            self.engine.set_indicators([])

    def files(self) -> list[Path]:
        out: list[Path] = []
        for t in self.targets:
            if t.is_dir():
                out += sorted(p for p in t.glob(self.pattern) if p.is_file())
            elif t.is_file():
                out.append(t)
        return out

    def poll(self, max_bytes: int = MAX_BATCH_BYTES) -> PollResult:
        """Consume what was appended since the last checkpoint, one transaction per file."""
        result = PollResult()
        for path in self.files():
            stats = self._poll_file(path, max_bytes)
            if stats is not None:
                result.files += 1
                result.lines += stats.lines
                result.malformed += stats.malformed
        return result

    def _checkpoint(self, path: Path) -> tuple[int, int] | None:
        row = self.con.execute(
            "SELECT inode, offset_bytes FROM checkpoints WHERE path = ?", [str(path)]
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def _poll_file(self, path: Path, max_bytes: int) -> SourceStats | None:
        st = path.stat()
        prev = self._checkpoint(path)
        start = 0
        if prev is not None and prev[0] == st.st_ino and prev[1] <= st.st_size:
            start = prev[1]
        if start == st.st_size and prev is not None:
            return None
        fmt = resolve_format(path, self.fmt)
        stats = SourceStats(files=1)
        if is_gzip(path):
            if prev is not None and prev[0] == st.st_ino:
                return None  # a finished (rotated) file, already read
            with open_text(path) as fh:
                end = st.st_size
                self._commit(
                    path, st.st_ino, end, parse_lines(fh, fmt, stats, where=path.name), stats
                )
            return stats
        with path.open("rb") as fh:
            fh.seek(start)
            chunk = fh.read(max_bytes)
        cut = chunk.rfind(b"\n")
        if cut < 0:
            if len(chunk) >= max_bytes:  # one line longer than a batch: skip it as malformed
                stats.lines = stats.malformed = 1
                self._commit(path, st.st_ino, start + len(chunk), iter(()), stats)
                return stats
            return None
        body = chunk[: cut + 1].decode("utf-8", errors="replace")
        parser = make_parser(fmt)
        if start > 0:
            _prime(parser, path)
        lines = io.StringIO(body, newline=None)
        events = parse_lines(lines, fmt, stats, where=path.name, parser=parser)
        self._commit(path, st.st_ino, start + cut + 1, events, stats)
        return stats

    def _commit(
        self,
        path: Path,
        inode: int,
        offset: int,
        events: Iterable[Event],
        stats: SourceStats | None = None,
    ) -> None:
        fd, tmp = tempfile.mkstemp(prefix="canhgiac-watch-", suffix=".tsv")
        os.close(fd)
        try:
            write_events_tsv(events, Path(tmp))
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(
                    "INSERT INTO agg SELECT src, name, answers, dst, dport, url, rcode, "
                    "count(*), min(ts), max(ts) FROM "
                    f"{events_read_sql(tmp)} GROUP BY ALL"
                )
                self.con.execute(
                    "INSERT OR REPLACE INTO checkpoints VALUES (?, ?, ?, "
                    "coalesce((SELECT lines FROM checkpoints WHERE path = ?), 0) + ?, "
                    "coalesce((SELECT malformed FROM checkpoints WHERE path = ?), 0) + ?)",
                    [
                        str(path),
                        inode,
                        offset,
                        str(path),
                        stats.lines if stats else 0,
                        str(path),
                        stats.malformed if stats else 0,
                    ],
                )
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
        finally:
            os.unlink(tmp)

    def compact(self) -> None:
        """Fold repeated rows together (same counts, smaller table)."""
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE agg_c AS SELECT src, name, answers, dst, dport, url, "
            "rcode, sum(n) AS n, min(first_seen) AS first_seen, max(last_seen) AS last_seen "
            "FROM agg GROUP BY ALL"
        )
        self.con.execute("DELETE FROM agg")
        self.con.execute("INSERT INTO agg SELECT * FROM agg_c")
        self.con.execute("COMMIT")

    def totals(self) -> SourceStats:
        row = self.con.execute(
            "SELECT coalesce(sum(lines), 0), coalesce(sum(malformed), 0), count(*) FROM checkpoints"
        ).fetchone()
        stats = SourceStats()
        if row:
            stats.lines, stats.malformed, stats.files = int(row[0]), int(row[1]), int(row[2])
        return stats

    def result(self) -> ScanResult:
        """Match everything counted so far."""
        return self.engine.finish(self.totals())

    def close(self) -> None:
        self.con.close()


def connect_state(state_db: Path) -> duckdb.DuckDBPyConnection:
    if state_db.suffix not in (".duckdb", ".db"):
        raise ValidationFailed(
            "Tệp trạng thái phải có đuôi .duckdb / state file must end in .duckdb",
            field="state",
        )
    con = connect(database=str(state_db))
    con.execute(f"CREATE TABLE IF NOT EXISTS agg ({AGG_COLUMNS})")
    con.execute(
        "CREATE TABLE IF NOT EXISTS checkpoints (path VARCHAR PRIMARY KEY, inode UBIGINT, "
        "offset_bytes UBIGINT, lines BIGINT, malformed BIGINT)"
    )
    return con


def _prime(parser: LineParser, path: Path) -> None:
    """Feed a resumed parser its file's header (Zeek ``#`` lines, a CSV header row)."""
    with open_text(path) as fh:
        for n in range(HEADER_LINES):
            line = fh.readline(MAX_LINE_CHARS)
            if not line:
                break
            if n > 0 and not line.startswith("#"):
                break
            try:
                parser.parse(line)
            except ValueError:
                break
