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
from sqlalchemy.orm import Session

from canhgiac.accounts.audit import Actor, set_actor
from canhgiac.db.engine import get_engine, session_factory, unit_of_work
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
        with unit_of_work(session_factory(get_engine(settings))) as session:
            set_actor(session, Actor(name=f"cli:{getpass.getuser()}"))
            yield session
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)


def fail(message: str, *, field: str | None = None, code: int = 1) -> NoReturn:
    prefix = f"[{field}] " if field else ""
    err_console.print(f"[bold red]Lỗi / Error:[/] {escape(prefix + message)}", highlight=False)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
