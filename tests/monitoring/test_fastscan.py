"""The compiled Zeek TSV reader: the same alerts as the line parser however the file is cut
into blocks, threads or gzip, with malformed lines counted by line number."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from canhgiac.monitoring import fastscan
from canhgiac.monitoring.engine import MonitorEngine
from canhgiac.monitoring.indicators import iter_indicators
from canhgiac.monitoring.logfiles import open_text
from canhgiac.monitoring.parsers.zeek import tsv_header
from tests.monitoring import samples

FIELDS = samples.ZEEK_DNS_FIELDS
HEADER = (
    "#separator \\x09\n#unset_field\t-\n#empty_field\t(empty)\n#fields\t" + "\t".join(FIELDS) + "\n"
)


def _line(i: int, src: str, query: str, answers: str = "-", rcode: str = "NOERROR") -> str:
    values = {
        "ts": f"{1777593600 + i}.25", "uid": f"C{i}", "id.orig_h": src, "id.orig_p": "5353",
        "id.resp_h": "10.0.0.53", "id.resp_p": "53", "proto": "udp", "query": query,
        "rcode_name": rcode, "answers": answers,
    }  # fmt: skip
    return "\t".join(values.get(f, "-") for f in FIELDS)


def _log(tmp_path: Path, lines: list[str], *, name: str = "dns.log", crlf: bool = False) -> Path:
    end = "\r\n" if crlf else "\n"
    path = tmp_path / name
    path.write_bytes((HEADER + end.join(lines) + end).encode())
    return path


def _engine(tmp_path: Path) -> MonitorEngine:
    ind, _ = samples.write_lists(tmp_path)
    eng = MonitorEngine()
    eng.set_indicators(list(iter_indicators([ind])))
    return eng


def _many_lines(n: int) -> list[str]:
    lines = []
    for i in range(n):
        src = f"10.20.{i % 7}.{i % 200 + 1}"
        if i % 50 == 0:
            lines.append(_line(i, src, f"x{i}.lua-dao-nganhang.com", "198.51.100.66"))
        elif i % 77 == 0:
            lines.append(_line(i, src, f"cdn{i % 13}.tinmoi24h.vn", "192.0.2.14"))
        else:
            lines.append(_line(i, src, f"site{i % 997}.tinmoi24h.vn", f"203.113.1.{i % 250}"))
    return lines


def _alerts(eng: MonitorEngine, log: Path, fast: bool) -> tuple[list[tuple], dict]:
    res = eng.scan([log], fmt="zeek-dns", fast=fast)
    rows = res.alerts().order("src, indicator").fetchall()
    return [tuple(r[:7]) for r in rows], res.summary()


def test_fast_reader_agrees_with_line_parser_across_blocks_and_threads(tmp_path, monkeypatch):
    eng = _engine(tmp_path)
    log = _log(tmp_path, _many_lines(6000))
    slow, slow_summary = _alerts(eng, log, fast=False)
    assert slow and slow_summary["matched_lines"] > 100
    # Tiny blocks and parts force carried partial lines, table growth and two threads.
    monkeypatch.setattr(fastscan, "BLOCK_BYTES", 70_000)
    monkeypatch.setattr(fastscan, "MIN_PART_BYTES", 10_000)
    monkeypatch.setattr(fastscan, "MAX_PENDING_LINES", 1_000)
    fast, fast_summary = _alerts(eng, log, fast=True)
    assert fast == slow
    for key in ("lines", "matched_lines", "hosts", "alerts", "malformed"):
        assert fast_summary[key] == slow_summary[key], key


def test_fast_reader_gzip_and_crlf(tmp_path):
    eng = _engine(tmp_path)
    lines = _many_lines(500)
    plain = _log(tmp_path, lines)
    crlf = _log(tmp_path, lines, name="crlf.log", crlf=True)
    gz = tmp_path / "dns.log.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    want, _ = _alerts(eng, plain, fast=False)
    assert _alerts(eng, crlf, fast=True)[0] == want
    assert _alerts(eng, gz, fast=True)[0] == want


def test_fast_reader_counts_malformed_lines_with_numbers(tmp_path):
    eng = _engine(tmp_path)
    good = _line(1, "10.20.1.1", "a.lua-dao-nganhang.com")
    lines = [
        good,
        "too\tfew\tfields",
        _line(2, "10.20.1.2", "b.lua-dao-nganhang.com").replace("1777593602.25", "12x4"),
        _line(3, "10.20.1.3", "q" * 70_000 + ".lua-dao-nganhang.com"),  # over the line limit
        good,
    ]
    log = _log(tmp_path, lines)
    header_lines = HEADER.count("\n")
    res = eng.scan([log], fmt="zeek-dns", fast=True)
    summary = res.summary()
    assert summary["malformed"] == 3
    assert summary["lines"] == 5
    assert summary["matched_lines"] == 2
    numbers = [int(e.split(":")[1]) for e in summary["malformed_examples"]]
    assert numbers == [header_lines + 2, header_lines + 3, header_lines + 4]


def test_unset_and_empty_values_never_match(tmp_path):
    eng = _engine(tmp_path)
    log = _log(tmp_path, [_line(1, "10.20.1.1", "-"), _line(2, "10.20.1.1", "(empty)")])
    res = eng.scan([log], fmt="zeek-dns", fast=True)
    assert res.summary()["lines"] == 2
    assert res.summary()["alerts"] == 0


@pytest.mark.parametrize("threads", [1, 2])
def test_read_candidates_keeps_only_hitting_lines(tmp_path, threads):
    eng = _engine(tmp_path)
    log = _log(tmp_path, _many_lines(3000))
    out = tmp_path / f"out{threads}"
    out.mkdir()
    found, readers = fastscan.read_candidates(
        eng.con, log, tsv_header(log, open_text) or {}, out, threads=threads, block_bytes=50_000
    )
    assert found.lines == 3000 and found.malformed == 0
    kept = [ln for r in readers if r.out.exists() for ln in r.out.read_text().splitlines()]
    # Every 50th line queries a listed name; every 77th has an answer in a listed range.
    expected = {i for i in range(3000) if i % 50 == 0 or i % 77 == 0}
    assert len(kept) == found.candidates == len(expected)


def test_value_index_selects_the_same_lines_as_duckdb(tmp_path):
    eng = _engine(tmp_path)
    odd = [
        _line(1, "2001:db8::5", "X.LUA-DAO-NGANHANG.COM.", "2001:db8::1,198.51.100.66"),
        _line(2, "10.20.1.1", "lừa-đảo.example", "cdn.lua-dao-nganhang.com"),
        _line(3, "10.20.1.2", "tinmoi24h.vn", "2001:db8::1").replace("10.0.0.53", "2001:db8::53"),
        _line(4, "10.20.1.3", "1.2.3.4", "01.2.3.4,192.0.2.300"),
    ]
    log = _log(tmp_path, _many_lines(2000) + odd)
    header = tsv_header(log, open_text) or {}
    kept = {}
    for label, index in (("duckdb", None), ("index", eng.value_index)):
        out = tmp_path / label
        out.mkdir()
        _, readers = fastscan.read_candidates(
            eng.con, log, header, out, threads=2, block_bytes=40_000, index=index
        )
        kept[label] = sorted(
            ln for r in readers if r.out.exists() for ln in r.out.read_text().splitlines()
        )
    assert kept["index"] == kept["duckdb"]
    assert any("X.LUA-DAO-NGANHANG.COM." in ln for ln in kept["index"])
    assert any("cdn.lua-dao-nganhang.com" in ln for ln in kept["index"])


def test_lines_with_extra_fields_are_malformed_and_do_not_disturb_others(tmp_path):
    eng = _engine(tmp_path)
    hit = _line(1, "10.20.1.1", "a.lua-dao-nganhang.com")
    lines = [hit, hit + "\textra", hit + "\tx" * 40, "\t" * 70, hit]
    res = eng.scan([_log(tmp_path, lines)], fmt="zeek-dns", fast=True)
    summary = res.summary()
    assert summary["lines"] == 5
    assert summary["malformed"] == 3
    assert summary["matched_lines"] == 2
