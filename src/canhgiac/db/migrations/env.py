"""Alembic environment: runs against the connection handed in by canhgiac.db.migrate."""

from __future__ import annotations

from alembic import context

from canhgiac.db.models import load_all_models

target_metadata = load_all_models().metadata
config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from canhgiac.db.engine import build_engine

        engine = build_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as conn:
            _run(conn)
        engine.dispose()
    else:
        _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode recreates tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit(
        "Offline (SQL script) migrations are not supported; use `canhgiac db upgrade`."
    )
run_migrations_online()
