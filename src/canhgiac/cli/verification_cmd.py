"""``canhgiac verification``: feed the domain verification queue and work it from a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.table import Table

from canhgiac.cli.context import cli_session, console, fail, print_json, settings_of
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.detectors.infrastructure import InfrastructureLookup
from canhgiac.detectors.pages.check import UrlChecker
from canhgiac.errors import CanhgiacError
from canhgiac.verification import service
from canhgiac.verification.sources import SOURCE_FORMATS, default_source, iter_names

app = typer.Typer(no_args_is_help=True)


@app.command("import")
def import_names(
    ctx: typer.Context,
    path: str = typer.Argument(..., help="Danh sách tên / names file (gzip ok); - = stdin"),
    fmt: str = typer.Option("list", "--format", help=", ".join(SOURCE_FORMATS)),
    source: str | None = typer.Option(
        None,
        "--source",
        help="e.g. nrd, vnnic; mặc định / default: list, ct (ct-*), monitoring (nhật ký / logs)",
    ),
    stream: bool = typer.Option(
        False,
        "--stream",
        help="Luồng không dứt (CertStream): mỗi lô được lưu ngay / an endless stream: each "
        "batch is saved as it comes, one JSON line of totals per batch",
    ),
    batch: int = typer.Option(500, "--batch", min=1, max=100_000, help="Tên mỗi lô / per batch"),
) -> None:
    """Chấm điểm tên mới và đưa tên đáng ngờ vào hàng đợi / score names, queue the suspicious.

    ``certstream --json | canhgiac verification import - --format ct-jsonl --stream``
    queues suspicious names from the certificate-transparency stream as they appear;
    ``--format bind`` (or zeek-dns, unbound, dnsmasq, suricata, squid) takes the names
    queried or visited in a monitoring log, each once."""
    source = source or default_source(fmt)
    names = iter_names(sys.stdin.buffer if path == "-" else Path(path), fmt)
    if not stream:
        with cli_session(ctx) as session:
            result = service.enqueue_names(session, load_domain_scorer(), names, source=source)
        print_json(result.__dict__)
        return
    totals = service.EnqueueResult()
    try:
        for chunk in _batches(names, batch):
            # One transaction per batch: names reach the queue while the stream goes on, and
            # a stream that breaks off keeps every batch saved before.
            with cli_session(ctx) as session:
                result = service.enqueue_names(session, load_domain_scorer(), chunk, source=source)
            for key, value in result.__dict__.items():
                setattr(totals, key, getattr(totals, key) + value)
            print_json(totals.__dict__)
            sys.stdout.flush()
    except CanhgiacError as exc:  # a missing file or unknown format, found on first read
        fail(exc.message, field=exc.field)


def _batches(names: Iterator[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for name in names:
        chunk.append(name)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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
    ctx: typer.Context,
    candidate_id: int,
    screenshot: bool = typer.Option(False, "--screenshot"),
    url: str | None = typer.Option(
        None,
        "--url",
        help="Đường link trên tên miền này / a link on this name (mặc định / default: the link "
        "seen on it, then its home page)",
    ),
) -> None:
    """Kiểm tra trang của tên miền (hộp cát) / check the name's page in the sandbox."""
    with cli_session(ctx) as session:
        candidate = service.get_candidate(session, candidate_id)
        settings = settings_of(ctx)
        service.capture_candidate(
            session,
            UrlChecker.from_settings(settings),
            candidate,
            screenshot=screenshot,
            infrastructure=InfrastructureLookup.for_settings(settings),
            url=url,
        )
        print_json(candidate.capture)


@app.command("capture-pending")
def capture_pending(
    ctx: typer.Context,
    limit: int = typer.Option(50, "--limit", min=1, max=service.MAX_CAPTURES_PER_RUN),
    workers: int = typer.Option(4, "--workers", min=1, max=32, help="Số trang tải song song"),
    screenshot: bool = typer.Option(False, "--screenshot"),
) -> None:
    """Kiểm tra trang của các tên chưa kiểm tra / capture the pages of names not yet captured.

    The same as the scheduled job ``verification.capture_pending`` (every ten minutes under
    ``canhgiac worker``): highest score first, pages fetched concurrently in the sandbox."""
    with cli_session(ctx) as session:
        settings = settings_of(ctx)
        print_json(
            service.capture_pending(
                session,
                UrlChecker.from_settings(settings),
                limit=limit,
                workers=workers,
                screenshot=screenshot,
                infrastructure=InfrastructureLookup.for_settings(settings),
            )
        )


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
