"""What a form field asks for, from its type, name, id, placeholder, autocomplete and label.

Vietnamese (with or without diacritics) and English hints; names like ``txtSoThe`` or
``card_number`` are split into words first.
"""

from __future__ import annotations

import re

from canhgiac.detectors.pages.html import FormField
from canhgiac.indicators.brands import fold

PASSWORD = "password"  # noqa: S105 - a field kind, not a secret
OTP = "otp"
PIN = "pin"
CARD_NUMBER = "card_number"
CVV = "cvv"
CARD_EXPIRY = "card_expiry"
NATIONAL_ID = "national_id"
PHONE = "phone"
USERNAME = "username"

# Kinds that no one but the real institution should ever collect.
SENSITIVE = frozenset({PASSWORD, OTP, PIN, CARD_NUMBER, CVV, CARD_EXPIRY, NATIONAL_ID})

LABELS: dict[str, str] = {
    PASSWORD: "mật khẩu / password",
    OTP: "mã OTP / one-time code",
    PIN: "mã PIN / PIN",
    CARD_NUMBER: "số thẻ / card number",
    CVV: "mã CVV / card security code",
    CARD_EXPIRY: "ngày hết hạn thẻ / card expiry",
    NATIONAL_ID: "số CCCD/CMND / national ID",
    PHONE: "số điện thoại / phone",
    USERNAME: "tên đăng nhập / user name",
}

# Phrases matched on folded (no diacritics, lower-case) words, as whole-word sequences.
_HINTS: dict[str, tuple[str, ...]] = {
    PASSWORD: ("password", "passwd", "pwd", "pass", "mat khau", "matkhau", "mk", "passcode"),
    OTP: (
        "otp",
        "ma otp",
        "smart otp",
        "smartotp",
        "ma xac thuc",
        "ma xac nhan",
        "one time",
        "verification code",
        "one time code",
        "sms code",
        "ma kich hoat",
    ),
    PIN: ("pin", "ma pin", "pin code"),
    CARD_NUMBER: (
        "card number",
        "cardnumber",
        "card no",
        "cardno",
        "so the",
        "sothe",
        "ccnumber",
        "cc number",
        "cc",
        "pan",
        "so the atm",
        "so the tin dung",
        "credit card",
        "debit card",
    ),
    CVV: ("cvv", "cvc", "cvv2", "cvc2", "csc", "ma bao mat", "security code", "cc csc"),
    CARD_EXPIRY: (
        "expiry",
        "expiration",
        "exp",
        "exp date",
        "cc exp",
        "ngay het han",
        "het han",
        "hieu luc",
        "ngay hieu luc",
        "valid thru",
        "mm yy",
    ),
    NATIONAL_ID: (
        "cccd",
        "cmnd",
        "can cuoc",
        "can cuoc cong dan",
        "chung minh",
        "chung minh nhan dan",
        "so dinh danh",
        "dinh danh ca nhan",
        "national id",
        "id number",
        "identity number",
        "id card",
        "passport",
        "ho chieu",
    ),
    PHONE: (
        "phone",
        "mobile",
        "tel",
        "telephone",
        "so dien thoai",
        "sdt",
        "dien thoai",
        "msisdn",
    ),
    USERNAME: (
        "username",
        "user",
        "login",
        "ten dang nhap",
        "tai khoan",
        "account",
        "email",
        "user id",
        "userid",
        "ma khach hang",
        "so tai khoan",
    ),
}
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")
_WORD_RE = re.compile(r"[a-z0-9]+")
_AUTOCOMPLETE = {
    "current-password": PASSWORD,
    "new-password": PASSWORD,
    "one-time-code": OTP,
    "cc-number": CARD_NUMBER,
    "cc-csc": CVV,
    "cc-exp": CARD_EXPIRY,
    "cc-exp-month": CARD_EXPIRY,
    "cc-exp-year": CARD_EXPIRY,
    "tel": PHONE,
    "username": USERNAME,
    "email": USERNAME,
}
_PREFIXES = ("txt", "tb", "inp", "input", "fld", "field", "frm")
_PHRASES: dict[tuple[str, ...], str] = {
    tuple(p.split()): kind for kind, phrases in _HINTS.items() for p in phrases
}
_MAX_PHRASE = max(len(p) for p in _PHRASES)


def _words(text: str) -> list[str]:
    spaced = _CAMEL_RE.sub(" ", text[:2_000])
    words = _WORD_RE.findall(fold(spaced))
    # "txtSoThe" -> "txt so the": a leading widget prefix is not a word of the meaning.
    return [w for w in words if w not in _PREFIXES]


def field_kinds(item: FormField) -> frozenset[str]:
    """The kinds of data ``item`` collects (empty for hidden and unrecognised fields)."""
    if item.hidden:
        return frozenset()
    kinds: set[str] = set()
    if item.type == "password":
        kinds.add(PASSWORD)
    elif item.type == "tel":
        kinds.add(PHONE)
    elif item.type == "email":
        kinds.add(USERNAME)
    for token in item.autocomplete.lower().split():
        if token in _AUTOCOMPLETE:
            kinds.add(_AUTOCOMPLETE[token])
    words = _words(item.describe())
    i = 0
    while i < len(words):
        for n in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
            kind = _PHRASES.get(tuple(words[i : i + n]))
            if kind is not None:
                kinds.add(kind)
                i += n - 1
                break
        i += 1
    if item.type in ("checkbox", "radio"):
        return frozenset()  # "Ghi nhớ mật khẩu" (remember password) collects nothing
    return frozenset(kinds)
