"""IPv4/IPv6 addresses and CIDR networks, in the ``ipaddress`` module's canonical form."""

from __future__ import annotations

import ipaddress
import re

from canhgiac.indicators.defang import undefang
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_DOTTED_QUAD = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}", re.ASCII)


def parse_ip(text: str) -> IPAddress | None:
    """The address, IPv4-mapped IPv6 folded to IPv4; ``None`` when not an address."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if "%" in text:  # zone ids name an interface on one machine, not a thing to track
        return None
    if ":" not in text:
        # Only IPv4 is left; skip the module's slow parse (and its exception) for host
        # names, and for the canonical dotted quad build the address from its bytes.
        if not text[:1].isdigit():
            return None
        if _DOTTED_QUAD.fullmatch(text):
            return ipaddress.IPv4Address(bytes(map(int, text.split("."))))
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _ip_extra(address: IPAddress) -> dict[str, str]:
    extra = {"version": str(address.version)}
    if not address.is_global:
        extra["scope"] = "private" if address.is_private else "reserved"
    return extra


def normalize_ip(raw: str) -> NormalizedIndicator:
    check_length(raw)
    address = parse_ip(undefang(raw))
    if address is None:
        reject("Địa chỉ IP không hợp lệ", "Invalid IP address", raw)
    value = str(address)
    return NormalizedIndicator(IndicatorKind.IP, value, value, _ip_extra(address))


def normalize_cidr(raw: str) -> NormalizedIndicator:
    """A network in canonical form; host bits are cleared (``10.1.2.3/8`` → ``10.0.0.0/8``)."""
    check_length(raw)
    text = undefang(raw).strip()
    if "/" not in text:
        address = parse_ip(text)
        if address is None:
            reject("Dải địa chỉ IP (CIDR) không hợp lệ", "Invalid CIDR network", raw)
        text = f"{address}/{address.max_prefixlen}"
    try:
        network = ipaddress.ip_network(text, strict=False)
    except ValueError:
        reject("Dải địa chỉ IP (CIDR) không hợp lệ", "Invalid CIDR network", raw)
    value = str(network)
    return NormalizedIndicator(
        IndicatorKind.CIDR,
        value,
        value,
        {"version": str(network.version), "num_addresses": str(network.num_addresses)},
    )
