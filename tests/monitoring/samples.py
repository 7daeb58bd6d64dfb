"""Hand-made logs in every supported format and a small indicator list (written for tests).

Hosts are in 10.20.0.0/16 (Sở Tài chính), 10.30.0.0/16 (UBND huyện) and 2001:db8:20::/48.
"""

from __future__ import annotations

import gzip
from pathlib import Path

INDICATORS = """\
# Danh sách chỉ dấu thử nghiệm / test indicators
lua-dao-nganhang.com
thongbao-thue.vn   # giả mạo thông báo thuế
.badtld
c2.botnet-mien-nam.net
198.51.100.66
203.0.113.7:4444
[2001:db8:bad::1]:53
192.0.2.0/24
2001:db8:dead::/48
http://phish-kit.example.org/dang-nhap/vcb.php
/wp-admin/sao-ke.php
q(l|r)[0-9]{5,6}\\.pw
"""

ALLOW = """\
ok.lua-dao-nganhang.com
192.0.2.200
"""

ZEEK_DNS_FIELDS = [
    "ts",
    "uid",
    "id.orig_h",
    "id.orig_p",
    "id.resp_h",
    "id.resp_p",
    "proto",
    "trans_id",
    "rtt",
    "query",
    "qclass",
    "qclass_name",
    "qtype",
    "qtype_name",
    "rcode",
    "rcode_name",
    "AA",
    "TC",
    "RD",
    "RA",
    "Z",
    "answers",
    "TTLs",
    "rejected",
]


def _zeek_header(path: str, fields: list[str]) -> str:
    return (
        "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n"
        f"#path\t{path}\n#open\t2026-05-01-00-00-00\n#fields\t" + "\t".join(fields) + "\n"
        "#types\t" + "\t".join("string" for _ in fields) + "\n"
    )


def _dns_row(ts: str, src: str, query: str, answers: str, rcode: str = "NOERROR") -> str:
    vals = [ts, "Cabc", src, "50000", "10.0.0.53", "53", "udp", "1", "0.001", query, "1",
            "C_INTERNET", "1", "A", "0", rcode, "F", "F", "T", "T", "0", answers, "300.0", "F"]  # fmt: skip
    return "\t".join(vals) + "\n"


ZEEK_DNS = (
    _zeek_header("dns", ZEEK_DNS_FIELDS)
    + _dns_row("1777593600.1", "10.20.1.5", "lua-dao-nganhang.com", "198.51.100.10")
    + _dns_row("1777593601.2", "10.20.1.5", "www.lua-dao-nganhang.com.", "198.51.100.10")
    + _dns_row("1777593602.3", "10.20.1.5", "ok.lua-dao-nganhang.com", "198.51.100.10")
    + _dns_row("1777593603.4", "10.20.1.6", "WWW.THONGBAO-THUE.VN", "-")
    + _dns_row("1777593604.5", "10.20.1.7", "cdn.tinmoi24h.vn", "203.113.1.1,198.51.100.66")
    + _dns_row(
        "1777593605.6", "10.20.1.7", "img.tinmoi24h.vn", "edge.x.c2.botnet-mien-nam.net,203.113.1.2"
    )
    + _dns_row("1777593606.7", "10.30.2.8", "anything.badtld", "192.0.2.15")
    + _dns_row("1777593607.8", "10.30.2.8", "notbadtld.vn", "192.0.2.200")
    + _dns_row("1777593608.9", "2001:db8:20::5", "v6.tinmoi24h.vn", "2001:db8:dead::42")
    + _dns_row("1777593609.0", "10.30.2.9", "ql12345.pw", "(empty)")
    + _dns_row("1777593610.0", "10.30.2.9", "abcdefgh.t.app-telemetry.com", "-", "NXDOMAIN")
    + "this line is broken\tonly two columns\n"
    + _dns_row("1777593611.0", "10.20.1.5", "xlua-dao-nganhang.com", "203.113.9.9")
    + "#close\t2026-05-01-06-00-00\n"
)

CONN_FIELDS = [
    "ts",
    "uid",
    "id.orig_h",
    "id.orig_p",
    "id.resp_h",
    "id.resp_p",
    "proto",
    "service",
    "duration",
    "orig_bytes",
    "resp_bytes",
    "conn_state",
]


def _conn_row(ts: str, src: str, dst: str, port: str) -> str:
    return (
        "\t".join([ts, "Cx", src, "51000", dst, port, "tcp", "-", "1.0", "100", "200", "SF"]) + "\n"
    )


