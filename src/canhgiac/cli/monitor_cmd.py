"""``canhgiac monitor …``: network monitoring (miniSOC) on log files, no database needed."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from canhgiac.cli.context import err_console, fail, print_json
from canhgiac.errors import CanhgiacError
from canhgiac.monitoring.engine import MonitorEngine
from canhgiac.monitoring.parsers import FORMATS

app = typer.Typer(no_args_is_help=True)

FORMAT_CHOICES = ("auto", *FORMATS)
MAX_TABLE_ROWS = 200


@app.command("scan")
def scan(
    logs: list[Path] = typer.Argument(..., help="Tệp nhật ký / log files (gzip được)"),
    fmt: str = typer.Option(
        "auto", "--format", help="Định dạng / format: " + "|".join(FORMAT_CHOICES)
    ),
    indicators: list[Path] = typer.Option(
        ..., "--indicators", help="Danh sách chỉ dấu hoặc thư mục maltrail / lists or trail dirs"
    ),
    allow: list[Path] = typer.Option(
        [], "--allow", help="Danh sách cho phép / allow-list (domains, IPs, CIDRs)"
    ),
    summary_json: bool = typer.Option(
        False, "--summary-json", help="In một đối tượng JSON / print one JSON object"
    ),
    heuristics: bool = typer.Option(
        False, "--heuristics", help="Thêm dấu hiệu DGA/NXDOMAIN / add DGA and NXDOMAIN signs"
    ),
    limit: int = typer.Option(50, "--limit", min=1, max=MAX_TABLE_ROWS, help="Số dòng bảng"),
) -> None:
    """Đối chiếu nhật ký với chỉ dấu / match logs against threat indicators."""
    if fmt not in FORMAT_CHOICES:
        fail(f"Không nhận ra giá trị / Unrecognised value: {fmt}", field="format")
    try:
        started = time.perf_counter()
        engine = MonitorEngine()
        load = engine.load_indicators(indicators)
        if allow:
            engine.add_allow(allow)
        result = engine.scan(logs, fmt=fmt, heuristics=heuristics)
        summary = result.summary()
        summary["indicators"] = {
            "loaded": load.indicators,
            "skipped_regex": load.skipped_regex,
            "invalid": load.invalid,
            "by_kind": load.by_kind,
        }
        if heuristics:
            from canhgiac.monitoring.heuristics import heuristic_findings

            summary["heuristics"] = heuristic_findings(engine.con)
        summary["seconds"] = round(time.perf_counter() - started, 3)
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    if summary_json:
        print_json(summary)
        return
    _print_table(result.alerts(), summary, limit)


def _print_table(alerts: duckdb.DuckDBPyRelation, summary: dict[str, Any], limit: int) -> None:
    rows = (
        alerts.order("hits DESC, src, indicator")
        .project("src, indicator, category, family, hits, first_seen, last_seen, example")
        .limit(limit)
        .fetchall()
    )
    table = Table(title="Cảnh báo / Alerts", show_lines=False)
    for col in ("Máy / Host", "Chỉ dấu / Indicator", "Nhóm / Category", "Họ / Family",
                "Lần / Hits", "Cuối / Last seen"):  # fmt: skip
        table.add_column(col, overflow="fold")
    for src, ind, cat, fam, hits, _first, last, _example in rows:
        table.add_row(src, ind, cat, fam, str(hits), _ts(last))
    # A console made now takes the terminal's current width (COLUMNS), not the width at import.
    Console().print(table)
    err_console.print(
        f"Dòng / lines: {summary['lines']}  khớp / matched: {summary['matched_lines']}  "
        f"máy / hosts: {summary['hosts']}  cảnh báo / alerts: {summary['alerts']}  "
        f"lỗi dòng / malformed: {summary['malformed']}",
        highlight=False,
    )


def _ts(value: float | None) -> str:
    if value is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(value))


@app.command("watch")
def watch(
    targets: list[Path] = typer.Argument(..., help="Tệp hoặc thư mục nhật ký / files or dirs"),
    state: Path = typer.Option(..., "--state", help="Tệp trạng thái .duckdb / state file"),
    indicators: list[Path] = typer.Option(..., "--indicators", help="Chỉ dấu / indicators"),
    fmt: str = typer.Option("auto", "--format", help="Định dạng / format"),
    pattern: str = typer.Option("*", "--pattern", help="Mẫu tên tệp / file name pattern"),
    interval: float = typer.Option(5.0, "--interval", min=0.2, max=3600),
    polls: int = typer.Option(0, "--polls", min=0, help="Số lần quét, 0 = mãi / 0 = forever"),
) -> None:
    """Theo dõi liên tục có điểm lưu / tail logs with checkpoints; prints one JSON per poll."""
    from canhgiac.monitoring.watch import Watcher

    if fmt not in FORMAT_CHOICES:
        fail(f"Không nhận ra giá trị / Unrecognised value: {fmt}", field="format")
    try:
        watcher = Watcher(state, targets, fmt=fmt, pattern=pattern, indicators=indicators)
        done = 0
        while True:
            polled = watcher.poll()
            summary = watcher.result().summary()
            print_json({"new_lines": polled.lines, "new_malformed": polled.malformed, **summary})
            done += 1
            if polls and done >= polls:
                break
            time.sleep(interval)
        watcher.close()
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
