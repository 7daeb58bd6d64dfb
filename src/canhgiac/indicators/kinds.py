"""The kinds of indicator (observable) the platform tracks."""

from __future__ import annotations

from enum import StrEnum


class IndicatorKind(StrEnum):
    DOMAIN = "domain"
    URL = "url"
    IP = "ip"
    CIDR = "cidr"
    PHONE = "phone"
    BANK_ACCOUNT = "bank_account"
    EWALLET = "ewallet"
    EMAIL = "email"
    SOCIAL_ACCOUNT = "social_account"
    SMS_SENDER = "sms_sender"
    CRYPTO_WALLET = "crypto_wallet"
