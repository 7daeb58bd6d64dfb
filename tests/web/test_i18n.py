"""Catalogues, locale-aware formatting and the language of pages."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from canhgiac.errors import ValidationFailed
from canhgiac.web.i18n import (
    LOCALES_DIR,
    Translations,
    format_date,
    format_datetime,
    format_vnd,
    local_day_start,
    localised_message,
    parse_local_date,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "canhgiac"


def test_vnd_amounts_use_dots_for_thousands() -> None:
    assert format_vnd(1_500_000) == "1.500.000 ₫"
    assert format_vnd(Decimal("999.6")) == "1.000 ₫"
    assert format_vnd(0) == "0 ₫"
    assert format_vnd(-25_000) == "-25.000 ₫"
    assert format_vnd(None) == ""


def test_dates_are_dd_mm_yyyy_in_vietnam_time() -> None:
    # 18:30 UTC on 31/12 is already 01:30 on 01/01 in Hanoi.
    moment = datetime(2025, 12, 31, 18, 30, tzinfo=UTC)
    assert format_date(moment) == "01/01/2026"
    assert format_datetime(moment) == "01/01/2026 01:30"
    assert format_date(date(2026, 3, 8)) == "08/03/2026"
    assert format_date(None) == ""


def test_typed_dates_are_parsed_or_refused_with_the_field() -> None:
    assert parse_local_date("08/03/2026", "d") == date(2026, 3, 8)
    assert parse_local_date("2026-03-08", "d") == date(2026, 3, 8)
    assert parse_local_date("  ", "d") is None
    with pytest.raises(ValidationFailed) as err:
        parse_local_date("31/02/2026", "date_from")
    assert err.value.field == "date_from"
    assert local_day_start(date(2026, 1, 1)).astimezone(UTC) == datetime(
        2025, 12, 31, 17, tzinfo=UTC
    )


def test_service_messages_show_the_half_of_the_locale() -> None:
    message = "Sai tên đăng nhập hoặc mật khẩu / wrong username or password"
    assert localised_message(message, "vi") == "Sai tên đăng nhập hoặc mật khẩu"
    assert localised_message(message, "en") == "wrong username or password"
    assert localised_message("Chỉ tiếng Việt", "en") == "Chỉ tiếng Việt"


def test_catalogues_compile_and_translate() -> None:
    translations = Translations()
    assert translations.gettext("vi", "Sign in") == "Đăng nhập"
    assert translations.gettext("en", "Sign in") == "Sign in"
    assert translations.gettext("fr", "Sign in") == "Đăng nhập"  # unknown: the default
    assert not list(LOCALES_DIR.rglob("*.mo")), "catalogues are compiled at start-up, not stored"


def test_every_interface_message_has_a_vietnamese_translation() -> None:
    method_map = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    extracted = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(SRC), method_map, options_map=options
        )
    }
    with (LOCALES_DIR / "vi" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalogue = read_po(fh)
    missing = sorted(m for m in extracted if not (catalogue.get(m) and catalogue.get(m).string))
    assert not missing, f"untranslated in vi/messages.po: {missing}"
