from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from canhgiac.cli.main import app

pytestmark = pytest.mark.db


def test_help_lists_the_commands():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in (
        "db",
        "agencies",
        "users",
        "tokens",
        "audit",
        "demo",
        "serve",
        "worker",
        "settings",
    ):
        assert command in result.output


def test_settings_show_masks_secrets(cli, monkeypatch):
    monkeypatch.setenv(
        "CANHGIAC_DATABASE_URL", "postgresql+psycopg://canhgiac:hunter2-secret@db/canhgiac"
    )
    result = cli("settings", "show")
    data = json.loads(result.output)
    assert data["secret_key"] == "********"
    assert "hunter2-secret" not in result.output and "cli-test-secret-value" not in result.output
    assert "***" in data["database_url"]


def test_accounts_lifecycle_through_the_cli(cli):
    assert cli("db", "check").exit_code == 0
    assert (
        cli(
            "agencies", "create", "cong-an", "--name", "Công an tỉnh", "--kind", "provincial_police"
        ).exit_code
        == 0
    )
    bad = cli("agencies", "create", "x y", "--name", "Sai", "--kind", "other")
    assert bad.exit_code == 1 and "[code]" in bad.output
    listed = json.loads(cli("agencies", "list", "--json").output)
    assert listed[0]["code"] == "cong-an"
    created = cli(
        "users",
        "create",
        "tuan",
        "--agency",
        "cong-an",
        "--role",
        "officer",
        "--name",
        "Võ Minh Tuấn",
        "--password",
        "mat-khau-dai-du",
    )
    assert created.exit_code == 0, created.output
    assert json.loads(cli("users", "list", "--json").output)[0]["active"] is True
    assert cli("users", "disable", "tuan").exit_code == 0
    assert json.loads(cli("users", "list", "--json").output)[0]["active"] is False
    token = cli(
        "tokens", "create", "Cảm biến VP UBND", "--agency", "cong-an", "--scope", "monitoring:write"
    )
    assert token.exit_code == 0
    secret = token.output.strip().splitlines()[-1]
    assert secret.startswith("cg_")
    assert cli("tokens", "revoke", "1").exit_code == 0
    again = cli("tokens", "revoke", "1")
    assert again.exit_code == 1
    audit_out = cli("audit", "list", "--action", "api_tokens", "--limit", "10")
    assert "api_tokens.update" in audit_out.output and secret not in audit_out.output


def test_demo_load_then_refuse_real_data(cli):
    assert cli("demo", "load").exit_code == 0
    assert "đã có" in cli("demo", "load", "--if-empty").output
    assert cli("worker", "jobs").exit_code == 0
