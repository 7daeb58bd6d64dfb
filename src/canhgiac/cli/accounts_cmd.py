"""``canhgiac agencies|users|tokens``."""

from __future__ import annotations

import os
from datetime import datetime

import typer
from rich.table import Table

from canhgiac.accounts import agencies as agency_service
from canhgiac.accounts import tokens as token_service
from canhgiac.accounts import users as user_service
from canhgiac.accounts.roles import AgencyKind, Role, Scope
from canhgiac.cli.context import cli_session, console, fail, print_json
from canhgiac.db.base import utcnow

agencies_app = typer.Typer(no_args_is_help=True)
users_app = typer.Typer(no_args_is_help=True)
tokens_app = typer.Typer(no_args_is_help=True)

KINDS = ", ".join(k.value for k in AgencyKind)
ROLES = ", ".join(r.value for r in Role)
SCOPES = ", ".join(s.value for s in Scope)


@agencies_app.command("create")
def agencies_create(
    ctx: typer.Context,
    code: str = typer.Argument(..., help="Mã ngắn / short code, e.g. cong-an-tinh"),
    name: str = typer.Option(..., "--name", help="Tên đầy đủ / full name"),
    kind: str = typer.Option(..., "--kind", help=f"Loại / kind: {KINDS}"),
    networks: str = typer.Option("", "--networks", help="Dải mạng, cách nhau dấu phẩy / CIDRs"),
    email: str = typer.Option("", "--email"),
) -> None:
    """Tạo cơ quan / create an agency."""
    with cli_session(ctx) as session:
        agency = agency_service.create_agency(
            session, code=code, name=name, kind=kind, network_ranges=networks, contact_email=email
        )
        console.print(f"Đã tạo cơ quan / created agency [bold]{agency.code}[/] (id {agency.id})")


