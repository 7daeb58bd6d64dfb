"""How real messages drift from their template: obfuscated words and teen-code."""

from __future__ import annotations

import random
import re

_OBFUSCATE_WORDS = (
    "lừa",
    "tài khoản",
    "OTP",
    "vay",
    "nhận",
    "thưởng",
    "khóa",
    "chuyển",
    "nạp",
    "xác minh",
    "link",
    "Zalo",
    "VIP",
    "hoàn tiền",
    "nhiệm vụ",
    "cá cược",
    "nổ hũ",
)
_TEEN = (
    ("không", "ko"),
    ("được", "đc"),
    ("chuyển khoản", "ck"),
    ("tài khoản", "tk"),
    ("bạn", "bn"),
    ("với", "vs"),
    ("gì", "j"),
    ("rồi", "r"),
    ("số điện thoại", "sđt"),
    ("mình", "mk"),
    ("nhé", "nhé"),
    ("vợ", "vk"),
    ("liên hệ", "lh"),
    ("inbox", "ib"),
)


def obfuscate(text: str, rng: random.Random) -> str:
    for word in rng.sample(_OBFUSCATE_WORDS, 4):
        if word.lower() not in text.lower():
            continue
        style = rng.randrange(4)
        if style == 0:
            repl = ".".join(word)
        elif style == 1:
            repl = "\u200b".join(word)
        elif style == 2:
            repl = word.replace("o", "0").replace("i", "1").replace("a", "@")
        else:
            repl = " ".join(word) if " " not in word else word.upper()
        text = re.sub(re.escape(word), repl, text, count=1, flags=re.IGNORECASE)
    if rng.random() < 0.2:  # full-width digits
        text = "".join(
            chr(ord(c) + 0xFEE0) if c.isdigit() and rng.random() < 0.5 else c for c in text
        )
    return text


def teen(text: str, rng: random.Random) -> str:
    for formal, teen in _TEEN:
        if rng.random() < 0.7:
            text = text.replace(formal, teen)
    return text
