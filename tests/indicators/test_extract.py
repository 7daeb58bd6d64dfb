from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.extract import MAX_TEXT_LENGTH, extract_indicators
from canhgiac.indicators.kinds import IndicatorKind as K
from canhgiac.indicators.normalize import normalize


def found(text: str) -> list[tuple[str, str, str]]:
    results = extract_indicators(text)
    for item in results:
        assert text[item.start : item.end] == item.raw
        # The span alone normalises to the same indicator.
        again = normalize(item.raw)
        assert (again.kind, again.value) == (item.indicator.kind, item.indicator.value)
    starts = [r.start for r in results]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(results))
    return [(r.raw, r.indicator.kind.value, r.indicator.value) for r in results]


def test_bank_impersonation_sms():
    text = (
        "[VCB] Tai khoan cua quy khach se bi tam khoa. Vui long xac minh tai "
        "vietcombank-xacminh[.]xyz hoac hxxps://acb.vn-home(.)xyz/login truoc 17h."
    )
    assert found(text) == [
        ("vietcombank-xacminh[.]xyz", "domain", "vietcombank-xacminh.xyz"),
        ("hxxps://acb.vn-home(.)xyz/login", "url", "https://acb.vn-home.xyz/login"),
    ]


def test_numbers_accounts_and_wallets():
    text = (
        "Chuyen 1.000.000đ vao STK 0123 456 789 Vietcombank, lien he 0912.345.678 "
        "hoac zalo 0987 654 321. Nap qua MoMo: 0903 123 456."
    )
    assert found(text) == [
        ("STK 0123 456 789 Vietcombank", "bank_account", "vietcombank:0123456789"),
        ("0912.345.678", "phone", "+84912345678"),
        ("zalo 0987 654 321", "social_account", "zalo:+84987654321"),
        ("MoMo: 0903 123 456", "ewallet", "momo:+84903123456"),
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("Số tài khoản: 19031234567890 Techcombank", "Số tài khoản: 19031234567890 Techcombank",
         "techcombank:19031234567890"),
        ("ngân hàng Á Châu stk 123456789", "ngân hàng Á Châu stk 123456789", "acb:123456789"),
        ("chuyển vào 0123456789 (Ngân hàng Á Châu) nhé", "0123456789 (Ngân hàng Á Châu)",
         "acb:0123456789"),
        ("Vietcombank - STK: 9876543210 - NGUYEN VAN A", "Vietcombank - STK: 9876543210",
         "vietcombank:9876543210"),
        ("TK MB số 0912345678", "TK MB số 0912345678", "mbbank:0912345678"),
        ("stk 0123456789", "stk 0123456789", "0123456789"),
    ],
)  # fmt: skip
def test_account_next_to_bank_or_marker(text, raw, value):
    assert (raw, "bank_account", value) in found(text)


def test_bare_digits_without_context_are_not_accounts():
    assert found("Ma don hang 0123456789 da giao") == []
    # A generic bank alias ("MB") alone is not enough context: a phone stays a phone.
    assert found("MB 0912345678") == [("0912345678", "phone", "+84912345678")]


def test_phone_spellings_in_text():
    text = "Goi 0912 345 678, +84 912-345-679 hoac (+84) 912.345.680; hotline 1900 545413."
    values = [v for _, kind, v in found(text) if kind == "phone"]
    assert values == ["+84912345678", "+84912345679", "+84912345680", "+841900545413"]
    # Two numbers side by side stay two numbers.
    assert [v for *_, v in found("0912345678 0987654321")] == ["+84912345678", "+84987654321"]


@pytest.mark.parametrize(
    "text",
    [
        "Giá 1.000.000đ, giảm 20.5%, còn 350.000 VND",
        "Các loại phí v.v. đã gồm VAT",
        "Hẹn anh lúc 10:30 ngày 24.11.2026 tại TP.HCM",
        "Anh ơi.Com nha, xong. Com nhé",
        "Mẹ ơi.Con đi học. Em đi.Ai về trước",
        "Trong 1.200.100.100đ thì 250000000 là tiền cọc",
        "fb của mình nè, tele cũng vậy",
        "3 chàng ngốc . top 1 phim đáng xem, thì đi . xin lỗi",
        "hàng đẹp quá rẻ.shop giao nhanh, hoàn toàn mới.shop uy tín",
        "Fb: Le KimmPhuongg",
        "kết bạn :: nhé",
    ],
)
def test_ordinary_text_has_no_indicators(text):
    assert found(text) == []


