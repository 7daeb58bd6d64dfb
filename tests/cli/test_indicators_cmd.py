from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from canhgiac.cli.main import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["indicators", "normalize", *args])


@pytest.mark.parametrize(
    "spelling", ["0912 345 678", "+84912345678", "84-912-345-678", "0912.345.678"]
)
def test_every_spelling_of_a_phone_prints_the_same_json(spelling):
    result = run(spelling)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "phone"
    assert data["value"] == "+84912345678"
    assert data["display"] == "0912 345 678"


def test_kind_option_and_other_kinds():
    result = run("0123456789", "--kind", "bank_account")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["value"] == "0123456789"
    data = json.loads(run("hxxps://Evil[.]XYZ:443/a/../login#x").stdout)
    assert (data["kind"], data["value"]) == ("url", "https://evil.xyz/login")
    data = json.loads(run("VCB 0123 456 789").stdout)
    assert (data["kind"], data["value"], data["display"]) == (
        "bank_account",
        "vietcombank:0123456789",
        "Vietcombank 0123456789",
    )
    assert json.loads(run("việtcombank.com", "-k", "DOMAIN").stdout)["display"] == "việtcombank.com"


def test_unrecognised_value_exits_non_zero_with_a_bilingual_message():
    result = run("xin chào")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Không nhận ra" in result.stderr
    assert "Unrecognised" in result.stderr
    result = run("0912", "--kind", "email")
    assert result.exit_code == 1
    assert "e-mail" in result.stderr


def test_unknown_kind_is_a_usage_error():
    result = run("0912345678", "--kind", "telephone")
    assert result.exit_code == 2
