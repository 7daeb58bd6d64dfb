from __future__ import annotations

import pytest

from canhgiac.indicators.feeds.detect import guess_kind, looks_like_regex


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("example.com", "domain", "example.com"),
        ("Sub.Example.COM", "domain", "Sub.Example.COM"),
        ("xn--vitcombank-o3a.com", "domain", "xn--vitcombank-o3a.com"),
        ("ngânhàng.vn", "domain", "ngânhàng.vn"),
        ("203.0.113.9", "ip", "203.0.113.9"),
        ("203.0.113.9:8443", "ip", "203.0.113.9"),
        ("[2001:db8::2]:53", "ip", "2001:db8::2"),
        ("2001:db8::2", "ip", "2001:db8::2"),
        ("2001:db8::/32", "cidr", "2001:db8::/32"),
        ("10.0.0.0/8", "cidr", "10.0.0.0/8"),
        ("evil.example:8080", "domain", "evil.example"),
        ("https://a.example/x", "url", "https://a.example/x"),
        ("a.example/x/y.php", "url", "a.example/x/y.php"),
        ("203.0.113.9/gate.php", "url", "203.0.113.9/gate.php"),
        ("user@mail.example.vn", "email", "user@mail.example.vn"),
        ("+84 912 345 678", "phone", "+84 912 345 678"),
        ("0912.345.678", "phone", "0912.345.678"),
        ("*.evil.example", "domain", "evil.example"),
        ("999.1.1.1", None, "999.1.1.1"),
        ("203.0.113.9:99999", None, "203.0.113.9:99999"),
        ("nonsense", None, "nonsense"),
    ],
)
def test_guess_kind(text, kind, value):
    guess = guess_kind(text)
    assert (guess.kind, guess.value) == (kind, value)


def test_unsupported_shapes():
    assert guess_kind("/gate.php").unsupported
    assert guess_kind(".top").unsupported
    assert guess_kind("example.com").unsupported is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"q(l|r)[0-9]{5,6}\.pw", True),
        (r"helplog[0-9]{3,4}\.(ml|ga)", True),
        ("evil.example", False),
        ("evil.example/index.php?id=1", False),
        ("[2001:db8::1]:443", False),
        ("/default/get/[home|dashboard]", True),
        ("http://evil.example/a?b=c", False),
    ],
)
def test_looks_like_regex(text, expected):
    assert looks_like_regex(text) is expected
