"""``canhgiac detect url …``: check a URL with the sandboxed fetcher and page analysis."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from canhgiac.cli.context import console, fail, print_json, settings_of
from canhgiac.errors import CanhgiacError

if TYPE_CHECKING:
    from canhgiac.detectors.pages.check import UrlCheck

app = typer.Typer(no_args_is_help=True)

EXIT_REFUSED = 2
MAX_BATCH = 10_000
MAX_SHOWN = 200


def _safe(value: Any, limit: int = MAX_SHOWN) -> str:
    """Page-derived text for the terminal: no control characters, no Rich markup."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(value))[:limit]
    return escape(text)


def _show(result: UrlCheck) -> None:
    out = console.print
    verdict = (
        "[bold red]ĐÁNG NGỜ / SUSPICIOUS[/]"
        if result.is_suspicious
        else "[green]không thấy dấu hiệu rõ / nothing conclusive[/]"
    )
    out(
        f"[bold]{_safe(result.url)}[/]  {verdict}  điểm / score {result.score:.2f}", highlight=False
    )
    name = result.name
    if name:
        out(
            f"Tên miền / name: {_safe(name.get('domain'))} điểm / score {float(name.get('score') or 0):.2f}"
            + (f", giả / imitates {_safe(name.get('brand'))}" if name.get("brand") else ""),
            highlight=False,
        )
    fetched = result.fetch
    for hop in fetched.hops:
        out(
            f"  → {_safe(hop.url)} [{hop.status or '-'}] {hop.ip or ''}"
            + (f" {_safe(hop.error)}" if hop.error else ""),
            highlight=False,
        )
    if fetched.tls:
        tls = fetched.tls
        out(
            f"TLS: {_safe(tls.issuer)}; {tls.not_before[:10]} → {tls.not_after[:10]}; "
            f"SAN {_safe(', '.join(tls.sans[:5]))}"
            + (
                ""
                if tls.verified
                else f" [red](không hợp lệ / not verified: {_safe(tls.verify_error)})[/]"
            ),
            highlight=False,
        )
    if fetched.error:
        out(f"[yellow]{_safe(fetched.error)}[/]", highlight=False)
    page = result.page
    if page:
        out(f"Tiêu đề / title: {_safe(page.title)}", highlight=False)
        if page.brands_named:
            out(
                f"Thương hiệu / brands: {_safe(', '.join(page.brands_named[:10]))}", highlight=False
            )
        for form in page.forms:
            target = form.action or "(script)"
            flag = " [red]→ máy chủ khác / other host[/]" if form.posts_elsewhere else ""
            out(
                f"Biểu mẫu / form {form.method.upper()} {_safe(target)}{flag}: "
                f"{_safe(', '.join(form.kinds) or '-')}",
                highlight=False,
            )
        for link in page.apk_links[:5]:
            out(f"APK: {_safe(link)}", highlight=False)
    for capture in result.captures:
        out(
            f"Bằng chứng / evidence {capture.kind}: {capture.sha256} ({capture.size} B)",
            highlight=False,
        )
    if result.screenshot_error:
        out(f"[yellow]Ảnh chụp / screenshot: {_safe(result.screenshot_error)}[/]", highlight=False)
    for reason in result.reasons:
        out(f"  • {_safe(reason, 400)}", highlight=False)


@app.command("check")
def check(
    ctx: typer.Context,
    url: str = typer.Argument(..., help="Đường link cần kiểm tra (http/https)"),
    screenshot: bool = typer.Option(False, "--screenshot", help="Chụp ảnh trang bằng Chromium"),
    as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON"),
    assets: bool = typer.Option(True, help="Tải favicon/logo (có giới hạn) để băm"),
) -> None:
    """Kiểm tra một đường link / check one URL: name, page, forms, brands, score."""
    from canhgiac.detectors.pages.check import UrlChecker

    settings = settings_of(ctx)
    try:
        result = UrlChecker.from_settings(settings, fetch_assets=assets).check(
            url, screenshot=screenshot
        )
    except CanhgiacError as exc:
        fail(exc.message, field=exc.field)
    if as_json:
        print_json(result.to_dict())
    else:
        _show(result)
    if result.refused:
        fail(result.refused, field="url", code=EXIT_REFUSED)


@app.command("check-many")
def check_many(
    ctx: typer.Context,
    input: Path = typer.Option(..., "--input", "-i", help="Tệp đường link, mỗi dòng một link"),
    workers: int = typer.Option(4, min=1, max=32, help="Số luồng tải song song"),
    screenshot: bool = typer.Option(False, "--screenshot", help="Chụp ảnh trang bằng Chromium"),
) -> None:
    """Kiểm tra nhiều đường link / check many URLs: one JSON object per input line, in order."""
    from canhgiac.detectors.pages.check import UrlChecker

    try:
        with open(input, encoding="utf-8", errors="replace") as fh:
            urls = [line.strip() for _, line in zip(range(MAX_BATCH + 1), fh, strict=False)]
    except OSError as exc:
        fail(f"Không mở được tệp {input}: {exc.strerror} / cannot open file", field="input")
    if len(urls) > MAX_BATCH:
        fail(f"Quá {MAX_BATCH} dòng / more than {MAX_BATCH} lines", field="input")
    checker = UrlChecker.from_settings(settings_of(ctx))
    for url, result in zip(
        urls, checker.check_many(urls, workers, screenshot=screenshot), strict=True
    ):
        row = (
            result.to_dict()
            if not isinstance(result, CanhgiacError)
            else {"url": url, **result.to_dict()}
        )
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
