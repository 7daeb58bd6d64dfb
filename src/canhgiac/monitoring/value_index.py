"""Deciding in compiled code which distinct log values may hit an indicator.

The Zeek fast path (:mod:`canhgiac.monitoring.fastscan`) interns every query, answers and
responder value; here each *new* value is checked against an in-memory index of the loaded
indicators (64-bit hashes of every indicator domain, the IPv4 addresses and the IPv4 parts
of CIDR ranges) with exactly the normalisation of :func:`matching_sql.value_hit_sql`:
lower-case, trailing dots trimmed, every parent domain, comma-separated answers, strict
dotted quads. The index only *selects lines*: the selected lines then go through the exact
matching SQL, so a hash collision costs one line read back, never a wrong alert. What the
index cannot decide exactly (non-ASCII text, IPv6 with ``:``) is left to DuckDB's
``value_hit_sql``, as before.

Checking a value costs a few hash probes, against a DuckDB join that had to rebuild its
hash table over 1.4 M indicator domains for every batch of values.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numba as nb
import numpy as np

from canhgiac.monitoring.iputil import V4_PREFIX

MISS, HIT, UNDECIDED = 0, 1, 2

_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)
_V4_BASE = int(V4_PREFIX, 16) << 32
_V4_MAX = (1 << 32) - 1


@nb.njit(cache=True, nogil=True, inline="always")
def _hash(b: np.ndarray, s: int, e: int) -> np.uint64:
    """64-bit hash of bytes s..e-1 (FNV-1a with a final mix; 0 is kept for empty slots)."""
    h = _FNV_OFFSET
    for i in range(s, e):
        h = (h ^ np.uint64(b[i])) * _FNV_PRIME
    h ^= h >> _S33
    h *= _MIX1
    h ^= h >> _S33
    h *= _MIX2
    h ^= h >> _S33
    return h if h != 0 else np.uint64(1)


@nb.njit(cache=True, nogil=True)
def _build_table(text: np.ndarray) -> np.ndarray:
    """Open-addressing set of the hashes of the newline-separated strings in ``text``."""
    n = 0
    for i in range(text.shape[0]):
        if text[i] == 10:
            n += 1
    cap = 16
    while cap < 2 * n + 2:
        cap *= 2
    table = np.zeros(cap, np.uint64)
    mask = cap - 1
    s = 0
    for i in range(text.shape[0]):
        if text[i] != 10:
            continue
        if i > s:
            h = _hash(text, s, i)
            j = np.int64(h & np.uint64(mask))
            while table[j] != 0 and table[j] != h:
                j = (j + 1) & mask
            table[j] = h
        s = i + 1
    return table


@nb.njit(cache=True, nogil=True, inline="always")
def _has(table: np.ndarray, h: np.uint64) -> bool:
    mask = table.shape[0] - 1
    j = np.int64(h & np.uint64(mask))
    while True:
        x = table[j]
        if x == h:
            return True
        if x == 0:
            return False
        j = (j + 1) & mask


@nb.njit(cache=True, nogil=True)
def _name_hit(b: np.ndarray, s: int, e: int, domains: np.ndarray) -> bool:
    """Whether the (lower-cased, trimmed) name b[s:e] or a parent of it is listed: the
    suffixes of ``string_split(name, '.')``, i.e. the name and what follows each dot."""
    if _has(domains, _hash(b, s, e)):
        return True
    for p in range(s, e):  # noqa: SIM110 -- a plain loop compiles under numba
        if b[p] == 46 and _has(domains, _hash(b, p + 1, e)):
            return True
    return False


@nb.njit(cache=True, nogil=True)
def _ipv4(b: np.ndarray, s: int, e: int) -> int:
    """The address of a strict dotted quad (IPV4_PATTERN: 0-255, no leading zeros), or -1."""
    value = 0
    octets = 0
    p = s
    while True:
        q = p
        while q < e and 48 <= b[q] <= 57:
            q += 1
        n = q - p
        if n == 0 or n > 3 or (n > 1 and b[p] == 48):
            return -1
        octet = 0
        for i in range(p, q):
            octet = octet * 10 + (b[i] - 48)
        if octet > 255:
            return -1
        value = value * 256 + octet
        octets += 1
        if octets == 4:
            return value if q == e else -1
        if q >= e or b[q] != 46:
            return -1
        p = q + 1


@nb.njit(cache=True, nogil=True)
def _ip_hit(addr: int, v4: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> bool:
    """``addr`` is a listed address (any port) or inside a listed range (``lo``/``hi``
    sorted, merged, disjoint)."""
    i = np.searchsorted(v4, addr)
    if i < v4.shape[0] and v4[i] == addr:
        return True
    j = np.searchsorted(lo, addr, side="right") - 1
    return bool(j >= 0 and addr <= hi[j])


@nb.njit(cache=True, nogil=True)
def _lowered(arena: np.ndarray, o: int, n: int, tmp: np.ndarray) -> bool:
    """ASCII lower-case copy into ``tmp``; False when the value is not plain ASCII (its
    lower-casing is then DuckDB's to decide)."""
    for i in range(n):
        c = arena[o + i]
        if c >= 128 or c == 13:  # DuckDB's CSV reader would also see a line break in CR
            return False
        tmp[i] = c + 32 if 65 <= c <= 90 else c
    return True


QUERY, ANSWERS, ADDRESS = 0, 1, 2


@nb.njit(cache=True, nogil=True)
def classify(
    kind: int,
    arena: np.ndarray,
    offs: np.ndarray,
    lens: np.ndarray,
    lo_id: int,
    hi_id: int,
    domains: np.ndarray,
    v4: np.ndarray,
    range_lo: np.ndarray,
    range_hi: np.ndarray,
    out: np.ndarray,
) -> None:
    """``out[v - lo_id]`` = MISS, HIT or UNDECIDED for values lo_id..hi_id-1 (``offs``/
    ``lens`` already sliced to the column)."""
    longest = 0
    for v in range(lo_id, hi_id):
        longest = max(longest, lens[v])
    tmp = np.empty(longest + 1, np.uint8)
    for v in range(lo_id, hi_id):
        n = lens[v]
        if not _lowered(arena, offs[v], n, tmp):
            out[v - lo_id] = UNDECIDED
            continue
        if kind == QUERY:
            e = n
            while e > 0 and tmp[e - 1] == 46:
                e -= 1
            out[v - lo_id] = HIT if e > 0 and _name_hit(tmp, 0, e, domains) else MISS
        elif kind == ADDRESS:
            state = MISS
            for i in range(n):
                if tmp[i] == 58:  # ':' -> IPv6 (or not an address): DuckDB's ip6_key
                    state = UNDECIDED
            if state == MISS:
                addr = _ipv4(tmp, 0, n)
                if addr >= 0 and _ip_hit(addr, v4, range_lo, range_hi):
                    state = HIT
            out[v - lo_id] = state
        else:
            state = MISS
            s = 0
            while s <= n and state != HIT:
                e = s
                while e < n and tmp[e] != 44:
                    e += 1
                nxt = e + 1
                while e > s and tmp[e - 1] == 46:
                    e -= 1
                if e > s:
                    colon = False
                    for i in range(s, e):
                        if tmp[i] == 58:
                            colon = True
                    if colon:
                        state = UNDECIDED
                    else:
                        addr = _ipv4(tmp, s, e)
                        if addr >= 0:
                            if _ip_hit(addr, v4, range_lo, range_hi):
                                state = HIT
                        elif _name_hit(tmp, s, e, domains):
                            state = HIT
                s = nxt
            out[v - lo_id] = state


@dataclass(frozen=True)
class ValueIndex:
    """What the compiled check needs of the loaded ``ind_dom``/``ind_ipx``/``ind_cidr``."""

    domains: np.ndarray  # hash set (uint64, 0 = empty)
    v4: np.ndarray  # sorted listed IPv4 addresses (int64)
    range_lo: np.ndarray  # sorted, merged IPv4 parts of listed ranges (int64)
    range_hi: np.ndarray

    @classmethod
    def from_connection(cls, con: duckdb.DuckDBPyConnection) -> ValueIndex:
        # A domain holding a newline or tab can never equal a log value (those separate
        # lines and fields), so leaving such a domain out changes nothing.
        row = con.execute(
            "SELECT string_agg(domain, chr(10)) FROM (SELECT DISTINCT domain FROM ind_dom "
            "WHERE domain IS NOT NULL AND domain <> '' AND strpos(domain, chr(10)) = 0 "
            "AND strpos(domain, chr(9)) = 0)"
        ).fetchone()
        text = ((row[0] if row and row[0] else "") + "\n").encode("utf-8")
        domains = _build_table(np.frombuffer(text, np.uint8))
        keys = con.execute(
            "SELECT DISTINCT key FROM ind_ipx WHERE key LIKE ? AND length(key) = 32",
            [V4_PREFIX + "%"],
        ).fetchall()
        v4 = np.array(sorted(int(k[len(V4_PREFIX) :], 16) for (k,) in keys), np.int64)
        spans: list[tuple[int, int]] = []
        for lo, hi in con.execute("SELECT lo, hi FROM ind_cidr").fetchall():
            try:
                a, b = int(lo, 16) - _V4_BASE, int(hi, 16) - _V4_BASE
            except (TypeError, ValueError):
                continue
            a, b = max(a, 0), min(b, _V4_MAX)
            if a <= b:
                spans.append((a, b))
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        return cls(
            domains,
            v4,
            np.array([m[0] for m in merged], np.int64),
            np.array([m[1] for m in merged], np.int64),
        )
