from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from canhgiac.cli.main import app
from tests.monitoring.test_alerts import zeek_dns

pytestmark = pytest.mark.db


def test_ingest_list_triage_summary(scratch_database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("CANHGIAC_DATABASE_URL", scratch_database_url)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    assert run("db", "upgrade").exit_code == 0
    run(
        "agencies",
        "create",
        "benh-vien",
        "--name",
        "Bệnh viện tỉnh",
        "--kind",
        "other",
        "--networks",
        "10.56.20.0/22",
    )
    assert (
        run(
            "indicators",
            "import",
            str(_write(tmp_path / "c2.txt", "c2-botnet.xyz\n")),
            "--format",
            "plain",
            "--source",
            "test-feed",
            "--category",
            "c2",
        ).exit_code
        == 0
    )
    log = _write(
        tmp_path / "dns.log", "\n".join(zeek_dns([("10.56.20.7", "a.c2-botnet.xyz", "-")])) + "\n"
    )
    ingested = run("alerts", "ingest", str(log), "--format", "zeek-dns", "--sensor", "bv-sensor")
    assert ingested.exit_code == 0 and "new alerts 1," in " ".join(ingested.output.split())
    listed = json.loads(run("alerts", "list", "--json").output)
    assert listed["total"] == 1 and listed["items"][0]["sensor"] == "bv-sensor"
    alert_id = str(listed["items"][0]["id"])
    assert run("alerts", "triage", alert_id, "confirmed").exit_code == 1  # reason required
    assert (
        run("alerts", "triage", alert_id, "confirmed", "--reason", "Đã cách ly máy").exit_code == 0
    )
    summary = json.loads(run("alerts", "summary").output)
    assert summary["categories"]["c2"]["alerts"] == 1


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path
