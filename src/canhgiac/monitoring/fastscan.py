"""The Zeek TSV fast path: read a log once, match distinct values, keep only lines that hit.

Per line the compiled reader (:mod:`canhgiac.monitoring.tsv_kernel`) only finds the fields
and interns the query, answers and responder values. Every few million lines (every block
for gzip, which cannot be read back) the values not seen before are matched: against the
engine's compiled :class:`ValueIndex` of the indicators, and set-at-a-time in DuckDB
(:func:`value_hit_sql`) for the few the index leaves undecided (or all, without an index).
The lines whose values hit are selected by id and read back. Only those lines reach the
engine's usual counting and matching SQL, so results are the same as reading every line
into DuckDB. Memory is bounded by the block size, the distinct values and 24 bytes per
pending line.
"""

# ruff: noqa: S608 -- SQL here is assembled from constant fragments only.

from __future__ import annotations

import gzip
import itertools
import os
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import duckdb
import numpy as np

from canhgiac.monitoring import tsv_kernel as k
from canhgiac.monitoring import value_index as vi
from canhgiac.monitoring.logfiles import is_gzip
from canhgiac.monitoring.matching_sql import value_hit_sql
from canhgiac.monitoring.parsers.base import MAX_LINE_CHARS
from canhgiac.monitoring.value_index import ValueIndex

BLOCK_BYTES = 64 * 1024 * 1024
MIN_PART_BYTES = 16 * 1024 * 1024
OUT_LINES = 1 << 20
# Lines whose ids and places are kept before matching (24 bytes each).
MAX_PENDING_LINES = 8_000_000
# The reader's columns and where their matched ids come from; src is kept for heuristics.
HIT_COLUMNS = {k.COL_QUERY: "query", k.COL_ANSWERS: "answers", k.COL_DST: "dst"}
VALUE_KIND = {k.COL_QUERY: vi.QUERY, k.COL_ANSWERS: vi.ANSWERS, k.COL_DST: vi.ADDRESS}
FIELD_OF = {
    k.COL_QUERY: "query",
    k.COL_ANSWERS: "answers",
    k.COL_DST: "id.resp_h",
    k.COL_SRC: "id.orig_h",
}


class ValueTables:
    """Per-column open-addressing dictionaries of raw values, with one shared byte arena,
    and per-column hit flags (index ``id + 1``; index 0 is "no value")."""

    def __init__(self, capacity: int = 1 << 17, arena_bytes: int = 1 << 22) -> None:
        # Flat arrays: column c owns slots c*capacity.. and values c*rows.. (see tsv_kernel).
        rows = capacity // 2 + 1
        self.slots = np.zeros(k.N_COLS * capacity * 2, np.uint64)
        self.keys = np.zeros(k.N_COLS * rows * 2, np.uint64)
        self.offs = np.zeros(k.N_COLS * rows, np.int64)
        self.lens = np.zeros(k.N_COLS * rows, np.int32)
        self.counts = np.zeros(k.N_COLS, np.int64)
        self.arena = np.empty(arena_bytes, np.uint8)
        self.used = np.zeros(2, np.int64)  # arena bytes used; bytes a chunk asked for
        # Fingerprint seeds, secret per scan (see tsv_kernel._fingerprint).
        self.seeds = np.array([secrets.randbits(64), secrets.randbits(64)], np.uint64)
        self.resolved = np.zeros(k.N_COLS, np.int64)
        self.hits = np.zeros((k.N_COLS, rows + 1), np.bool_)

    @property
    def capacity(self) -> int:
        return self.slots.shape[0] // (2 * k.N_COLS)

    def grow(self) -> None:
        """Make room after the reader asked for it: room for a whole chunk of new values
        in every column (more slots) and for the chunk's bytes (a larger arena)."""
        capacity = self.capacity
        if int(self.counts.max()) + k.CHUNK_LINES > capacity // 2:
            rows_old = capacity // 2 + 1
            while int(self.counts.max()) + k.CHUNK_LINES > capacity // 2:
                capacity *= 2
            rows = capacity // 2 + 1
            self.slots = np.zeros(k.N_COLS * capacity * 2, np.uint64)
            self.keys = _widen(self.keys.reshape(k.N_COLS, rows_old * 2), rows * 2).ravel()
            self.offs = _widen(self.offs.reshape(k.N_COLS, rows_old), rows).ravel()
            self.lens = _widen(self.lens.reshape(k.N_COLS, rows_old), rows).ravel()
            self.hits = _widen(self.hits, rows + 1)
            k.rehash(self.slots, self.keys, self.counts)
        need = int(self.used[0]) + int(self.used[1])
        if need > self.arena.shape[0]:
            size = self.arena.shape[0]
            while need > size:
                size *= 2
            arena = np.empty(size, np.uint8)
            arena[: self.used[0]] = self.arena[: self.used[0]]
            self.arena = arena

    @property
    def rows(self) -> int:
        return self.offs.shape[0] // k.N_COLS

    def classify_new(self, c: int, index: ValueIndex | None) -> np.ndarray:
        """Mark column ``c``'s values not yet matched that hit ``index``; returns the ids
        of those only DuckDB can decide (all of them without an index)."""
        lo, hi = int(self.resolved[c]), int(self.counts[c])
        if index is None:
            return np.arange(lo, hi, dtype=np.int64)
        state = np.empty(hi - lo, np.uint8)
        base = c * self.rows
        vi.classify(
            VALUE_KIND[c], self.arena, self.offs[base:], self.lens[base:], lo, hi,
            index.domains, index.v4, index.range_lo, index.range_hi, state,
        )  # fmt: skip
        self.hits[c, lo + 1 : hi + 1] = state == vi.HIT
        return np.flatnonzero(state == vi.UNDECIDED) + lo


