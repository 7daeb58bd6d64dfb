from __future__ import annotations

import pytest

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalize import NormalizedIndicator, coerce_kind, normalize
from canhgiac.indicators.normalized import MAX_RAW_LENGTH


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("vietcombank-xacminh.xyz", IndicatorKind.DOMAIN),
        ("https://vietcombank-xacminh.xyz/a", IndicatorKind.URL),
        ("vietcombank-xacminh.xyz/a", IndicatorKind.URL),
        ("185.220.101.1", IndicatorKind.IP),
        ("185.220.101.0/24", IndicatorKind.CIDR),
        ("0912 345 678", IndicatorKind.PHONE),
        ("Vietcombank 0123456789", IndicatorKind.BANK_ACCOUNT),
        ("MoMo 0912345678", IndicatorKind.EWALLET),
        ("a@vietcombank-xacminh.xyz", IndicatorKind.EMAIL),
        ("t.me/kiemtienonline", IndicatorKind.SOCIAL_ACCOUNT),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", IndicatorKind.CRYPTO_WALLET),
    ],
)
def test_kind_is_guessed(raw, kind):
    assert normalize(raw).kind is kind


@pytest.mark.parametrize(
    "raw", ["", "   ", "xin chào", "1.000.000đ", "v.v.", "0123456789", "2024", "file.txt", "@abc"]
)
def test_unrecognised_values_get_a_bilingual_error(raw):
    with pytest.raises(ValidationFailed) as err:
        normalize(raw)
    assert err.value.field == "value"
    vi, _, en = err.value.message.partition(" / ")
    assert vi and en


def test_kind_strings_and_unknown_kinds():
    assert normalize("0912345678", "PHONE").kind is IndicatorKind.PHONE
    assert coerce_kind(" Bank_Account ") is IndicatorKind.BANK_ACCOUNT
    with pytest.raises(ValidationFailed) as err:
        normalize("0912345678", "telephone")
    assert err.value.field == "kind"


def test_size_is_bounded():
    with pytest.raises(ValidationFailed, match="quá dài"):
        normalize("a" * (MAX_RAW_LENGTH + 1) + ".com")
    with pytest.raises(ValidationFailed):
        normalize(None)  # type: ignore[arg-type]


def test_to_dict_and_identity():
    found = normalize("0912.345.678")
    data = found.to_dict()
    assert data["kind"] == "phone"
    assert data["value"] == "+84912345678"
    assert data["display"] == "0912 345 678"
    assert data["region"] == "VN"
    assert found == normalize("+84 912 345 678")
    assert len({found, normalize("84912345678")}) == 1
    assert isinstance(found, NormalizedIndicator)
    with pytest.raises(AttributeError):
        found.value = "x"  # type: ignore[misc]
