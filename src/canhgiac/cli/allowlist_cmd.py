"""``canhgiac allowlist …``: values never published for blocking (admin-managed entries)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from canhgiac.cli.context import cli_session, console, print_json
from canhgiac.indicators import allowlist

app = typer.Typer(no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    value: Annotated[str, typer.Argument(help="Giá trị / value")],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Lý do (bắt buộc) / reason")],
    kind: Annotated[str | None, typer.Option("--kind", "-k")] = None,
) -> None:
    """Thêm vào danh sách trắng / add to the allow-list."""
    with cli_session(ctx) as session:
        entry = allowlist.add_allowlist_entry(session, raw=value, kind=kind, reason=reason)
        console.print(f"#{entry.id} {escape(entry.display)} ({entry.kind})")


@app.command("list")
def list_command(
    ctx: typer.Context,
    source: Annotated[str | None, typer.Option("--source", "-s")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10_000)] = 200,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Danh sách trắng / the allow-list."""
    with cli_session(ctx) as session:
        rows = [
            {
                "id": e.id,
                "kind": e.kind,
                "value": e.value,
                "display": e.display,
                "reason": e.reason,
                "source": e.source,
                "created_at": e.created_at.isoformat(),
            }
            for e in allowlist.list_allowlist(session, source=source, limit=limit)
        ]
    if as_json:
        print_json(rows)
        return
    table = Table(title="Danh sách trắng / allow-list")
    for column in ("ID", "Giá trị / value", "Loại / kind", "Nguồn / source", "Lý do / reason"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            escape(str(row["display"])),
            str(row["kind"]),
            escape(str(row["source"])),
            escape(str(row["reason"])),
        )
    console.print(table)


@app.command("remove")
def remove(ctx: typer.Context, entry_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Xóa một mục / remove an entry."""
    with cli_session(ctx) as session:
        allowlist.remove_allowlist_entry(session, entry_id)
        console.print(f"Đã xóa / removed #{entry_id}")
