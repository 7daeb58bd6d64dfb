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
