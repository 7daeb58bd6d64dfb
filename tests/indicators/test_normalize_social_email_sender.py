from __future__ import annotations

import pytest

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalize import normalize


@pytest.mark.parametrize(
    ("raws", "value", "display"),
    [
        (
            [
                "https://www.facebook.com/Nguyen.Van.A",
                "facebook.com/nguyen.van.a/",
                "m.facebook.com/nguyen.van.a?ref=bookmarks",
                "fb.com/nguyen.van.a",
                "Facebook: nguyen.van.a",
                "fb: @nguyen.van.a",
                "facebook:nguyen.van.a",
            ],
            "facebook:nguyen.van.a",
            "https://www.facebook.com/nguyen.van.a",
        ),
        (
            [
                "https://www.facebook.com/profile.php?id=100012345678901",
                "https://web.facebook.com/people/Nguyen-Van-A/100012345678901/",
                "facebook:100012345678901",
            ],
            "facebook:100012345678901",
            "https://www.facebook.com/profile.php?id=100012345678901",
        ),
        (
            ["https://www.facebook.com/groups/vieclamonline", "facebook:groups/VieclamOnline"],
            "facebook:groups/vieclamonline",
            "https://www.facebook.com/groups/vieclamonline",
        ),
        (
            [
                "https://zalo.me/0912345678",
                "zalo.me/84912345678",
                "Zalo: 0912 345 678",
                "zalo 0912.345.678",
                "zalo:+84912345678",
            ],
            "zalo:+84912345678",
            "https://zalo.me/0912345678",
        ),
        (["https://zalo.me/g/abcdef123"], "zalo:g/abcdef123", "https://zalo.me/g/abcdef123"),
        (
            [
                "https://www.tiktok.com/@Kiem.Tien_24h",
                "tiktok @kiem.tien_24h",
                "tiktok:kiem.tien_24h",
            ],
            "tiktok:kiem.tien_24h",
            "https://www.tiktok.com/@kiem.tien_24h",
        ),
        (
            [
                "https://t.me/KiemTienOnline",
                "t.me/s/kiemtienonline",
                "telegram.me/kiemtienonline",
                "Telegram: @KiemTienOnline",
                "tele @kiemtienonline",
            ],
            "telegram:kiemtienonline",
            "https://t.me/kiemtienonline",
        ),
        (
            ["https://t.me/+AbCdEfGh12345", "https://t.me/joinchat/AbCdEfGh12345"],
            "telegram:+AbCdEfGh12345",
            "https://t.me/+AbCdEfGh12345",
        ),
        (
            [
                "https://www.youtube.com/@DauTuThongMinh",
                "youtube @daututhongminh",
                "yt: daututhongminh",
            ],
            "youtube:@daututhongminh",
            "https://www.youtube.com/@daututhongminh",
        ),
        (
            ["https://youtube.com/channel/UCabcdefghijklmnopqrstuv"],
            "youtube:channel/UCabcdefghijklmnopqrstuv",
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
        ),
    ],
)
def test_social_accounts(raws, value, display):
    for raw in raws:
        found = normalize(raw)
        assert found.kind is IndicatorKind.SOCIAL_ACCOUNT, raw
        assert (found.value, found.display) == (value, display), raw
        assert normalize(found.display).value == value


def test_pages_below_an_account_stay_urls_unless_the_kind_is_given():
    post = "https://www.tiktok.com/@kiem.tien_24h/video/7300000000000000000"
    assert normalize(post).kind is IndicatorKind.URL
    assert normalize(post, "social_account").value == "tiktok:kiem.tien_24h"
    # Pages that are not accounts.
    assert normalize("https://www.facebook.com/login.php").kind is IndicatorKind.URL
    assert normalize("https://vt.tiktok.com/ZSabc123/").kind is IndicatorKind.URL
    assert normalize("https://fb.me/1AbCdEfGhIjKlMn").kind is IndicatorKind.URL
    with pytest.raises(ValidationFailed):
        normalize("https://www.facebook.com/", "social_account")
    with pytest.raises(ValidationFailed):
        normalize("@someone", "social_account")  # which platform?


@pytest.mark.parametrize(
    ("raw", "value", "display"),
    [
        (
            "Hotro.Vietcombank@Gmail.com",
            "hotrovietcombank@gmail.com",
            "hotro.vietcombank@gmail.com",
        ),
        ("hotrovietcombank+otp@googlemail.com", "hotrovietcombank@gmail.com", None),
        ("CSKH@VietcomBank-Hotro.XYZ", "cskh@vietcombank-hotro.xyz", "cskh@vietcombank-hotro.xyz"),
        ("cskh[at]vietcombank-hotro[.]xyz", "cskh@vietcombank-hotro.xyz", None),
        ("mailto:lienhe@bộcôngan.vn", "lienhe@xn--bcngan-jxa6332d.vn", "lienhe@bộcôngan.vn"),
    ],
)
def test_emails(raw, value, display):
    found = normalize(raw)
    assert found.kind is IndicatorKind.EMAIL
    assert found.value == value
    if display:
        assert found.display == display
    assert normalize(found.display).value == value


@pytest.mark.parametrize(
    "raw", ["a@b", "@evil.xyz", "a b@evil.xyz", "a@@evil.xyz", "x" * 65 + "@a.vn"]
)
def test_invalid_emails(raw):
    with pytest.raises(ValidationFailed):
        normalize(raw, "email")


def test_sms_senders():
    brand = normalize("Vietcombank", "sms_sender")
    assert (brand.value, brand.display, brand.extra["sender_type"]) == (
        "VIETCOMBANK",
        "Vietcombank",
        "brandname",
    )
    assert normalize("VIETCOMBANK", "sms_sender").value == brand.value
    assert normalize("  Viettel  Post ", "sms_sender").value == "VIETTEL POST"
    number = normalize("0912 345 678", "sms_sender")
    assert (number.value, number.extra["sender_type"]) == ("+84912345678", "number")
    assert normalize("9029", "sms_sender").extra["sender_type"] == "short_code"
    # Guessing never yields a sender: any word could be one.
    with pytest.raises(ValidationFailed):
        normalize("Vietcombank")
    for bad in ("Ngân hàng", "A" * 30, "!!!"):
        with pytest.raises(ValidationFailed):
            normalize(bad, "sms_sender")


@pytest.mark.parametrize(
    "raw", ["fbcdn-evil.com", "tiktok-shop.vip", "yttompthree.com", "zalo-hotro.xyz"]
)
def test_domains_starting_with_a_platform_word_stay_domains(raw):
    assert normalize(raw).kind == "domain"