def _widen(arr: np.ndarray, cols: int) -> np.ndarray:
    out = np.zeros((arr.shape[0], cols), arr.dtype)
    out[:, : arr.shape[1]] = arr
    return out


@dataclass
class FastScanStats:
    lines: int = 0
    malformed: int = 0
    bad_lines: list[int] = field(default_factory=list)
    candidates: int = 0


@dataclass
class _Reader:
    header: dict[str, str]
    con: duckdb.DuckDBPyConnection
    tables: ValueTables
    out: Path
    keep_src: bool
    index: ValueIndex | None = None

    def __post_init__(self) -> None:
        fields = self.header["fields"].split("\t")
        self.nfields = len(fields)
        self.field_of = np.full(k.N_COLS, -1, np.int64)
        for c, name in FIELD_OF.items():
            if name in fields and (c != k.COL_SRC or self.keep_src):
                self.field_of[c] = fields.index(name)
        self.ts_field = fields.index("ts") if "ts" in fields else -1
        # NXDOMAIN answers only matter to the heuristics.
        wants_rcode = self.keep_src and "rcode_name" in fields
        self.rcode_field = fields.index("rcode_name") if wants_rcode else -1
        self.unset = _pattern(self.header.get("unset_field", "-"))
        self.empty = _pattern(self.header.get("empty_field", "(empty)"))
        self.nxdomain = _pattern("NXDOMAIN")
        self.out_ids = np.empty((k.N_COLS, OUT_LINES), np.int32)
        self.out_start = np.empty(OUT_LINES, np.int64)
        self.out_end = np.empty(OUT_LINES, np.int64)
        self.out_nx = np.empty(OUT_LINES, np.bool_)
        self.bad = np.zeros(k.MAX_BAD_EXAMPLES, np.int64)
        self.stats = FastScanStats()
        self.line_no = 0
        self.heuristic_rows: list[np.ndarray] = []  # [keys, counts] per block
        self.source: int | None = None  # descriptor of a plain (seekable) log
        self.buf_offset = 0  # file offset of the read buffer's first byte
        self.pending: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.pending_lines = 0

    def block(self, buf: np.ndarray, end: int) -> None:
        """Read the complete lines of ``buf[:end]`` (``buf`` has 8 spare bytes at its end
        and a length that is a multiple of 8, for the reader's word view)."""
        t = self.tables
        words = buf.view(np.uint64)
        pos = 0
        while pos < end:
            status, pos, self.line_no, n, nbad = k.scan_lines(
                buf, words, pos, end, self.line_no, self.nfields, MAX_LINE_CHARS, self.field_of,
                self.ts_field, self.rcode_field, self.unset, self.empty, self.nxdomain, t.seeds,
                t.slots, t.keys, t.offs, t.lens, t.counts, t.arena, t.used,
                self.out_ids, self.out_start, self.out_end, self.out_nx, self.bad,
            )  # fmt: skip
            self._malformed(nbad)
            if n:
                self._select(buf, n)
            if status == k.NEED_ROOM:
                t.grow()

    def long_line(self) -> None:
        """A line longer than the read buffer (far past the line limit): malformed."""
        if len(self.stats.bad_lines) < k.MAX_BAD_EXAMPLES:
            self.stats.bad_lines.append(self.line_no + 1)
        self.stats.malformed += 1

    def _malformed(self, nbad: int) -> None:
        room = k.MAX_BAD_EXAMPLES - len(self.stats.bad_lines)
        if room > 0:
            self.stats.bad_lines.extend(int(x) for x in self.bad[: min(nbad, room)])
        self.stats.malformed += nbad

    def _select(self, buf: np.ndarray, n: int) -> None:
        ids = self.out_ids[:, :n]
        self.stats.lines += n
        if self.source is not None:
            # A plain file: keep each line's ids and place, match once per MAX_PENDING
            # lines and read the few selected lines back (far fewer DuckDB round trips).
            self.pending.append(
                (
                    ids[list(HIT_COLUMNS)],  # fancy indexing copies: out_ids is reused
                    self.out_start[:n] + self.buf_offset,
                    (self.out_end[:n] - self.out_start[:n]).astype(np.int32),
                )
            )
            self.pending_lines += n
            if self.pending_lines >= MAX_PENDING_LINES:
                self.flush()
        else:
            self._resolve()
            sel = np.flatnonzero(self._hit(ids[list(HIT_COLUMNS)]))
            if sel.size:
                text = k.gather_lines(buf, self.out_start[:n][sel], self.out_end[:n][sel])
                self._write(text.tobytes(), int(sel.size))
        if self.keep_src:
            # One key per distinct (src, name, NXDOMAIN?) of the block, with its line count.
            key = (
                (ids[k.COL_SRC].astype(np.int64) + 1) << 33
                | (ids[k.COL_QUERY].astype(np.int64) + 1) << 1
                | self.out_nx[:n].astype(np.int64)
            )
            uniq, counts = np.unique(key, return_counts=True)
            self.heuristic_rows.append(np.stack([uniq, counts]))

    def _hit(self, ids: np.ndarray) -> np.ndarray:
        hit = np.zeros(ids.shape[1], np.bool_)
        for row, c in enumerate(HIT_COLUMNS):
            hit |= self.tables.hits[c][ids[row] + 1]
        return hit

    def _write(self, text: bytes, lines: int) -> None:
        with self.out.open("ab") as fh:
            fh.write(text)
        self.stats.candidates += lines

    def flush(self) -> None:
        """Match the pending lines' new values and copy the lines that hit from the file."""
        if not self.pending or self.source is None:
            return
        self._resolve()
        chunks: list[bytes] = []
        for ids, starts, lens in self.pending:
            for j in np.flatnonzero(self._hit(ids)).tolist():
                line = os.pread(self.source, int(lens[j]), int(starts[j]))
                chunks.append(line.rstrip(b"\r") + b"\n")
        self.pending.clear()
        self.pending_lines = 0
        if chunks:
            self._write(b"".join(chunks), len(chunks))

    def _resolve(self) -> None:
        """Match the values first seen since the last call: against the value index, and
        set-at-a-time in DuckDB for what the index cannot decide (or without one)."""
        t = self.tables
        vals = self.out.with_suffix(".vals")
        try:
            for c, column in HIT_COLUMNS.items():
                todo = t.classify_new(c, self.index)
                t.resolved[c] = t.counts[c]
                if not todo.size:
                    continue
                vals.write_bytes(k.join_values(t.arena, t.offs, t.lens, c, todo).tobytes())
                rows = self.con.execute(
                    f"WITH vals AS (SELECT * FROM read_csv(?, delim='\\t', header=false, "
                    f"quote='', escape='', columns={{'id': 'BIGINT', 'raw': 'VARCHAR'}}, "
                    f"auto_detect=false, ignore_errors=true)) "
                    f"{value_hit_sql(column)}",
                    [str(vals)],
                ).fetchnumpy()
                ids = np.asarray(rows["id"], dtype=np.int64)
                t.hits[c, ids + 1] = True
        finally:
            vals.unlink(missing_ok=True)


