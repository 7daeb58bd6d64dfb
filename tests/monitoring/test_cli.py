from __future__ import annotations

import json

from typer.testing import CliRunner

from canhgiac.cli.main import app
from tests.monitoring import samples

runner = CliRunner()


def test_scan_summary_json_standalone(tmp_path):
    ind, allow = samples.write_lists(tmp_path)
    dns = samples.write(tmp_path, "zeek-dns", gz=True)
    squid = samples.write(tmp_path, "squid")
    result = runner.invoke(
        app,
        [
            "monitor",
            "scan",
            str(dns),
            str(squid),
            "--indicators",
            str(ind),
            "--allow",
            str(allow),
            "--summary-json",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    data = json.loads(lines[0])
    for key in ("lines", "matched_lines", "hosts", "alerts", "malformed", "categories"):
        assert key in data
    assert data["lines"] == 19
    assert data["malformed"] == 2
    assert 0 < data["matched_lines"] < data["lines"]
    assert data["alerts"] >= data["hosts"] > 0


def test_scan_table_and_forced_format(tmp_path):
    ind, _ = samples.write_lists(tmp_path)
    log = samples.write(tmp_path, "dnsmasq")
    result = runner.invoke(
        app,
        ["monitor", "scan", str(log), "--format", "dnsmasq", "--indicators", str(ind)],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "thongbao-thue.vn" in result.output


def test_scan_bad_inputs(tmp_path):
    ind, _ = samples.write_lists(tmp_path)
    log = samples.write(tmp_path, "bind")
    bad_fmt = runner.invoke(
        app, ["monitor", "scan", str(log), "--format", "syslog", "--indicators", str(ind)]
    )
    assert bad_fmt.exit_code == 1
    assert "format" in bad_fmt.output
    missing = runner.invoke(
        app, ["monitor", "scan", str(tmp_path / "nope.log"), "--indicators", str(ind)]
    )
    assert missing.exit_code == 1
    unknown = tmp_path / "random.txt"
    unknown.write_text("xin chào\n", encoding="utf-8")
    res = runner.invoke(app, ["monitor", "scan", str(unknown), "--indicators", str(ind)])
    assert res.exit_code == 1
    assert "định dạng" in res.output


def test_watch_resumes_between_runs(tmp_path):
    ind, _ = samples.write_lists(tmp_path)
    logdir = tmp_path / "logs"
    logdir.mkdir()
    lines = samples.SQUID.splitlines(keepends=True)
    (logdir / "access.log").write_text("".join(lines[:3]), encoding="utf-8")
    args = ["monitor", "watch", str(logdir), "--state", str(tmp_path / "s.duckdb"),
            "--indicators", str(ind), "--format", "squid", "--polls", "1"]  # fmt: skip
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout.splitlines()[-1])["lines"] == 3
    with (logdir / "access.log").open("a", encoding="utf-8") as fh:
        fh.write("".join(lines[3:]))
    second = runner.invoke(app, args)
    data = json.loads(second.stdout.splitlines()[-1])
    assert (data["new_lines"], data["lines"], data["malformed"]) == (3, 6, 1)
