from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest

from canhgiac.indicators.feeds.formats import stix
from canhgiac.indicators.feeds.formats.stix import pattern_values
from tests.indicators.feeds.helpers import split, values


def test_stix_bundle(fixtures):
    entries, problems = split(stix.parse(fixtures / "stix/bundle.json"))
    assert values(entries) == [
        ("vneid-capnhat.example.com", "domain"),
        ("http://bhxh-hotro.example.net/nhan-tien?ma=1'2", "url"),
        ("203.0.113.5", "ip"),
        ("198.51.100.0/24", "cidr"),
        ("a.example.com", "domain"),
        ("b.example.com", "domain"),
    ]
    first = entries[0]
    assert first.line_no == 2  # ordinal of the object in the bundle
    assert first.category == "malicious-activity"
    assert first.first_seen == datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    assert first.extra["stix_id"] == "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"
    assert first.extra["name"] == "Trang giả mạo VNeID"
    assert "pattern" in entries[1].extra  # several observables: the pattern is kept
    assert [(p.line_no, p.skipped) for p in problems] == [(4, True), (5, True), (6, False)]


def test_fixture_is_valid_stix_apart_from_the_deliberately_broken_pattern(fixtures):
    stix2 = pytest.importorskip("stix2")
    bundle = json.loads((fixtures / "stix/bundle.json").read_text(encoding="utf-8"))
    invalid = []
    for obj in bundle["objects"]:
        try:
            stix2.parse(obj, allow_custom=False)
        except stix2.exceptions.STIXError:
            invalid.append(obj["id"])
    assert invalid == ["indicator--4e1d9f4b-5c3b-4d88-8a6f-6c1b7b8d9e0f"]


@pytest.mark.parametrize(
    ("pattern", "found"),
    [
        ("[domain-name:value = 'a.vn']", [("domain", "a.vn")]),
        ("[ipv6-addr:value = '2001:db8::/32']", [("cidr", "2001:db8::/32")]),
        ("[email-addr:value = 'x@a.vn'] FOLLOWEDBY [url:value = 'http://a.vn/']", [("email", "x@a.vn"), ("url", "http://a.vn/")]),
        ("[email-message:from_ref.value = 'cskh@a.vn']", [("email", "cskh@a.vn")]),
        ("[domain-name:value LIKE '%.vn']", []),
        ("[domain-name:value NOT = 'a.vn']", []),
        ("[domain-name:value != 'a.vn']", []),
        ("[file:name = 'a.exe']", []),
    ],
)  # fmt: skip
def test_pattern_values(pattern, found):
    assert pattern_values(pattern)[0] == found


def test_revoked_and_bare_object_array():
    objects = [
        {"type": "indicator", "pattern": "[domain-name:value = 'a.vn']", "revoked": True},
        {"type": "indicator", "pattern": "[domain-name:value = 'b.vn']"},
        {"type": "indicator"},
    ]
    entries, problems = split(stix.parse(io.BytesIO(json.dumps(objects).encode())))
    assert values(entries) == [("b.vn", "domain")]
    assert [(p.line_no, p.skipped) for p in problems] == [(3, False)]
