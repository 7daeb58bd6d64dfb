"""Crypto wallet addresses, validated by their own checksums.

Values carry the chain: ``btc:<address>`` (Base58Check P2PKH/P2SH as written, Bech32
lower-cased), ``eth:0x<40 lower-case hex>`` (any EVM chain: Ethereum, BSC, Polygon — the same
address), ``tron:T…``. Display is the address alone, with the EIP-55 checksum for Ethereum.
"""

from __future__ import annotations

import re

from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.normalizers.crypto_encodings import (
    base58check_decode,
    eip55_checksum,
    segwit_decode,
)

_PREFIX = re.compile(r"^(btc|bitcoin|eth|ethereum|erc20|bep20|evm|tron|trx|trc20)\s*:\s*", re.I)
_ETH = re.compile(r"0x[0-9a-fA-F]{40}")
_BASE58 = re.compile(r"[1-9A-HJ-NP-Za-km-z]{25,35}")
_BTC_VERSIONS = {0x00: "p2pkh", 0x05: "p2sh"}
_TRON_VERSION = 0x41
_CHAIN_OF_PREFIX = {
    "btc": "btc", "bitcoin": "btc", "eth": "eth", "ethereum": "eth", "erc20": "eth",
    "bep20": "eth", "evm": "eth", "tron": "tron", "trx": "tron", "trc20": "tron",
}  # fmt: skip


def _indicator(chain: str, address: str, display: str, kind: str) -> NormalizedIndicator:
    return NormalizedIndicator(
        IndicatorKind.CRYPTO_WALLET,
        f"{chain}:{address}",
        display,
        {"chain": chain, "address_type": kind},
    )


def parse_crypto(text: str) -> NormalizedIndicator | None:
    """The wallet, or ``None`` when ``text`` is no valid BTC, ETH/EVM or TRON address."""
    text = text.strip()
    prefix = _PREFIX.match(text)
    wanted = _CHAIN_OF_PREFIX[prefix.group(1).lower()] if prefix else None
    if prefix:
        text = text[prefix.end() :]
    if len(text) > 100:
        return None
    if wanted in (None, "eth") and _ETH.fullmatch(text):
        hex_part = text[2:]
        checksummed = eip55_checksum(hex_part)
        mixed = hex_part.lower() != hex_part and hex_part.upper() != hex_part
        if mixed and hex_part != checksummed[2:]:
            return None  # a mistyped mixed-case address fails EIP-55
        return _indicator("eth", "0x" + hex_part.lower(), checksummed, "account")
    if wanted in (None, "btc") and text[:3].lower() == "bc1":
        decoded = segwit_decode("bc", text)
        if decoded is None:
            return None
        address_type = "p2wpkh" if decoded[0] == 0 and len(decoded[1]) == 20 else "segwit"
        if decoded[0] == 0 and len(decoded[1]) == 32:
            address_type = "p2wsh"
        elif decoded[0] == 1:
            address_type = "p2tr"
        return _indicator("btc", text.lower(), text.lower(), address_type)
    if _BASE58.fullmatch(text):
        payload = base58check_decode(text)
        if payload is None or len(payload) != 21:
            return None
        version = payload[0]
        if wanted in (None, "btc") and version in _BTC_VERSIONS:
            return _indicator("btc", text, text, _BTC_VERSIONS[version])
        if wanted in (None, "tron") and version == _TRON_VERSION:
            return _indicator("tron", text, text, "account")
    return None


def normalize_crypto(raw: str) -> NormalizedIndicator:
    check_length(raw)
    indicator = parse_crypto(raw)
    if indicator is None:
        reject(
            "Địa chỉ ví tiền mã hóa không hợp lệ (BTC, ETH, TRON)",
            "Invalid crypto wallet address (BTC, ETH, TRON)",
            raw,
        )
    return indicator
