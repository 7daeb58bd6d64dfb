from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.fast_normalize import canonical_block, canonical_flags, fast_normalize
from canhgiac.indicators.normalize import normalize
from canhgiac.indicators.normalizers.ips import parse_ip
from tests.datasets_path import require_dataset


def _agrees(raw: str, hint: str | None) -> None:
    fast = fast_normalize(raw, hint)
    if fast is None:
        return
    full = normalize(raw, hint)
    assert (full.kind.value, full.value, full.display) == fast, raw


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        ("Evil-Bank.XYZ", "domain", ("domain", "evil-bank.xyz", "evil-bank.xyz")),
        (
            "login.vcb-xacminh.top.",
            "domain",
            ("domain", "login.vcb-xacminh.top", "login.vcb-xacminh.top"),
        ),
        ("login.vcb-xacminh.top", None, None),
        ("10.0.0.1", "ip", ("ip", "10.0.0.1", "10.0.0.1")),
        ("www.example.vn", "domain", None),  # www. handling needs the suffix list
        ("xn--shpmobaviet-j7a.vn", "domain", None),  # punycode: display differs
        ("010.0.0.1", "ip", None),
        ("vcb[.]top", "domain", None),
    ],
)
def test_fast_path_cases(raw, hint, expected):
    assert fast_normalize(raw, hint) == expected
    _agrees(raw, hint)


label = st.from_regex(r"[a-zA-Z0-9_][a-zA-Z0-9_-]{0,10}[a-zA-Z0-9_]", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(label, min_size=1, max_size=4),
    st.sampled_from(["xyz", "vn", "com", "top", "Club", "qq"]),
)
def test_fast_path_agrees_with_full_normalisation(labels, tld):
    raw = ".".join([*labels, tld])
    try:
        _agrees(raw, "domain")
    except ValidationFailed:
        pytest.fail(f"fast path accepted what normalize rejects: {raw}")


@settings(max_examples=200, deadline=None)
@given(st.ip_addresses(v=4))
def test_fast_ipv4_agrees(address):
    _agrees(str(address), "ip")


@pytest.mark.datasets
def test_agrees_on_real_trails():
    root = require_dataset("trails/maltrail")
    checked = 0
    for path in sorted(root.rglob("*.txt"))[:60]:
        for line in path.read_text(errors="replace").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                hint = "ip" if line[0].isdigit() and line.count(".") == 3 else "domain"
                try:
                    _agrees(line, hint)
                except ValidationFailed:
                    pytest.fail(f"fast path accepted {line!r}")
                checked += 1
    assert checked > 500


_VALUES = [
    "evil.example.com",
    "a_b.example.vn",
    "Evil.example.com",
    "www.evil.example.com",
    "trailing.example.com.",
    "xn--80ak6aa92e.com",
    "a" * 250 + ".com",
    "-bad.example.com",
    "two\nlines.com",
    "203.0.113.7",
    "010.0.0.1",
    "256.1.1.1",
    "1.2.3.4\n5.6.7.8",
    "",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VALUES), max_size=12), st.sampled_from(["domain", "ip", "url"]))
def test_block_checks_agree_with_the_fast_path_per_value(values, hint):
    plain = [fast_normalize(v, hint) == (hint, v, v) for v in values]
    assert canonical_flags(hint, values) == plain
    assert canonical_block(hint, values) == all(plain)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.ip_addresses().map(str),
        st.from_regex(r"[0-9]{1,4}(\.[0-9]{1,4}){2,4}", fullmatch=True),
        st.text(alphabet="0123456789abcdef:.x[]% ", max_size=20),
    )
)
def test_parse_ip_matches_the_ipaddress_module(text):
    stripped = text.strip()
    if stripped.startswith("[") and stripped.endswith("]"):
        stripped = stripped[1:-1]
    try:
        expected = None if "%" in stripped else ipaddress.ip_address(stripped)
    except ValueError:
        expected = None
    if isinstance(expected, ipaddress.IPv6Address) and expected.ipv4_mapped is not None:
        expected = expected.ipv4_mapped
    assert parse_ip(text) == expected


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["http", "https", "HTTP", "ftp", "hxxp"]),
    st.one_of(st.ip_addresses(v=4).map(str), st.sampled_from(["01.2.3.4", "evil.example"])),
    st.sampled_from(["", ":80", ":8080"]),
    st.text(alphabet="aZ09._~-/%?#@:", max_size=16),
)
def test_fast_ipv4_urls_agree(scheme, host, port, tail):
    raw = f"{scheme}://{host}{port}{tail}"
    try:
        _agrees(raw, "url")
    except ValidationFailed:
        pytest.fail(f"fast path accepted what normalize rejects: {raw}")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("http://192.0.2.1", "http://192.0.2.1/"),
        ("https://192.0.2.1/a//B~/", "https://192.0.2.1/a//B~/"),
        ("http://192.0.2.1/a/./b", None),
        ("http://192.0.2.1:80/", None),
        ("http://192.0.2.1/?q", None),
    ],
)
def test_fast_ipv4_url_cases(raw, expected):
    assert fast_normalize(raw, "url") == (None if expected is None else ("url", expected, expected))
