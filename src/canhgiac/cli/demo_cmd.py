"""``canhgiac demo load``."""

from __future__ import annotations

import typer

from canhgiac.cli.context import cli_session, console
from canhgiac.demo.service import DEMO_PASSWORD, database_is_empty, demo_loaded, load_demo

app = typer.Typer(no_args_is_help=True)


@app.command("load")
def demo_load(
    ctx: typer.Context,
    if_empty: bool = typer.Option(
        False, "--if-empty", help="Chỉ nạp khi CSDL trống / only into an empty database"
    ),
) -> None:
    """Nạp dữ liệu mẫu một tỉnh / load the demo province (refuses on real data)."""
    with cli_session(ctx) as session:
        if if_empty and not database_is_empty(session):
            state = (
                "dữ liệu mẫu đã có / demo data already loaded"
                if demo_loaded(session)
                else ("CSDL đã có dữ liệu, bỏ qua / database holds data, skipped")
            )
            console.print(state)
            return
        summary = load_demo(session)
    created = (
        ", ".join(f"{k}: {v}" for k, v in summary.created.items())
        or "không có gì mới / nothing new"
    )
    console.print(f"Dữ liệu mẫu / demo data: {created}")
    console.print(
        f"Đăng nhập / sign in: analyst, admin, officer, viewer — mật khẩu / password [bold]{DEMO_PASSWORD}[/]"
    )
