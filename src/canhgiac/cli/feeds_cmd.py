"""``canhgiac feeds …``: the feed registry — add, list with health, run, enable, disable, update."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from canhgiac.cli.context import cli_session, console, fail, print_json, settings_of
from canhgiac.errors import CanhgiacError
from canhgiac.indicators import feed_registry as feeds
from canhgiac.indicators.feed_specs import parse_category_map, parse_columns
from canhgiac.indicators.jobs import update_feeds
from canhgiac.indicators.models import Feed

app = typer.Typer(no_args_is_help=True)


def _feed_dict(session: Any, feed: Feed) -> dict[str, Any]:
    health = feeds.feed_health(feed)
    return {
        "id": feed.id,
        "name": feed.name,
        "url": feed.url,
        "format": feed.format,
        "category": feed.category,
        "import_status": feed.import_status,
        "interval_hours": feed.interval_hours,
        "stale_after_hours": feed.stale_after_hours,
        "enabled": feed.enabled,
        "last_success_at": feed.last_success_at.isoformat() if feed.last_success_at else None,
        "last_entries": feed.last_entries,
        "health": health.state,
        "health_message": health.message_vi,
        "alarm": health.alarm,
        "active_entries": feeds.active_entries(session, feed),
    }


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Tên nguồn / feed name")],
    url: Annotated[str, typer.Argument(help="URL http(s)")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=" | ".join(feeds.FEED_FORMATS))
    ] = "plain",
    category: Annotated[str | None, typer.Option("--category", "-c")] = None,
    category_map: Annotated[
        str | None, typer.Option("--category-map", help="theirs=ours,… / category mapping")
    ] = None,
    columns: Annotated[
        str | None, typer.Option("--columns", help="CSV: value=cột,kind=cột,… / CSV columns")
    ] = None,
    interval: Annotated[int, typer.Option("--interval", help="Giờ / hours between runs")] = 24,
    stale_after: Annotated[int, typer.Option("--stale-after", help="Giờ / hours")] = 72,
    import_status: Annotated[
        str, typer.Option("--import-status", help="reported | verified")
    ] = "verified",
) -> None:
    """Thêm một nguồn / add a feed."""
    with cli_session(ctx) as session:
        feed = feeds.create_feed(
            session,
            name=name,
            url=url,
            fmt=fmt,
            category=category,
            category_map=parse_category_map(category_map or ""),
            columns=parse_columns(columns or ""),
            interval_hours=interval,
            stale_after_hours=stale_after,
            import_status=import_status,
        )
        console.print(f"Đã thêm nguồn / feed added: #{feed.id} {escape(feed.name)}")


@app.command("list")
def list_command(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json")] = False
) -> None:
    """Các nguồn và tình trạng / feeds with their health."""
    with cli_session(ctx) as session:
        rows = [_feed_dict(session, f) for f in feeds.list_feeds(session)]
    if as_json:
        print_json(rows)
        return
    table = Table(title="Nguồn chỉ dấu / feeds")
    for column in ("ID", "Tên / name", "Định dạng", "Tình trạng / health", "Mục / active", "URL"):
        table.add_column(column)
    for row in rows:
        colour = "red" if row["alarm"] else "green" if row["health"] == "ok" else "white"
        table.add_row(
            str(row["id"]),
            escape(row["name"]),
            row["format"],
            f"[{colour}]{row['health']}[/] {escape(row['health_message'])}",
            str(row["active_entries"]),
            escape(row["url"]),
        )
    console.print(table)


@app.command("run")
def run(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Tên hoặc ID / name or id")],
    force: Annotated[bool, typer.Option("--force", help="Bỏ qua ETag / ignore ETag")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Chạy một nguồn ngay / run one feed now."""
    failure: CanhgiacError | None = None
    with cli_session(ctx) as session:
        feed = feeds.get_feed(session, name)
        nested = session.begin_nested()
        try:
            report = feeds.run_feed(session, feed, settings=settings_of(ctx), force=force)
            nested.commit()
        except CanhgiacError as exc:
            nested.rollback()
            feeds.mark_feed_failed(session, feed, exc.message)  # committed with the session
            failure, report = exc, None
    if failure is not None:
        fail(failure.message, field=failure.field)
    data = report.to_dict() if report else None
    if as_json:
        print_json(data)
    elif data is None:
        console.print("Nguồn không thay đổi / feed not modified")
    else:
        console.print(
            f"{escape(name)}: {data['entries']} mục / entries, {data['created']} mới / new, "
            f"{data['unchanged']} không đổi / unchanged, {data['aged_out']} hết hạn / aged out, "
            f"{data['malformed']} lỗi / malformed"
        )


def _set_enabled(ctx: typer.Context, name: str, enabled: bool) -> None:
    with cli_session(ctx) as session:
        feed = feeds.set_feed_enabled(session, feeds.get_feed(session, name), enabled)
        state = "bật / enabled" if feed.enabled else "tắt / disabled"
        console.print(f"{escape(feed.name)}: {state}")


@app.command("enable")
def enable(ctx: typer.Context, name: Annotated[str, typer.Argument()]) -> None:
    """Bật một nguồn / enable a feed."""
    _set_enabled(ctx, name, True)


@app.command("disable")
def disable(ctx: typer.Context, name: Annotated[str, typer.Argument()]) -> None:
    """Tắt một nguồn / disable a feed."""
    _set_enabled(ctx, name, False)


@app.command("update")
def update(
    ctx: typer.Context,
    force: Annotated[bool, typer.Option("--force", help="Chạy mọi nguồn bật / run all")] = False,
) -> None:
    """Chạy tác vụ định kỳ ngay: mọi nguồn đến hạn / run the scheduled update inline."""
    with cli_session(ctx) as session:
        result = update_feeds(session, settings_of(ctx), force=force)
    print_json(result)
