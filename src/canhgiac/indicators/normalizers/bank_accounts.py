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
_DIGIT_GROUP = re.compile(r"\d(?:[ .\-]?\d)*")
_KEYED = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(\d[\d .\-]*)\s*$")
_FILLER = re.compile(r"^[\s:.,;()\[\]/\-–—#]*$")
_TRIM = " \t:.,;()[]/-–—#"


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


def normalize_bank_account(raw: str, *, explicit: bool = True) -> NormalizedIndicator:
    """``explicit``: the caller said this is a bank account, so bare digits are accepted."""
    check_length(raw)
    keyed = _KEYED.match(raw)
    if keyed and not ACCOUNT_MARKER.fullmatch(fold_in_place(keyed.group(1))):
        brand = find_bank(keyed.group(1))
        if brand is None:
            reject("Không nhận ra ngân hàng", "Unknown bank", raw)
        return bank_account_indicator(brand, _account_digits(keyed.group(2), raw))
    text = raw
    has_marker = False
    # Blank out the markers (same length, so positions in ``text`` still line up).
    for marker in ACCOUNT_MARKER.finditer(fold_in_place(raw)):
        has_marker = True
        blank = " " * (marker.end() - marker.start())
        text = text[: marker.start()] + blank + text[marker.end() :]
    groups = list(_DIGIT_GROUP.finditer(text))
    if len(groups) != 1:
        reject("Không tìm thấy đúng một số tài khoản", "Expected exactly one account number", raw)
    group = groups[0]
    digits = _account_digits(group.group(), raw)
    bank_text = (text[: group.start()] + " " + text[group.end() :]).strip(_TRIM)
    brand = None
    if bank_text:
        brand = find_bank(bank_text)
        if brand is None:
            reject("Không nhận ra ngân hàng", "Unknown bank", bank_text)
    elif not (explicit or has_marker):
        reject("Thiếu tên ngân hàng", "Bank not named", raw)
    return bank_account_indicator(brand, digits)
