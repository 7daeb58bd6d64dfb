"""``canhgiac disputes …``: the queue of owners' disputes against listings.

The disputant's contact is personal data: it is shown only with ``--reveal-contact``, and
every such view is recorded in the audit log.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from canhgiac.accounts.personal_data import PersonalDataCipher
from canhgiac.cli.context import cli_session, console, fail, print_json, settings_of
from canhgiac.indicators import disputes
from canhgiac.indicators.models import Dispute

app = typer.Typer(no_args_is_help=True)


def _dispute_dict(d: Dispute) -> dict[str, Any]:
    return {
        "id": d.id,
        "indicator_id": d.indicator_id,
        "value": d.indicator.display,
        "indicator_status": d.indicator.status,
        "status": d.status,
        "explanation": d.explanation,
        "evidence": d.evidence,
        "created_at": d.created_at.isoformat(),
        "decided_at": d.decided_at.isoformat() if d.decided_at else None,
        "decision_reason": d.decision_reason,
    }


@app.command("list")
def list_command(
    ctx: typer.Context,
    status: Annotated[
        str, typer.Option("--status", help="open | accepted | rejected | all")
    ] = "open",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Các khiếu nại / disputes (open by default)."""
    with cli_session(ctx) as session:
        rows = [
            _dispute_dict(d)
            for d in disputes.list_disputes(session, status=None if status == "all" else status)
        ]
    if as_json:
        print_json(rows)
        return
    table = Table(title="Khiếu nại / disputes")
    for column in ("ID", "Giá trị / value", "Trạng thái / status", "Ngày / filed", "Giải trình"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            escape(row["value"]),
            row["status"],
            row["created_at"][:10],
            escape(row["explanation"][:80]),
        )
    console.print(table)


@app.command("show")
def show(
    ctx: typer.Context,
    dispute_id: Annotated[int, typer.Argument(metavar="ID")],
    reveal_contact: Annotated[
        bool,
        typer.Option("--reveal-contact", help="Giải mã liên hệ (ghi nhật ký) / decrypt, audited"),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Xem một khiếu nại / show a dispute."""
    with cli_session(ctx) as session:
        dispute = disputes.get_dispute(session, dispute_id)
        data = _dispute_dict(dispute)
        if reveal_contact:
            cipher = PersonalDataCipher(settings_of(ctx))
            data["contact"] = disputes.reveal_contact(session, cipher=cipher, dispute=dispute)
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]#{data['id']}[/] {escape(data['value'])} — {data['status']}")
    console.print(f"  Trạng thái chỉ dấu / record: {data['indicator_status']}")
    console.print(f"  Giải trình / explanation: {escape(data['explanation'])}")
    if data["evidence"]:
        console.print(f"  Bằng chứng / evidence: {escape(data['evidence'])}")
    if "contact" in data:
        console.print(f"  Liên hệ / contact: {escape(data['contact'])} [dim](đã ghi nhật ký)[/]")
    if data["decision_reason"]:
        console.print(f"  Quyết định / decision: {escape(data['decision_reason'])}")


@app.command("decide")
def decide(
    ctx: typer.Context,
    dispute_id: Annotated[int, typer.Argument(metavar="ID")],
    accept: Annotated[bool, typer.Option("--accept/--reject", help="Chấp nhận hay bác bỏ")],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Lý do (bắt buộc) / reason")],
) -> None:
    """Chấp nhận (gỡ cảnh báo) hoặc bác bỏ / accept (delist) or reject a dispute."""
    if not reason.strip():
        fail("Cần ghi lý do / a reason is required", field="reason")
    with cli_session(ctx) as session:
        dispute = disputes.get_dispute(session, dispute_id)
        disputes.decide_dispute(
            session, dispute=dispute, accept=accept, reason=reason, decided_by_id=None
        )
        console.print(
            f"#{dispute.id}: {dispute.status}; chỉ dấu / record: {dispute.indicator.status}"
        )
