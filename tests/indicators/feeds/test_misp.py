from __future__ import annotations

from datetime import UTC, datetime

from canhgiac.indicators.feeds import FeedStats
from canhgiac.indicators.feeds.formats import misp
from tests.indicators.feeds.helpers import split, values

EVN_EVENT = "5f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c.json"


def test_misp_feed_folder(fixtures):
    entries, problems = split(misp.parse(fixtures / "misp"))
    assert values(entries) == [
        ("evn-thanhtoan.example.com", "domain"),
        ("https://evn-thanhtoan.example.com/app/EVNCSKH.apk", "url"),
        ("+84 24 7300 0000", "phone"),
        ("cdn-evn.example.net", "domain"),
        ("203.0.113.66", "ip"),
        ("0011004455667", "bank_account"),
        ("198.51.100.88", "ip"),
        ("192.0.2.0/28", "cidr"),
    ]
    domain = entries[0]
    assert domain.file == EVN_EVENT
    assert domain.category == "Network activity"
    assert domain.family == "SpyNote"
    assert domain.first_seen == datetime.fromtimestamp(1762761600, tz=UTC)
    assert domain.extra["to_ids"] is True
    assert domain.extra["tlp"] == "green"
    assert domain.extra["event_info"].startswith("Chiến dịch SMS giả mạo EVN")
    assert domain.extra["comment"] == "Tên miền trong tin nhắn"
    assert entries[2].extra["to_ids"] is False
    assert entries[5].first_seen == datetime(2026, 11, 9, 5, 0, tzinfo=UTC)  # object attribute
    assert entries[6].extra["port"] == 6881
    assert entries[6].first_seen == datetime(2026, 11, 12, tzinfo=UTC)  # event date fallback
    assert all(e.raw != "da-xoa.example.com" for e in entries)  # deleted attribute
    summary = [(p.file, p.line_no, p.skipped) for p in problems]
    assert summary == [
        (EVN_EVENT, 4, True),  # sha256: not an indicator kind we store
        (EVN_EVENT, 7, False),  # bad port
        (EVN_EVENT, 8, False),  # empty value
        ("7b3e4c5d-2f6a-4b7c-8d8e-9f0a1b2c3d4e.json", 0, False),  # listed but missing
    ]
    # The "../../../etc/passwd" manifest key is ignored, never opened.


def test_misp_single_event_file_and_counts(fixtures):
    stats = FeedStats()
    for item in misp.parse(fixtures / "misp" / EVN_EVENT):
        stats.add(item)
    assert (stats.entries, stats.malformed, stats.skipped) == (6, 2, 1)
    assert any("sha256" in reason for reason in stats.skipped_reasons)


def test_misp_without_manifest_and_with_broken_files(tmp_path):
    (tmp_path / "a.json").write_text(
        '{"Event": {"Attribute": [{"type": "hostname", "value": "x.example.vn"}]}}'
    )
    (tmp_path / "b.json").write_text("{not json")
    (tmp_path / "c.json").write_text('{"NotEvent": {}}')
    entries, problems = split(misp.parse(tmp_path))
    assert values(entries) == [("x.example.vn", "domain")]
    assert [(p.file, "Event" in p.reason or "unreadable" in p.reason) for p in problems] == [
        ("b.json", True),
        ("c.json", True),
    ]


def test_misp_bad_manifest(tmp_path):
    (tmp_path / "manifest.json").write_text("[1, 2]")
    entries, problems = split(misp.parse(tmp_path))
    assert entries == [] and len(problems) == 1 and problems[0].file == "manifest.json"
