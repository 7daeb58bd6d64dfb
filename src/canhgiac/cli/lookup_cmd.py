"""``canhgiac lookup VALUE``: the public look-up from the command line (same answer as the API)."""

from __future__ import annotations

import typer
from rich.markup import escape

from canhgiac.cli.context import cli_session, console, print_json
from canhgiac.indicators.lookup import lookup as lookup_service

STATUS_LABELS = {
    "official": "[green]Chính thức / official[/]",
    "verified": "[bold red]Lừa đảo đã xác minh / verified scam[/]",
    "reported": "[yellow]Đã bị phản ánh / reported[/]",
    "disputed": "[yellow]Đang khiếu nại / disputed[/]",
    "delisted": "[cyan]Đã gỡ khỏi danh sách / delisted[/]",
    "unknown": "Chưa có phản ánh / no record",
}


def lookup(
    ctx: typer.Context,
    value: str = typer.Argument(
        ..., help="Số điện thoại, tài khoản, đường link, tên miền… / phone, account, link, domain…"
    ),
    as_json: bool = typer.Option(False, "--json", help="In JSON như API / print the API's JSON"),
) -> None:
    """Tra cứu một số điện thoại, tài khoản, đường link / look up a number, account or link."""
    with cli_session(ctx) as session:
        answer = lookup_service(session, value).to_dict()
    if as_json:
        print_json(answer)
        return
    console.print(f"{answer['display']} ({answer['kind']}): {STATUS_LABELS[answer['status']]}")
    if answer["brand"]:
        console.print(f"  Thương hiệu / brand: {answer['brand']['full_name']}")
    if answer["category_label"]:
        console.print(
            f"  Loại / category: {answer['category_label']['vi']} / {answer['category_label']['en']}"
        )
    if answer["report_count"]:
        console.print(f"  Số lần phản ánh / reports: {answer['report_count']}")
    suspicion = answer.get("suspicion")
    if suspicion:
        # The name scorer's view of a host nobody has reported yet (the web page shows it too).
        brand = suspicion["brand_name"] or suspicion["brand"]
        headline = (
            f"Chưa bị phản ánh, nhưng tên giống trang giả mạo {brand} "
            f"/ not reported yet, but the name looks like a fake {brand} site"
            if brand
            else "Chưa bị phản ánh, nhưng tên đáng ngờ / not reported yet, but the name looks "
            "suspicious"
        )
        console.print(f"  [bold yellow]{escape(headline)}[/]")
        for reason in suspicion["reasons"]:
            console.print(f"   - {escape(reason)}", highlight=False)
    console.print(f"  {answer['advice']['vi']}")
