"""RDAP and DNS facts against a local RDAP server and a local DNS server (no internet)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset
import pytest

from canhgiac.detectors.infrastructure import InfrastructureLookup, parse_rdap
from canhgiac.detectors.pages.addresses import AddressPolicy
from canhgiac.detectors.pages.fetch import FetchLimits, PageFetcher
from canhgiac.errors import ValidationFailed

REGISTERED = (datetime.now(UTC) - timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
RDAP = {
    "objectClassName": "domain",
    "ldhName": "VCB-XACMINH.TOP",
    "status": ["client transfer prohibited"],
    "events": [
        {"eventAction": "registration", "eventDate": REGISTERED},
        {"eventAction": "expiration", "eventDate": "2027-11-28T10:00:00Z"},
    ],
    "entities": [
        {"roles": ["registrant"], "handle": "REDACTED"},
        {
            "roles": ["registrar"],
            "handle": "1456",
            "vcardArray": [
                "vcard",
                [["version", {}, "text", "4.0"], ["fn", {}, "text", "NameSilo, LLC"]],
            ],
        },
    ],
    "nameservers": [{"ldhName": "NS1.DNSOWL.COM"}, {"ldhName": "NS2.DNSOWL.COM"}],
}


class _Rdap(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        if self.path == "/domain/vcb-xacminh.top":
            body = json.dumps(RDAP).encode()
        elif self.path == "/domain/huge.top":
            body = b'{"events": [' + b'{"eventAction": "x"},' * 200_000 + b"{}]}"
        elif self.path == "/domain/broken.top":
            body = b"<html>not json"
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rdap+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def rdap_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Rdap)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def dns_port() -> Iterator[int]:
    """Answers for vcb-xacminh.top (A, NS, MX; no AAAA); NXDOMAIN for anything else."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    records = {
        dns.rdatatype.A: ["203.0.113.7"],
        dns.rdatatype.NS: ["ns1.dnsowl.com.", "ns2.dnsowl.com."],
        dns.rdatatype.MX: ["10 mail.vcb-xacminh.top."],
    }
    stop = threading.Event()

    def serve() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                wire, peer = sock.recvfrom(4096)
            except TimeoutError:
                continue
            query = dns.message.from_wire(wire)
            response = dns.message.make_response(query)
            question = query.question[0]
            if question.name.to_text() != "vcb-xacminh.top.":
                response.set_rcode(dns.rcode.NXDOMAIN)
            elif question.rdtype in records:
                response.answer.append(
                    dns.rrset.from_text_list(
                        question.name, 300, "IN", question.rdtype, records[question.rdtype]
                    )
                )
            sock.sendto(response.to_wire(), peer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield sock.getsockname()[1]
    stop.set()
    thread.join()
    sock.close()


def _lookup(rdap_url: str, dns_port: int, **kw: object) -> InfrastructureLookup:
    fetcher = PageFetcher(
        limits=FetchLimits(max_bytes=64 * 1024, total_seconds=5.0),
        policy=AddressPolicy(allow_private=True),  # the local servers: the explicit test setting
    )
    options = {"min_interval": 0.0, "nameservers": ["127.0.0.1"], "dns_port": dns_port, **kw}
    return InfrastructureLookup(fetcher, rdap_base_url=rdap_url, **options)  # type: ignore[arg-type]


def test_registration_and_dns_facts(rdap_url, dns_port):
    facts = _lookup(rdap_url, dns_port).facts("https://login.vcb-xacminh.top/x")
    assert facts.name == "vcb-xacminh.top"
    assert facts.registered == REGISTERED and facts.age_days == 5
    assert facts.expires == "2027-11-28T10:00:00Z"
    assert facts.registrar == "NameSilo, LLC"
    assert facts.status == ["client transfer prohibited"]
    assert facts.nameservers == ["ns1.dnsowl.com", "ns2.dnsowl.com"]
    assert facts.dns == {
        "A": ["203.0.113.7"],
        "AAAA": [],
        "NS": ["ns1.dnsowl.com.", "ns2.dnsowl.com."],
        "MX": ["10 mail.vcb-xacminh.top."],
    }
    assert facts.rdap_error is None and facts.dns_error is None
    assert facts.to_dict()["registrar"] == "NameSilo, LLC"


def test_answers_are_cached_per_registrable_domain_until_they_expire(rdap_url, dns_port):
    now = [1000.0]
    lookup = _lookup(rdap_url, dns_port, clock=lambda: now[0], ttl_seconds=60)
    before = len(_Rdap.hits)
    first = lookup.facts("vcb-xacminh.top")
    assert lookup.facts("www.vcb-xacminh.top") is first
    assert len(_Rdap.hits) == before + 1
    now[0] += 61
    assert lookup.facts("vcb-xacminh.top") is not first
    assert len(_Rdap.hits) == before + 2


def test_rdap_requests_are_spaced_out(rdap_url, dns_port):
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    lookup = _lookup(rdap_url, dns_port, min_interval=2.0, clock=lambda: now[0], sleep=sleep)
    lookup.facts("vcb-xacminh.top")
    now[0] += 0.5
    lookup.facts("unknown-name.top")
    assert slept == [pytest.approx(1.5)]


def test_unknown_hostile_and_unreachable_answers_become_errors(rdap_url, dns_port):
    lookup = _lookup(rdap_url, dns_port)
    missing = lookup.facts("unknown-name.top")
    assert "404" in (missing.rdap_error or "") and missing.dns_error == "NXDOMAIN"
    huge = lookup.facts("huge.top")  # over the fetch cap: cut, not parsed
    assert "truncated" in (huge.rdap_error or "") and huge.registered is None
    broken = lookup.facts("broken.top")
    assert "unreadable" in (broken.rdap_error or "")
    # Nothing listens on port 9 here: offline, both halves fail softly.
    offline = _lookup("http://127.0.0.1:9", 9, dns_lifetime=0.5).facts("vcb-xacminh.top")
    assert offline.rdap_error and offline.dns_error and offline.registered is None


def test_internal_addresses_stay_refused_for_rdap(rdap_url, dns_port):
    fetcher = PageFetcher(limits=FetchLimits(total_seconds=2.0))  # the production policy
    lookup = InfrastructureLookup(
        fetcher, rdap_base_url=rdap_url, nameservers=["127.0.0.1"], dns_port=dns_port
    )
    facts = lookup.facts("vcb-xacminh.top")
    assert facts.rdap_error and facts.registered is None


def test_disabled_and_bad_input(rdap_url, dns_port):
    facts = _lookup(rdap_url, dns_port, enabled=False).facts("vcb-xacminh.top")
    assert "disabled" in (facts.rdap_error or "") and facts.dns == {}
    with pytest.raises(ValidationFailed) as err:
        _lookup(rdap_url, dns_port).facts("xin chào")
    assert err.value.field == "name"


def test_parse_rdap_ignores_odd_shapes():
    assert parse_rdap({"events": "x", "entities": [1, {"roles": ["registrar"]}]}) == {
        "registered": None,
        "expires": None,
        "registrar": None,
        "status": [],
        "nameservers": [],
    }
    with pytest.raises(ValueError):
        parse_rdap([])
