from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from canhgiac.indicators.feeds import FeedEntry, FeedStats
from canhgiac.indicators.feeds.formats import plain
from tests.datasets_path import require_dataset
from tests.indicators.feeds.helpers import split, values


def test_plain_list_fixture(fixtures):
    entries, problems = split(plain.parse(fixtures / "plain/list.txt", category="phishing"))
    assert values(entries) == [
        ("vietcombank-xacthuc.top", "domain"),
        ("dichvucong-hoanthue.online", "domain"),
        ("203.0.113.45", "ip"),
        ("198.51.100.7", "ip"),
        ("http://shopee-hoantien.click/nhan-qua?id=7731#top", "url"),
        ("hxxp://evnhanoi-thanhtoan[.]xyz/tra-tien-dien", "url"),
        ("vay-nhanh-24h.site", "domain"),
        ("momo-khuyenmai.shop", "domain"),
        ("192.0.2.0/24", "cidr"),
        ("2001:db8::dead:beef", "ip"),
        ("hotro.vneid@gmail.com", "email"),
        ("0912 345 678", "phone"),
        ("taixiu-uytin.vip", "domain"),
        ("ok-before-bad.vn", "domain"),
        ("ok-after-bad.vn", "domain"),
        ("last-line-no-newline.vn", "domain"),
    ]
    assert entries[3].extra == {"port": 8080}
    assert entries[12].extra == {"wildcard": True}
    assert {e.category for e in entries} == {"phishing"}
    assert entries[0].line_no == 4
    by_line = {p.line_no: p for p in problems}
    assert sorted(by_line) == [17, 18, 19, 21, 23]
    assert "several values" in by_line[17].reason and not by_line[17].skipped
    assert by_line[18].skipped and by_line[19].skipped  # TLD suffix, bare path
    assert "UTF-8" in by_line[21].reason
    assert "longer than" in by_line[23].reason and by_line[23].raw is None


def test_plain_reads_streams_and_gzip():
    text = "# c\nlua-dao.example.com\n\n203.0.113.1\n"
    entries, problems = split(plain.parse(io.BytesIO(gzip.compress(text.encode()))))
    assert values(entries) == [("lua-dao.example.com", "domain"), ("203.0.113.1", "ip")]
    assert [e.line_no for e in entries] == [2, 4]
    assert problems == []


def test_plain_reads_the_first_file_of_a_zip(tmp_path):
    archive = tmp_path / "feed.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("csv.txt", "# dump\nnen-zip.example.vn\n")
    entries, problems = split(plain.parse(archive))
    assert values(entries) == [("nen-zip.example.vn", "domain")] and problems == []
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04not really a zip\n")
    entries, problems = split(plain.parse(broken))
    assert entries == [] and len(problems) == 1


def test_plain_handles_bom_crlf_and_inline_comments():
    data = "\ufeffa.example.com\r\nb.example.com\t# ghi chú\r\nhttp://c.example.com/#frag\r\n"
    entries, _ = split(plain.parse(io.BytesIO(data.encode())))
    assert [e.raw for e in entries] == [
        "a.example.com",
        "b.example.com",
        "http://c.example.com/#frag",
    ]


def test_plain_empty_file():
    assert list(plain.parse(io.BytesIO(b""))) == []


@pytest.mark.datasets
def test_real_host_lists_parse_as_domains():
    for relative in ("domains/scam_chongluadao_2022-12-31.txt", "domains/legit_tranco_part.txt"):
        path = require_dataset(relative)
        stats = FeedStats()
        kinds: dict[str | None, int] = {}
        for item in plain.parse(path):
            stats.add(item)
            if isinstance(item, FeedEntry):
                kinds[item.kind_hint] = kinds.get(item.kind_hint, 0) + 1
        assert stats.entries > 4_000, relative
        assert stats.malformed <= stats.entries // 500, relative
        assert kinds.get("domain", 0) >= stats.entries * 0.99, relative
