"""Bank accounts: the bank (by name, short name, alias, key or BIN) and the account digits.

Canonical value: ``<bank key>:<digits>`` with the key from the shipped brand registry, e.g.
``vietcombank:0123456789``; display ``Vietcombank 0123456789``. When the bank is not named
the value is the bare digits, and such a value is only accepted when the caller says it is a
bank account or the text carries an account marker ("STK", "số tài khoản").
"""

from __future__ import annotations

import re
from functools import lru_cache

from canhgiac.indicators.brands import BANK_SECTORS, Brand, load_brand_registry
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.textfold import fold_in_place

MIN_DIGITS = 6
MAX_DIGITS = 20

# Account markers, matched on folded text ("Số TK" -> "so tk").
ACCOUNT_MARKER = re.compile(
    r"(?<![a-z0-9])(?:so\s*tai\s*khoan|so\s*tk|stk|tai\s*khoan|tk|"
    r"account(?:\s*(?:number|no))?|acct?)(?![a-z0-9])\.?"
)
_CONNECTOR = re.compile(r"(?<![a-z0-9])(?:so|la)(?![a-z0-9])")
_DIGIT_GROUP = re.compile(r"\d+")
_JOINERS = " .-"
_KEYED = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(\d[\d .\-]*)\s*$")
_FILLER = re.compile(r"^[\s:.,;()\[\]/\-–—#]*$")
_TRIM = " \t:.,;()[]/-–—#"


def digit_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of the numbers in ``text``: digit groups joined by one space, dot or dash
    ("0123 456 789"), except that a long group starts a new number ("0123456789 0987654321")."""
    spans: list[tuple[int, int]] = []
    for match in _DIGIT_GROUP.finditer(text):
        joined = spans and match.start() - spans[-1][1] == 1 and text[spans[-1][1]] in _JOINERS
        if joined and len(match.group()) < 7:
            spans[-1] = (spans[-1][0], match.end())
            continue
        spans.append(match.span())
    return spans


def bank_by_key(key: str) -> Brand | None:
    brand = load_brand_registry().get(key.lower())
    return brand if brand is not None and brand.sector in BANK_SECTORS else None


# Words around a bank name that do not name it: "tại ngân hàng X", "NH X", "X bank".
_BANK_FILLER = re.compile(r"^(?:(?:tai|o|cua|qua)\s+)?(?:(?:ngan\s*hang|nh|bank)(?![a-z0-9])\s*)?")


@lru_cache(maxsize=4096)
def find_bank(text: str) -> Brand | None:
    """The bank named by ``text`` (key, full or short name, alias, or 6-digit BIN)."""
    text = text.strip(_TRIM)
    if not text:
        return None
    registry = load_brand_registry()
    brand = bank_by_key(text) or registry.bank_by_name(text)
    if brand is None:
        folded = fold_in_place(text)
        filler = _BANK_FILLER.match(folded)
        if filler and filler.end():
            brand = registry.bank_by_name(text[filler.end() :])
    return brand


def bank_account_indicator(
    brand: Brand | None, digits: str, extra: dict[str, str] | None = None
) -> NormalizedIndicator:
    data = dict(extra or {})
    data["account"] = digits
    if brand is None:
        return NormalizedIndicator(IndicatorKind.BANK_ACCOUNT, digits, digits, data)
    data["bank"] = brand.key
    if brand.bin:
        data["bin"] = brand.bin
    return NormalizedIndicator(
        IndicatorKind.BANK_ACCOUNT, f"{brand.key}:{digits}", f"{brand.short_name} {digits}", data
    )


def _account_digits(group: str, raw: str) -> str:
    digits = re.sub(r"\D", "", group)
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        reject(
            f"Số tài khoản phải có {MIN_DIGITS}–{MAX_DIGITS} chữ số",
            f"An account number has {MIN_DIGITS}–{MAX_DIGITS} digits",
            raw,
        )
    return digits


def _blank(text: str, start: int, end: int) -> str:
    # Same length, so positions found in the folded text still line up.
    return text[:start] + " " * (end - start) + text[end:]


def normalize_bank_account(raw: str, *, explicit: bool = True) -> NormalizedIndicator:
    """``explicit``: the caller said this is a bank account, so bare digits are accepted."""
    check_length(raw)
    keyed = _KEYED.match(raw)
    if keyed and not ACCOUNT_MARKER.fullmatch(fold_in_place(keyed.group(1))):
        brand = find_bank(keyed.group(1))
        if brand is None:
            reject("Không nhận ra ngân hàng", "Unknown bank", raw)
        return bank_account_indicator(brand, _account_digits(keyed.group(2), raw))
    # Blank out the markers (same length, so positions in ``text`` still line up).
    text = raw
    folded = fold_in_place(raw)
    markers = list(ACCOUNT_MARKER.finditer(folded))
    has_marker = bool(markers)
    for marker in markers:
        text = _blank(text, marker.start(), marker.end())
    plain = text
    for word in _CONNECTOR.finditer(folded):  # "STK là …", "MB số …"
        plain = _blank(plain, word.start(), word.end())
    numbers = digit_numbers(text)
    if len(numbers) != 1:
        reject("Không tìm thấy đúng một số tài khoản", "Expected exactly one account number", raw)
    start, end = numbers[0]
    digits = _account_digits(text[start:end], raw)
    bank_text = (text[:start] + " " + text[end:]).strip(_TRIM)
    brand = None
    if bank_text:
        # Markers and connectors may belong to the bank's full name ("ngân hàng số của …",
        # "tài khoản thanh toán …"): try the text with them, without, and without either.
        variants = [raw, text, plain]
        if len(markers) > 1:  # only the first or the last marker is the account marker
            variants += [_blank(raw, m.start(), m.end()) for m in (markers[0], markers[-1])]
        for variant in variants:
            brand = find_bank((variant[:start] + " " + variant[end:]).strip(_TRIM))
            if brand is not None:
                break
        if brand is None:
            reject("Không nhận ra ngân hàng", "Unknown bank", bank_text)
    elif not (explicit or has_marker):
        reject("Thiếu tên ngân hàng", "Bank not named", raw)
    return bank_account_indicator(brand, digits)
