import pytest

from canhgiac.detectors.pages.fields import field_kinds
from canhgiac.detectors.pages.html import FormField


def f(type="text", name="", id="", placeholder="", autocomplete="", label="", tag="input"):
    return FormField(tag, type, name, id, placeholder, autocomplete, label, type == "hidden")


@pytest.mark.parametrize(
    ("item", "kind"),
    [
        (f(type="password", name="p"), "password"),
        (f(name="matkhau"), "password"),
        (f(label="Mật khẩu đăng nhập"), "password"),
        (f(name="txtOTP"), "otp"),
        (f(placeholder="Nhập mã xác thực"), "otp"),
        (f(autocomplete="one-time-code"), "otp"),
        (f(name="cardNumber"), "card_number"),
        (f(label="Số thẻ ATM"), "card_number"),
        (f(name="cvv2"), "cvv"),
        (f(placeholder="Mã bảo mật (3 số mặt sau)"), "cvv"),
        (f(placeholder="MM/YY"), "card_expiry"),
        (f(label="Số CCCD"), "national_id"),
        (f(name="so_cmnd"), "national_id"),
        (f(placeholder="Căn cước công dân"), "national_id"),
        (f(type="tel", name="x"), "phone"),
        (f(placeholder="Số điện thoại"), "phone"),
        (f(name="ma_pin"), "pin"),
        (f(placeholder="Tên đăng nhập"), "username"),
    ],
)
def test_kinds(item, kind):
    assert kind in field_kinds(item)


@pytest.mark.parametrize(
    "item",
    [
        f(placeholder="Tìm kiếm"),
        f(name="q"),
        f(type="hidden", name="password"),
        f(type="checkbox", label="Ghi nhớ mật khẩu"),
        f(name="compass"),  # "pass" only as a whole word
        f(name="comment", placeholder="Nhận xét"),
    ],
)
def test_not_sensitive(item):
    assert not field_kinds(item) & {"password", "otp", "card_number", "cvv", "national_id"}
