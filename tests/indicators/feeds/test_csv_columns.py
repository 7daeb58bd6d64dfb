from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds.formats.csv_columns import CsvMapping, parse
from tests.indicators.feeds.helpers import split, values

MAPPING = CsvMapping(
    value="indicator",
    kind="loai",
    category="danh_muc",
    first_seen="ngay_phat_hien",
    extra=("ghi_chu",),
)


def test_csv_fixture_with_header_mapping(fixtures):
    entries, problems = split(parse(fixtures / "csv/feed.csv", MAPPING))
    assert values(entries) == [
        ("tpbank-nangcaphanmuc.com", "domain"),
        ("0987654321", "phone"),
        ("https://viec-lam-online.site/nhiem-vu", "url"),
        ("203.0.113.99", "ip"),
    ]
    assert [e.line_no for e in entries] == [3, 5, 6, 8]
    assert entries[0].category == "phishing_bank"
    assert entries[0].first_seen == datetime(2026, 10, 2, 8, 15, tzinfo=UTC)
    assert entries[1].first_seen == datetime(2026, 10, 5, 3, 0, tzinfo=UTC)
    assert entries[1].extra["ghi_chu"].startswith("Gọi tự xưng công an phường,\nyêu cầu")
    assert '"tạm giữ"' in entries[1].extra["ghi_chu"]
    assert entries[3].first_seen is None  # "not-a-date"
    assert [(p.line_no, p.skipped) for p in problems] == [(7, False)]


def test_csv_by_index_without_header():
    data = b"vay-tien.example.com;gambling\n;x\n203.0.113.3;malware\n"
    mapping = CsvMapping(value=0, category=1, delimiter=";", has_header=False)
    entries, problems = split(parse(io.BytesIO(data), mapping))
    assert [(e.raw, e.category) for e in entries] == [
        ("vay-tien.example.com", "gambling"),
        ("203.0.113.3", "malware"),
    ]
    assert [p.line_no for p in problems] == [2]


def test_csv_unknown_column_is_a_clear_error():
    with pytest.raises(ValidationFailed) as excinfo:
        list(parse(io.BytesIO(b"a,b\n1,2\n"), CsvMapping(value="url")))
    assert "url" in excinfo.value.message


def test_csv_default_category_and_invalid_utf8_line():
    data = b"url\nhttp://a.example/x\n\xff\xfe\nhttp://b.example/y\n"
    entries, problems = split(
        parse(io.BytesIO(data), CsvMapping(value="url", default_category="phishing"))
    )
    assert [e.raw for e in entries] == ["http://a.example/x", "http://b.example/y"]
    assert {e.category for e in entries} == {"phishing"}
    assert [p.line_no for p in problems] == [3]


def test_mapping_from_stored_settings():
    mapping = CsvMapping.from_dict(
        {"value": "url", "category": 3, "extra": ["note"], "delimiter": ";", "has_header": True}
    )
    assert mapping == CsvMapping(value="url", category=3, extra=("note",), delimiter=";")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "csv_mapping.value"),
        ({"value": None}, "csv_mapping.value"),
        ({"value": "url", "colour": "red"}, "csv_mapping.colour"),
        ({"value": -1}, "csv_mapping.value"),
        ({"value": True}, "csv_mapping.value"),
        ({"value": "url", "delimiter": ";;"}, "csv_mapping.delimiter"),
        ({"value": "url", "has_header": "yes"}, "csv_mapping.has_header"),
        ({"value": "url", "extra": "note"}, "csv_mapping.extra"),
        ("url", "csv_mapping"),
    ],
)
def test_mapping_errors_name_the_key(data, field):
    with pytest.raises(ValidationFailed) as excinfo:
        CsvMapping.from_dict(data)
    assert excinfo.value.field == field
