from __future__ import annotations

import pytest

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalize import normalize


@pytest.mark.parametrize(
    "raw",
    [
        "0912 345 678",
        "+84912345678",
        "84-912-345-678",
        "0912.345.678",
        "0912345678",
        "84912345678",
        "+84 912 345 678",
        "(+84) 912-345-678",
        "0084 912 345 678",
        "912345678",
        "tel:+84912345678",
        "SĐT: 0912 345 678",
    ],
)
def test_every_spelling_of_a_mobile_number_agrees(raw):
    found = normalize(raw)
    assert found.kind is IndicatorKind.PHONE
    assert found.value == "+84912345678"
    assert found.display == "0912 345 678"
    assert found.extra["region"] == "VN"
    assert found.extra["type"] == "mobile"


@pytest.mark.parametrize(
    ("raw", "value", "display", "kind"),
    [
        ("024 3825 1234", "+842438251234", "024 3825 1234", "fixed_line"),
        ("(028) 3829 1234", "+842838291234", "028 3829 1234", "fixed_line"),
        ("1900 545413", "+841900545413", "1900 545413", "premium_rate"),
        ("1900.1234", "+8419001234", "1900 1234", "premium_rate"),
        ("1800 1091", "+8418001091", "1800 1091", "toll_free"),
        ("+1 650 253 0000", "+16502530000", "+1 650-253-0000", None),
        ("+44 20 7946 0958", "+442079460958", "+44 20 7946 0958", "fixed_line"),
        ("+86 138 0013 8000", "+8613800138000", "+86 138 0013 8000", "mobile"),
    ],
)
def test_landlines_service_and_foreign_numbers(raw, value, display, kind):
    found = normalize(raw)
    assert found.kind is IndicatorKind.PHONE
    assert found.value == value
    assert found.display == display
    if kind:
        assert found.extra["type"] == kind
    assert normalize(found.display).value == value


def test_short_codes():
    # Known to phonenumbers: recognised even when the kind is guessed.
    assert normalize("113").value == "113"
    assert normalize("113").extra["type"] == "short_code"
    # Carrier / content short codes are accepted when the caller says "phone".
    found = normalize("9029", "phone")
    assert (found.value, found.extra["type"]) == ("9029", "short_code")
    assert normalize("8 0 8 8", "phone").value == "8088"
    # A bare four-digit number is not guessed to be a phone (years, amounts…).
    with pytest.raises(ValidationFailed):
        normalize("2024")


def test_explicit_kind_is_lenient_for_unallocated_ranges():
    with pytest.raises(ValidationFailed):
        normalize("0212345678")
    found = normalize("0212345678", "phone")
    assert found.value == "+84212345678"
    assert normalize(found.display, "phone").value == found.value


@pytest.mark.parametrize("raw", ["0912 345", "09123456789012345", "0912-abc-678", "++84912345678"])
def test_invalid_phones(raw):
    with pytest.raises(ValidationFailed) as err:
        normalize(raw, "phone")
    assert "Số điện thoại" in err.value.message