def _values(tables: ValueTables, c: int) -> list[str]:
    hi = int(tables.counts[c])
    joined = k.join_values(tables.arena, tables.offs, tables.lens, c, np.arange(hi))
    return [
        line.partition("\t")[2]
        for line in joined.tobytes().decode("utf-8", "replace").split("\n")[:-1]
    ]


def write_heuristic_rows(readers: list[_Reader], path: Path) -> None:
    """Every line's (src, name, rcode, lines) counts as TSV, for the heuristics (names
    raw; NXDOMAIN or ``\\N`` as rcode)."""
    with path.open("w", encoding="utf-8") as fh:
        for r in readers:
            if not r.heuristic_rows:
                continue
            keys = np.concatenate([b[0] for b in r.heuristic_rows])
            counts = np.concatenate([b[1] for b in r.heuristic_rows])
            uniq, inverse = np.unique(keys, return_inverse=True)
            totals = np.bincount(inverse, weights=counts).astype(np.int64)
            srcs = _values(r.tables, k.COL_SRC)
            names = _values(r.tables, k.COL_QUERY)
            for key, total in zip(uniq.tolist(), totals.tolist(), strict=True):
                s_id = (key >> 33) - 1
                q_id = ((key >> 1) & 0xFFFFFFFF) - 1
                src = srcs[s_id] if s_id >= 0 else "\\N"
                name = names[q_id] if q_id >= 0 else "\\N"
                rcode = "NXDOMAIN" if key & 1 else "\\N"
                fh.write(f"{src}\t{name}\t{rcode}\t{total}\n")


