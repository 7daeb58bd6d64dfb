"""CLI: import with a progress bar and report, search/show/status, feeds, allow-list and
disputes; ``canhgiac lookup --json`` prints exactly the API's answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from canhgiac.accounts.models import AuditEvent
from canhgiac.cli.main import app
from canhgiac.db.engine import get_engine
from canhgiac.settings import Settings
from canhgiac.web.app import create_app
from tests.indicators.feeds.feedserver import FIXTURES, serve

pytestmark = pytest.mark.db

SECRET = "cli-test-secret-value-0123456789"


@pytest.fixture
def cli(scratch_database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("CANHGIAC_DATABASE_URL", scratch_database_url)
    monkeypatch.setenv("CANHGIAC_SECRET_KEY", SECRET)
    monkeypatch.setenv("CANHGIAC_HUEY_SQLITE_PATH", str(tmp_path / "huey.db"))
    monkeypatch.setenv("CANHGIAC_ALLOW_PRIVATE_FETCH", "true")  # the local feed server
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    assert run("db", "upgrade").exit_code == 0
    return run


@pytest.fixture
def api(cli, scratch_database_url, tmp_path) -> TestClient:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=scratch_database_url,
        secret_key=SECRET,
        var_dir=tmp_path / "var",
    )
    with TestClient(create_app(settings)) as client:
        yield client


def _json(result) -> object:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_import_a_file_reports_malformed_lines_and_is_idempotent(cli, tmp_path: Path) -> None:
    plain = str(FIXTURES / "plain" / "list.txt")
    first = _json(
        cli(
            "indicators",
            "import",
            plain,
            "--format",
            "plain",
            "--source",
            "cong-an",
            "--category",
            "phishing",
            "--json",
        )
    )
    assert first["created"] > 5 and first["malformed"] > 0
    assert all(p["line"] > 0 for p in first["problems"])
    again = _json(
        cli(
            "indicators",
            "import",
            plain,
            "--format",
            "plain",
            "--source",
            "cong-an",
            "--category",
            "phishing",
            "--json",
        )
    )
    assert again["created"] == 0 and again["unchanged"] == first["created"]
    table = cli("indicators", "import", plain, "-f", "plain", "-s", "cong-an", "--no-age-out")
    assert table.exit_code == 0 and "Mới / created" in table.stdout
    assert ":17" in table.stdout or ":18" in table.stdout  # malformed lines with numbers
    missing = cli("indicators", "import", str(tmp_path / "khong-co.txt"), "-f", "plain", "-s", "x")
    assert missing.exit_code == 1 and "path" in missing.output


def test_import_csv_with_columns_and_from_a_url(cli) -> None:
    csv = str(FIXTURES / "csv" / "feed.csv")
    report = _json(
        cli(
            "indicators",
            "import",
            csv,
            "--format",
            "csv",
            "--source",
            "csv-thu",
            "--columns",
            "value=indicator,kind=loai,category=danh_muc",
            "--status",
            "reported",
            "--json",
        )
    )
    assert report["created"] > 0
    no_columns = cli("indicators", "import", csv, "--format", "csv", "--source", "y")
    assert no_columns.exit_code == 1 and "columns" in no_columns.output
    with serve() as (base, _seen):
        remote = _json(
            cli(
                "indicators",
                "import",
                f"{base}/feeds/plain/list.txt",
                "-f",
                "plain",
                "-s",
                "tu-xa",
                "--json",
            )
        )
        assert (remote["created"] == 0 and remote["linked"] > 0) or remote["created"] > 0
        gone = cli("indicators", "import", f"{base}/khong-co", "-f", "plain", "-s", "z")
        assert gone.exit_code == 1 and "url" in gone.output


def test_search_show_and_status(cli) -> None:
    plain = str(FIXTURES / "plain" / "list.txt")
    cli("indicators", "import", plain, "-f", "plain", "-s", "cong-an", "-c", "phishing")
    found = _json(cli("indicators", "search", "vietcombank-xacthuc.top", "--json"))
    assert found["total"] == 1
    ind_id = found["items"][0]["id"]
    shown = _json(cli("indicators", "show", str(ind_id), "--json"))
    assert shown["sources"][0]["source"] == "cong-an" and shown["status"] == "verified"
    changed = cli("indicators", "status", str(ind_id), "listed", "--reason", "Đã xác minh")
    assert changed.exit_code == 0 and "verified → listed" in changed.stdout
    history = _json(cli("indicators", "show", str(ind_id), "--json"))["history"]
    assert any(e["after"] and e["after"].get("status") == "listed" for e in history)
    illegal = cli("indicators", "status", str(ind_id), "reported", "--reason", "x")
    assert illegal.exit_code == 1 and "status" in illegal.output
    no_reason = cli("indicators", "status", str(ind_id), "delisted", "--reason", " ")
    assert no_reason.exit_code == 1 and "reason" in no_reason.output
    assert _json(cli("indicators", "search", "--status", "listed", "--json"))["total"] == 1
    assert cli("indicators", "show", "999999").exit_code == 1


def test_lookup_json_is_identical_to_the_api(cli, api: TestClient) -> None:
    plain = str(FIXTURES / "plain" / "list.txt")
    cli("indicators", "import", plain, "-f", "plain", "-s", "cong-an", "-c", "phishing")
    for query in (
        "vietcombank-xacthuc.top",
        "https://dang-nhap.vietcombank-xacthuc.top/otp",
        "0912 345 678",
        "vietcombank.com.vn",
        "0911 222 333",
    ):
        from_cli = _json(cli("lookup", query, "--json"))
        from_api = api.get("/api/v1/lookup", params={"q": query})
        assert from_api.status_code == 200
        assert from_cli == from_api.json(), query


def test_lookup_text_output_says_what_an_unreported_name_looks_like(cli) -> None:
    shown = cli("lookup", "vietcombank-xacminh.xyz")
    assert shown.exit_code == 0
    assert "Chưa có phản ánh / no record" in shown.stdout
    assert "looks like a fake Vietcombank site" in shown.stdout
    assert "xacminh" in shown.stdout  # the reasons follow
    plain = cli("lookup", "vnexpress.net")
    assert plain.exit_code == 0 and "looks like" not in plain.stdout


def test_feeds_add_list_run_enable_disable_and_update(cli) -> None:
    with serve() as (base, _seen):
        added = cli(
            "feeds",
            "add",
            "danh-sach",
            f"{base}/feeds/plain/list.txt",
            "--format",
            "plain",
            "--category",
            "phishing",
            "--interval",
            "6",
        )
        assert added.exit_code == 0, added.output
        bad = cli("feeds", "add", "csv-sai", f"{base}/x.csv", "--format", "csv")
        assert bad.exit_code == 1 and "columns" in bad.output
        ran = _json(cli("feeds", "run", "danh-sach", "--json"))
        assert ran["created"] > 0
        listed = _json(cli("feeds", "list", "--json"))
        assert listed[0]["health"] == "ok" and listed[0]["active_entries"] == ran["created"]
        cli("feeds", "add", "hong", f"{base}/khong-co")
        failed = cli("feeds", "run", "hong")
        assert failed.exit_code == 1
        health = {f["name"]: f for f in _json(cli("feeds", "list", "--json"))}
        assert health["hong"]["alarm"]  # the failure was recorded despite the error
        assert cli("feeds", "disable", "hong").exit_code == 0
        update = _json(cli("feeds", "update", "--force"))
    assert "danh-sach" in update["ran"] and "hong" not in update["ran"]
    assert "Nguồn chỉ dấu" in cli("feeds", "list").stdout
    assert cli("feeds", "enable", "hong").exit_code == 0


def test_allowlist_add_list_remove(cli) -> None:
    added = cli("allowlist", "add", "congty-abc.vn", "--reason", "Đã xác minh")
    assert added.exit_code == 0
    entries = _json(cli("allowlist", "list", "--json"))
    assert entries[0]["value"] == "congty-abc.vn"
    assert _json(cli("lookup", "shop.congty-abc.vn", "--json"))["status"] == "official"
    assert cli("allowlist", "add", "congty-abc.vn", "--reason", "x").exit_code == 1
    assert cli("allowlist", "remove", str(entries[0]["id"])).exit_code == 0
    assert _json(cli("allowlist", "list", "--json")) == []


def test_disputes_list_show_reveal_and_decide(cli, api: TestClient, scratch_database_url) -> None:
    cli("indicators", "import", str(FIXTURES / "plain" / "list.txt"), "-f", "plain", "-s", "ca")
    filed = api.post(
        "/api/v1/disputes",
        json={
            "value": "vietcombank-xacthuc.top",
            "contact": "0905 444 555",
            "explanation": "Trang của chúng tôi",
        },
    )
    assert filed.status_code == 201, filed.text
    dispute_id = str(filed.json()["id"])
    rows = _json(cli("disputes", "list", "--json"))
    assert [r["id"] for r in rows] == [int(dispute_id)]
    plain = cli("disputes", "show", dispute_id)
    assert "0905 444 555" not in plain.stdout
    revealed = _json(cli("disputes", "show", dispute_id, "--reveal-contact", "--json"))
    assert revealed["contact"] == "0905 444 555"
    with get_engine(Settings(_env_file=None, database_url=scratch_database_url)).connect() as c:  # type: ignore[call-arg]
        views = c.execute(
            select(AuditEvent.actor).where(AuditEvent.action == "personal_data.view")
        ).all()
    assert len(views) == 1 and views[0][0].startswith("cli:")
    assert cli("disputes", "decide", dispute_id, "--accept", "--reason", " ").exit_code == 1
    decided = cli("disputes", "decide", dispute_id, "--accept", "--reason", "Chủ sở hữu hợp pháp")
    assert decided.exit_code == 0 and "accepted" in decided.stdout
    assert _json(cli("lookup", "vietcombank-xacthuc.top", "--json"))["status"] == "delisted"
    assert _json(cli("disputes", "list", "--json")) == []