def test_obfuscated_and_short_links():
    assert ("bit . ly/abc", "url", "http://bit.ly/abc") in found("Xem bit . ly/abc ngay")
    assert found("vao t.me/kiemtien_online hoac zalo.me/0912345678") == [
        ("t.me/kiemtien_online", "social_account", "telegram:kiemtien_online"),
        ("zalo.me/0912345678", "social_account", "zalo:+84912345678"),
    ]
    # An ambiguous TLD counts with a path or "www.", not alone.
    assert found("www.abc.co") == [("www.abc.co", "domain", "abc.co")]
    # Trailing punctuation and an unbalanced bracket are not part of a link.
    text = "(xem https://evil.xyz/a?b=1)."
    assert found(text) == [("https://evil.xyz/a?b=1", "url", "https://evil.xyz/a?b=1")]


def test_emails_crypto_handles_ips():
    text = (
        "Lien he hotro[at]evil[.]xyz, Telegram: @KiemTienOnline, fb: nguyen.van.a. "
        "Nap USDT TRC20 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t hoac ETH "
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed. C2 185.220.101.1:443, 2001:db8::1"
    )
    assert found(text) == [
        ("hotro[at]evil[.]xyz", "email", "hotro@evil.xyz"),
        ("Telegram: @KiemTienOnline", "social_account", "telegram:kiemtienonline"),
        ("fb: nguyen.van.a", "social_account", "facebook:nguyen.van.a"),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "crypto_wallet",
         "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "crypto_wallet",
         "eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
        ("185.220.101.1:443", "url", "http://185.220.101.1:443/"),
        ("2001:db8::1", "ip", "2001:db8::1"),
    ]  # fmt: skip


def test_vietqr_payload_in_text():
    from tests.indicators.test_normalize_banks import vietqr

    payload = vietqr("970436", "0123456789")
    results = extract_indicators(f"Quet ma: {payload} de thanh toan")
    assert [(r.indicator.kind, r.indicator.value) for r in results] == [
        (K.BANK_ACCOUNT, "vietcombank:0123456789")
    ]
    assert results[0].raw == payload


def test_brand_homographs_are_links_but_run_together_words_are_not():
    assert found("vao vietcombạnk-vn.com ngay") == [
        ("vietcombạnk-vn.com", "domain", "xn--vietcombnk-vn-pf2g.com")
    ]
    assert found("xem ngay.com nhé") == [("ngay.com", "domain", "ngay.com")]  # ASCII: a link


def test_unicode_positions_are_positions_in_the_original_text():
    text = "Ngân hàng Vietcombank thông báo: đăng nhập tại việtcombank.com.vn/đăng-nhập ngay"
    (item,) = extract_indicators(text)
    assert item.raw == "việtcombank.com.vn/đăng-nhập"
    assert text[item.start : item.end] == item.raw
    assert item.indicator.extra["host"].startswith("xn--")


def test_text_size_is_bounded():
    with pytest.raises(ValidationFailed) as err:
        extract_indicators("a" * (MAX_TEXT_LENGTH + 1))
    assert err.value.field == "text"


WORDS = ["Quy khach", "vui long", "lien he", "ngay", "tai", "STK", "Vietcombank", "MoMo", "zalo",
         "1.000.000đ", "v.v.", "hxxps://", "[.]", "xyz", ".com", "t.me/", "0912", "345", "678",
         "@", ":", ",", ".", " ", "(", ")", "0x", "bc1q", "ạ", "đ"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_extraction_positions_always_map_back(text):
    found(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_extraction_never_fails_on_arbitrary_text(text):
    found(text)