def _pattern(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), np.uint8).copy()


def _parts(path: Path, n: int) -> list[tuple[int, int | None]]:
    """Byte ranges of ``path`` cut just after newlines, one per reader thread (a gzip file,
    which cannot be entered in the middle, is one range)."""
    if is_gzip(path):
        return [(0, None)]
    size = path.stat().st_size
    if n <= 1 or size < 2 * MIN_PART_BYTES:
        return [(0, size)]
    cuts = [0]
    with path.open("rb") as fh:
        for i in range(1, n):
            fh.seek(max(size * i // n, cuts[-1]))
            fh.readline()
            cuts.append(min(fh.tell(), size))
    cuts.append(size)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _read_range(reader: _Reader, path: Path, start: int, stop: int | None, block: int) -> None:
    """Feed the complete lines of ``path[start:stop]`` to ``reader`` block by block."""
    buf = np.zeros((block + MAX_LINE_CHARS + 2) // 8 * 8 + 16, np.uint8)
    view = memoryview(buf)  # type: ignore[arg-type]
    fh: BinaryIO
    if stop is None:
        fh = gzip.open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115 -- closed below
    else:
        fh = path.open("rb", buffering=0)
        fh.seek(start)
        reader.source = fh.fileno()
    remaining = None if stop is None else stop - start
    offset = start  # file offset of buf[0]
    carry = 0
    skipping = False  # inside a line longer than the buffer: it is dropped as malformed
    with fh:
        while True:
            want = block - carry if remaining is None else min(block - carry, remaining)
            got = fh.readinto(view[carry : carry + want]) if want > 0 else 0  # type: ignore[attr-defined]
            if remaining is not None:
                remaining -= got or 0
            n = carry + (got or 0)
            reader.buf_offset = offset
            if not got:
                if carry and not skipping:
                    buf[carry] = 10  # a last line without its newline
                    reader.block(buf, carry + 1)
                elif skipping:
                    reader.line_no += 1
                reader.flush()
                reader.source = None
                return
            last = int(k.last_newline(buf, n))
            if last < 0:
                if n >= block:
                    if not skipping:
                        reader.long_line()
                    skipping = True
                    offset += n
                    carry = 0
                else:
                    carry = n
                continue
            if skipping:
                skipping = False
                reader.line_no += 1
            else:
                reader.block(buf, last + 1)
            carry = n - last - 1
            offset += last + 1
            buf[:carry] = buf[last + 1 : n]


def read_candidates(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    header: dict[str, str],
    out_dir: Path,
    *,
    keep_src: bool = False,
    threads: int = 2,
    block_bytes: int | None = None,
    index: ValueIndex | None = None,
) -> tuple[FastScanStats, list[_Reader]]:
    """Write to files in ``out_dir`` the data lines of ``path`` whose query, answers or
    responder hit an indicator (``ind_*`` tables on ``con``, and ``index`` built from them
    when given); count lines and malformed.

    Each byte range gets its own reader thread with its own value tables and DuckDB cursor
    (the compiled reader releases the GIL)."""
    block = block_bytes or BLOCK_BYTES
    parts = _parts(path, threads)
    readers = [
        _Reader(header, con.cursor(), ValueTables(), out_dir / f"part{i}.log", keep_src, index)
        for i in range(len(parts))
    ]
    if len(parts) == 1:
        _read_range(readers[0], path, parts[0][0], parts[0][1], block)
    else:
        with ThreadPoolExecutor(max_workers=len(parts)) as pool:
            futures = [
                pool.submit(_read_range, r, path, a, b, block)
                for r, (a, b) in zip(readers, parts, strict=True)
            ]
            for f in futures:
                f.result()
    total = FastScanStats()
    first_line = 0
    for r in readers:
        total.lines += r.stats.lines
        total.malformed += r.stats.malformed
        total.candidates += r.stats.candidates
        total.bad_lines += [first_line + x for x in r.stats.bad_lines]
        first_line += r.line_no
        r.con.close()
    total.bad_lines = total.bad_lines[: k.MAX_BAD_EXAMPLES]
    return total, readers
