"""Normalise any indicator: one real-world thing, one ``(kind, value)``.

``normalize(raw)`` guesses the kind; ``normalize(raw, kind)`` applies that kind's rules
(more lenient, since the caller vouches for the kind). Every failure is a
:class:`~canhgiac.errors.ValidationFailed` on the field ``value`` (or ``kind``) with a
Vietnamese-then-English message. Defanged input (``hxxps[:]//``, ``[.]``, ``(dot)``, spaces
around dots) is understood everywhere.

Canonical values (details in ``canhgiac.indicators.normalizers.<kind>``):

==============  ==========================================  ================================
kind            value                                       display
==============  ==========================================  ================================
domain          ``xn--vitcombank-dv3e.com`` (punycode,      ``việtcombank.com``
                lower-case, no trailing dot, no ``www.``)
url             ``https://evil.xyz/a?utm=1`` (scheme, host  Unicode host
                lower-cased; default port, dot-segments
                and fragment gone; query kept)
ip / cidr       ``2001:db8::1`` / ``10.0.0.0/8``            same
phone           ``+84912345678`` (E.164); short codes as    ``0912 345 678``
                digits (``9029``)
bank_account    ``vietcombank:0123456789`` (registry key);  ``Vietcombank 0123456789``
                bare digits when the bank is not named
ewallet         ``momo:+84912345678``                       ``MoMo 0912 345 678``
email           ``abc@gmail.com`` (lower-case; Gmail dots   as written, lower-case
                and ``+tags`` folded)
social_account  ``facebook:nguyen.van.a``,                  profile URL
                ``zalo:+84912345678``, ``telegram:abc``
sms_sender      ``VIETCOMBANK`` (brandname, upper-case) or  as written / national format
                the phone value of a numeric sender
crypto_wallet   ``btc:1A1z…``, ``eth:0x…`` (lower-case),    the address (EIP-55 for ETH)
                ``tron:T…``
==============  ==========================================  ================================

``display`` always normalises back to the same ``value``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.defang import undefang
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.normalizers.bank_accounts import normalize_bank_account
from canhgiac.indicators.normalizers.crypto import normalize_crypto, parse_crypto
from canhgiac.indicators.normalizers.domains import (
    is_domain_like,
    normalize_domain,
    public_suffix,
    registrable_domain,
)
from canhgiac.indicators.normalizers.emails import normalize_email, parse_email
from canhgiac.indicators.normalizers.ewallets import normalize_ewallet, parse_ewallet
from canhgiac.indicators.normalizers.ips import normalize_cidr, normalize_ip, parse_ip
from canhgiac.indicators.normalizers.phones import normalize_phone, parse_phone, phone_indicator
from canhgiac.indicators.normalizers.senders import normalize_sender
from canhgiac.indicators.normalizers.social import (
    normalize_social,
    social_from_handle,
    social_from_url,
)
from canhgiac.indicators.normalizers.urls import (
    UrlError,
    browser_slashes,
    normalize_url,
    parse_url,
    url_indicator,
)
from canhgiac.indicators.normalizers.vietqr import looks_like_emv, normalize_vietqr

__all__ = [
    "IndicatorKind",
    "NormalizedIndicator",
    "coerce_kind",
    "normalize",
    "registrable_domain",
    "undefang",
]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_CRYPTO_HINT = re.compile(r"^(?:[a-z0-9]+\s*:\s*)?(?:0x|bc1|[13t])[0-9a-z]{24,}$", re.I)
_IP_PORT = re.compile(r"^\[?[0-9A-Fa-f:.]+\]?:\d{1,5}$")
_HAS_DIGIT = re.compile(r"\d")


def coerce_kind(kind: IndicatorKind | str) -> IndicatorKind:
    try:
        return IndicatorKind(str(kind).strip().lower())
    except ValueError:
        known = ", ".join(k.value for k in IndicatorKind)
        raise ValidationFailed(
            f"Loại chỉ dấu không hợp lệ / Unknown indicator kind: '{kind}' ({known})",
            field="kind",
        ) from None


def _explicit_domain(text: str) -> NormalizedIndicator:
    # A URL where a domain was expected (common in feeds): keep its host.
    if "/" in text or _SCHEME.match(undefang(text)):
        try:
            return normalize_domain(parse_url(text).host)
        except UrlError:
            reject("Tên miền không hợp lệ", "Invalid domain name", text)
    return normalize_domain(text)


def _explicit_bank_account(text: str) -> NormalizedIndicator:
    if looks_like_emv(text.strip()):
        return normalize_vietqr(text)
    return normalize_bank_account(text, explicit=True)


_EXPLICIT: dict[IndicatorKind, Callable[[str], NormalizedIndicator]] = {
    IndicatorKind.DOMAIN: _explicit_domain,
    IndicatorKind.URL: normalize_url,
    IndicatorKind.IP: normalize_ip,
    IndicatorKind.CIDR: normalize_cidr,
    IndicatorKind.PHONE: normalize_phone,
    IndicatorKind.BANK_ACCOUNT: _explicit_bank_account,
    IndicatorKind.EWALLET: normalize_ewallet,
    IndicatorKind.EMAIL: normalize_email,
    IndicatorKind.SOCIAL_ACCOUNT: normalize_social,
    IndicatorKind.SMS_SENDER: normalize_sender,
    IndicatorKind.CRYPTO_WALLET: normalize_crypto,
}


def normalize(raw: str, kind: IndicatorKind | str | None = None) -> NormalizedIndicator:
    """The canonical indicator for ``raw``; ``kind=None`` guesses the kind.

    Guessing never yields ``sms_sender`` (any word could be a brandname), accepts bare digits
    as a bank account only next to a bank name or an account marker ("STK"), and accepts
    only phone numbers in allocated ranges and domains under a known public suffix.
    """
    if not isinstance(raw, str):
        raise ValidationFailed("Giá trị phải là chuỗi / Value must be a string", field="value")
    check_length(raw)
    text = raw.strip()
    if not text:
        raise ValidationFailed("Giá trị trống / Empty value", field="value")
    if kind is not None:
        return _EXPLICIT[coerce_kind(kind)](text)
    found = _detect(text)
    if found is None:
        reject(
            "Không nhận ra chỉ dấu (tên miền, URL, IP, số điện thoại, số tài khoản, e-mail, "
            "tài khoản mạng xã hội, ví)",
            "Unrecognised indicator (domain, URL, IP, phone, bank account, e-mail, "
            "social account, wallet)",
            raw,
        )
    return found


def _detect(text: str) -> NormalizedIndicator | None:
    if looks_like_emv(text):
        return normalize_vietqr(text)
    if _CRYPTO_HINT.match(text):
        found = parse_crypto(text)
        if found is not None:
            return found
    found = social_from_handle(text) or (parse_ewallet(text) if _HAS_DIGIT.search(text) else None)
    if found is not None:
        return found
    plain = browser_slashes(undefang(text))
    if "@" in plain and " " not in plain.strip():
        found = parse_email(plain)
        if found is not None:
            return found
    if _SCHEME.match(plain):
        return _detect_url(plain, require_known_suffix=False)
    address = parse_ip(plain)
    if address is not None:
        return normalize_ip(plain)
    if "/" in plain and parse_ip(plain.split("/", 1)[0]) is not None:
        return normalize_cidr(plain)
    if _IP_PORT.match(plain):
        return _detect_url(plain, require_known_suffix=False)
    if _HAS_DIGIT.search(text):
        phone = parse_phone(text)
        if phone is not None:
            return phone_indicator(phone)
        try:
            return normalize_bank_account(text, explicit=False)
        except ValidationFailed:
            pass
    if " " in plain:
        return None
    if any(c in plain for c in "/?#:"):
        return _detect_url(plain, require_known_suffix=True)
    try:
        return normalize_domain(plain, require_known_suffix=True)
    except ValidationFailed:
        return None


def _detect_url(text: str, *, require_known_suffix: bool) -> NormalizedIndicator | None:
    try:
        parts = parse_url(text)
    except UrlError:
        return None
    is_ip = parse_ip(parts.host) is not None
    if not is_ip and not is_domain_like(parts.host):
        return None
    if require_known_suffix and not is_ip and not public_suffix(parts.host):
        return None
    return social_from_url(parts, account_only=True) or url_indicator(parts)
