"""SMS senders: an alphanumeric brandname ("Vietcombank", "VCB") or a number.

A brandname's value is upper-cased with runs of spaces collapsed (handsets and operators
compare brandnames without regard to case); a numeric sender takes the phone number's value
(E.164, or the digits of a short code) so it meets the same number reported as a phone.
"""

from __future__ import annotations

import re

from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.normalizers.phones import parse_phone

# GSM alphanumeric sender ids are at most 11 characters; a little slack for how people type.
BRANDNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._&'\-]{0,15}")
_PHONE_LIKE = re.compile(r"[+\d\s.\-()]+")


def normalize_sender(raw: str) -> NormalizedIndicator:
    check_length(raw)
    text = " ".join(raw.split())
    if _PHONE_LIKE.fullmatch(text):
        phone = parse_phone(text, lenient=True)
        if phone is None:
            reject("Số gửi tin nhắn không hợp lệ", "Invalid sender number", raw)
        sender_type = "short_code" if phone.type == "short_code" else "number"
        return NormalizedIndicator(
            IndicatorKind.SMS_SENDER,
            phone.value,
            phone.display,
            {"sender_type": sender_type, "region": phone.region},
        )
    if not BRANDNAME.fullmatch(text) or not any(c.isalpha() for c in text):
        reject(
            "Tên định danh (brandname) SMS không hợp lệ",
            "Invalid SMS brandname (sender id)",
            raw,
        )
    return NormalizedIndicator(
        IndicatorKind.SMS_SENDER, text.upper(), text, {"sender_type": "brandname"}
    )
