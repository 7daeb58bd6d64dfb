"""Guess an indicator's kind from its shape, cheaply (feeds have millions of lines).

This is a hint for the normaliser, which has the final word; it never rewrites values
except splitting a port or wildcard off. Kind names are IndicatorKind values.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from canhgiac.indicators.feeds.model import NO_EXTRA

_IPV4 = re.compile(
    r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}"
)
_IPV4_PORT = re.compile(rf"({_IPV4.pattern}):(\d{{1,5}})")
IPV4_WITH_PORT = re.compile(rf"({_IPV4.pattern})(?::(\d{{1,5}}))?")
_IPV4_CIDR = re.compile(rf"{_IPV4.pattern}/(?:3[0-2]|[12]?\d)")
_IPV6_PORT = re.compile(r"\[([0-9A-Fa-f:.]+)\]:(\d{1,5})")
# Host names: unicode letters allowed (IDN), underscores tolerated (seen in real trails),
# the last label must start with a letter so "1.2.3.4.5" is not a domain.
_DOMAIN = re.compile(r"(?=.{1,253}\Z)(?:[\w-]{1,63}\.)+[^\W\d_][\w-]{0,62}\.?", re.UNICODE)
_DOMAIN_PORT = re.compile(rf"({_DOMAIN.pattern}):(\d{{1,5}})", re.UNICODE)
_EMAIL = re.compile(rf"[^@\s/]{{1,64}}@{_DOMAIN.pattern}", re.UNICODE)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}://")
_PHONE = re.compile(r"\+?\(?\d[\d .\-()]{6,18}\d")
# Characters that only occur in regex trails, never in a literal host.
_HOST_REGEX_CHARS = re.compile(r"[\\|{}()\[\]*+?^$]")
_PATH_REGEX_CHARS = re.compile(r"[\\|{}\[\]*^$]")
# The common case in big feeds: a plain lower-case ASCII host or IPv4 address.
_SIMPLE = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)+")
# Deliberately loose (label lengths, double dots): the normaliser validates properly.
SIMPLE_DOMAIN = re.compile(r"[a-z0-9_-][a-z0-9_.-]*\.[a-z][a-z0-9-]*")


def plain_domain(text: str) -> bool:
    """Lower-case ASCII host name whose last label starts with a letter (fast path)."""
    return len(text) <= 253 and SIMPLE_DOMAIN.fullmatch(text) is not None


DOMAIN, URL, IP, CIDR, EMAIL, PHONE = "domain", "url", "ip", "cidr", "email", "phone"


class Guess(NamedTuple):
    kind: str | None  # IndicatorKind value, or None when the shape says nothing
    value: str
    extra: Mapping[str, Any] = NO_EXTRA
    # Not an indicator the platform stores: a path with no host, a TLD-wide suffix.
    unsupported: str | None = None


def looks_like_phone(text: str) -> bool:
    """Digits with optional +, blanks, dots, dashes, brackets; 9-15 digits in all."""
    if _PHONE.fullmatch(text) is None:
        return False
    digits = sum(ch.isdigit() for ch in text)
    return 9 <= digits <= 15


def is_plain_host(text: str) -> bool:
    """Lower-case ASCII dotted name or address: the bulk of big feeds, never a regex."""
    return _SIMPLE.fullmatch(text) is not None


def looks_like_regex(text: str) -> bool:
    """Regex trails (``q(l|r)[0-9]{5,6}\\.pw``) as opposed to literal hosts and URLs."""
    if text.startswith("[") and _IPV6_PORT.fullmatch(text):
        return False
    host, slash, path = text.partition("/")
    if _SCHEME.match(text):
        return False
    if _HOST_REGEX_CHARS.search(host):
        return True
    return bool(slash) and _PATH_REGEX_CHARS.search(path) is not None


def _port(text: str) -> int | None:
    port = int(text)
    return port if 0 < port < 65536 else None


def guess_kind(text: str) -> Guess:
    """Classify one stripped, non-empty token."""
    if _SIMPLE.fullmatch(text) and len(text) <= 253:
        last = text.rpartition(".")[2]
        if last[0].isalpha():
            return Guess(DOMAIN, text)
        if _IPV4.fullmatch(text):
            return Guess(IP, text)
    if _SCHEME.match(text):
        return Guess(URL, text)
    first = text[0]
    if "/" in text:
        if first == "/":
            return Guess(None, text, unsupported="đường dẫn không có tên miền / path without host")
        if first.isdigit() or ":" in text.partition("/")[0]:
            if _IPV4_CIDR.fullmatch(text):
                return Guess(CIDR, text)
            if ":" in text and "." not in text.partition("/")[0]:
                try:
                    ipaddress.IPv6Network(text, strict=False)
                    return Guess(CIDR, text)
                except ValueError:
                    pass
        host = text.partition("/")[0]
        if _DOMAIN.fullmatch(host) or _IPV4.fullmatch(host) or _IPV4_PORT.fullmatch(host):
            return Guess(URL, text)
        if _DOMAIN_PORT.fullmatch(host) or _IPV6_PORT.fullmatch(host):
            return Guess(URL, text)
        return Guess(None, text)
    if "@" in text:
        return Guess(EMAIL if _EMAIL.fullmatch(text) else None, text)
    if first.isdigit():
        if _IPV4.fullmatch(text):
            return Guess(IP, text)
        match = _IPV4_PORT.fullmatch(text)
        if match and _port(match.group(2)):
            return Guess(IP, match.group(1), {"port": int(match.group(2))})
    if ":" in text:
        match = _IPV6_PORT.fullmatch(text)
        if match and _port(match.group(2)):
            try:
                ipaddress.IPv6Address(match.group(1))
                return Guess(IP, match.group(1), {"port": int(match.group(2))})
            except ValueError:
                return Guess(None, text)
        try:
            ipaddress.IPv6Address(text)
            return Guess(IP, text)
        except ValueError:
            pass
        match = _DOMAIN_PORT.fullmatch(text)
        if match and _port(match.group(2)):
            return Guess(DOMAIN, match.group(1), {"port": int(match.group(2))})
        return Guess(None, text)
    if first == "." and _DOMAIN.fullmatch("x" + text):
        return Guess(None, text, unsupported="hậu tố tên miền / domain suffix (whole TLD)")
    if first == "*" and text.startswith("*.") and _DOMAIN.fullmatch(text[2:]):
        return Guess(DOMAIN, text[2:], {"wildcard": True})
    if _DOMAIN.fullmatch(text):
        return Guess(DOMAIN, text)
    if (first.isdigit() or first in "+(") and looks_like_phone(text):
        return Guess(PHONE, text)
    return Guess(None, text)
