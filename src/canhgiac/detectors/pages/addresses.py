"""Which IP addresses the page fetcher may connect to.

Checked after DNS resolution and again on every redirect hop; the fetcher then connects to
the exact address checked here, so a name that re-resolves to 127.0.0.1 later (DNS
rebinding) never reaches an internal service.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from canhgiac.errors import ValidationFailed

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

# Cloud instance-metadata endpoints: refused even when private fetching is allowed.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS IPv6
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud (legacy)
    )
)
CGNAT = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
SIX_TO_FOUR = ipaddress.ip_network("2002::/16")
MAX_ADDRESSES = 32  # of one name; more is not a real web host
RESOLVE_TIMEOUT = 5.0


class AddressRefused(ValidationFailed):
    """The URL's host is, or resolves to, an address the fetcher must never reach."""

    code = "address_refused"


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in SIX_TO_FOUR:
        return ip.sixtofour
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """``allow_private`` (tests only) lifts loopback/private/link-local/CGNAT, never metadata.

    ``allowed_networks`` admits exact internal networks (a test server on 127.0.0.2) while
    everything else internal stays refused.
    """

    allow_private: bool = False
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    def refusal(self, ip: IPAddress) -> str | None:
        """Why ``ip`` is refused (Vietnamese / English), or None when it may be reached."""
        if ip in METADATA_ADDRESSES:
            return "địa chỉ metadata của đám mây / cloud metadata address"
        if isinstance(ip, ipaddress.IPv6Address):
            inner = embedded_ipv4(ip)
            if inner is not None:
                reason = self.refusal(inner)
                return f"{reason} (IPv6 {ip})" if reason else None
        if ip.is_unspecified:
            return "địa chỉ không xác định / unspecified address"
        if ip.is_multicast:
            return "địa chỉ multicast / multicast address"
        if ip.is_reserved and not ip.is_loopback:  # ::1 sits inside IPv6 ::/8
            return "địa chỉ dành riêng / reserved address"
        if any(ip in net for net in self.allowed_networks if net.version == ip.version):
            return None
        internal = _internal_kind(ip)
        if internal is None:
            if not ip.is_global:
                return "địa chỉ dành riêng / reserved address"
            return None
        return None if self.allow_private else internal

    def check(self, ip: IPAddress, host: str) -> None:
        reason = self.refusal(ip)
        if reason is not None:
            raise AddressRefused(
                f"Từ chối truy cập {host} ({ip}): {reason} / refused to fetch", field="url"
            )


def _internal_kind(ip: IPAddress) -> str | None:
    if ip.is_loopback:
        return "địa chỉ loopback / loopback address"
    if ip.is_link_local:
        return "địa chỉ link-local / link-local address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in CGNAT:
        return "địa chỉ CGNAT 100.64/10 / CGNAT address"
    if ip.is_private:
        return "địa chỉ mạng nội bộ / private address"
    return None


def system_resolver(host: str, port: int, timeout: float = RESOLVE_TIMEOUT) -> list[str]:
    """``getaddrinfo`` with a time bound (it has none of its own)."""
    result: list[str] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            result.extend(str(info[4][0]) for info in infos)
        except (OSError, UnicodeError) as exc:
            error.append(exc)

    worker = threading.Thread(target=run, name="canhgiac-resolve", daemon=True)
    worker.start()
    worker.join(max(0.01, min(timeout, RESOLVE_TIMEOUT)))
    if worker.is_alive():
        raise ValidationFailed(f"Phân giải {host} quá lâu / DNS resolution timed out", field="url")
    if error:
        raise ValidationFailed(
            f"Không phân giải được {host} / cannot resolve host: {error[0]}", field="url"
        )
    return result


def resolve_checked(host: str, port: int, policy: AddressPolicy, resolver: Resolver) -> str:
    """The one address to connect to for ``host``; refuses when ANY answer is forbidden.

    Refusing on any forbidden answer (rather than picking a good one) defeats names that mix
    a public and an internal record to probe the network.
    """
    literal = _ip_literal(host)
    if literal is not None:
        policy.check(literal, host)
        return str(literal)
    answers = list(dict.fromkeys(resolver(host, port)))[:MAX_ADDRESSES]
    if not answers:
        raise ValidationFailed(f"{host} không có địa chỉ IP / host has no address", field="url")
    addresses: list[IPAddress] = []
    for answer in answers:
        ip = _ip_literal(answer.split("%", 1)[0])  # drop an IPv6 zone id
        if ip is None:
            raise ValidationFailed(f"Địa chỉ lạ cho {host}: {answer!r} / bad address", field="url")
        policy.check(ip, host)
        addresses.append(ip)
    # Prefer IPv4: many hosts publish AAAA records that do not answer.
    addresses.sort(key=lambda a: a.version)
    return str(addresses[0])


def _ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
