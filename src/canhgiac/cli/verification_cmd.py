"""``canhgiac verification``: feed the domain verification queue and work it from a terminal."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from canhgiac.cli.context import cli_session, console, print_json, settings_of
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.detectors.pages.check import UrlChecker
from canhgiac.verification import service
from canhgiac.verification.sources import SOURCE_FORMATS, iter_names

app = typer.Typer(no_args_is_help=True)


@app.command("import")
def import_names(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="Danh sách tên / names file (gzip ok)"),
    fmt: str = typer.Option("list", "--format", help=", ".join(SOURCE_FORMATS)),
    source: str = typer.Option("list", "--source", help="e.g. ct, nrd, vnnic"),
) -> None:
    """Chấm điểm tên mới và đưa tên đáng ngờ vào hàng đợi / score names, queue the suspicious."""
    with cli_session(ctx) as session:
        result = service.enqueue_names(
            session, load_domain_scorer(), iter_names(path, fmt), source=source
        )
    print_json(result.__dict__)


@app.command("list")
def list_queue(
    ctx: typer.Context, status: str = typer.Option("pending"), limit: int = typer.Option(30)
) -> None:
    """Hàng đợi xác minh / the queue, highest score first."""
    with cli_session(ctx) as session:
        page = service.list_candidates(session, status=status, limit=limit)
        table = Table(
            "ID", "Tên miền / name", "Điểm / score", "Thương hiệu / brand", "Nguồn / source"
        )
        for c in page.items:
            table.add_row(str(c.id), c.name, f"{c.score:.2f}", c.brand or "", c.source)
        console.print(table)
        console.print(f"{page.total} tên / names")


@app.command("capture")
def capture(
    ctx: typer.Context, candidate_id: int, screenshot: bool = typer.Option(False, "--screenshot")
) -> None:
    """Kiểm tra trang của tên miền (hộp cát) / check the name's page in the sandbox."""
    with cli_session(ctx) as session:
        candidate = service.get_candidate(session, candidate_id)
        service.capture_candidate(
            session, UrlChecker.from_settings(settings_of(ctx)), candidate, screenshot=screenshot
        )
        print_json(candidate.capture)


@app.command("decide")
def decide(
    ctx: typer.Context,
    candidate_id: int,
    decision: str = typer.Argument(..., help="confirm | reject"),
    category: str | None = typer.Option(None, "--category"),
    reason: str = typer.Option("", "--reason"),
) -> None:
    """Xác nhận (đưa vào danh sách) hoặc bác bỏ / confirm (list it) or reject."""
    if decision not in ("confirm", "reject"):
        raise typer.BadParameter("confirm | reject", param_hint="DECISION")
    with cli_session(ctx) as session:
        candidate = service.decide_candidate(
            session,
            service.get_candidate(session, candidate_id),
            confirm=decision == "confirm",
            category=category,
            reason=reason,
            decided_by_id=None,
            analyst_name=f"cli:{candidate_id}",
        )
        console.print(f"{candidate.name}: {candidate.status}")
