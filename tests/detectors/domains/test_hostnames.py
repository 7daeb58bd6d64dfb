import pytest

from canhgiac.detectors.domains.hostnames import clean_host, parse_host
from canhgiac.errors import ValidationFailed


@pytest.mark.parametrize(
    ("raw", "host"),
    [
        ("ACB.com.vn", "acb.com.vn"),
        ("https://www.vietcombank.com.vn/vn/login?x=1", "vietcombank.com.vn"),
        ("  user@login.example.com:8443/path  ", "login.example.com"),
        ("*.wild.example.org.", "wild.example.org"),
        ("www.ck", "www.ck"),
    ],
)
def test_clean_host(raw, host):
    assert clean_host(raw) == host


@pytest.mark.parametrize("raw", ["", "   ", "abc", "a..b", "1.2.3.4", "a b.com", "x" * 64 + ".com"])
def test_bad_input_names_the_field(raw):
    with pytest.raises(ValidationFailed) as info:
        clean_host(raw)
    assert info.value.field == "domain"


def test_split_at_public_suffix():
    p = parse_host("acb.vn-home.xyz")
    assert (p.suffix, p.registrable, p.sld, p.subdomain) == (
        "xyz",
        "vn-home.xyz",
        "vn-home",
        ("acb",),
    )
    p = parse_host("ebank.vietcombank.com.vn")
    assert (p.suffix, p.registrable, p.subdomain) == ("com.vn", "vietcombank.com.vn", ("ebank",))


def test_shared_hosting_suffix_is_reported_but_registrable_stays_icann():
    p = parse_host("fake-bank.github.io")
    assert p.registrable == "github.io"
    assert p.private_suffix == "github.io"


def test_site_builders_missing_from_the_suffix_list_count_as_shared_hosting():
    p = parse_host("nhantien-quocte.weebly.com")
    assert p.private_suffix == "weebly.com"
    assert p.registrable == "weebly.com"  # the ICANN split is unchanged
    assert parse_host("weebly.com").private_suffix == ""
    assert parse_host("example.com").private_suffix == ""


def test_unknown_tld_and_bare_suffix():
    assert parse_host("foo.notatld").suffix == "notatld"
    p = parse_host("com.vn")
    assert p.registrable == "com.vn" and p.sld == ""
