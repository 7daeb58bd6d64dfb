"""Schema migrations (Alembic) driven from code, so they work from any directory."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from canhgiac.db.models import load_all_models

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option(
        "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    # Date-prefixed revision files sort in the order they were written.
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def pending_model_changes(engine: Engine) -> list[object]:
    """Differences between the models and the migrated schema (empty when in step)."""
    from alembic.autogenerate import compare_metadata

    metadata = load_all_models().metadata
    with engine.connect() as connection:
        ctx = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(ctx, metadata))


def revision(engine: Engine, message: str) -> None:
    """Autogenerate a new revision file (developers: `canhgiac db revision -m ...`)."""
    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.revision(cfg, message=message, autogenerate=True)


# PostgreSQL's SQLSTATE for a table that does not exist.
_UNDEFINED_TABLE = "42P01"


def database_problem(exc: DBAPIError) -> str | None:
    """What a user can do about ``exc``, when it is a database never migrated or not
    reachable; None for any other error (a bug, which must surface as one)."""
    orig = exc.orig
    text = str(orig).strip()
    if getattr(orig, "sqlstate", None) == _UNDEFINED_TABLE or text.startswith("no such table"):
        return (
            "Cơ sở dữ liệu chưa được tạo hoặc chưa nâng cấp lược đồ: chạy `canhgiac db upgrade` "
            "/ the database is not migrated: run `canhgiac db upgrade`"
        )
    if exc.connection_invalidated or (
        isinstance(exc, OperationalError)
        and ("connect" in text.lower() or "unable to open database" in text)
    ):
        # The driver's first line names host and port, never the password.
        first = text.splitlines()[0][:300] if text else type(orig).__name__
        return (
            f"Không kết nối được cơ sở dữ liệu (CANHGIAC_DATABASE_URL): {first} "
            "/ cannot connect to the database"
        )
    return None
