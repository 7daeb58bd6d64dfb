from __future__ import annotations

import typer

from canhgiac.cli.context import print_json, settings_of

app = typer.Typer(no_args_is_help=True)


@app.command("show")
def show(ctx: typer.Context) -> None:
    """In cấu hình hiệu lực, che bí mật / print effective settings with secrets masked."""
    print_json(settings_of(ctx).masked())
