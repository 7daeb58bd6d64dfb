"""``canhgiac indicators …``: normalise, import and look up indicators."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from canhgiac.cli.context import cli_session, console, err_console, fail, print_json
from canhgiac.errors import CanhgiacError, ValidationFailed
from canhgiac.indicators import store
from canhgiac.indicators.feed_specs import parse_columns
from canhgiac.indicators.feeds.download import download
from canhgiac.indicators.feeds.formats.csv_columns import CsvMapping
from canhgiac.indicators.feeds.misp_fetch import fetch_misp_feed
from canhgiac.indicators.importer import import_path
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.models import STATUSES, Indicator
from canhgiac.indicators.normalize import normalize

app = typer.Typer(no_args_is_help=True)


@app.command("normalize")
def normalize_command(
    value: Annotated[str, typer.Argument(help="Giá trị cần chuẩn hóa / value to normalise")],
    kind: Annotated[
        IndicatorKind | None,
        typer.Option(
            "--kind",
            "-k",
            case_sensitive=False,
            help="Loại chỉ dấu; bỏ trống để tự nhận diện / indicator kind; omit to detect",
        ),
    ] = None,
) -> None:
    """Chuẩn hóa một chỉ dấu và in JSON / normalise one indicator and print it as JSON."""
    try:
        indicator = normalize(value, kind)
    except ValidationFailed as exc:
        fail(exc.message, field=exc.field)
    print_json(indicator.to_dict())


class ImportFormat(StrEnum):
    PLAIN = "plain"
    CSV = "csv"
    MALTRAIL = "maltrail"
    URLHAUS = "urlhaus"
    CHONGLUADAO = "chongluadao"
    MISP = "misp"
    STIX = "stix"


class ImportStatus(StrEnum):
    REPORTED = "reported"
    VERIFIED = "verified"


@contextmanager
def _local_copy(source: str, fmt: str) -> Iterator[Path]:
    """A path for ``source``: itself, or a bounded download of a URL into a temporary folder."""
    if not source.lower().startswith(("http://", "https://")):
        yield Path(source)
        return
    with tempfile.TemporaryDirectory(prefix="canhgiac-import-") as tmp:
        workdir = Path(tmp)
        path: Path | None = workdir
        try:
            with err_console.status(f"Đang tải / downloading {escape(source)}"):
                if fmt == ImportFormat.MISP:
                    fetch_misp_feed(source, workdir)
                else:
                    path = download(source, dest_dir=workdir).path
        except CanhgiacError as exc:
            fail(exc.message, field=exc.field or "url")
        if path is None:
            fail("Máy chủ không trả về nội dung / the server returned no content", field="url")
        yield path


def _print_report(data: dict[str, Any]) -> None:
    table = Table(title=f"Nhập / import: {escape(str(data['source']))}", show_header=False)
    for key, label in (
        ("entries", "Mục đọc được / entries"),
        ("stored", "Hợp lệ / stored"),
        ("created", "Mới / created"),
        ("unchanged", "Không đổi / unchanged"),
        ("revived", "Xuất hiện lại / revived"),
        ("aged_out", "Hết hạn khỏi nguồn / aged out"),
        ("malformed", "Lỗi định dạng / malformed"),
        ("skipped", "Bỏ qua / skipped"),
    ):
        table.add_row(label, str(data[key]))
    console.print(table)
    for problem in data["problems"]:
        where = f"{problem['file'] or ''}:{problem['line']}"
        console.print(f"  [yellow]{escape(where)}[/] {escape(str(problem['reason']))}")


@app.command("import")
def import_command(
    ctx: typer.Context,
    source_path: Annotated[
        str, typer.Argument(metavar="PATH|URL", help="Tệp, thư mục hoặc URL / file, folder or URL")
    ],
    fmt: Annotated[
        ImportFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="Định dạng / format"),
    ],
    source: Annotated[
        str, typer.Option("--source", "-s", help="Tên nguồn ghi vào mỗi mục / source name")
    ],
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="Danh mục mặc định / default category")
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option("--columns", help="CSV: value=cột,kind=cột,category=cột / CSV column mapping"),
    ] = None,
    status: Annotated[
        ImportStatus,
        typer.Option("--status", case_sensitive=False, help="Trạng thái mục mới / new entries"),
    ] = ImportStatus.VERIFIED,
    no_age_out: Annotated[
        bool,
        typer.Option(
            "--no-age-out",
            help="Không làm hết hạn mục vắng mặt (tệp chỉ là một phần) / partial file",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="In báo cáo JSON / JSON report")] = False,
) -> None:
    """Nhập một nguồn chỉ dấu / import an indicator feed file, folder or URL."""
    try:
        mapping = CsvMapping(**parse_columns(columns or "")) if fmt == ImportFormat.CSV else None
    except (ValidationFailed, TypeError) as exc:
        fail(getattr(exc, "message", str(exc)), field="columns")
    with _local_copy(source_path, fmt.value) as path, cli_session(ctx) as session:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            TextColumn("{task.completed:,} mục / entries"),
            TimeElapsedColumn(),
            console=err_console,
            transient=as_json,
        )
        with progress:
            task = progress.add_task(f"Nhập / importing {escape(path.name)}", total=None)
            report = import_path(
                session,
                path,
                fmt=fmt.value,
                source=source,
                category=category,
                csv_mapping=mapping,
                status=status.value,
                full_snapshot=not no_age_out,
                progress=lambda n: progress.update(task, completed=n),
            )
            progress.update(task, completed=report.entries)
    data = report.to_dict()
    if as_json:
        print_json(data)
    else:
        _print_report(data)


def _indicator_dict(ind: Indicator) -> dict[str, Any]:
    return {
        "id": ind.id,
        "kind": ind.kind,
        "value": ind.value,
        "display": ind.display,
        "status": ind.status,
        "category": ind.category,
        "family": ind.family,
        "confidence": ind.confidence,
        "tlp": ind.tlp,
        "report_count": ind.report_count,
        "first_seen": ind.first_seen.isoformat(),
        "last_seen": ind.last_seen.isoformat(),
        "listed_at": ind.listed_at.isoformat() if ind.listed_at else None,
        "merged_into_id": ind.merged_into_id,
    }


@app.command("search")
def search_command(
    ctx: typer.Context,
    q: Annotated[str | None, typer.Argument(help="Giá trị cần tìm / value to find")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k")] = None,
    status: Annotated[str | None, typer.Option("--status")] = None,
    category: Annotated[str | None, typer.Option("--category", "-c")] = None,
    source: Annotated[str | None, typer.Option("--source", "-s")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=500)] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Tìm chỉ dấu / search indicators."""
    with cli_session(ctx) as session:
        page = store.search_indicators(
            session,
            q=q,
            kind=kind,
            status=status,
            category=category,
            source=source,
            limit=limit,
            offset=offset,
        )
        items = [_indicator_dict(i) for i in page.items]
    if as_json:
        print_json({"items": items, "total": page.total, "limit": limit, "offset": offset})
        return
    table = Table(title=f"{page.total} chỉ dấu / indicators")
    for column in ("ID", "Giá trị / value", "Loại / kind", "Trạng thái / status", "Danh mục"):
        table.add_column(column)
    for item in items:
        table.add_row(
            str(item["id"]),
            escape(item["display"]),
            item["kind"],
            item["status"],
            escape(item["category"] or ""),
        )
    console.print(table)


