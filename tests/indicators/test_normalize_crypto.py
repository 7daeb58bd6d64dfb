from __future__ import annotations

import pytest

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalize import normalize
from canhgiac.indicators.normalizers.crypto_encodings import eip55_checksum, keccak256

# Public test vectors: the Bitcoin genesis address, BIP-173/350 examples, EIP-55 examples,
# and a well-known TRON (USDT TRC-20 contract) address.
ETH = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


def test_keccak_and_eip55_vectors():
    assert keccak256(b"").hex() == (
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    )
    assert eip55_checksum("fb6916095ca1df60bb79ce92ce3ea74c37c5d359") == (
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
    )


@pytest.mark.parametrize(
    "raw", [ETH, ETH.lower(), "0x" + ETH[2:].upper(), f"eth:{ETH}", f"ERC20: {ETH.lower()}"]
)
def test_every_spelling_of_an_eth_address_agrees(raw):
    found = normalize(raw)
    assert found.kind is IndicatorKind.CRYPTO_WALLET
    assert found.value == "eth:" + ETH.lower()
    assert found.display == ETH
    assert normalize(found.display).value == found.value


def test_eth_bad_checksum_is_rejected():
    wrong = ETH.replace("aAeb", "aaeb")  # one letter's case flipped
    assert wrong != ETH
    with pytest.raises(ValidationFailed):
        normalize(wrong, "crypto_wallet")


@pytest.mark.parametrize(
    ("raw", "value", "address_type"),
    [
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "p2pkh"),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "p2sh"),
        (
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "p2wpkh",
        ),
        (
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "btc:bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "p2tr",
        ),
        (
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "account",
        ),
        (
            "trc20: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            None,
        ),
    ],
)
def test_btc_and_tron(raw, value, address_type):
    found = normalize(raw)
    assert found.kind is IndicatorKind.CRYPTO_WALLET
    assert found.value == value
    if address_type:
        assert found.extra["address_type"] == address_type


@pytest.mark.parametrize(
    "raw",
    [
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",  # Base58Check checksum broken
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",  # Bech32 checksum broken
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4".replace("q", "Q", 1),  # mixed case
        "0x12345",
        "tron:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",  # a BTC address is no TRON wallet
    ],
)
def test_invalid_crypto(raw):
    with pytest.raises(ValidationFailed):
        normalize(raw, "crypto_wallet")
