"""Translations and locale-aware formatting for the web front door.

Catalogues are `.po` files compiled in memory at start-up (no `.mo` files in the repository).
Message ids are English; Vietnamese is the default language of the interface.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

LOCALES_DIR = Path(__file__).parent / "locales"
SUPPORTED_LOCALES = ("vi", "en")
DEFAULT_LOCALE = "vi"
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LOCALE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def N_(message: str) -> str:
    """Marks a message id for extraction where it is translated later (babel's keyword)."""
    return message


def compile_catalogue(po_path: Path) -> gettext.GNUTranslations:
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=po_path.parent.parent.name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class Translations:
    """All catalogues of the interface, compiled once per application."""

    def __init__(self, locales_dir: Path = LOCALES_DIR) -> None:
        self._catalogues: dict[str, gettext.NullTranslations] = {}
        for locale in SUPPORTED_LOCALES:
            po_path = locales_dir / locale / "LC_MESSAGES" / "messages.po"
            self._catalogues[locale] = (
                compile_catalogue(po_path) if po_path.exists() else gettext.NullTranslations()
            )

    def get(self, locale: str | None) -> gettext.NullTranslations:
        return self._catalogues.get(normalise_locale(locale), self._catalogues[DEFAULT_LOCALE])

    def gettext(self, locale: str | None, message: str) -> str:
        return self.get(locale).gettext(message)


def normalise_locale(value: str | None, default: str = DEFAULT_LOCALE) -> str:
    value = (value or "").strip().lower()[:8]
    return value if value in SUPPORTED_LOCALES else default


def localised_message(message: str, locale: str | None) -> str:
    """Service messages read "Vietnamese / English"; show the half matching the locale."""
    vi, sep, en = message.partition(" / ")
    if not sep:
        return message
    return en if normalise_locale(locale) == "en" else vi


def to_local(value: datetime) -> datetime:
    if value.tzinfo is None:  # stored values are UTC; a naive one is UTC too
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(LOCAL_TZ)


def format_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy in Vietnam's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value)
    return value.strftime("%d/%m/%Y")


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return to_local(value).strftime("%d/%m/%Y %H:%M")


def format_vnd(value: int | float | Decimal | None) -> str:
    """Whole dong with '.' as the thousands separator: 1500000 -> '1.500.000 ₫'."""
    if value is None:
        return ""
    amount = int(Decimal(str(value)).quantize(Decimal(1)))
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + " ₫"


def install(env: Environment, translations: Translations) -> None:
    """Jinja gettext callables reading the request's locale from the template context."""

    def _locale(ctx: Context) -> str:
        return normalise_locale(ctx.get("locale"))

    @pass_context
    def _gettext(ctx: Context, message: str) -> str:
        return translations.get(_locale(ctx)).gettext(message)

    @pass_context
    def _ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
        return translations.get(_locale(ctx)).ngettext(singular, plural, n)

    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_gettext, ngettext=_ngettext, newstyle=True
    )
    env.filters["date_vn"] = format_date
    env.filters["datetime_vn"] = format_datetime
    env.filters["vnd"] = format_vnd

    @pass_context
    def _localised(ctx: Context, message: str) -> str:
        return localised_message(message, _locale(ctx))

    env.filters["localised"] = _localised


def labels_for(labels: Mapping[Any, tuple[str, str]], locale: str) -> dict[str, str]:
    """Pick one language out of the (vi, en) label pairs the services define."""
    index = 1 if normalise_locale(locale) == "en" else 0
    return {str(key): pair[index] for key, pair in labels.items()}


def parse_local_date(text: str | None, field: str) -> date | None:
    """A date typed as dd/mm/yyyy or sent by a date input as yyyy-mm-dd; empty is None."""
    from canhgiac.errors import ValidationFailed

    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    raise ValidationFailed(
        f"Ngày không hợp lệ: {text[:20]!r}, hãy nhập dd/mm/yyyy / "
        f"invalid date {text[:20]!r}, use dd/mm/yyyy",
        field=field,
    )


def local_day_start(day: date) -> datetime:
    """Midnight of a day in Vietnam, as an aware datetime (compares with UTC values)."""
    return datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ)
