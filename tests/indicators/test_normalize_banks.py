from __future__ import annotations

import pytest

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.brands import load_brand_registry
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalize import normalize
from canhgiac.indicators.normalizers.vietqr import crc16_ccitt, parse_tlv


@pytest.mark.parametrize(
    "raw",
    [
        "Vietcombank 0123456789",
        "vietcombank:0123456789",
        "VCB - 0123 456 789",
        "0123456789 (Vietcombank)",
        "0123.456.789 VCB",
        "Ngân hàng TMCP Ngoại thương Việt Nam 0123456789",
        "ngan hang ngoai thuong: 0123456789",
        "STK 0123456789 Vietcombank",
        "Số tài khoản Vietcombank: 0123 456 789",
        "970436:0123456789",
        "NH VCB 0123456789",
    ],
)
def test_every_spelling_of_an_account_agrees(raw):
    found = normalize(raw)
    assert found.kind is IndicatorKind.BANK_ACCOUNT
    assert found.value == "vietcombank:0123456789"
    assert found.display == "Vietcombank 0123456789"
    assert found.extra["bank"] == "vietcombank"
    assert found.extra["bin"] == "970436"
    assert found.extra["account"] == "0123456789"


def test_every_bank_display_normalises_back():
    registry = load_brand_registry()
    banks = [b for b in registry.brands if b.sector == "bank"]
    assert len(banks) > 30
    for bank in banks:
        found = normalize(f"{bank.key}:00112233445", "bank_account")
        assert found.value == f"{bank.key}:00112233445"
        assert normalize(found.display).value == found.value, bank.key
        if bank.bin:
            assert normalize(f"{bank.bin}:00112233445").value == found.value


def test_bank_unknown():
    # Bare digits are an account only when the caller says so or an account marker is there.
    assert normalize("0123456789", "bank_account").value == "0123456789"
    assert normalize("STK: 0123 456 789").value == "0123456789"
    with pytest.raises(ValidationFailed):
        normalize("0123456789")
    # A phone-shaped account next to a bank is an account, not a phone.
    found = normalize("MB Bank 0912345678")
    assert (found.kind, found.value) == (IndicatorKind.BANK_ACCOUNT, "mbbank:0912345678")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("Ngân hàng Không Có Thật 0123456789", "ngân hàng"),
        ("Vietcombank 12345", "chữ số"),
        ("Vietcombank 0123456789 0987654321", "một số tài khoản"),
        ("nobank:0123456789", "ngân hàng"),
    ],
)
def test_bank_account_errors(raw, message):
    with pytest.raises(ValidationFailed) as err:
        normalize(raw, "bank_account")
    assert message in err.value.message.lower()


# --- VietQR ---------------------------------------------------------------------------------


def tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def vietqr(bin_: str, account: str, service: str = "QRIBFTTA", amount: str | None = None) -> str:
    beneficiary = tlv("00", bin_) + tlv("01", account)
    merchant = tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", service)
    body = tlv("00", "01") + tlv("01", "12") + tlv("38", merchant) + tlv("53", "704")
    if amount:
        body += tlv("54", amount)
    body += tlv("58", "VN") + tlv("62", tlv("08", "CK tien hang")) + "6304"
    return body + f"{crc16_ccitt(body.encode()):04X}"


def test_crc16_ccitt_false_check_value():
    assert crc16_ccitt(b"123456789") == 0x29B1


def test_vietqr_payload_is_the_bank_account():
    payload = vietqr("970436", "0123456789", amount="50000")
    assert parse_tlv(payload)["58"] == "VN"
    for kind in (None, "bank_account"):
        found = normalize(payload, kind)
        assert found.kind is IndicatorKind.BANK_ACCOUNT
        assert found.value == "vietcombank:0123456789"
        assert found.extra["source"] == "vietqr"
        assert found.extra["amount"] == "50000"
        assert found.extra["service"] == "account"
    card = normalize(vietqr("970422", "9704229200000001", service="QRIBFTTC"))
    assert card.value == "mbbank:9704229200000001"
    assert card.extra["service"] == "card"


def test_vietqr_unknown_bin_keeps_the_bin():
    found = normalize(vietqr("999999", "0123456789"))
    assert found.value == "0123456789"
    assert found.extra["bin"] == "999999"


def test_vietqr_corruption_is_rejected():
    payload = vietqr("970436", "0123456789")
    tampered = payload.replace("0123456789", "0123456780")
    with pytest.raises(ValidationFailed, match="CRC"):
        normalize(tampered)
    with pytest.raises(ValidationFailed):
        normalize(payload[:-10] + "6304ABCD")
    other_guid = payload.replace("A000000727", "A000000999")
    body = other_guid[:-4]
    with pytest.raises(ValidationFailed, match="VietQR"):
        normalize(body + f"{crc16_ccitt(body.encode()):04X}")


# --- e-wallets ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "MoMo 0912345678",
        "momo:+84912345678",
        "Ví MoMo: 0912 345 678",
        "ví điện tử momo 0912.345.678",
    ],
)
def test_every_spelling_of_a_momo_wallet_agrees(raw):
    found = normalize(raw)
    assert found.kind is IndicatorKind.EWALLET
    assert found.value == "momo:+84912345678"
    assert found.display == "MoMo 0912 345 678"
    assert normalize(found.display).value == found.value


def test_other_wallets():
    assert normalize("ZaloPay 0987654321").value == "zalopay:+84987654321"
    assert normalize("Viettel Money 0987654321").value == "viettelmoney:+84987654321"
    assert normalize("viettelpay: 0987654321").value == "viettelmoney:+84987654321"
    with pytest.raises(ValidationFailed):
        normalize("MoMo abc", "ewallet")
    with pytest.raises(ValidationFailed):
        normalize("NotAWallet 0987654321", "ewallet")


def test_every_name_and_alias_of_a_bank_names_that_bank():
    registry = load_brand_registry()
    wrong = []
    for bank in (b for b in registry.brands if b.sector == "bank"):
        for label in (bank.short_name, bank.name, bank.key, *bank.aliases):
            for spelled in (
                f"{label} 0123456789",
                f"0123456789 ({label})",
                f"STK {label}: 0123456789",
            ):
                value = normalize(spelled, "bank_account").value
                if value != f"{bank.key}:0123456789":
                    wrong.append((spelled, value))
    assert wrong == []


def test_every_name_and_alias_of_a_wallet_names_that_wallet():
    wallets = [b for b in load_brand_registry().brands if b.sector == "ewallet"]
    assert {"momo", "zalopay", "viettelmoney"} <= {w.key for w in wallets}
    for wallet in wallets:
        for label in (wallet.short_name, wallet.key, *wallet.aliases):
            found = normalize(f"{label}: 0912 345 678", "ewallet")
            assert found.value == f"{wallet.key}:+84912345678", label
            assert normalize(found.display).value == found.value
