from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.indicators.feeds import FeedBlock, FeedStats, expand_blocks
from canhgiac.indicators.feeds.formats import maltrail
from tests.datasets_path import require_dataset
from tests.indicators.feeds.helpers import split, tar_of_trails


def test_maltrail_fixture_tree(fixtures):
    entries, problems = split(maltrail.parse(fixtures / "maltrail"))
    got = [(e.file, e.line_no, e.raw, e.kind_hint, e.category, e.family) for e in entries]
    assert got == [
        ("mass_scanner.txt", 2, "192.0.2.200", "ip", "mass_scanner", None),
        ("mass_scanner.txt", 3, "192.0.2.201", "ip", "mass_scanner", None),
        ("malicious/phishing_kit.txt", 2, "vcb-digibank-xacminh.example.com", "domain", "malicious", "phishing_kit"),
        ("malicious/phishing_kit.txt", 3, "agribank-canhbao.example.net", "domain", "malicious", "phishing_kit"),
        ("malware/emotet.txt", 6, "emotet-c2-mau.example.com", "domain", "malware", "emotet"),
        ("malware/emotet.txt", 7, "203.0.113.10", "ip", "malware", "emotet"),
        ("malware/emotet.txt", 8, "203.0.113.11", "ip", "malware", "emotet"),
        ("malware/emotet.txt", 9, "2001:db8::1", "ip", "malware", "emotet"),
        ("malware/emotet.txt", 10, "http://198.51.100.20/tai-ve/hoadon.exe", "url", "malware", "emotet"),
        ("malware/emotet.txt", 11, "hoadon-dientu.example.net/tai-ve/", "url", "malware", "emotet"),
        ("malware/emotet.txt", 14, "kho-lenh.example.org", "domain", "malware", "emotet"),
    ]  # fmt: skip
    assert entries[6].extra == {"port": 8080}
    assert entries[7].extra == {"port": 443}
    # whitelist/ and LICENSE.txt are not trails
    assert all(e.raw != "google.com" for e in entries)
    summary = [(p.file, p.line_no, p.skipped) for p in problems]
    assert summary == [
        ("malware/emotet.txt", 12, True),  # bare path
        ("malware/emotet.txt", 13, True),  # regex
        ("malware/emotet.txt", 15, False),  # blanks
        ("malware/emotet.txt", 16, False),  # garbage characters
        ("suspicious/domain.txt", 1, True),  # whole TLD
        ("suspicious/domain.txt", 2, True),
    ]
    stats = FeedStats()
    for item in maltrail.parse(fixtures / "maltrail"):
        stats.add(item)
    assert (stats.entries, stats.malformed, stats.skipped) == (11, 2, 4)
    assert stats.skipped_reasons[maltrail.REGEX_SKIPPED] == 1


def test_maltrail_single_file(fixtures):
    entries, _ = split(maltrail.parse(fixtures / "maltrail/malicious/phishing_kit.txt"))
    assert {(e.category, e.family) for e in entries} == {("malicious", "phishing_kit")}


def test_maltrail_large_and_undecodable_files_use_the_line_reader(tmp_path, monkeypatch):
    folder = tmp_path / "malware"
    folder.mkdir()
    (folder / "mau.txt").write_bytes(b"a.example.com\n\xff.example.com\nb.example.com\n")
    entries, problems = split(maltrail.parse(tmp_path))
    assert [e.raw for e in entries] == ["a.example.com", "b.example.com"]
    assert [(p.line_no, "UTF-8" in p.reason) for p in problems] == [(2, True)]
    monkeypatch.setattr(maltrail, "WHOLE_FILE_BYTES", 0)
    (folder / "mau.txt").write_bytes(b"# x\nc.example.com\n/p\n")
    entries, problems = split(maltrail.parse(tmp_path))
    assert [(e.raw, e.line_no) for e in entries] == [("c.example.com", 2)]
    assert [p.skipped for p in problems] == [True]


@pytest.mark.datasets
def test_real_maltrail_suspicious_folder():
    root = require_dataset("trails/maltrail")
    stats = FeedStats()
    kinds: dict[str, int] = {}
    for item in maltrail.parse(root / "suspicious"):
        stats.add(item)
        if hasattr(item, "kind_hint"):
            kinds[item.kind_hint] = kinds.get(item.kind_hint, 0) + 1
    # ~60k non-comment lines; nearly all become entries, the rest are counted.
    assert stats.entries > 50_000
    assert stats.malformed < stats.entries / 1000
    assert stats.entries + stats.malformed + stats.skipped > 55_000
    assert kinds.get("domain", 0) > 40_000


def _summary(items):
    return [(i.file, i.line_no, i.raw, type(i).__name__) for i in items]


