from __future__ import annotations

import io
from datetime import UTC, datetime

from canhgiac.indicators.feeds.formats import chongluadao
from tests.indicators.feeds.helpers import split, values


def test_chongluadao_list(fixtures):
    entries, problems = split(chongluadao.parse(fixtures / "chongluadao/blacklist.json"))
    assert values(entries) == [
        ("vietcombank-hotro.example.com", "domain"),
        ("www.taixiu-doithuong.example.net", "domain"),
        ("http://vay-tien-nhanh.example.org/dang-ky?ref=fb", "url"),
        ("nhan-qua-tri-an.example.com", "domain"),
        ("cskh-shopee.example.com", "domain"),
    ]
    first = entries[0]
    assert first.extra["wildcard"] is True
    assert first.extra["listed_as"] == "https://*.vietcombank-hotro.example.com/*"
    assert first.extra["meta"] == "Giả mạo Vietcombank"
    assert first.category == "scam"
    assert first.first_seen == datetime(2026, 9, 1, 3, 0, tzinfo=UTC)
    assert entries[1].first_seen == datetime(2025, 9, 2, tzinfo=UTC)  # epoch milliseconds
    assert entries[1].category == "gambling"
    assert [(p.line_no, p.skipped) for p in problems] == [(4, False), (6, False)]


def test_chongluadao_wrapped_in_data_object():
    doc = b'{"total": 1, "data": [{"url": "https://lua-dao.example.vn/"}]}'
    entries, problems = split(chongluadao.parse(io.BytesIO(doc), category="scam"))
    assert values(entries) == [("lua-dao.example.vn", "domain")]
    assert entries[0].category == "scam"
    assert problems == []


def test_chongluadao_truncated_document_keeps_earlier_items():
    doc = b'[{"url": "https://a.example.vn/"}, {"url": "https://b.exa'
    entries, problems = split(chongluadao.parse(io.BytesIO(doc)))
    assert [e.raw for e in entries] == ["a.example.vn"]
    assert len(problems) == 1 and problems[0].line_no == 2