ZEEK_CONN = (
    _zeek_header("conn", CONN_FIELDS)
    + _conn_row("1777593600.5", "10.20.1.5", "203.0.113.7", "4444")
    + _conn_row("1777593601.5", "10.20.1.5", "203.0.113.7", "443")
    + _conn_row("1777593602.5", "10.20.1.6", "198.51.100.66", "80")
    + _conn_row("1777593603.5", "10.20.1.6", "192.0.2.77", "8080")
    + _conn_row("1777593604.5", "10.30.1.1", "192.0.2.200", "443")
    + _conn_row("1777593605.5", "2001:db8:20::7", "2001:db8:bad::1", "53")
    + _conn_row("1777593606.5", "2001:db8:20::7", "2001:db8:bad::1", "80")
    + _conn_row("1777593607.5", "10.20.1.8", "8.8.8.8", "53")
)

ZEEK_DNS_JSON = (
    "\n".join(
        [
            '{"ts":1777593600.25,"uid":"C1","id.orig_h":"10.20.3.3","id.orig_p":5353,'
            '"id.resp_h":"10.0.0.53","id.resp_p":53,"query":"api.thongbao-thue.vn",'
            '"rcode_name":"NOERROR","answers":["198.51.100.66"]}',
            '{"ts":"2026-05-01T00:00:05.000000Z","uid":"C2","id.orig_h":"10.20.3.4",'
            '"id.orig_p":5353,"id.resp_h":"10.0.0.53","id.resp_p":53,"query":"tinmoi24h.vn",'
            '"answers":["203.113.1.1"]}',
            "{not json",
        ]
    )
    + "\n"
)

BIND = """\
01-May-2026 07:00:01.123 queries: info: client @0x7f3a1c 10.20.4.4#53422 (lua-dao-nganhang.com): query: lua-dao-nganhang.com IN A +E(0)K (10.0.0.53)
01-May-2026 07:00:02.456 client 10.20.4.5#40000 (mail.tinmoi24h.vn): query: mail.tinmoi24h.vn IN MX + (10.0.0.53)
01-May-2026 07:00:03.789 client @0x7f3a1c 10.20.4.6#1234 (x.y.thongbao-thue.vn): view internal: query: x.y.thongbao-thue.vn IN AAAA -E(0) (10.0.0.53)
01-May-2026 07:00:04.000 client garbage query: ???
01-May-2026 07:00:05.000 general: info: zone tinh.gov.vn/IN: loaded serial 2026050101
"""

UNBOUND = """\
[1777593600] unbound[812:0] info: 10.20.5.5 c2.botnet-mien-nam.net. A IN
[1777593601] unbound[812:0] info: 10.20.5.6 tinmoi24h.vn. AAAA IN
[1777593602] unbound[812:0] info: 10.20.5.7 sub.c2.botnet-mien-nam.net. A IN NOERROR 0.000000 0 45
[1777593603] unbound[812:0] info: 10.20.5.8 nx.tinmoi24h.vn. A IN NXDOMAIN 0.000000 0 45
[1777593604] unbound[812:0] info: start of service (unbound 1.17.1).
May  1 07:00:05 ns1 unbound: [812:0] info: 10.20.5.9 zz.badtld. A IN
"""

DNSMASQ = """\
May  1 07:00:01 gw dnsmasq[901]: query[A] thongbao-thue.vn from 10.30.6.6
May  1 07:00:01 gw dnsmasq[901]: forwarded thongbao-thue.vn to 8.8.8.8
May  1 07:00:01 gw dnsmasq[901]: reply thongbao-thue.vn is 198.51.100.20
May  1 07:00:02 gw dnsmasq[901]: query[A] tinmoi24h.vn from 10.30.6.7
May  1 07:00:02 gw dnsmasq[901]: reply tinmoi24h.vn is 192.0.2.33
May  1 07:00:03 gw dnsmasq[901]: 17 10.30.6.8/41000 query[AAAA] api.lua-dao-nganhang.com from 10.30.6.8
May  1 07:00:03 gw dnsmasq[901]: 17 10.30.6.8/41000 reply api.lua-dao-nganhang.com is NXDOMAIN
May  1 07:00:04 gw dnsmasq[901]: query[A] broken
May  1 07:00:05 gw dnsmasq[901]: reply orphan.vn is 1.2.3.4
"""

