"""Names queried or visited in monitoring logs reach the verification queue: the parser for
every log format, the service, the API and the analysts' upload form."""

from __future__ import annotations

import gzip

import pytest
from fastapi.testclient import TestClient

from canhgiac.accounts import tokens
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.errors import ValidationFailed
from canhgiac.verification import service, sources
from canhgiac.verification.sources import default_source, iter_names, names_in_lines
from canhgiac.web.app import create_app
from tests.monitoring import samples
from tests.web.conftest import bearer, csrf_from

PHISH = "vietcombank-xacminh-taikhoan.xyz"
PHISH_2 = "acb.vn-hotro-khachhang.top"

# A morning of a ward office's resolver: ordinary sites, two phishing names, reverse and local
# look-ups, a bare address, and a line that is not BIND's at all.
BIND_LOG = f"""\
03-Dec-2026 07:00:01.123 queries: info: client @0x7f3a1c 10.20.4.4#53422 (vnexpress.net): query: vnexpress.net IN A +E(0)K (10.0.0.53)
03-Dec-2026 07:00:01.200 queries: info: client @0x7f3a1c 10.20.4.4#53423 ({PHISH}): query: {PHISH} IN A +E(0)K (10.0.0.53)
03-Dec-2026 07:00:01.300 queries: info: client @0x7f3a1c 10.20.4.9#53424 ({PHISH}): query: {PHISH} IN AAAA +E(0)K (10.0.0.53)
03-Dec-2026 07:00:02.000 queries: info: client @0x7f3a1c 10.20.4.5#40000 (dichvucong.gov.vn): query: dichvucong.gov.vn IN A + (10.0.0.53)
03-Dec-2026 07:00:03.000 queries: info: client @0x7f3a1c 10.20.4.6#1234 (4.4.20.10.in-addr.arpa): query: 4.4.20.10.in-addr.arpa IN PTR + (10.0.0.53)
03-Dec-2026 07:00:04.000 queries: info: client @0x7f3a1c 10.20.4.6#1235 (wpad.ubnd.local): query: wpad.ubnd.local IN A + (10.0.0.53)
03-Dec-2026 07:00:05.000 queries: info: client @0x7f3a1c 10.20.4.7#1236 (Login.{PHISH_2.upper()}.): query: Login.{PHISH_2.upper()}. IN A + (10.0.0.53)
03-Dec-2026 07:00:06.000 queries: info: client @0x7f3a1c 10.20.4.8#1237 (203.0.113.5): query: 203.0.113.5 IN A + (10.0.0.53)
03-Dec-2026 07:00:07.000 general: info: zone tinh.gov.vn/IN: loaded serial 2026120301
"""


def test_every_log_format_gives_its_names_once():
    expected = {
        "zeek-dns": {
            "lua-dao-nganhang.com",
            "www.lua-dao-nganhang.com",
            "ok.lua-dao-nganhang.com",
            "www.thongbao-thue.vn",
            "cdn.tinmoi24h.vn",
            "img.tinmoi24h.vn",
            "notbadtld.vn",
            "v6.tinmoi24h.vn",
            "ql12345.pw",
            "abcdefgh.t.app-telemetry.com",
            "xlua-dao-nganhang.com",
            "anything.badtld",
        },
        "bind": {"lua-dao-nganhang.com", "mail.tinmoi24h.vn", "x.y.thongbao-thue.vn"},
        "unbound": {
            "c2.botnet-mien-nam.net",
            "tinmoi24h.vn",
            "sub.c2.botnet-mien-nam.net",
            "nx.tinmoi24h.vn",
            "zz.badtld",
        },
        "dnsmasq": {"thongbao-thue.vn", "tinmoi24h.vn", "api.lua-dao-nganhang.com"},
        "squid": {"phish-kit.example.org", "login.lua-dao-nganhang.com", "tinmoi24h.vn"},
    }
    for fmt, names in expected.items():
        text = {"zeek-dns": samples.ZEEK_DNS}.get(fmt) or getattr(samples, fmt.upper())
        found = list(names_in_lines(text.splitlines(keepends=True), fmt))
        assert set(found) == names, fmt
        assert len(found) == len(set(found)), fmt  # repeated queries are passed on once
    suricata = set(names_in_lines(samples.SURICATA.splitlines(), "suricata"))
    assert {"www.thongbao-thue.vn", "phish-kit.example.org", "login.lua-dao-nganhang.com"} <= (
        suricata
    )


def test_reverse_local_and_address_look_ups_are_left_out():
    names = list(names_in_lines(BIND_LOG.splitlines(), "bind"))
    assert names == [
        "vnexpress.net",
        PHISH,
        "dichvucong.gov.vn",
        f"login.{PHISH_2}",
    ]


