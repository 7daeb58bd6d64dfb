"""VietQR (NAPAS, EMVCo merchant-presented QR) payloads: the bank and account they pay to.

A payload is a chain of TLV fields (2-digit tag, 2-digit length, value). Tag 38 holds the
VietQR merchant account information: sub-tag 00 is the GUID ``A000000727`` and sub-tag 01 the
beneficiary (sub-tag 00 the bank BIN, 01 the account or card number); sub-tag 02 the service
(``QRIBFTTA`` to an account, ``QRIBFTTC`` to a card). Tag 63 is a CRC-16/CCITT-FALSE over the
whole payload up to and including ``6304``.
"""

from __future__ import annotations

from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.normalizers.bank_accounts import (
    MAX_DIGITS,
    MIN_DIGITS,
    bank_account_indicator,
    find_bank,
)

VIETQR_GUID = "A000000727"
MAX_PAYLOAD = 512  # EMVCo caps a payload well below this
_SERVICES = {"QRIBFTTA": "account", "QRIBFTTC": "card"}


class QrError(ValueError):
    """Not a well-formed VietQR payload."""


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF), as EMVCo specifies."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def parse_tlv(payload: str) -> dict[str, str]:
    """Top-level or nested TLV fields; raises :class:`QrError` on any inconsistency."""
    fields: dict[str, str] = {}
    i = 0
    while i < len(payload):
        tag, length = payload[i : i + 2], payload[i + 2 : i + 4]
        if len(tag) < 2 or not tag.isdigit() or len(length) < 2 or not length.isdigit():
            raise QrError("bad TLV header")
        end = i + 4 + int(length)
        if end > len(payload):
            raise QrError("TLV value runs past the end")
        if tag in fields:
            raise QrError(f"tag {tag} repeated")
        fields[tag] = payload[i + 4 : end]
        i = end
    return fields


def looks_like_emv(text: str) -> bool:
    return text.startswith("000201") and "6304" in text


def parse_vietqr(payload: str) -> NormalizedIndicator:
    """The bank account a VietQR payload pays to; raises :class:`QrError`."""
    payload = payload.strip()
    if len(payload) > MAX_PAYLOAD or not payload.isascii() or not looks_like_emv(payload):
        raise QrError("not an EMVCo payload")
    fields = parse_tlv(payload)
    crc = fields.get("63", "")
    if not payload.endswith("6304" + crc) or len(crc) != 4:
        raise QrError("CRC field missing or not last")
    expected = crc16_ccitt(payload[:-4].encode("ascii"))
    if crc.upper() != f"{expected:04X}":
        raise QrError("CRC mismatch")
    merchant = parse_tlv(fields.get("38", ""))
    if merchant.get("00", "").upper() != VIETQR_GUID:
        raise QrError("not a VietQR (NAPAS) payload")
    beneficiary = parse_tlv(merchant.get("01", ""))
    bin_, account = beneficiary.get("00", ""), beneficiary.get("01", "")
    if len(bin_) != 6 or not bin_.isdigit():
        raise QrError("bad BIN")
    if not account.isdigit() or not MIN_DIGITS <= len(account) <= MAX_DIGITS:
        raise QrError("bad account number")
    extra = {"bin": bin_, "source": "vietqr"}
    service = _SERVICES.get(merchant.get("02", ""))
    if service:
        extra["service"] = service
    if "54" in fields:
        extra["amount"] = fields["54"]
    return bank_account_indicator(find_bank(bin_), account, extra)


def normalize_vietqr(raw: str) -> NormalizedIndicator:
    check_length(raw)
    try:
        return parse_vietqr(raw)
    except QrError as exc:
        reject(f"Mã VietQR không hợp lệ ({exc})", "Invalid VietQR payload", raw)
