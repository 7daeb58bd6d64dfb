"""The compiled value check decides exactly what DuckDB's ``value_hit_sql`` decides, or
leaves the value to it (non-ASCII, CR, IPv6)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from canhgiac.monitoring import value_index as vi
from canhgiac.monitoring.engine import MonitorEngine
from canhgiac.monitoring.indicators import iter_indicators
from canhgiac.monitoring.matching_sql import value_hit_sql

INDICATORS = """\
lua-dao-nganhang.com
vietcombank-xacminh.top
a..b.example
1.2.3.4
198.51.100.7
198.51.100.8:8080
203.0.113.0/24
::ffff:192.0.2.0/120
2001:db8:bad::/48
2001:db8::66
"""

QUERIES = [
    "lua-dao-nganhang.com", "LUA-DAO-NganHang.COM", "x.y.lua-dao-nganhang.com.",
    "lua-dao-nganhang.com..", "nganhang.com", "dao-nganhang.com", "ua-dao-nganhang.com",
    "vietcombank-xacminh.top", "www.vietcombank-xacminh.top", "vietcombank.top",
    "a..b.example", "x.a..b.example", ".b.example", "...", ".", "1.2.3.4", "9.1.2.3.4",
    "lua-dao-nganhàng.com", "xn--lua-dao-nganhng-dkb.com", "LUA-DAO-NGANHANG.COM\r",
    "tinmoi24h.vn", "com",
]  # fmt: skip
ANSWERS = [
    "198.51.100.7", "198.51.100.8", "198.51.100.9", "203.0.113.254", "203.0.114.1",
    "192.0.2.10", "192.0.3.10", "10.0.0.1,cdn.lua-dao-nganhang.com.", "cdn.tinmoi24h.vn,1.1.1.1",
    "1.2.3.4", "01.2.3.4", "1.2.3.04", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.4.",
    ",,198.51.100.7,", "2001:db8::66", "1.1.1.1,2001:db8::66", "2001:db8::66,198.51.100.7",
    "nothing.example,other.example", "Vietcombank-XacMinh.top.", "đăngnhập.vn",
]  # fmt: skip
ADDRESSES = [
    "198.51.100.7", "198.51.100.8", "203.0.113.1", "203.0.112.255", "192.0.2.255",
    "192.0.2.0", "192.0.1.255", "10.0.0.53", "2001:db8:bad::1", "2001:db8::66", "::1",
    "1.2.3.4", "1.2.3.4.", "+1.2.3.4", "1.2.3.4x", "0.0.0.0", "255.255.255.255",
]  # fmt: skip


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> MonitorEngine:
    path = Path(tmp_path_factory.mktemp("ind")) / "list.txt"
    path.write_text(INDICATORS, encoding="utf-8")
    eng = MonitorEngine()
    eng.set_indicators(list(iter_indicators([path])))
    return eng


def _classify(engine: MonitorEngine, kind: int, values: list[str]) -> np.ndarray:
    raw = [v.encode("utf-8") for v in values]
    arena = np.frombuffer(b"".join(raw) + b"\0" * 8, np.uint8).copy()
    lens = np.array([len(r) for r in raw], np.int32)
    offs = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int64)
    out = np.full(len(values), 9, np.uint8)
    index = engine.value_index
    assert index is not None
    vi.classify(
        kind, arena, offs, lens, 0, len(values),
        index.domains, index.v4, index.range_lo, index.range_hi, out,
    )  # fmt: skip
    return out


def _duckdb_hits(engine: MonitorEngine, column: str, values: list[str]) -> set[int]:
    con = engine.con
    con.execute("CREATE OR REPLACE TEMP TABLE vals (id BIGINT, raw VARCHAR)")
    con.executemany("INSERT INTO vals VALUES (?, ?)", list(enumerate(values)))
    return {int(r[0]) for r in con.execute(value_hit_sql(column)).fetchall()}


@pytest.mark.parametrize(
    ("kind", "column", "values"),
    [
        (vi.QUERY, "query", QUERIES),
        (vi.ANSWERS, "answers", ANSWERS),
        (vi.ADDRESS, "dst", ADDRESSES),
    ],
)
def test_decided_values_agree_with_duckdb(engine, kind, column, values):
    states = _classify(engine, kind, values)
    want = _duckdb_hits(engine, column, values)
    for i, value in enumerate(values):
        if states[i] == vi.UNDECIDED:
            continue
        assert (states[i] == vi.HIT) == (i in want), value
    # Only non-ASCII text, a CR or an address with ':' is left to DuckDB (unless another
    # answer already hits).
    undecided = {values[i] for i in np.flatnonzero(states == vi.UNDECIDED)}
    hard = {v for v in values if not v.isascii() or "\r" in v or ":" in v}
    assert undecided == hard - {"2001:db8::66,198.51.100.7"}


def test_expected_hits(engine):
    q = dict(zip(QUERIES, _classify(engine, vi.QUERY, QUERIES).tolist(), strict=True))
    assert q["x.y.lua-dao-nganhang.com."] == vi.HIT
    assert q["LUA-DAO-NganHang.COM"] == vi.HIT
    assert q["www.vietcombank-xacminh.top"] == vi.HIT
    assert q["dao-nganhang.com"] == vi.MISS  # a parent is cut at dots only
    assert q["1.2.3.4"] == vi.MISS  # a queried name is a name, not an address
    a = dict(zip(ANSWERS, _classify(engine, vi.ANSWERS, ANSWERS).tolist(), strict=True))
    assert a["198.51.100.8"] == vi.HIT  # a listed IP:port hits an answer on any port
    assert a["192.0.2.10"] == vi.HIT  # an IPv4-mapped IPv6 range covers IPv4 answers
    assert a["203.0.114.1"] == vi.MISS
    assert a["01.2.3.4"] == vi.MISS  # not an address, and not a listed name
    assert a["2001:db8::66,198.51.100.7"] == vi.HIT  # decided by the IPv4 item
    d = dict(zip(ADDRESSES, _classify(engine, vi.ADDRESS, ADDRESSES).tolist(), strict=True))
    assert d["192.0.2.255"] == vi.HIT and d["192.0.1.255"] == vi.MISS
    assert d["1.2.3.4."] == vi.MISS  # a responder is not trimmed


def test_ipv6_range_over_the_mapped_space_covers_every_ipv4(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("::/0\n", encoding="utf-8")
    eng = MonitorEngine()
    eng.set_indicators(list(iter_indicators([path])))
    values = ["10.0.0.1", "255.255.255.255", "0.0.0.0"]
    assert _classify(eng, vi.ADDRESS, values).tolist() == [vi.HIT] * 3
    assert _duckdb_hits(eng, "dst", values) == {0, 1, 2}


def test_no_indicators_means_no_hits(tmp_path):
    eng = MonitorEngine()
    eng.set_indicators([])
    assert _classify(eng, vi.QUERY, ["a.example", "b"]).tolist() == [vi.MISS, vi.MISS]
    assert _classify(eng, vi.ADDRESS, ["1.2.3.4"]).tolist() == [vi.MISS]
