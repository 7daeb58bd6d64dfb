"""``canhgiac audit``: read and export the audit log."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import typer
from rich.table import Table

from canhgiac.accounts.audit import event_to_dict, list_events
from canhgiac.cli.context import cli_session, console
from canhgiac.db.base import utcnow

app = typer.Typer(no_args_is_help=True)


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=utcnow().tzinfo) if value and value.tzinfo is None else value


@app.command("list")
def audit_list(
    ctx: typer.Context,
    action: str | None = typer.Option(None, help="Tiền tố hành động / action prefix, e.g. auth."),
    actor: str | None = typer.Option(None),
    entity_type: str | None = typer.Option(None, "--entity"),
    since: datetime | None = typer.Option(None, help="YYYY-MM-DD (UTC)"),
    until: datetime | None = typer.Option(None, help="YYYY-MM-DD (UTC)"),
    limit: int = typer.Option(50, min=1, max=10_000),
    output: Path | None = typer.Option(None, "--output", help="Ghi JSON Lines / write JSONL here"),
) -> None:
    """Xem hoặc xuất nhật ký kiểm toán / browse or export the audit log (newest first)."""
    with cli_session(ctx) as session:
        events = list_events(
            session,
            action=action,
            actor=actor,
            entity_type=entity_type,
            since=_aware(since),
            until=_aware(until),
            limit=limit,
        )
        if output:
            with output.open("w", encoding="utf-8") as fh:
                for ev in events:
                    fh.write(json.dumps(event_to_dict(ev), ensure_ascii=False) + "\n")
            console.print(f"{len(events)} sự kiện → {output}")
            return
        table = Table(
            "ID", "Thời điểm / at (UTC)", "Ai / actor", "Hành động / action", "Đối tượng / entity"
        )
        for ev in events:
            table.add_row(
                str(ev.id),
                ev.at.strftime("%d/%m/%Y %H:%M:%S"),
                ev.actor,
                ev.action,
                f"{ev.entity_type or ''} {ev.entity_id or ''}".strip(),
            )
        console.print(table)
