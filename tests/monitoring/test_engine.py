from __future__ import annotations

from pathlib import Path

import pytest

from canhgiac.monitoring.engine import MonitorEngine
from canhgiac.monitoring.indicators import iter_indicators
from canhgiac.monitoring.logfiles import open_text
from canhgiac.monitoring.reference import ReferenceMatcher
from canhgiac.monitoring.sources import SourceStats, parse_lines
from tests.monitoring import samples


def engine_alerts(result) -> dict:
    rows = result.alerts().project("src, ind_id, hits, first_seen, last_seen").fetchall()
    return {(s, int(i)): (int(h), first, last) for s, i, h, first, last in rows}


def reference_for(paths, fmt, indicators, allow=(), scoped=()):
    ref = ReferenceMatcher(indicators, allow, scoped)
    stats = SourceStats()
    events = []
    for p in paths:
        with open_text(p) as fh:
            events += list(parse_lines(fh, fmt, stats))
    return ref.run(events), stats


def ref_alerts(res):
    return {k: (a.hits, a.first_seen, a.last_seen) for k, a in res.alerts.items()}


@pytest.fixture
def lists(tmp_path: Path):
    return samples.write_lists(tmp_path)


# DuckDB reads Zeek TSV itself (with or without the pre-filter); every other format goes
# through the line parsers whatever the mode, so one mode covers it.
CASES = [
    (key, mode)
    for key in sorted(samples.ALL_FORMATS)
    for mode in (
        ("fast", "python", "fast-v4-cidrs") if key in ("zeek-dns", "zeek-conn") else ("fast",)
    )
]


@pytest.mark.parametrize(("key", "mode"), CASES)
def test_engine_agrees_with_reference_every_format(tmp_path, lists, key, mode):
    ind_path, allow_path = lists
    if mode == "fast-v4-cidrs":  # IPv4 ranges only
        ind_path.write_text(samples.INDICATORS.replace("2001:db8:dead::/48\n", ""), "utf-8")
    fast = mode != "python"
    log = samples.write(tmp_path, key, gz=key == "squid")
    fmt = samples.FORMAT_OF[key]
    indicators = list(iter_indicators([ind_path]))
    allow = list(iter_indicators([allow_path]))
    eng = MonitorEngine()
    eng.set_indicators(indicators)
    eng.add_allow_entries(allow)
    res = eng.scan([log], fmt="auto", fast=fast)
    assert res.sources.lines > 0
    assert res.sources.formats[str(log)] == fmt
    ref, stats = reference_for([log], fmt, indicators, allow)
    assert engine_alerts(res) == ref_alerts(ref)
    summary = res.summary()
    assert summary["matched_lines"] == ref.matched_lines
    assert summary["lines"] == stats.lines
    assert summary["malformed"] == stats.malformed
    expected = ref.summary(indicators)
    expected["lines"] += stats.malformed  # the reference sees only the parsed events
    assert {k: summary[k] for k in ("lines", "matched_lines", "hosts", "alerts")} == expected
    assert summary["alerts"] > 0


def _pairs(result) -> set[tuple[str, str]]:
    return set(result.alerts().project("src, indicator").fetchall())


def test_zeek_dns_expected_hits(tmp_path, lists):
    ind_path, allow_path = lists
    eng = MonitorEngine()
    eng.load_indicators([ind_path])
    eng.add_allow([allow_path])
    res = eng.scan([samples.write(tmp_path, "zeek-dns")])
    pairs = _pairs(res)
    assert ("10.20.1.5", "lua-dao-nganhang.com") in pairs  # exact + sub-domain, trailing dot
    assert ("10.20.1.6", "thongbao-thue.vn") in pairs  # upper-case query
    assert ("10.20.1.7", "198.51.100.66") in pairs  # answer address
    assert ("10.20.1.7", "c2.botnet-mien-nam.net") in pairs  # CNAME in answers
    assert ("10.30.2.8", "badtld") in pairs  # suffix indicator ".badtld"
    assert ("10.30.2.8", "192.0.2.0/24") in pairs  # CIDR on an answer
    assert ("2001:db8:20::5", "2001:db8:dead::/48") in pairs  # IPv6 CIDR
    # allow-listed sub-domain and address; look-alike name; regex trail is skipped
    srcs = {s for s, _ in pairs}
    assert "10.30.2.9" not in srcs
    assert ("10.30.2.8", "192.0.2.0/24") in pairs
    lua = res.alerts().filter("src = '10.20.1.5' AND indicator = 'lua-dao-nganhang.com'")
    assert lua.project("hits").fetchall() == [(2,)]  # ok.lua-dao… allowed, xlua… not a match
    s = res.summary()
    assert s["malformed"] == 1
    assert s["lines"] == 13