def test_distinct_memory_is_bounded_and_the_queue_stays_idempotent(db, monkeypatch):
    monkeypatch.setattr(sources, "LOG_DISTINCT_MEMORY", 2)
    lines = BIND_LOG.splitlines() * 3
    names = list(names_in_lines(lines, "bind"))
    assert len(names) > 4  # memory started afresh, so some names came again
    result = service.enqueue_names(db, load_domain_scorer(), names, source="monitoring")
    queued = {c.name for c in service.list_candidates(db).items}
    assert queued == {PHISH, f"login.{PHISH_2}"}
    assert result.queued == 2 and result.seen_again == result.suspicious - 2


def test_unknown_formats_name_the_field():
    with pytest.raises(ValidationFailed) as err:
        list(names_in_lines(["x"], "zeek-conn"))
    assert err.value.field == "format" and "zeek-dns" in err.value.message
    with pytest.raises(ValidationFailed) as err:
        list(sources.names_in_log_lines(["x"], "list"))
    assert err.value.field == "format"


def test_default_sources():
    assert default_source("bind") == "monitoring"
    assert default_source("ct-jsonl") == "ct"
    assert default_source("list") == "list"


def test_gzipped_log_file_joins_the_queue(db, tmp_path):
    path = tmp_path / "query.log.gz"
    path.write_bytes(gzip.compress(BIND_LOG.encode()))
    result = service.enqueue_names(
        db, load_domain_scorer(), iter_names(path, "bind"), source="monitoring"
    )
    assert result.names == 4 and result.queued == 2
    assert {c.source for c in service.list_candidates(db).items} == {"monitoring"}


def test_api_queues_the_names_of_log_lines(db, factories, settings, test_session_factory):
    app = create_app(settings, session_factory=test_session_factory)
    isp = factories.agency(kind=AgencyKind.TELCO)
    sensor = tokens.create_machine_token(db, agency=isp, name="DNS UBND", scopes=["detect"])
    reader = tokens.create_machine_token(db, agency=isp, name="RPZ", scopes=["blocklists:read"])
    url = "/api/v1/verification/lines"
    body = {"format": "bind", "lines": BIND_LOG.splitlines()}
    with TestClient(app) as client:
        ok = client.post(url, json=body, headers=bearer(sensor.secret))
        assert ok.status_code == 200, ok.text
        assert ok.json()["names"] == 4 and ok.json()["queued"] == 2
        again = client.post(url, json={**body, "source": "dns-ubnd"}, headers=bearer(sensor.secret))
        assert again.json()["seen_again"] == 2 and again.json()["queued"] == 0
        bad = client.post(
            url, json={"format": "zeek-conn", "lines": ["x"]}, headers=bearer(sensor.secret)
        )
        assert bad.status_code == 422 and bad.json()["field"] == "format"
        assert client.post(url, json=body, headers=bearer(reader.secret)).status_code == 403
    listed = service.list_candidates(db).items
    assert {c.name: c.source for c in listed} == {
        PHISH: "monitoring",
        f"login.{PHISH_2}": "monitoring",
    }


def test_analyst_uploads_a_resolver_log_from_the_queue_page(client_factory, db, factories):
    browser = client_factory(factories.user(role=Role.ANALYST))
    page = browser.get("/verification")
    assert 'action="/verification/import"' in page.text and "bind" in page.text
    done = browser.post(
        "/verification/import",
        data={"format": "bind", "source": "", "csrf_token": csrf_from(page.text)},
        files={"names_file": ("query.log.gz", gzip.compress(BIND_LOG.encode()))},
    )
    assert done.status_code == 303
    shown = browser.get("/verification")
    assert (
        PHISH in shown.text and "Đã đọc 4 tên: 2 tên đáng ngờ, 2 tên mới vào hàng đợi" in shown.text
    )
    assert {c.name for c in service.list_candidates(db).items} == {PHISH, f"login.{PHISH_2}"}
    wrong = browser.post(
        "/verification/import",
        data={"format": "netflow", "csrf_token": csrf_from(shown.text)},
        files={"names_file": ("flows.csv", b"time,src\n")},
    )
    assert wrong.status_code == 303
    assert "netflow" in browser.get("/verification").text  # the error names the format
    viewer = client_factory(factories.user(role=Role.VIEWER))
    page = viewer.get("/")
    refused = viewer.post(
        "/verification/import",
        data={"format": "list", "csrf_token": csrf_from(page.text)},
        files={"names_file": ("names.txt", f"{PHISH}\n".encode())},
    )
    assert refused.status_code == 403