@app.command("show")
def show_command(
    ctx: typer.Context,
    indicator_id: Annotated[int, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Xem một chỉ dấu: nguồn, lần thấy, lịch sử / one indicator with sources and history."""
    with cli_session(ctx) as session:
        ind = store.get_indicator(session, indicator_id)
        data = _indicator_dict(ind)
        data["sources"] = [
            {
                "source": s.source,
                "active": s.active,
                "category": s.category,
                "family": s.family,
                "reference": s.reference,
                "first_seen": s.first_seen.isoformat(),
                "last_seen": s.last_seen.isoformat(),
            }
            for s in ind.sources
        ]
        data["sightings"] = [
            {"at": s.at.isoformat(), "source_kind": s.source_kind, "count": s.count}
            for s in store.sightings_of(session, ind)
        ]
        data["history"] = [
            {"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "after": e.after}
            for e in store.indicator_history(session, ind)
        ]
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]#{data['id']} {escape(data['display'])}[/] ({data['kind']})")
    for key in ("status", "category", "family", "confidence", "tlp", "report_count"):
        console.print(f"  {key}: {escape(str(data[key]))}")
    console.print(f"  first/last seen: {data['first_seen']} → {data['last_seen']}")
    for src in data["sources"]:
        flag = "active" if src["active"] else "aged out"
        console.print(f"  nguồn / source: {escape(src['source'])} ({flag})")
    for event in data["history"][:20]:
        console.print(f"  {event['at']} {escape(event['actor'])} {event['action']}")


@app.command("status")
def status_command(
    ctx: typer.Context,
    indicator_id: Annotated[int, typer.Argument(metavar="ID")],
    status: Annotated[str, typer.Argument(metavar="STATUS", help=" | ".join(STATUSES))],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Lý do (bắt buộc) / reason")],
) -> None:
    """Đổi trạng thái một chỉ dấu / change an indicator's status (lifecycle enforced)."""
    with cli_session(ctx) as session:
        ind = store.get_indicator(session, indicator_id)
        before = ind.status
        store.change_status(session, ind, status=status, reason=reason)
        console.print(f"#{ind.id} {escape(ind.display)}: {before} → {ind.status}")
