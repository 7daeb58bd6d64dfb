from __future__ import annotations

import pytest

from canhgiac.monitoring.detect import detect_format, detect_lines
from canhgiac.monitoring.indicators import parse_indicator
from canhgiac.monitoring.parsers import make_parser
from canhgiac.monitoring.parsers.base import Event, MalformedLine
from canhgiac.monitoring.sources import SourceStats, parse_lines
from tests.monitoring import samples


def _events(key: str) -> tuple[list[Event], SourceStats]:
    stats = SourceStats()
    text = samples.ALL_FORMATS[key][1]
    return list(parse_lines(text.splitlines(keepends=True), samples.FORMAT_OF[key], stats)), stats


@pytest.mark.parametrize("key", sorted(samples.ALL_FORMATS))
def test_detect_every_format(tmp_path, key):
    path = samples.write(tmp_path, key, gz=True)
    assert detect_format(path) == samples.FORMAT_OF[key]


def test_detect_unknown():
    assert detect_lines(["xin chào", "không phải nhật ký"]) is None


def test_bind():
    evs, stats = _events("bind")
    assert [e.name for e in evs] == [
        "lua-dao-nganhang.com",
        "mail.tinmoi24h.vn",
        "x.y.thongbao-thue.vn",
    ]
    assert evs[0].src == "10.20.4.4" and evs[0].dst == "10.0.0.53"
    assert evs[0].ts == pytest.approx(1777618801.123)
    assert stats.malformed == 1


def test_unbound():
    evs, stats = _events("unbound")
    assert [e.name for e in evs] == [
        "c2.botnet-mien-nam.net", "tinmoi24h.vn", "sub.c2.botnet-mien-nam.net",
        "nx.tinmoi24h.vn", "zz.badtld",
    ]  # fmt: skip
    assert evs[3].rcode == "NXDOMAIN"
    assert evs[0].ts == 1777593600.0
    assert stats.malformed == 0


def test_dnsmasq_credits_replies_to_the_asker():
    evs, stats = _events("dnsmasq")
    replies = [e for e in evs if e.answers or e.rcode]
    assert [(e.src, e.answers, e.rcode) for e in replies] == [
        ("10.30.6.6", "198.51.100.20", None),
        ("10.30.6.7", "192.0.2.33", None),
        ("10.30.6.8", None, "NXDOMAIN"),
    ]
    assert stats.malformed == 1


def test_suricata_event_types():
    evs, stats = _events("suricata")
    assert len(evs) == 6
    answer = evs[1]
    assert answer.src == "10.20.7.8" and answer.answers == "198.51.100.66"  # client is dest_ip
    assert evs[2].url == "phish-kit.example.org/dang-nhap/vcb.php"
    assert evs[4].name == "login.lua-dao-nganhang.com"
    assert (evs[5].dst, evs[5].dport) == ("203.0.113.7", 4444)
    assert stats.malformed == 1  # dns event without addresses; stats is not a record
    assert stats.skipped == 1


def test_squid_and_csv():
    evs, stats = _events("squid")
    assert evs[1].name == "login.lua-dao-nganhang.com" and evs[1].dport == 443
    assert evs[3].name is None and evs[3].dst == "198.51.100.66"
    assert evs[4].url == "tinmoi24h.vn/wp-admin/sao-ke.php"
    assert stats.malformed == 1
    evs, stats = _events("csv")
    assert (evs[0].src, evs[0].dst, evs[0].dport) == ("10.30.9.9", "203.0.113.7", 4444)
    assert evs[0].ts == 1777618800.0
    assert stats.malformed == 1


def test_zeek_json_and_tsv():
    evs, stats = _events("zeek-dns-json")
    assert [e.name for e in evs] == ["api.thongbao-thue.vn", "tinmoi24h.vn"]
    assert stats.malformed == 1
    evs, stats = _events("zeek-dns")
    assert evs[1].name == "www.lua-dao-nganhang.com"
    assert evs[3].name == "www.thongbao-thue.vn" and evs[3].answers is None
    assert stats.malformed == 1
    with pytest.raises(MalformedLine):
        make_parser("zeek-conn").parse("1.0\tC\t10.0.0.1\n")  # before any header


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Evil.COM  # note", "domain", "evil.com"),
        (".cc", "domain", "cc"),
        ("1.2.3.4", "ip", "1.2.3.4"),
        ("1.2.3.4:8080", "ip", "1.2.3.4:8080"),
        ("[fe80::1]:135", "ip", "[fe80::1]:135"),
        ("2001:db8::1", "ip", "2001:db8::1"),
        ("10.0.0.0/8", "cidr", "10.0.0.0/8"),
        ("https://a.example/x/Y.php?q=1", "url", "a.example/x/y.php"),
        ("/wp/admin//", "url", "/wp/admin"),
        ("http://158.69.57.135", "ip", "158.69.57.135"),
        ("host.example:443/p/q.php", "url", "host.example/p/q.php"),
    ],
)
def test_parse_indicator_shapes(line, kind, value):
    ind = parse_indicator(line)
    assert not isinstance(ind, str) and ind is not None
    assert (ind.kind, ind.value) == (kind, value)


def test_parse_indicator_skips():
    assert parse_indicator("# comment") is None
    assert parse_indicator("   ") is None
    assert parse_indicator(r"q(l|r)[0-9]{5,6}\.pw") == "regex"
    assert parse_indicator("161.35.41.9:53:53") == "invalid"
    assert parse_indicator("1.2.3.4:99999") == "invalid"
