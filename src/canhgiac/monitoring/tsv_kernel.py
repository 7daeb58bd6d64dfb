"""Compiled (numba) tokenizer for Zeek TSV logs that interns the values the matcher needs.

Reading a 10 M-line log is the whole cost of a scan, so per line the work must stay close
to finding the tabs: each wanted field (query, answers, responder, originator) is hashed
and interned into a per-column dictionary, and the line is reduced to a few integer ids.
Matching then runs on the *distinct* values only (:mod:`canhgiac.monitoring.value_index`,
DuckDB for what that cannot decide; see :mod:`canhgiac.monitoring.fastscan`), and lines are
selected by id with numpy.

Everything here works on a bytes buffer with explicit bounds; the kernels never allocate,
and return to the caller when a table, the value arena or the output arrays are full so
the caller can grow them and resume at the same line.
"""

from __future__ import annotations

import numba as nb
import numpy as np
from numba.cpython.unsafe.numbers import trailing_zeros

# Columns of the interning tables, in order.
COL_QUERY, COL_ANSWERS, COL_DST, COL_SRC = 0, 1, 2, 3
N_COLS = 4

DONE, NEED_ROOM, OUT_FULL = 0, 1, 2
MAX_BAD_EXAMPLES = 5

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)
_M3 = np.uint64(0xFF51AFD7ED558CCD)
_ONE = np.uint64(1)
_S29 = np.uint64(29)
_S32 = np.uint64(32)
_S33 = np.uint64(33)


@nb.njit(cache=True, nogil=True, inline="always")
def _load(words: np.ndarray, p: int) -> np.uint64:
    """The 8 bytes at ``p`` (little-endian), from the aligned word view of the buffer."""
    q = p >> 3
    r = np.uint64((p & 7) * 8)
    if r == 0:
        return words[q]
    return (words[q] >> r) | (words[q + 1] << (np.uint64(64) - r))


@nb.njit(cache=True, nogil=True, inline="always")
def _fingerprint(
    words: np.ndarray, s: int, e: int, seeds: np.ndarray
) -> tuple[np.uint64, np.uint64]:
    """Two independent 64-bit hashes of bytes s..e-1, read 8 at a time. Values are told
    apart by the pair (and their length), never by re-reading their bytes: a 128-bit
    collision is far less likely than a memory error. ``seeds`` are drawn at random per
    scan, so nobody can craft values that collide with a listed one in advance."""
    n = np.uint64(e - s)
    h1 = seeds[0] ^ n
    h2 = seeds[1] + n
    p = s
    while p + 8 <= e:
        w = _load(words, p)
        h1 = (h1 ^ w) * _M1
        h1 ^= h1 >> _S32
        h2 = (h2 + w) * _M2
        h2 ^= h2 >> _S29
        p += 8
    if p < e:
        w = _load(words, p) & ((_ONE << np.uint64((e - p) * 8)) - _ONE)
        h1 = (h1 ^ w) * _M1
        h1 ^= h1 >> _S32
        h2 = (h2 + w) * _M2
        h2 ^= h2 >> _S29
    h1 = (h1 ^ (h1 >> _S33)) * _M3
    h1 ^= h1 >> _S33
    h2 = (h2 ^ (h2 >> _S33)) * _M1
    h2 ^= h2 >> _S29
    return h1, h2


@nb.njit(cache=True, nogil=True, inline="always")
def _equals(buf: np.ndarray, s: int, e: int, pat: np.ndarray) -> bool:
    n = e - s
    if n != pat.shape[0]:
        return False
    for k in range(n):  # noqa: SIM110 -- a plain loop compiles under numba
        if buf[s + k] != pat[k]:
            return False
    return True


_HIGH32 = np.uint64(0xFFFFFFFF00000000)
_LOW32 = np.uint64(0xFFFFFFFF)


@nb.njit(cache=True, nogil=True, inline="always")
def _probe(
    words: np.ndarray, s: int, e: int, seeds: np.ndarray, base: int, mask: int, slots: np.ndarray
) -> tuple[int, np.uint64, np.uint64, np.uint64]:
    """Look buf[s:e] up in the column whose slots start at ``base``: (slot, its second
    word, h1, h2); the second word is 0 when the value is new (the slot is where it goes).

    A slot is two words: the first hash, and the second hash's high half with ``id + 1``
    in the low half (0: empty), so a probe reads one cache line. Column ``c`` owns slots
    ``c * cap ..`` and values ``c * maxv ..`` of the flat arrays."""
    h1, h2 = _fingerprint(words, s, e, seeds)
    tag = h2 & _HIGH32
    j = np.int64(h1 & np.uint64(mask))
    while True:
        w1 = slots[2 * (base + j) + 1]
        if w1 == 0 or (slots[2 * (base + j)] == h1 and (w1 & _HIGH32) == tag):
            return int(base + j), w1, h1, h2
        j = (j + 1) & mask