@agencies_app.command("list")
def agencies_list(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    """Liệt kê cơ quan / list agencies."""
    with cli_session(ctx) as session:
        rows = agency_service.list_agencies(session)
        if as_json:
            print_json(
                [
                    {
                        "id": a.id,
                        "code": a.code,
                        "name": a.name,
                        "kind": a.kind,
                        "active": a.is_active,
                        "network_ranges": a.network_ranges.split(),
                    }
                    for a in rows
                ]
            )
            return
        table = Table("ID", "Mã / code", "Tên / name", "Loại / kind", "Hoạt động / active")
        for a in rows:
            table.add_row(str(a.id), a.code, a.name, a.kind, "✓" if a.is_active else "✗")
        console.print(table)


def _read_password(password: str | None) -> str:
    if password:
        return password
    from_env = os.environ.get("CANHGIAC_NEW_PASSWORD")
    if from_env:
        return from_env
    return str(typer.prompt("Mật khẩu / password", hide_input=True, confirmation_prompt=True))


@users_app.command("create")
def users_create(
    ctx: typer.Context,
    username: str,
    agency: str = typer.Option(..., "--agency", help="Mã cơ quan / agency code"),
    role: str = typer.Option(..., "--role", help=f"Vai trò / role: {ROLES}"),
    full_name: str = typer.Option(..., "--name", help="Họ tên / full name"),
    email: str = typer.Option("", "--email"),
    password: str | None = typer.Option(
        None,
        "--password",
        help="Bỏ trống để nhập ẩn hoặc dùng CANHGIAC_NEW_PASSWORD / omit to be prompted",
    ),
) -> None:
    """Tạo người dùng / create a user."""
    secret = _read_password(password)
    with cli_session(ctx) as session:
        user = user_service.create_user(
            session,
            agency=agency_service.get_agency(session, agency),
            username=username,
            full_name=full_name,
            role=role,
            password=secret,
            email=email,
        )
        console.print(f"Đã tạo người dùng / created user [bold]{user.username}[/] ({user.role})")


@users_app.command("list")
def users_list(
    ctx: typer.Context,
    agency: str | None = typer.Option(None, "--agency"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Liệt kê người dùng / list users."""
    with cli_session(ctx) as session:
        agency_id = agency_service.get_agency(session, agency).id if agency else None
        rows = user_service.list_users(session, agency_id=agency_id)
        if as_json:
            print_json(
                [
                    {
                        "id": u.id,
                        "username": u.username,
                        "full_name": u.full_name,
                        "role": u.role,
                        "agency": u.agency.code,
                        "active": u.is_active,
                    }
                    for u in rows
                ]
            )
            return
        table = Table(
            "ID",
            "Tên đăng nhập / username",
            "Họ tên / name",
            "Vai trò / role",
            "Cơ quan / agency",
            "Hoạt động / active",
        )
        for u in rows:
            table.add_row(
                str(u.id),
                u.username,
                u.full_name,
                u.role,
                u.agency.code,
                "✓" if u.is_active else "✗",
            )
        console.print(table)


@users_app.command("disable")
def users_disable(ctx: typer.Context, username: str) -> None:
    """Vô hiệu hóa người dùng (kết thúc mọi phiên) / disable a user and end their sessions."""
    with cli_session(ctx) as session:
        user_service.set_user_active(session, user_service.get_user(session, username), False)
        console.print(f"Đã vô hiệu hóa / disabled {username}")


@users_app.command("enable")
def users_enable(ctx: typer.Context, username: str) -> None:
    """Kích hoạt lại người dùng / re-enable a user."""
    with cli_session(ctx) as session:
        user_service.set_user_active(session, user_service.get_user(session, username), True)
        console.print(f"Đã kích hoạt / enabled {username}")


@users_app.command("set-password")
def users_set_password(
    ctx: typer.Context, username: str, password: str | None = typer.Option(None, "--password")
) -> None:
    """Đặt lại mật khẩu (mở khóa) / reset a password and clear any lock-out."""
    secret = _read_password(password)
    with cli_session(ctx) as session:
        user_service.update_user(session, user_service.get_user(session, username), password=secret)
        console.print(f"Đã đặt lại mật khẩu / password reset for {username}")


@tokens_app.command("create")
def tokens_create(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Tên / name, e.g. 'VNPT DNS RPZ'"),
    agency: str = typer.Option(..., "--agency", help="Mã cơ quan / agency code"),
    scope: list[str] = typer.Option(..., "--scope", help=f"Lặp lại / repeatable: {SCOPES}"),
    expires: datetime | None = typer.Option(None, "--expires", help="YYYY-MM-DD (UTC)"),
) -> None:
    """Tạo mã truy cập máy (ISP, cảm biến) / create a machine token; the secret is shown once."""
    with cli_session(ctx) as session:
        expires_at = expires.replace(tzinfo=utcnow().tzinfo) if expires else None
        issued = token_service.create_machine_token(
            session,
            agency=agency_service.get_agency(session, agency),
            name=name,
            scopes=scope,
            expires_at=expires_at,
        )
        console.print(f"Mã truy cập #{issued.token.id} — chỉ hiển thị một lần / shown once:")
        typer.echo(issued.secret)


@tokens_app.command("list")
def tokens_list(ctx: typer.Context, agency: str | None = typer.Option(None, "--agency")) -> None:
    """Liệt kê mã truy cập máy / list machine tokens."""
    with cli_session(ctx) as session:
        agency_id = agency_service.get_agency(session, agency).id if agency else None
        table = Table(
            "ID",
            "Tên / name",
            "Cơ quan / agency",
            "Phạm vi / scopes",
            "Tiền tố / prefix",
            "Trạng thái / state",
        )
        for t in token_service.list_tokens(session, agency_id=agency_id):
            state = "thu hồi / revoked" if t.revoked_at else "hiệu lực / active"
            table.add_row(
                str(t.id), t.name, t.agency.code, " ".join(t.scopes), t.prefix + "…", state
            )
        console.print(table)


@tokens_app.command("revoke")
def tokens_revoke(ctx: typer.Context, token_id: int) -> None:
    """Thu hồi mã truy cập / revoke a token."""
    with cli_session(ctx) as session:
        token = token_service.get_token(session, token_id)
        if token.revoked_at is not None:
            fail(f"Mã #{token_id} đã bị thu hồi trước đó / already revoked")
        token_service.revoke_token(session, token)
        console.print(f"Đã thu hồi / revoked #{token_id}")
