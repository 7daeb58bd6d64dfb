"""``canhgiac serve``: the web app under uvicorn."""

from __future__ import annotations

import typer

from canhgiac.cli.context import console, require_migrated, settings_of

app = typer.Typer()


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    workers: int = typer.Option(1, "--workers", min=1),
    reload: bool = typer.Option(False, "--reload", help="Nhà phát triển / developers"),
) -> None:
    """Chạy ứng dụng web / serve the web app (settings from CANHGIAC_* and .env)."""
    import uvicorn

    require_migrated(settings_of(ctx))
    console.print(f"Cảnh giác đang chạy tại / serving at http://{host}:{port}")
    uvicorn.run(
        "canhgiac.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        proxy_headers=True,
        server_header=False,
    )
