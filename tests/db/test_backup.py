from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from canhgiac.accounts.models import Agency
from canhgiac.db import backup, migrate
from canhgiac.db.engine import build_engine, session_factory, unit_of_work
from canhgiac.errors import ValidationFailed
from tests.factories import Factories

pytestmark = pytest.mark.db


def _count(engine) -> int:
    with unit_of_work(session_factory(engine)) as session:
        return session.scalar(select(func.count()).select_from(Agency)) or 0


def test_backup_and_restore_round_trip(scratch_database_url, tmp_path):
    if not scratch_database_url.startswith("sqlite") and not shutil.which("pg_dump"):
        pytest.skip("pg_dump not installed")
    engine = build_engine(scratch_database_url)
    migrate.upgrade(engine)
    with unit_of_work(session_factory(engine)) as session:
        Factories(session).agency(code="truoc-sao-luu")
    target = backup.backup(engine, tmp_path / "backup.bin")
    assert target.stat().st_size > 0
    with unit_of_work(session_factory(engine)) as session:
        Factories(session).agency(code="sau-sao-luu")
    assert _count(engine) == 2
    backup.restore(engine, target)
    engine = build_engine(scratch_database_url)
    with unit_of_work(session_factory(engine)) as session:
        assert list(session.scalars(select(Agency.code))) == ["truoc-sao-luu"]
    assert migrate.current_revision(engine) == migrate.head_revision(engine)
    engine.dispose()


def test_restore_refuses_missing_or_corrupt_files(tmp_path):
    engine = build_engine(f"sqlite:///{tmp_path / 'live.db'}")
    migrate.upgrade(engine)
    with pytest.raises(ValidationFailed):
        backup.restore(engine, tmp_path / "absent.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ValidationFailed):
        backup.restore(engine, junk)
    assert migrate.current_revision(build_engine(f"sqlite:///{tmp_path / 'live.db'}")) is not None


def test_sqlite_pragmas(tmp_path):
    engine = build_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_models_match_migrations(migrated_engine):
    assert migrate.pending_model_changes(migrated_engine) == []
