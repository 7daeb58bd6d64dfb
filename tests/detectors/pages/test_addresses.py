import ipaddress

import pytest

from canhgiac.detectors.pages.addresses import (
    AddressPolicy,
    AddressRefused,
    resolve_checked,
    system_resolver,
)
from canhgiac.errors import ValidationFailed

REFUSED_ALWAYS = [
    "169.254.169.254",
    "fd00:ec2::254",
    "100.100.100.200",
    "0.0.0.0",
    "::",
    "224.0.0.1",
    "ff02::1",
    "240.0.0.1",
    "255.255.255.255",
    "::ffff:169.254.169.254",
]
REFUSED_BY_DEFAULT = [
    "127.0.0.1",
    "127.5.5.5",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.1.1",
    "100.64.0.1",
    "100.127.255.254",
    "::1",
    "fe80::1",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
]
PUBLIC = ["8.8.8.8", "1.1.1.1", "113.160.92.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("ip", REFUSED_ALWAYS + REFUSED_BY_DEFAULT)
def test_internal_addresses_refused_by_default(ip):
    assert AddressPolicy().refusal(ipaddress.ip_address(ip)) is not None


@pytest.mark.parametrize("ip", ["192.0.2.1", "198.18.0.1", "2001:db8::1"])
def test_documentation_and_benchmark_ranges_refused(ip):
    assert AddressPolicy().refusal(ipaddress.ip_address(ip)) is not None


@pytest.mark.parametrize("ip", PUBLIC)
def test_public_addresses_allowed(ip):
    assert AddressPolicy().refusal(ipaddress.ip_address(ip)) is None


@pytest.mark.parametrize("ip", REFUSED_BY_DEFAULT)
def test_allow_private_lifts_internal_ranges(ip):
    assert AddressPolicy(allow_private=True).refusal(ipaddress.ip_address(ip)) is None


@pytest.mark.parametrize("ip", REFUSED_ALWAYS)
def test_allow_private_never_lifts_metadata_or_special(ip):
    assert AddressPolicy(allow_private=True).refusal(ipaddress.ip_address(ip)) is not None


def test_allowed_network_is_exact():
    policy = AddressPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.2/32"),))
    assert policy.refusal(ipaddress.ip_address("127.0.0.2")) is None
    assert policy.refusal(ipaddress.ip_address("127.0.0.1")) is not None


def test_any_forbidden_answer_refuses_the_name():
    def resolver(host, port):
        return ["8.8.8.8", "10.0.0.1"]

    with pytest.raises(AddressRefused):
        resolve_checked("mixed.example", 80, AddressPolicy(), resolver)


def test_ipv4_preferred_and_zone_ids_dropped():
    def resolver(host, port):
        return ["2606:4700:4700::1111", "1.1.1.1"]

    assert resolve_checked("dual.example", 443, AddressPolicy(), resolver) == "1.1.1.1"


def test_ip_literal_checked_without_resolving():
    def resolver(host, port):
        raise AssertionError("an IP literal needs no resolver")

    with pytest.raises(AddressRefused):
        resolve_checked("[::1]", 80, AddressPolicy(), resolver)
    assert resolve_checked("8.8.8.8", 80, AddressPolicy(), resolver) == "8.8.8.8"


def test_garbage_answers_rejected():
    with pytest.raises(ValidationFailed):
        resolve_checked("x.example", 80, AddressPolicy(), lambda h, p: ["not-an-ip"])
    with pytest.raises(ValidationFailed):
        resolve_checked("x.example", 80, AddressPolicy(), lambda h, p: [])


def test_localhost_via_the_real_resolver_refused():
    with pytest.raises(AddressRefused):
        resolve_checked("localhost", 80, AddressPolicy(), system_resolver)


def test_decimal_ip_host_resolves_to_loopback_and_is_refused():
    # "http://2130706433/" is 127.0.0.1 to getaddrinfo.
    with pytest.raises(AddressRefused):
        resolve_checked("2130706433", 80, AddressPolicy(), system_resolver)