@nb.njit(cache=True, nogil=True)
def _insert(
    buf: np.ndarray,
    s: int,
    e: int,
    c: int,
    slot: int,
    h1: np.uint64,
    h2: np.uint64,
    slots: np.ndarray,
    keys: np.ndarray,
    offs: np.ndarray,
    lens: np.ndarray,
    counts: np.ndarray,
    arena: np.ndarray,
    used: np.ndarray,
) -> int:
    # Kept out of line: the probe above runs per value, this only per new value, and
    # inlining the copy loop slowed the probe down (measured 2x).
    v = counts[c]
    a = used[0]
    n = e - s
    vi = c * (keys.shape[0] // (2 * N_COLS)) + v
    slots[2 * slot] = h1
    slots[2 * slot + 1] = (h2 & _HIGH32) | np.uint64(v + 1)
    keys[2 * vi] = h1
    keys[2 * vi + 1] = h2
    offs[vi] = a
    lens[vi] = n
    arena[a : a + n] = buf[s:e]
    counts[c] = v + 1
    used[0] = a + n
    return v


@nb.njit(cache=True, nogil=True)
def _intern_column(
    buf: np.ndarray,
    words: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    m: int,
    c: int,
    unset: np.ndarray,
    empty: np.ndarray,
    seeds: np.ndarray,
    slots: np.ndarray,
    keys: np.ndarray,
    offs: np.ndarray,
    lens: np.ndarray,
    counts: np.ndarray,
    arena: np.ndarray,
    used: np.ndarray,
    out: np.ndarray,
) -> None:
    """``out[j]`` = column ``c``'s id of value ``buf[starts[j]:ends[j]]`` (-1: none), adding
    new values (room checked by the caller). Kept apart from the splitting loop and with
    new values leaving the probing loop for the out-of-line insert: either way, with the
    rest around it, the probe ran 2-3x slower (measured)."""
    cap = slots.shape[0] // (2 * N_COLS)
    base = c * cap
    mask = cap - 1
    j = 0
    while j < m:
        while j < m:
            st = starts[j]
            en = ends[j]
            if st < 0 or st == en or _equals(buf, st, en, unset) or _equals(buf, st, en, empty):
                out[j] = -1
                j += 1
                continue
            slot, w1, h1, h2 = _probe(words, st, en, seeds, base, mask, slots)
            if w1 == 0:
                break
            out[j] = np.int32(w1 & _LOW32) - 1
            j += 1
        if j < m:
            out[j] = _insert(
                buf, st, en, c, slot, h1, h2, slots, keys, offs, lens, counts, arena, used
            )
            j += 1


_ALL = np.uint64(0xFFFFFFFFFFFFFFFF)
_LOW7 = np.uint64(0x7F7F7F7F7F7F7F7F)
_TABS = np.uint64(0x0909090909090909)
_NEWLINES = np.uint64(0x0A0A0A0A0A0A0A0A)


@nb.njit(cache=True, nogil=True, inline="always")
def _zero_bytes(x: np.uint64) -> np.uint64:
    """The high bit of every zero byte of ``x`` (exact: no carries between bytes)."""
    return ~(((x & _LOW7) + _LOW7) | x | _LOW7)


@nb.njit(cache=True, nogil=True, inline="always")
def _field(tabs: np.ndarray, ls: int, stop: int, nfields: int, fld: int) -> tuple[int, int]:
    """Bounds of field ``fld`` of a well-formed line starting at ``ls`` whose last field
    ends at ``stop``, from its tab positions; (-1, -1) when ``fld`` is -1 (not wanted)."""
    if fld < 0:
        return -1, -1
    return (ls if fld == 0 else tabs[fld - 1] + 1), (stop if fld == nfields - 1 else tabs[fld])


@nb.njit(cache=True, nogil=True)
def _valid_ts(buf: np.ndarray, s: int, e: int) -> bool:
    """A Zeek epoch: digits with at most one dot (what DuckDB reads as DOUBLE)."""
    if s >= e:
        return False
    dots = 0
    bad = False
    for i in range(s, e):
        b = np.int64(buf[i])
        dots += b == 46
        bad |= ((b < 48) | (b > 57)) & (b != 46)
    return not bad and dots <= 1 and e - s > dots


CHUNK_LINES = 1 << 15


@nb.njit(cache=True, nogil=True)
def scan_lines(
    buf: np.ndarray,
    words: np.ndarray,
    pos: int,
    end: int,
    line_no: int,
    nfields: int,
    max_line: int,
    field_of: np.ndarray,
    ts_field: int,
    rcode_field: int,
    unset: np.ndarray,
    empty: np.ndarray,
    nxdomain: np.ndarray,
    seeds: np.ndarray,
    slots: np.ndarray,
    keys: np.ndarray,
    offs: np.ndarray,
    lens: np.ndarray,
    counts: np.ndarray,
    arena: np.ndarray,
    used: np.ndarray,
    out_ids: np.ndarray,
    out_start: np.ndarray,
    out_end: np.ndarray,
    out_nx: np.ndarray,
    bad: np.ndarray,
) -> tuple[int, int, int, int, int]:
    """Tokenize complete lines of ``buf[pos:end]`` (``buf[end - 1]`` is a newline).

    ``field_of[column]`` is the field a table column reads (-1: not wanted). For each data
    line the ids of its wanted fields (-1 when unset/empty/absent), its byte range and
    whether its rcode is NXDOMAIN (``rcode_field`` -1: not wanted) are written to the
    ``out_*`` arrays; ``bad`` collects the line numbers of the first malformed lines (wrong
    field count or timestamp, too long).

    Lines go in chunks: first every line of the chunk is split into fields, then each
    column's values are interned in one tight loop (measured 2x faster than interning
    while splitting). Returns (status, pos reached, line number reached, lines written,
    malformed lines); on NEED_ROOM or OUT_FULL the caller acts and resumes at ``pos``.
    """
    nwant = out_ids.shape[0]
    out_cap = out_start.shape[0]
    maxv = keys.shape[0] // (2 * N_COLS)
    limit = min(slots.shape[0] // (2 * N_COLS) // 2, maxv)
    fs = np.empty((nwant, CHUNK_LINES), np.int64)
    fe = np.empty((nwant, CHUNK_LINES), np.int64)
    ntabs = 1
    while ntabs < nfields:
        ntabs *= 2
    tmask = ntabs - 1
    tabs = np.empty(ntabs, np.int64)
    k = 0
    nbad = 0
    i = pos
    while i < end:
        if k >= out_cap:
            return OUT_FULL, i, line_no, k, nbad
        # Phase 1: split up to CHUNK_LINES lines into the wanted fields' bounds.
        chunk_pos = i
        chunk_line = line_no
        chunk_bad = nbad
        k0 = k
        m = 0
        while i < end and m < CHUNK_LINES and k + m < out_cap:
            ls = i
            if buf[i] == 35 or buf[i] == 10:  # '#' header/footer line, blank line
                while buf[i] != 10:
                    i += 1
                i += 1
                line_no += 1
                continue
            # Tabs and the newline, found eight bytes at a time (the buffer has a newline
            # at end - 1, so the search stops inside it). A line with more fields than
            # the header's is malformed, so its extra tabs may overwrite others.
            f = 0
            wi = i >> 3
            w = words[wi]
            first = _ALL << np.uint64((i & 7) * 8)
            tb = _zero_bytes(w ^ _TABS) & first
            nl = _zero_bytes(w ^ _NEWLINES) & first
            while True:
                if nl != 0:
                    tb &= (nl & (~nl + _ONE)) - _ONE  # only the tabs before the newline
                while tb != 0:
                    tabs[f & tmask] = (wi << 3) + (np.int64(trailing_zeros(tb)) >> 3)  # type: ignore[call-arg]
                    f += 1
                    tb &= tb - _ONE
                if nl != 0:
                    break
                wi += 1
                w = words[wi]
                tb = _zero_bytes(w ^ _TABS)
                nl = _zero_bytes(w ^ _NEWLINES)
            le = (wi << 3) + (np.int64(trailing_zeros(nl)) >> 3)  # type: ignore[call-arg]
            i = le + 1
            line_no += 1
            ok = f == nfields - 1 and le - ls <= max_line
            stop = le - 1 if le > ls and buf[le - 1] == 13 else le  # a CRLF line's last field
            if ok:
                for c in range(nwant):
                    fs[c, m], fe[c, m] = _field(tabs, ls, stop, nfields, field_of[c])
                if ts_field >= 0:
                    ts_s, ts_e = _field(tabs, ls, stop, nfields, ts_field)
                    if not _equals(buf, ts_s, ts_e, unset):
                        ok = _valid_ts(buf, ts_s, ts_e)
            if not ok:
                if nbad < bad.shape[0]:
                    bad[nbad] = line_no
                nbad += 1
                continue
            out_start[k + m] = ls
            out_end[k + m] = le
            nx = False
            if rcode_field >= 0:
                rc_s, rc_e = _field(tabs, ls, stop, nfields, rcode_field)
                nx = _equals(buf, rc_s, rc_e, nxdomain)
            out_nx[k + m] = nx
            m += 1
        # Room for every value of the chunk being new, else grow and redo the chunk.
        need = 0
        for c in range(nwant):
            for j in range(m):
                if fs[c, j] >= 0:
                    need += fe[c, j] - fs[c, j]
        room = used[0] + need <= arena.shape[0]
        for c in range(nwant):
            room = room and counts[c] + m <= limit
        if not room:
            used[1] = need  # tells the caller how much arena the chunk needs
            return NEED_ROOM, chunk_pos, chunk_line, k0, chunk_bad
        # Phase 2: intern column by column.
        for c in range(nwant):
            _intern_column(
                buf, words, fs[c], fe[c], m, c, unset, empty, seeds,
                slots, keys, offs, lens, counts, arena, used, out_ids[c, k:],
            )  # fmt: skip
        k += m
    return DONE, i, line_no, k, nbad


@nb.njit(cache=True, nogil=True)
def rehash(slots: np.ndarray, keys: np.ndarray, counts: np.ndarray) -> None:
    """Rebuild every column's slots (after they were enlarged) from the stored hashes."""
    cap = slots.shape[0] // (2 * N_COLS)
    maxv = keys.shape[0] // (2 * N_COLS)
    mask = cap - 1
    slots[:] = 0
    for c in range(N_COLS):
        for v in range(counts[c]):
            vi = c * maxv + v
            j = np.int64(keys[2 * vi] & np.uint64(mask))
            while slots[2 * (c * cap + j) + 1] != 0:
                j = (j + 1) & mask
            slots[2 * (c * cap + j)] = keys[2 * vi]
            slots[2 * (c * cap + j) + 1] = (keys[2 * vi + 1] & _HIGH32) | np.uint64(v + 1)


@nb.njit(cache=True, nogil=True)
def _digits(x: int) -> int:
    n = 1
    while x >= 10:
        x //= 10
        n += 1
    return n


@nb.njit(cache=True, nogil=True)
def join_values(
    arena: np.ndarray, offs: np.ndarray, lens: np.ndarray, c: int, ids: np.ndarray
) -> np.ndarray:
    """Values ``ids`` of column ``c`` as TSV lines ``id<TAB>value<LF>`` (Zeek values hold
    no tabs or newlines: they are the log's own separators). ``offs``/``lens`` are flat
    (column ``c`` owns ``c * maxv ..``)."""
    base = c * (offs.shape[0] // N_COLS)
    total = 0
    for v in ids:
        total += _digits(v) + lens[base + v] + 2
    out = np.empty(total, np.uint8)
    p = 0
    for v in ids:
        nd = _digits(v)
        x = v
        for q in range(nd - 1, -1, -1):
            out[p + q] = 48 + x % 10
            x //= 10
        p += nd
        out[p] = 9
        p += 1
        o = offs[base + v]
        for q in range(lens[base + v]):
            out[p] = arena[o + q]
            p += 1
        out[p] = 10
        p += 1
    return out


@nb.njit(cache=True, nogil=True)
def gather_lines(buf: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The selected lines of ``buf``, each newline-terminated, as one byte string."""
    total = 0
    for j in range(starts.shape[0]):
        total += ends[j] - starts[j] + 1
    out = np.empty(total, np.uint8)
    p = 0
    for j in range(starts.shape[0]):
        for q in range(starts[j], ends[j]):
            out[p] = buf[q]
            p += 1
        out[p] = 10
        p += 1
    return out


@nb.njit(cache=True, nogil=True)
def last_newline(buf: np.ndarray, n: int) -> int:
    """Index of the last newline in ``buf[:n]``, or -1."""
    for i in range(n - 1, -1, -1):
        if buf[i] == 10:
            return i
    return -1
