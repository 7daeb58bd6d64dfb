"""E-mail addresses: lower-cased, domain in punycode, Gmail's aliases folded.

Gmail ignores dots and anything after ``+`` in the local part, and ``googlemail.com`` is
``gmail.com``: those spellings reach one mailbox, so they share one value. Other providers'
local parts are only lower-cased (case-sensitive local parts exist in theory, not in use).
"""

from __future__ import annotations

import re

from canhgiac.indicators.defang import undefang
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.normalizers.domains import (
    HostError,
    is_domain_like,
    registrable_domain,
    to_ascii_host,
    to_unicode_host,
)

# RFC 5322 dot-atom local part (quoted local parts are not worth supporting here).
LOCAL_PART = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_EMAIL = re.compile(rf"({LOCAL_PART})@([^\s@]+)")
_GMAIL = frozenset({"gmail.com", "googlemail.com"})


def parse_email(text: str) -> NormalizedIndicator | None:
    text = undefang(text).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    match = _EMAIL.fullmatch(text)
    if match is None or len(match.group(1)) > 64:
        return None
    try:
        domain = to_ascii_host(match.group(2))
    except HostError:
        return None
    if not is_domain_like(domain):
        return None
    local = match.group(1).lower()
    display_local = local
    if domain in _GMAIL:
        domain = "gmail.com"
        local = local.split("+", 1)[0].replace(".", "")
        if not local:
            return None
    return NormalizedIndicator(
        IndicatorKind.EMAIL,
        f"{local}@{domain}",
        f"{display_local}@{to_unicode_host(domain)}",
        {"domain": domain, "registrable_domain": registrable_domain(domain)},
    )


def normalize_email(raw: str) -> NormalizedIndicator:
    check_length(raw)
    indicator = parse_email(raw)
    if indicator is None:
        reject("Địa chỉ e-mail không hợp lệ", "Invalid e-mail address", raw)
    return indicator
