"""The ``canhgiac`` command. Sub-command groups live in their own modules and are listed here."""

from __future__ import annotations

import importlib

import typer

from canhgiac import __version__
from canhgiac.settings import Settings

app = typer.Typer(
    name="canhgiac",
    help="Cảnh giác — phát hiện, xử lý và báo cáo tội phạm qua mạng.\n\n"
    "Detect, handle and report cybercrime for a Vietnamese province.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

# (name, module holding ``app``, help). Each group is a Typer app in its own module.
SUBCOMMANDS: list[tuple[str, str, str]] = [
    ("settings", "canhgiac.cli.settings_cmd", "Cấu hình hiệu lực / effective settings"),
    ("db", "canhgiac.cli.db_cmd", "Cơ sở dữ liệu: migrate, check, backup / database"),
    ("agencies", "canhgiac.cli.accounts_cmd:agencies_app", "Cơ quan / agencies"),
    ("users", "canhgiac.cli.accounts_cmd:users_app", "Người dùng / users"),
    ("tokens", "canhgiac.cli.accounts_cmd:tokens_app", "Mã truy cập API / API tokens"),
    ("audit", "canhgiac.cli.audit_cmd", "Nhật ký kiểm toán / audit log"),
    ("demo", "canhgiac.cli.demo_cmd", "Dữ liệu mẫu / demo data"),
    ("serve", "canhgiac.cli.serve_cmd:serve", "Chạy máy chủ web / serve the web app"),
    ("worker", "canhgiac.cli.worker_cmd", "Tác vụ nền / background jobs"),
    ("lookup", "canhgiac.cli.lookup_cmd:lookup", "Tra cứu / public look-up"),
    ("alerts", "canhgiac.cli.alerts_cmd", "Cảnh báo giám sát (miniSOC) / monitoring alerts"),
    ("verification", "canhgiac.cli.verification_cmd", "Xác minh tên miền / domain names"),
    ("detect", "canhgiac.cli.detect_cmd", "Bộ phát hiện / detectors"),
    ("monitor", "canhgiac.cli.monitor_cmd", "Giám sát an toàn mạng (miniSOC) / network monitoring"),
    ("indicators", "canhgiac.cli.indicators_cmd", "Chỉ dấu: chuẩn hóa, nhập, tra cứu / indicators"),
    ("feeds", "canhgiac.cli.feeds_cmd", "Nguồn chỉ dấu / indicator feeds"),
    ("allowlist", "canhgiac.cli.allowlist_cmd", "Danh sách trắng / allow-list"),
    ("disputes", "canhgiac.cli.disputes_cmd", "Khiếu nại cảnh báo / disputes"),
]


def _register() -> None:
    for name, target, help_text in SUBCOMMANDS:
        module_name, _, attr = target.partition(":")
        module = importlib.import_module(module_name)
        sub = getattr(module, attr or "app")
        if isinstance(sub, typer.Typer):
            app.add_typer(sub, name=name, help=help_text)
        else:  # a plain function becomes a single command
            app.command(name=name, help=help_text)(sub)


@app.callback()
def root(ctx: typer.Context) -> None:
    """Build the settings once for the whole command."""
    if ctx.obj is None:
        ctx.obj = Settings()
    settings = ctx.obj
    if isinstance(settings, Settings) and (settings.domain_model_path or settings.text_model_path):
        # Imported only then: the detectors' imports would slow every other command.
        from canhgiac.detectors.configure import use_configured_models

        use_configured_models(settings)


@app.command("version")
def version() -> None:
    """In phiên bản / print the version."""
    typer.echo(__version__)


_register()


def main() -> None:
    app()
