from __future__ import annotations

import pytest

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalize import normalize, registrable_domain, undefang


@pytest.mark.parametrize(
    "raw",
    [
        "vietcombank-xacminh.xyz",
        "VIETCOMBANK-XACMINH.XYZ",
        "vietcombank-xacminh.xyz.",
        "www.vietcombank-xacminh.xyz",
        "vietcombank-xacminh[.]xyz",
        "vietcombank-xacminh(.)xyz",
        "vietcombank-xacminh[dot]xyz",
        "vietcombank-xacminh (dot) xyz",
        "vietcombank-xacminh . xyz",
        "vietcombank-xacminh\u3002xyz",
        "vietcombank\u200b-xacminh.xyz",
    ],
)
def test_every_spelling_of_a_domain_agrees(raw):
    found = normalize(raw)
    assert found.kind is IndicatorKind.DOMAIN
    assert found.value == "vietcombank-xacminh.xyz"
    assert found.extra["registrable_domain"] == "vietcombank-xacminh.xyz"


def test_idn_domain_is_punycode_with_unicode_display():
    found = normalize("VIỆTCOMBANK.com.vn")
    assert found.value == "xn--vitcombank-dv3e.com.vn"
    assert found.display == "việtcombank.com.vn"
    assert normalize(found.display).value == found.value
    assert normalize(found.value).display == found.display


def test_registrable_domain_uses_the_bundled_suffix_list():
    assert registrable_domain("a.b.vietcombank.com.vn") == "vietcombank.com.vn"
    assert registrable_domain("acb.vn-home.xyz") == "vn-home.xyz"
    assert registrable_domain("bidv.com.vn-ebank.top") == "vn-ebank.top"
    assert registrable_domain("dichvucong.gov.vn") == "dichvucong.gov.vn"
    # Private suffixes count: a site on free hosting is its own registrable domain.
    assert registrable_domain("vcb-xacminh.web.app") == "vcb-xacminh.web.app"
    assert registrable_domain("Sub.VIỆTCOMBANK.com") == "xn--vitcombank-dv3e.com"
    assert registrable_domain("1.2.3.4") == "1.2.3.4"


def test_explicit_domain_accepts_a_url_and_keeps_its_host():
    found = normalize("https://Login.Evil.example/path?q=1", IndicatorKind.DOMAIN)
    assert found.value == "login.evil.example"


def test_explicit_domain_allows_unknown_suffix_but_guessing_does_not():
    assert normalize("c2.malware.bit", "domain").value == "c2.malware.bit"
    with pytest.raises(ValidationFailed):
        normalize("c2.malware.notarealtld")


@pytest.mark.parametrize("raw", ["exa mple.com", "-bad.com", "a..com", "x" * 64 + ".com", "com"])
def test_invalid_domains_are_rejected(raw):
    with pytest.raises(ValidationFailed) as err:
        normalize(raw, "domain")
    assert err.value.field == "value"
    assert "/" in err.value.message  # Vietnamese / English


@pytest.mark.parametrize(
    "raw",
    [
        "https://acb.vn-home.xyz/login?next=/a",
        "HTTPS://ACB.VN-HOME.XYZ:443/login?next=/a",
        "https://acb.vn-home.xyz/x/../login?next=/a#top",
        "https://acb.vn-home.xyz/./login?next=/a",
        "hxxps://acb[.]vn-home[.]xyz/login?next=/a",
        "hxxps[:]//acb.vn-home.xyz/login?next=/a",
        "https://acb.vn-home.xyz/%6C%6Fgin?next=/a",
        "https:\\\\acb.vn-home.xyz\\login?next=/a",
    ],
)
def test_every_spelling_of_a_url_agrees(raw):
    found = normalize(raw)
    assert found.kind is IndicatorKind.URL
    assert found.value == "https://acb.vn-home.xyz/login?next=/a"
    assert found.extra["host"] == "acb.vn-home.xyz"
    assert found.extra["registrable_domain"] == "vn-home.xyz"


def test_url_details():
    assert normalize("http://Example.com:80").value == "http://example.com/"
    assert normalize("http://example.com:8080/").value == "http://example.com:8080/"
    assert normalize("bit.ly/abc").value == "http://bit.ly/abc"
    assert normalize("http://[2001:DB8::1]/a").value == "http://[2001:db8::1]/a"
    assert normalize("http://a.vn/đăng nhập").value == "http://a.vn/%C4%91%C4%83ng%20nh%E1%BA%ADp"
    assert normalize("http://a.vn/%7euser?q=%7e").value == "http://a.vn/~user?q=~"
    # Tracking parameters are kept; the empty query and the fragment are not.
    assert normalize("https://a.vn/?utm_source=sms").value == "https://a.vn/?utm_source=sms"
    assert normalize("https://a.vn/?#x").value == "https://a.vn/"
    # The user-info trick keeps the real host visible in the value.
    tricky = normalize("https://vietcombank.com.vn@evil.xyz/")
    assert tricky.extra["host"] == "evil.xyz"


def test_idn_url_displays_unicode_host():
    found = normalize("https://việtcombank.com/login")
    assert found.value == "https://xn--vitcombank-dv3e.com/login"
    assert found.display == "https://việtcombank.com/login"
    assert normalize(found.display).value == found.value


@pytest.mark.parametrize(
    "raw",
    [
        "javascript:alert(1)",
        "http://",
        "http://exa mple.com/",
        "ftp://a.vn:99999/",
        "http://a.vn:\u00b2/",  # a superscript two is a digit to str.isdigit, not to int()
    ],
)
def test_invalid_urls_are_rejected(raw):
    with pytest.raises(ValidationFailed):
        normalize(raw, "url")


@pytest.mark.parametrize(
    ("raw", "kind", "value"),
    [
        ("1.2.3.4", IndicatorKind.IP, "1.2.3.4"),
        ("1[.]2[.]3[.]4", IndicatorKind.IP, "1.2.3.4"),
        ("2001:0DB8:0000::0001", IndicatorKind.IP, "2001:db8::1"),
        ("[2001:db8::1]", IndicatorKind.IP, "2001:db8::1"),
        ("::ffff:10.0.0.1", IndicatorKind.IP, "10.0.0.1"),
        ("10.1.2.3/8", IndicatorKind.CIDR, "10.0.0.0/8"),
        ("2001:db8::1/32", IndicatorKind.CIDR, "2001:db8::/32"),
        ("1.2.3.4:8080", IndicatorKind.URL, "http://1.2.3.4:8080/"),
    ],
)
def test_ip_and_cidr(raw, kind, value):
    found = normalize(raw)
    assert (found.kind, found.value) == (kind, value)


def test_single_address_as_cidr_and_private_scope():
    assert normalize("8.8.8.8", "cidr").value == "8.8.8.8/32"
    assert normalize("192.168.1.1").extra["scope"] == "private"
    with pytest.raises(ValidationFailed):
        normalize("010.1.1.1", "ip")  # leading zeros are ambiguous (octal?)
    with pytest.raises(ValidationFailed):
        normalize("1.2.3.4/33", "cidr")


def test_undefang():
    assert undefang("hxxps[:]//a[.]b(.)c[dot]d/x") == "https://a.b.c.d/x"
    assert undefang("hXXp://bit . ly/abc") == "http://bit.ly/abc"
    assert undefang("a[at]b[.]vn") == "a@b.vn"
    assert undefang("h**ps://x.vn") == "https://x.vn"
    assert undefang("plain text") == "plain text"
