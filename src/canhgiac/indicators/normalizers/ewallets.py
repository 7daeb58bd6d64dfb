"""E-wallet accounts: the wallet (MoMo, ZaloPay, Viettel Money…) and the phone it is bound to.

Canonical value ``<wallet key>:<E.164 phone>`` (``momo:+84912345678``), the key from the brand
registry's ``ewallet`` sector; display ``MoMo 0912 345 678``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from canhgiac.indicators.brands import Brand, fold, load_brand_registry
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.normalizers.phones import parse_phone

EWALLET_SECTOR = "ewallet"
_WORDS = re.compile(r"[a-z0-9]+")
_PHONE_PART = re.compile(r"\+?\d[\d\s.\-()]*\d")
_WALLET_PREFIX = re.compile(r"^vi (?:dien tu )?")
_TRIM = " \t:.,;()[]/-–—#"


def _phrase(text: str) -> str:
    return " ".join(_WORDS.findall(fold(text)))


@lru_cache(maxsize=1)
def wallet_names() -> dict[str, Brand]:
    """Folded wallet name or alias (spaces kept and removed) → wallet brand."""
    names: dict[str, Brand] = {}
    for brand in load_brand_registry().by_sector(EWALLET_SECTOR):
        for label in (brand.key, brand.short_name, *brand.aliases):
            phrase = _phrase(label)
            if phrase:
                names.setdefault(phrase, brand)
                names.setdefault(phrase.replace(" ", ""), brand)
    return names


def find_wallet(text: str) -> Brand | None:
    names = wallet_names()
    phrase = _phrase(text)
    for candidate in (phrase, _WALLET_PREFIX.sub("", phrase)):  # "ví MoMo", "ví điện tử MoMo"
        wallet = names.get(candidate) or names.get(candidate.replace(" ", ""))
        if wallet is not None:
            return wallet
    return None


def parse_ewallet(raw: str) -> NormalizedIndicator | None:
    """``None`` unless ``raw`` names a known wallet and a valid phone number."""
    matches = list(_PHONE_PART.finditer(raw))
    if not 1 <= len(matches) <= 2:  # two: a wallet name with digits ("Napas 247")
        return None
    match = matches[-1]
    wallet_text = (raw[: match.start()] + " " + raw[match.end() :]).strip(_TRIM)
    if not wallet_text:
        return None
    wallet = find_wallet(wallet_text)
    if wallet is None:
        return None
    phone = parse_phone(match.group(), lenient=True)
    if phone is None or phone.type == "short_code":
        return None
    return NormalizedIndicator(
        kind=IndicatorKind.EWALLET,
        value=f"{wallet.key}:{phone.value}",
        display=f"{wallet.short_name} {phone.display}",
        extra={"wallet": wallet.key, "phone": phone.value},
    )


def normalize_ewallet(raw: str) -> NormalizedIndicator:
    check_length(raw)
    indicator = parse_ewallet(raw)
    if indicator is None:
        reject(
            "Tài khoản ví điện tử phải gồm tên ví và số điện thoại",
            "An e-wallet account needs the wallet name and a phone number",
            raw,
        )
    return indicator
