"""``canhgiac detect …``: the detectors' command groups, each in its own module."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(no_args_is_help=True)

# (name, module holding ``app``, help)
DETECTORS: list[tuple[str, str, str]] = [
    ("domains", "canhgiac.cli.detect_domains_cmd", "Tên miền lừa đảo / scam domain names"),
    ("text", "canhgiac.cli.detect_text_cmd", "Tin nhắn lừa đảo / scam messages"),
    ("url", "canhgiac.cli.detect_url_cmd", "Kiểm tra đường link / check a URL"),
]

for _name, _module, _help in DETECTORS:
    app.add_typer(importlib.import_module(_module).app, name=_name, help=_help)
