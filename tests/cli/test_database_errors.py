"""A database that is missing, unreachable or behind the code gets a message naming the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from canhgiac.cli.main import app


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("CANHGIAC_SECRET_KEY", "cli-test-secret-value")
    monkeypatch.chdir(tmp_path)

    def invoke(url: str, *args: str):
        monkeypatch.setenv("CANHGIAC_DATABASE_URL", url)
        return CliRunner().invoke(app, list(args), catch_exceptions=False)

    return invoke


def test_commands_on_a_database_never_migrated_say_to_upgrade(run, scratch_database_url):
    result = run(scratch_database_url, "lookup", "vcb-xacminh.top")
    assert result.exit_code == 1
    assert "[database]" in result.output and "canhgiac db upgrade" in result.output
    assert "Traceback" not in result.output

    check = run(scratch_database_url, "db", "check")
    assert check.exit_code == 1 and "chưa có lược đồ" in check.output

    assert run(scratch_database_url, "db", "upgrade").exit_code == 0
    assert run(scratch_database_url, "db", "check").exit_code == 0
    found = run(scratch_database_url, "lookup", "vcb-xacminh.top")
    assert found.exit_code == 0, found.output


def test_serve_refuses_to_start_on_a_database_never_migrated(
    run, scratch_database_url, monkeypatch: pytest.MonkeyPatch
):
    import uvicorn

    started: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(a))
    result = run(scratch_database_url, "serve", "--port", "8199")
    assert result.exit_code == 1 and "canhgiac db upgrade" in result.output
    assert started == []

    assert run(scratch_database_url, "db", "upgrade").exit_code == 0
    assert run(scratch_database_url, "serve", "--port", "8199").exit_code == 0
    assert len(started) == 1


def test_an_unopenable_database_names_the_setting(run, tmp_path: Path):
    # A directory is no SQLite file: the driver cannot open it.
    result = run(f"sqlite:///{tmp_path}", "lookup", "vcb-xacminh.top")
    assert result.exit_code == 1
    assert "CANHGIAC_DATABASE_URL" in result.output and "Traceback" not in result.output


def test_an_unreachable_server_names_the_setting_without_the_password(run):
    # Port 1 on the loopback address: nothing listens there.
    url = "postgresql+psycopg://canhgiac:s3cret-pw@127.0.0.1:1/canhgiac"
    result = run(url, "db", "check")
    assert result.exit_code == 1
    assert "CANHGIAC_DATABASE_URL" in result.output
    assert "s3cret-pw" not in result.output