SURICATA = (
    "\n".join(
        [
            '{"timestamp":"2026-05-01T07:00:01.000000+0700","event_type":"dns","src_ip":"10.20.7.7",'
            '"src_port":5000,"dest_ip":"10.0.0.53","dest_port":53,"proto":"UDP","dns":{"type":"query",'
            '"id":1,"rrname":"www.thongbao-thue.vn","rrtype":"A"}}',
            '{"timestamp":"2026-05-01T07:00:01.100000+0700","event_type":"dns","src_ip":"10.0.0.53",'
            '"src_port":53,"dest_ip":"10.20.7.8","dest_port":5001,"proto":"UDP","dns":{"version":2,'
            '"type":"answer","id":2,"rrname":"tinmoi24h.vn","rcode":"NOERROR","answers":[{"rrname":'
            '"tinmoi24h.vn","rrtype":"A","rdata":"198.51.100.66"}]}}',
            '{"timestamp":"2026-05-01T07:00:02.000000+0700","event_type":"http","src_ip":"10.20.7.9",'
            '"src_port":5002,"dest_ip":"93.184.216.34","dest_port":80,"proto":"TCP","http":{"hostname":'
            '"phish-kit.example.org","url":"/dang-nhap/vcb.php?u=1","http_method":"GET"}}',
            '{"timestamp":"2026-05-01T07:00:03.000000+0700","event_type":"http","src_ip":"10.20.7.9",'
            '"src_port":5003,"dest_ip":"93.184.216.35","dest_port":80,"proto":"TCP","http":{"hostname":'
            '"blog.tinmoi24h.vn","url":"/wp-admin/sao-ke.php/step2","http_method":"POST"}}',
            '{"timestamp":"2026-05-01T07:00:04.000000+0700","event_type":"tls","src_ip":"10.20.7.10",'
            '"src_port":5004,"dest_ip":"93.184.216.36","dest_port":443,"proto":"TCP","tls":{"sni":'
            '"login.lua-dao-nganhang.com","version":"TLS 1.3"}}',
            '{"timestamp":"2026-05-01T07:00:05.000000+0700","event_type":"flow","src_ip":"10.20.7.11",'
            '"src_port":5005,"dest_ip":"203.0.113.7","dest_port":4444,"proto":"TCP","flow":{}}',
            '{"timestamp":"2026-05-01T07:00:06.000000+0700","event_type":"stats","stats":{}}',
            '{"timestamp":"2026-05-01T07:00:07.000000+0700","event_type":"dns","dns":{}}',
        ]
    )
    + "\n"
)

SQUID = """\
1777593600.123     45 10.20.8.8 TCP_MISS/200 1234 GET http://phish-kit.example.org/dang-nhap/vcb.php - HIER_DIRECT/93.184.216.34 text/html
1777593601.123     12 10.20.8.9 TCP_TUNNEL/200 5000 CONNECT login.lua-dao-nganhang.com:443 - HIER_DIRECT/93.184.216.36 -
1777593602.123     30 10.20.8.10 TCP_MISS/200 999 GET http://phish-kit.example.org/dang-nhap/khac.php - HIER_DIRECT/93.184.216.34 text/html
1777593603.123     30 10.20.8.11 TCP_MISS/404 100 GET http://198.51.100.66/x.exe - HIER_DIRECT/198.51.100.66 -
1777593604.123     30 10.20.8.12 TCP_MISS/200 100 GET http://tinmoi24h.vn/WP-ADMIN/sao-ke.php - HIER_DIRECT/203.113.1.1 -
not a squid line at all
"""

NETFLOW_CSV = """\
time,src,dst,port,bytes
2026-05-01T07:00:00Z,10.30.9.9,203.0.113.7,4444,1200
1777593601,10.30.9.10,192.0.2.99,25,300
1777593602,10.30.9.11,198.51.100.66,443,50
1777593603,10.30.9.12,8.8.4.4,53,60
1777593604,not-an-ip,8.8.4.4,53,60
"""

ALL_FORMATS: dict[str, tuple[str, str]] = {
    "zeek-dns": ("dns.log", ZEEK_DNS),
    "zeek-conn": ("conn.log", ZEEK_CONN),
    "zeek-dns-json": ("dns.json", ZEEK_DNS_JSON),
    "bind": ("query.log", BIND),
    "unbound": ("unbound.log", UNBOUND),
    "dnsmasq": ("dnsmasq.log", DNSMASQ),
    "suricata": ("eve.json", SURICATA),
    "squid": ("access.log", SQUID),
    "csv": ("flows.csv", NETFLOW_CSV),
}

FORMAT_OF = {k: ("zeek-dns" if k == "zeek-dns-json" else k) for k in ALL_FORMATS}


def write(tmp: Path, key: str, *, gz: bool = False) -> Path:
    name, text = ALL_FORMATS[key]
    path = tmp / (name + (".gz" if gz else ""))
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def write_lists(tmp: Path) -> tuple[Path, Path]:
    ind = tmp / "chi-dau.txt"
    ind.write_text(INDICATORS, encoding="utf-8")
    allow = tmp / "cho-phep.txt"
    allow.write_text(ALLOW, encoding="utf-8")
    return ind, allow
