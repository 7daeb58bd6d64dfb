from __future__ import annotations

import io
from datetime import UTC, datetime

from canhgiac.indicators.feeds.formats import urlhaus
from tests.indicators.feeds.helpers import split


def test_urlhaus_recent_dump(fixtures):
    entries, problems = split(urlhaus.parse(fixtures / "urlhaus/csv_recent.txt"))
    assert [(e.line_no, e.raw) for e in entries] == [
        (10, "http://203.0.113.77:44123/i"),
        (11, "https://hoadon-evn.example.com/HoaDon_T11.zip"),
        (14, "http://198.51.100.33/bins/x86"),
    ]
    first = entries[0]
    assert first.kind_hint == "url"
    assert first.category == "malware_download"
    assert first.first_seen == datetime(2026, 11, 20, 6, 5, 11, tzinfo=UTC)
    assert first.extra["tags"] == ["32-bit", "elf", "mips", "Mozi"]
    assert first.extra["url_status"] == "online"
    assert first.extra["id"] == "9000001"
    assert "tags" not in entries[2].extra  # "None" is URLhaus for no tags
    assert [(p.line_no, p.skipped) for p in problems] == [(12, False), (13, False)]


def test_urlhaus_legacy_layout_without_header():
    row = (
        '"1","2019-01-01 00:00:00","http://a.example/x","offline","malware_download",'
        '"exe","https://urlhaus.abuse.ch/url/1/","r"\n'
    )
    entries, problems = split(urlhaus.parse(io.BytesIO(row.encode())))
    assert [(e.raw, e.category) for e in entries] == [("http://a.example/x", "malware_download")]
    assert entries[0].extra["tags"] == ["exe"]
    assert problems == []