def test_conn_ports_and_ipv6(tmp_path, lists):
    ind_path, allow_path = lists
    eng = MonitorEngine()
    eng.load_indicators([ind_path])
    eng.add_allow([allow_path])
    pairs = _pairs(eng.scan([samples.write(tmp_path, "zeek-conn")]))
    assert ("10.20.1.5", "203.0.113.7:4444") in pairs
    assert ("10.20.1.6", "198.51.100.66") in pairs
    assert ("10.20.1.6", "192.0.2.0/24") in pairs
    assert ("2001:db8:20::7", "[2001:db8:bad::1]:53") in pairs
    hits = dict(
        eng.con.execute(
            "SELECT src, sum(hits) FROM alerts WHERE src IN ('10.20.1.5', '2001:db8:20::7') "
            "GROUP BY src"
        ).fetchall()
    )
    assert hits == {"10.20.1.5": 1, "2001:db8:20::7": 1}  # other ports do not match
    assert not any(src == "10.30.1.1" for src, _ in pairs)  # 192.0.2.200 is allow-listed


def test_scoped_allow_only_for_its_sources(tmp_path, lists):
    ind_path, _ = lists
    indicators = list(iter_indicators([ind_path]))
    allow_entries = list(iter_indicators([_write(tmp_path, "a.txt", "thongbao-thue.vn\n")]))
    eng = MonitorEngine()
    eng.set_indicators(indicators)
    eng.add_allow_entries(allow_entries, scope=["10.20.7.0/24"])
    log = samples.write(tmp_path, "suricata")
    res = eng.scan([log])
    pairs = _pairs(res)
    assert not any(i == "thongbao-thue.vn" for _, i in pairs)
    ref, _ = reference_for([log], "suricata", indicators, (), [(["10.20.7.0/24"], allow_entries)])
    assert engine_alerts(res) == ref_alerts(ref)
    # The same entry scoped to another agency changes nothing here.
    eng2 = MonitorEngine()
    eng2.set_indicators(indicators)
    eng2.add_allow_entries(allow_entries, scope=["10.99.0.0/16"])
    assert ("10.20.7.7", "thongbao-thue.vn") in _pairs(eng2.scan([log]))


def test_urls_match_proxy_requests(tmp_path, lists):
    ind_path, _ = lists
    eng = MonitorEngine()
    eng.load_indicators([ind_path])
    pairs = _pairs(eng.scan([samples.write(tmp_path, "squid")]))
    assert ("10.20.8.8", "phish-kit.example.org/dang-nhap/vcb.php") in pairs
    assert not any(s == "10.20.8.10" for s, _ in pairs)  # other page on that host
    assert ("10.20.8.11", "198.51.100.66") in pairs  # request to a listed address
    assert ("10.20.8.12", "/wp-admin/sao-ke.php") in pairs  # path-only, any host, any case
    assert ("10.20.8.9", "lua-dao-nganhang.com") in pairs  # CONNECT host


def test_several_files_and_rescan(tmp_path, lists):
    ind_path, _ = lists
    eng = MonitorEngine()
    eng.load_indicators([ind_path])
    a = samples.write(tmp_path, "zeek-dns")
    b = samples.write(tmp_path, "zeek-conn")
    both = eng.scan([a, b]).summary()
    one = eng.scan([a]).summary()
    other = eng.scan([b]).summary()
    assert both["lines"] == one["lines"] + other["lines"]
    assert both["matched_lines"] == one["matched_lines"] + other["matched_lines"]


def _write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return p
