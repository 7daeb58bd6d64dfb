"""Consistent backups: SQLite's online backup API, or pg_dump / pg_restore for PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from canhgiac.errors import CanhgiacError, ValidationFailed

PG_TIMEOUT_SECONDS = 3600


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise ValidationFailed(
            "Không sao lưu được cơ sở dữ liệu trong bộ nhớ / cannot back up :memory:"
        )
    return Path(url.database)


def _pg_args(url: URL) -> tuple[list[str], dict[str, str]]:
    args = []
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise CanhgiacError(
            f"Không tìm thấy lệnh {name} (cài postgresql-client) / {name} not found"
        )
    return found


def backup(engine: Engine, target: Path) -> Path:
    """Write a consistent copy while the application keeps running."""
    target = target.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    url = engine.url
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(_sqlite_path(url))
        dest = sqlite3.connect(target)
        try:
            with dest:
                source.backup(dest)
        finally:
            dest.close()
            source.close()
        return target
    args, env = _pg_args(url)
    # Arguments are a list, never a shell string: nothing from data reaches a shell.
    subprocess.run(  # noqa: S603
        [
            _tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            str(target),
            *args,
            url.database or "",
        ],
        env=env,
        check=True,
        timeout=PG_TIMEOUT_SECONDS,
    )
    return target


def restore(engine: Engine, source: Path) -> None:
    """Replace the database's contents with a backup made by :func:`backup`."""
    source = source.expanduser()
    if not source.is_file():
        raise ValidationFailed(
            f"Không có tệp sao lưu {source} / backup file not found", field="path"
        )
    url = engine.url
    engine.dispose()  # no pooled connection may hold the old file open
    if url.get_backend_name() == "sqlite":
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            if src.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise ValidationFailed("Tệp sao lưu bị hỏng / backup file is corrupt", field="path")
            dest = sqlite3.connect(_sqlite_path(url))
            try:
                with dest:
                    src.backup(dest)
            finally:
                dest.close()
        except sqlite3.DatabaseError as exc:
            raise ValidationFailed(
                f"Tệp không phải bản sao lưu SQLite / not a SQLite backup: {exc}", field="path"
            ) from None
        finally:
            src.close()
        return
    args, env = _pg_args(url)
    subprocess.run(  # noqa: S603
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            url.database or "",
            *args,
            str(source),
        ],
        env=env,
        check=True,
        timeout=PG_TIMEOUT_SECONDS,
    )
