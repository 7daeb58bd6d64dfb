"""Shared plumbing for CLI sub-commands: settings, the unit of work, error mapping."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from canhgiac.accounts.audit import Actor, set_actor
from canhgiac.db.engine import get_engine, session_factory, unit_of_work
from canhgiac.db.migrate import current_revision, database_problem, head_revision
from canhgiac.errors import CanhgiacError
from canhgiac.settings import Settings

console = Console()
err_console = Console(stderr=True)


def settings_of(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj


@contextmanager
def cli_session(ctx: typer.Context) -> Iterator[Session]:
    """Open the CLI's unit of work; domain errors become a message and exit code 1."""
    settings = settings_of(ctx)
    try:
        with (
            _database_problems_explained(),
            unit_of_work(session_factory(get_engine(settings))) as session,
        ):
            set_actor(session, Actor(name=f"cli:{getpass.getuser()}"))
            yield session
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)


@contextmanager
def _database_problems_explained() -> Iterator[None]:
    """A database never migrated or not reachable becomes a message naming the fix; any
    other database error surfaces as it is."""
    try:
        yield
    except DBAPIError as exc:
        problem = database_problem(exc)
        if problem is None:
            raise
        fail(problem, field="database")


def require_migrated(settings: Settings) -> str | None:
    """Stop with a message naming the fix unless the database is reachable and migrated to
    the newest schema (every page and command would fail on it otherwise); the head
    revision when it is."""
    engine = get_engine(settings)
    with _database_problems_explained():
        current, head = current_revision(engine), head_revision(engine)
    if current is None:
        fail(
            "Cơ sở dữ liệu chưa có lược đồ: chạy `canhgiac db upgrade` "
            "/ the database has no schema yet: run `canhgiac db upgrade`",
            field="database",
        )
    if current != head:
        fail(
            f"CSDL ở phiên bản {current}, mới nhất là {head}: chạy `canhgiac db upgrade` "
            f"/ database at {current}, head is {head}: run `canhgiac db upgrade`",
            field="database",
        )
    return head


def fail(message: str, *, field: str | None = None, code: int = 1) -> NoReturn:
    prefix = f"[{field}] " if field else ""
    err_console.print(f"[bold red]Lỗi / Error:[/] {escape(prefix + message)}", highlight=False)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
