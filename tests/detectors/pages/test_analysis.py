import pytest

from canhgiac.detectors.pages.analysis import THRESHOLD, analyse_page
from canhgiac.detectors.pages.html import parse_html
from canhgiac.indicators.brands import load_brand_registry

from .hostile import APK_PAGE, PHISH


@pytest.fixture(scope="module")
def registry():
    return load_brand_registry()


def test_brand_login_otp_form_off_brand_host_is_high(registry):
    result = analyse_page("http://vcb-xacminh.example/login", parse_html(PHISH), registry)
    assert result.is_suspicious and result.score >= 0.7
    assert result.brand == "vietcombank"
    assert result.category == "fraud.impersonation.bank"
    assert set(result.sensitive_kinds) == {"password", "otp"}
    assert result.form_hosts_elsewhere == ["thu-thap-du-lieu.example"]
    assert result.icons == ["http://vcb-xacminh.example/favicon.ico"]
    assert result.logos == ["http://vcb-xacminh.example/logo.png"]
    assert any("Vietcombank" in r and "/" in r for r in result.reasons)  # Vietnamese / English


def test_same_page_on_the_official_host_is_never_flagged(registry):
    result = analyse_page("https://www.vietcombank.com.vn/login", parse_html(PHISH), registry)
    assert result.official_brand == "vietcombank"
    assert result.score == 0.0 and not result.is_suspicious


def test_news_page_naming_banks_without_forms_is_low(registry):
    html = "<title>Tin tức</title><p>Vietcombank, BIDV và Techcombank tăng lãi suất.</p>"
    result = analyse_page("https://news.example/a", parse_html(html), registry)
    assert set(result.brands_named) >= {"vietcombank", "bidv"}
    assert result.score < THRESHOLD and result.brand is None


def test_plain_login_without_brand_is_below_threshold(registry):
    html = '<title>Diễn đàn</title><form action="/login"><input name=u><input type=password name=p></form>'
    result = analyse_page("https://forum.example/", parse_html(html), registry)
    assert result.score < THRESHOLD
    assert result.forms[0].action == "https://forum.example/login"
    assert not result.forms[0].posts_elsewhere


def test_card_form_naming_a_brand_is_high(registry):
    html = """<title>MB Bank - Nâng hạn mức thẻ</title><form action="/ok">
    <input name=cardNumber><input name=cvv><input placeholder="MM/YY"></form>"""
    result = analyse_page("https://nanghanmuc-the.example/", parse_html(html), registry)
    assert result.is_suspicious and result.brand == "mbbank"
    assert "nang han muc" in result.lures


def test_apk_download_page(registry):
    result = analyse_page("http://dichvucong-app.example/", parse_html(APK_PAGE), registry)
    assert result.apk_links == ["http://dichvucong-app.example/download/dichvucong.apk"]
    assert any("APK" in r for r in result.reasons)


def test_redirect_hints_resolved(registry):
    html = '<meta http-equiv="refresh" content="0;url=https://landing.example/x"><script>window.location="/y"</script>'
    result = analyse_page("https://short.example/", parse_html(html), registry)
    assert result.redirect_hints == ["https://landing.example/x", "https://short.example/y"]
    assert any("landing.example" in r for r in result.reasons)


def test_name_brand_counts_as_prominent(registry):
    html = "<form><input type=password name=p><input name=otp></form>"
    result = analyse_page("https://x.example/", parse_html(html), registry, name_brand="acb")
    assert result.brand == "acb" and result.is_suspicious
