"""IP address keys shared by the indicator loader, the reference matcher and the engine.

Every address becomes a 32-character lower-case hex key of its 128-bit IPv6 form, IPv4
mapped into ``::ffff:0:0/96``. Fixed-width hex compares like the number, so exact matches
are hash joins on the key and CIDR ranges are ``key BETWEEN lo AND hi`` in any SQL engine
(Spark has no 128-bit integer type).
"""

from __future__ import annotations

import ipaddress

V4_PREFIX = "00000000000000000000ffff"


def ip_key(text: str) -> str | None:
    """The hex key of an IPv4/IPv6 address written exactly (as logs write them), or None.

    Strict on purpose: the engine's SQL accepts exactly the same IPv4 spellings.
    """
    try:
        addr = ipaddress.ip_address(text)
    except ValueError:
        return None
    return _addr_key(addr)


def indicator_ip_key(text: str) -> str | None:
    """Like :func:`ip_key` but tolerant of the brackets and zones found in lists."""
    return ip_key(text.strip().strip("[]").split("%", 1)[0])


def _addr_key(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    if isinstance(addr, ipaddress.IPv6Address):
        mapped = addr.ipv4_mapped
        if mapped is not None:
            addr = mapped
    if isinstance(addr, ipaddress.IPv4Address):
        return V4_PREFIX + f"{int(addr):08x}"
    return f"{int(addr):032x}"


def network_bounds(text: str) -> tuple[str, str] | None:
    """(lo, hi) keys of a CIDR network (host bits ignored), or None when not a network."""
    try:
        net = ipaddress.ip_network(text.strip(), strict=False)
    except ValueError:
        return None
    return _addr_key(net.network_address), _addr_key(net.broadcast_address)


def ip6_key(text: str | None) -> str | None:
    """SQL user function: key of an address that contains ':' (the IPv4 path is plain SQL)."""
    if text is None or ":" not in text:
        return None
    return ip_key(text)


_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
# The dotted quads ipaddress.IPv4Address accepts (ASCII digits, no leading zeros).
IPV4_PATTERN = rf"^{_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}$"
