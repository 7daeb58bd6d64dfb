"""``canhgiac worker``: the job worker and scheduler, plus job listing and one-off runs."""

from __future__ import annotations

import typer
from rich.table import Table

from canhgiac.cli.context import cli_session, console, print_json, settings_of
from canhgiac.jobs.registry import all_jobs, run_job

app = typer.Typer(invoke_without_command=True)


@app.callback()
def worker(
    ctx: typer.Context,
    workers: int = typer.Option(2, "--workers", "-w", min=1, max=64),
    worker_type: str = typer.Option("thread", "--type", help="thread | process"),
) -> None:
    """Chạy tiến trình tác vụ nền và lịch định kỳ / run the job worker and scheduler."""
    if ctx.invoked_subcommand is not None:
        return
    from canhgiac.jobs.queue import JobQueue

    settings = settings_of(ctx)
    queue = JobQueue(settings)
    backend = "Redis" if settings.redis_url else f"SQLite {settings.huey_sqlite_path}"
    console.print(f"Worker: {len(queue.tasks)} tác vụ / jobs, hàng đợi / queue: {backend}")
    queue.huey.create_consumer(workers=workers, worker_type=worker_type, periodic=True).run()


@app.command("jobs")
def worker_jobs() -> None:
    """Liệt kê tác vụ đã đăng ký / list registered jobs."""
    table = Table("Tác vụ / job", "Lịch / schedule", "Mô tả / description")
    for job in all_jobs().values():
        sched = (
            " ".join(f"{k}={v}" for k, v in (job.schedule or {}).items())
            or "theo yêu cầu / on demand"
        )
        table.add_row(job.name, sched, job.description)
    console.print(table)


@app.command("once")
def worker_once(ctx: typer.Context, name: str) -> None:
    """Chạy ngay một tác vụ (không qua hàng đợi) / run one job now, inline."""
    with cli_session(ctx) as session:
        print_json(run_job(name, settings_of(ctx), session))
