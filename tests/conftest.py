"""Shared fixtures: one migrated database per test session, one rolled-back transaction per test.

SQLite by default; set CANHGIAC_TEST_DATABASE_URL=postgresql+psycopg://… to run on PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from canhgiac.accounts.passwords import use_fast_hashing_for_tests
from canhgiac.db import migrate
from canhgiac.db.engine import build_engine, session_factory
from canhgiac.settings import Settings

TEST_SECRET = "test-secret-key-0123456789abcdef"

use_fast_hashing_for_tests()


def _postgres_test_url(base_url: str, worker: str) -> str:
    """A private database per xdist worker, created fresh for the run."""
    url = make_url(base_url)
    name = f"{url.database or 'canhgiac'}_test_{worker}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> str:
    base = os.environ.get("CANHGIAC_TEST_DATABASE_URL")
    if base:
        return _postgres_test_url(base, worker_id)
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def migrated_engine(database_url: str) -> Iterator[Engine]:
    engine = build_engine(database_url)
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        secret_key=TEST_SECRET,
        var_dir=tmp_path / "var",
        huey_immediate=True,
        huey_sqlite_path=tmp_path / "huey.db",
        # The local test servers (feeds, pages) listen on loopback: the explicit test setting.
        allow_private_fetch=True,
    )


@pytest.fixture
def test_session_factory(migrated_engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions bound to one outer transaction that is rolled back after the test.

    Service code (and the web app) commits freely; commits become savepoint releases.
    """
    connection = migrated_engine.connect()
    outer = connection.begin()
    factory = session_factory(migrated_engine)
    factory.configure(bind=connection, join_transaction_mode="create_savepoint")
    yield factory
    outer.rollback()
    connection.close()


@pytest.fixture
def db(test_session_factory: sessionmaker[Session]) -> Iterator[Session]:
    session = test_session_factory()
    yield session
    session.close()


@pytest.fixture
def factories(db: Session) -> Callable[..., object]:
    from tests.factories import Factories

    return Factories(db)  # type: ignore[return-value]


@pytest.fixture
def scratch_database_url(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A separate, empty database for tests that commit (CLI, backup/restore)."""
    base = os.environ.get("CANHGIAC_TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path / 'scratch.db'}"
        return
    worker = getattr(request.config, "workerinput", {}).get("workerid", "gw")
    url = _postgres_test_url(base, f"scratch_{worker}")
    yield url
    from canhgiac.db.engine import _ENGINES

    engine = _ENGINES.pop(url, None)
    if engine is not None:
        engine.dispose()


@pytest.fixture
def cli(
    scratch_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Any]:
    """The ``canhgiac`` command on a migrated scratch database: ``cli(*args, input=...)``.

    ``input`` is text, bytes or a raw binary stream; a stream goes to click's own runner,
    since typer's takes only text or bytes.
    """
    import io

    import click.testing
    import typer
    from typer.testing import CliRunner

    from canhgiac.cli.main import app

    monkeypatch.setenv("CANHGIAC_DATABASE_URL", scratch_database_url)
    monkeypatch.setenv("CANHGIAC_SECRET_KEY", "cli-test-secret-value")
    monkeypatch.setenv("CANHGIAC_HUEY_SQLITE_PATH", str(tmp_path / "huey.db"))
    monkeypatch.chdir(tmp_path)

    def run(*args: str, input: Any = None) -> Any:
        if isinstance(input, io.RawIOBase):
            command = typer.main.get_command(app)
            return click.testing.CliRunner().invoke(command, list(args), input=input)
        return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)

    assert run("db", "upgrade").exit_code == 0
    return run


DB_FIXTURES = frozenset(
    {"db", "test_session_factory", "migrated_engine", "scratch_database_url", "database_url"}
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Any test touching the database is marked ``db`` so the PostgreSQL pass reruns it."""
    for item in items:
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)
