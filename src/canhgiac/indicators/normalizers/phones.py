"""Telephone numbers through ``phonenumbers``, Vietnam as the default region.

The value is E.164 (``+84912345678``) for every dialable number, landlines and the
national 1800/1900 numbers included. Short codes (3 to 6 digits, e.g. ``9029`` or the
emergency ``113``) cannot be written in E.164: their value is the bare digits and
``extra["type"]`` is ``short_code``. Foreign numbers need their ``+`` country code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, shortnumberinfo

from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject

DEFAULT_REGION = "VN"
# Separators people put inside a number: spaces, dots, dashes, slashes, brackets.
_PHONE_CHARS = re.compile(r"[+\d\s.\-/()\u00a0]+")
_SEPARATORS = re.compile(r"[\s.\-/()\u00a0]")
_TEL_PREFIX = re.compile(r"^(?:tel:|sđt|sdt|đt|dt|hotline|phone)[\s:.]*", re.I)

_TYPE_NAMES = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}


@dataclass(frozen=True)
class Phone:
    value: str  # E.164, or the digits of a short code
    display: str
    region: str
    type: str


def _clean(text: str) -> str | None:
    text = _TEL_PREFIX.sub("", text.strip())
    if not _PHONE_CHARS.fullmatch(text):
        return None
    cleaned = _SEPARATORS.sub("", text)
    if cleaned.count("+") > 1 or "+" in cleaned[1:]:
        return None
    return cleaned


def parse_phone(text: str, *, lenient: bool = False) -> Phone | None:
    """The number, or ``None``.

    Strict (the default, used when guessing the kind) accepts only numbers in an allocated
    range and short codes known to ``phonenumbers``; ``lenient`` (the caller said "this is a
    phone number") also accepts any possible number and any 3–6 digit short code, because new
    ranges get allocated before the metadata learns about them.
    """
    cleaned = _clean(text)
    if cleaned is None:
        return None
    digits = cleaned.lstrip("+")
    if not digits.isdigit() or not 3 <= len(digits) <= 17:
        return None
    if not cleaned.startswith("+") and len(digits) <= 6:
        return _short_code(digits, lenient=lenient)
    try:
        number = phonenumbers.parse(cleaned, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    # Same test as ``is_valid_number``, without classifying the number twice.
    found_region = phonenumbers.region_code_for_number(number)
    number_type = phonenumbers.number_type(number)
    valid = found_region is not None and number_type != PhoneNumberType.UNKNOWN
    if not (valid or (lenient and _possible(number))):
        return None
    if number.italian_leading_zero and not valid:
        return None  # "00201…": a trunk/IDD prefix mistaken for part of the number
    region = found_region or (DEFAULT_REGION if number.country_code == 84 else "ZZ")
    value = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if region == DEFAULT_REGION:
        display = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        if not display.startswith(("0", "1")):  # outside known ranges: no formatting rule
            display = f"0{number.national_number}"
    else:
        display = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    kind = _TYPE_NAMES.get(number_type, "unknown")
    return Phone(value=value, display=display, region=region, type=kind)


def _possible(number: phonenumbers.PhoneNumber) -> bool:
    # A Vietnamese national number is 9 or 10 digits (mobiles 9, landlines 10, 1900 8–10).
    if number.country_code == 84:
        national = str(number.national_number)
        service = national.startswith(("1800", "1900"))  # 1800/1900 numbers: 8–10 digits
        return (9 if not service else 8) <= len(national) <= 10
    return bool(phonenumbers.is_possible_number(number))


def _short_code(digits: str, *, lenient: bool) -> Phone | None:
    if digits.startswith("0"):
        return None
    if not lenient:
        try:
            number = phonenumbers.parse(digits, DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            return None
        if not shortnumberinfo.is_valid_short_number_for_region(number, DEFAULT_REGION):
            return None
    return Phone(value=digits, display=digits, region=DEFAULT_REGION, type="short_code")


def phone_indicator(phone: Phone) -> NormalizedIndicator:
    return NormalizedIndicator(
        kind=IndicatorKind.PHONE,
        value=phone.value,
        display=phone.display,
        extra={"region": phone.region, "type": phone.type},
    )


def normalize_phone(raw: str, *, lenient: bool = True) -> NormalizedIndicator:
    check_length(raw)
    phone = parse_phone(raw, lenient=lenient)
    if phone is None:
        reject("Số điện thoại không hợp lệ", "Invalid phone number", raw)
    return phone_indicator(phone)
