from __future__ import annotations

from pathlib import Path

import typer

from canhgiac.cli.context import console, fail, require_migrated, settings_of
from canhgiac.db import backup as db_backup
from canhgiac.db import migrate
from canhgiac.db.engine import get_engine
from canhgiac.errors import CanhgiacError

app = typer.Typer(no_args_is_help=True)


@app.command("upgrade")
def upgrade(
    ctx: typer.Context, revision: str = typer.Option("head", help="Target revision")
) -> None:
    """Nâng cấp lược đồ CSDL / apply migrations."""
    engine = get_engine(settings_of(ctx))
    migrate.upgrade(engine, revision)
    console.print(
        f"CSDL ở phiên bản / database at revision [bold]{migrate.current_revision(engine)}[/]"
    )


@app.command("check")
def check(ctx: typer.Context) -> None:
    """Kiểm tra CSDL khớp mô hình / check the schema is migrated and matches the models."""
    settings = settings_of(ctx)
    head = require_migrated(settings)
    diffs = migrate.pending_model_changes(get_engine(settings))
    if diffs:
        for diff in diffs:
            console.print(f"  {diff}", highlight=False)
        fail("Mô hình có thay đổi chưa có migration / models differ from migrations")
    console.print(f"OK: {head}")


@app.command("revision")
def revision(
    ctx: typer.Context, message: str = typer.Option(..., "-m", help="What changes")
) -> None:
    """(Nhà phát triển) tạo migration mới / autogenerate a migration (developers)."""
    migrate.revision(get_engine(settings_of(ctx)), message)


@app.command("backup")
def backup(ctx: typer.Context, path: Path) -> None:
    """Sao lưu nhất quán / write a consistent backup to PATH."""
    try:
        out = db_backup.backup(get_engine(settings_of(ctx)), path)
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    console.print(f"Đã sao lưu vào / backup written to {out}")


@app.command("restore")
def restore(
    ctx: typer.Context,
    path: Path,
    yes: bool = typer.Option(False, "--yes", help="Không hỏi lại / do not ask"),
) -> None:
    """Khôi phục từ bản sao lưu (ghi đè) / restore from a backup, replacing current data."""
    if not yes and not typer.confirm(
        "Ghi đè toàn bộ dữ liệu hiện tại? / Replace all current data?"
    ):
        raise typer.Exit(1)
    try:
        db_backup.restore(get_engine(settings_of(ctx)), path)
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    console.print(f"Đã khôi phục từ / restored from {path}")
