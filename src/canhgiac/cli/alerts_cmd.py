"""``canhgiac alerts``: scan logs against the platform's indicators into alerts; list, triage, summarise."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.table import Table

from canhgiac.cli.context import cli_session, console, print_json
from canhgiac.monitoring import alerts as alert_service
from canhgiac.monitoring import service
from canhgiac.monitoring.models import ALERT_STATUSES

app = typer.Typer(no_args_is_help=True)


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    logs: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="Tệp nhật ký / log files"
    ),
    fmt: str = typer.Option("auto", "--format", help=", ".join(service.FORMATS)),
    sensor: str = typer.Option("cli", "--sensor", help="Tên cảm biến / sensor name"),
) -> None:
    """Quét nhật ký với chỉ dấu đã xác minh và lưu cảnh báo / scan logs into stored alerts."""
    with cli_session(ctx) as session:
        result = service.scan_into_alerts(session, logs, fmt=fmt, sensor=sensor)
    s = result.summary
    console.print(
        f"{s['lines']:,} dòng / lines, {s['matched_lines']:,} khớp / matched, {s['malformed']:,} lỗi / malformed; "
        f"cảnh báo mới / new alerts {result.alerts.created}, cập nhật / updated {result.alerts.updated}, "
        f"chưa xác định cơ quan / unattributed {result.alerts.unattributed}"
    )


@app.command("list")
def list_alerts(
    ctx: typer.Context,
    status: str | None = typer.Option(None, help=", ".join(ALERT_STATUSES)),
    category: str | None = typer.Option(None),
    agency_id: int | None = typer.Option(None, "--agency-id"),
    limit: int = typer.Option(50, min=1, max=500),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Liệt kê cảnh báo / list alerts (newest first)."""
    with cli_session(ctx) as session:
        page = alert_service.list_alerts(
            session, agency_id=agency_id, status=status, category=category, limit=limit
        )
        if as_json:
            from canhgiac.monitoring.api import alert_out

            print_json({"total": page.total, "items": [alert_out(a) for a in page.items]})
            return
        table = Table(
            "ID",
            "Cơ quan / agency",
            "Máy / host",
            "Chỉ dấu / indicator",
            "Loại / category",
            "Lượt / hits",
            "Trạng thái / status",
        )
        for a in page.items:
            table.add_row(
                str(a.id),
                str(a.agency_id or "-"),
                a.src_host,
                a.indicator_value,
                f"{a.category} {a.family}".strip(),
                str(a.hits),
                a.status,
            )
        console.print(table)
        console.print(f"{page.total} cảnh báo / alerts")


@app.command("triage")
def triage(
    ctx: typer.Context,
    alert_id: int,
    status: str = typer.Argument(..., help=", ".join(ALERT_STATUSES)),
    reason: str = typer.Option("", "--reason", help="Bắt buộc khi xác nhận/báo nhầm / required"),
) -> None:
    """Xử lý cảnh báo / triage an alert."""
    with cli_session(ctx) as session:
        alert = alert_service.triage_alert(
            session,
            alert_service.get_alert(session, alert_id),
            status=status,
            reason=reason,
            by_user_id=None,
        )
        console.print(f"#{alert.id}: {alert.status}")


@app.command("summary")
def summary(
    ctx: typer.Context,
    since: datetime | None = typer.Option(None, help="YYYY-MM-DD (UTC)"),
    until: datetime | None = typer.Option(None, help="YYYY-MM-DD (UTC)"),
) -> None:
    """Tổng hợp theo loại và họ mã độc / summary per category and family (JSON)."""

    def aware(value: datetime | None) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value

    with cli_session(ctx) as session:
        print_json(alert_service.summarize_alerts(session, since=aware(since), until=aware(until)))
