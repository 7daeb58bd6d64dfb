"""``canhgiac indicators …``: normalise, import and look up indicators."""

from __future__ import annotations

from typing import Annotated

import typer

from canhgiac.cli.context import fail, print_json
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.kinds import IndicatorKind
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