@pytest.mark.parametrize("prefix", ["maltrail-master/trails/static/", "trails-snapshot/"])
def test_maltrail_tar_archive_reads_like_the_folder(fixtures, tmp_path, prefix):
    archive = tar_of_trails(fixtures, tmp_path / "maltrail.tar.gz", prefix)
    from_archive = sorted(_summary(maltrail.parse(archive)), key=str)
    from_folder = sorted(_summary(maltrail.parse(fixtures / "maltrail")), key=str)
    assert from_archive == from_folder
    assert all("evil" not in str(row) and "abs.example" not in str(row) for row in from_archive)


def test_maltrail_corrupt_archive_is_one_problem(fixtures, tmp_path):
    archive = tar_of_trails(fixtures, tmp_path / "maltrail.tar.gz", "m/trails/static/")
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    _, problems = split(maltrail.parse(archive))
    assert problems and "corrupt archive" in problems[-1].reason


def test_maltrail_archive_total_size_cap(fixtures, tmp_path):
    archive = tar_of_trails(fixtures, tmp_path / "maltrail.tar.gz", "m/trails/static/")
    items = list(maltrail.parse_archive(archive, max_total_bytes=50))
    assert "archive over 50 bytes" in items[-1].reason


_LINES = [
    "evil.example.com",
    "Evil.Example.com",
    "www.evil.example.com",
    " padded.example.com ",
    "crlf.example.com\r",
    "xn--80ak6aa92e.com",
    "trailing.example.com.",
    "203.0.113.7",
    "203.0.113.7:8080",
    "203.0.113.8:443",
    "203.0.113.9:0",
    "010.0.0.1",
    "1.2.3.4:99999",
    "# comment",
    "",
    "   ",
    "kho.example.org  # note",
    "http://198.51.100.20/x.exe",
    "/gate.php",
    "q(l|r)[0-9]{5}\\.pw",
    "mau dien khoang trang.com",
    "a" * 300 + ".com",
    "x" * 9000,
    "com",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=40), st.booleans())
def test_blocks_expand_to_exactly_the_per_line_items(lines, bom):
    data = ("\ufeff" if bom else "").encode() + "\n".join(lines).encode()
    chunks = list(maltrail.bytes_chunks(data, "malware", "fam", "malware/fam.txt"))
    per_line = [
        item
        for number, line in enumerate(data.decode("utf-8-sig").split("\n"), start=1)
        if (item := maltrail._line_item(number, line, "malware", "fam", "malware/fam.txt"))
        is not None
    ]
    assert list(expand_blocks(chunks)) == per_line
    blocks = [c for c in chunks if isinstance(c, FeedBlock)]
    assert all(b.values and "\n" not in "".join(b.values) for b in blocks)


def test_plain_runs_come_as_blocks(tmp_path):
    folder = tmp_path / "malware"
    folder.mkdir()
    (folder / "mau.txt").write_text(
        "# x\na.example.com\nb.example.com\n203.0.113.1\n203.0.113.2:80\nhttp://c.example/x\n"
    )
    chunks = list(maltrail.chunks(tmp_path))
    assert chunks[0] == FeedBlock(
        2, ["a.example.com", "b.example.com"], "domain", "malware", "mau", "malware/mau.txt"
    )
    assert chunks[1] == FeedBlock(4, ["203.0.113.1"], "ip", "malware", "mau", "malware/mau.txt")
    assert chunks[2] == FeedBlock(
        5, ["203.0.113.2"], "ip", "malware", "mau", "malware/mau.txt", [{"port": 80}]
    )
    assert chunks[3].raw == "http://c.example/x" and chunks[3].line_no == 6  # fmt: skip


def test_split_files_keeps_order_and_balances_size(tmp_path):
    for folder, sizes in (("malicious", (10, 400)), ("malware", (300, 20, 5))):
        (tmp_path / folder).mkdir()
        for i, size in enumerate(sizes):
            (tmp_path / folder / f"f{i}.txt").write_text("a.example.com\n" * size)
    assert maltrail.split_files(tmp_path, (0.5, 0.5), min_bytes=10**9) is None
    parts = maltrail.split_files(tmp_path, (0.5, 0.5), min_bytes=0)
    assert parts is not None and len(parts) == 2 and all(parts)
    names = [name for part in parts for *_, name in part]
    assert names == [name for *_, name in maltrail._named(tmp_path)]
    assert names[: len(parts[0])] == ["malicious/f0.txt", "malicious/f1.txt"]
    uneven = maltrail.split_files(tmp_path, (0.9, 0.1), min_bytes=0)
    assert uneven is not None and [len(part) for part in uneven] == [3, 2]
