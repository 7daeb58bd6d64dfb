"""Precompiled patterns for :mod:`canhgiac.indicators.extract`.

Everything here is compiled once at import; extraction runs on every SMS of a batch.
"""

from __future__ import annotations

import re

# Top-level domains accepted for a bare host (no scheme) in free text. Scam-favoured cheap
# TLDs are here; the full suffix list is not, because Vietnamese written without diacritics
# is full of short words that are also TLDs.
COMMON_TLDS = frozenset({
    "com", "net", "org", "info", "biz", "vn", "xyz", "top", "vip", "cc", "shop", "online",
    "site", "club", "live", "link", "io", "app", "pro", "store", "gq", "gl", "gd", "asia",
    "win", "bet", "fun", "icu", "cn", "ru", "us", "tv", "ws", "pw", "cyou", "sbs", "cfd",
    "click", "buzz", "monster", "rest", "bond", "lat", "today", "work", "life", "website",
    "space", "tech", "world", "ltd", "group", "cloud", "mobi", "name", "one", "dev", "page",
    "services", "support", "help", "email", "uk", "jp", "kr", "sg", "hk", "tw", "au", "fr",
    "eu", "br", "cx", "su", "xin", "ink", "kim", "wang", "casino", "poker", "games", "money",
    "finance", "cash", "credit", "loan", "loans", "bank", "gold", "market", "trade", "vin",
    "network", "digital", "center", "agency", "solutions", "systems", "company"
})  # fmt: skip
# TLDs that are also everyday words (co = có, me = mẹ, la = là, ai = ai, ga = gà, ly = ly…):
# a bare host under them counts only with "www." in front or a path after it.
AMBIGUOUS_TLDS = frozenset({
    "co", "me", "to", "in", "la", "do", "so", "vi", "mo", "ba", "bo", "gi", "hu", "ne", "no",
    "se", "si", "ke", "at", "id", "it", "is", "ma", "ai", "ga", "ly", "tk", "ml", "cf", "th",
    "my", "ph", "de", "ca", "cam", "ms", "mn", "nu", "tn"
})  # fmt: skip
_TLD_ALTERNATION = "|".join(sorted(COMMON_TLDS | AMBIGUOUS_TLDS, key=lambda t: (-len(t), t)))

_LETTER = r"A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF"
_LABEL = rf"[{_LETTER}](?:[{_LETTER}_\-]{{0,61}}[{_LETTER}])?"
# A dot, defanged or padded: ".", "[.]", "(.)", "{.}", "[dot]", "(dot)", " . ".
_SEP = r"(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|[ \t]?\.[ \t]?)"
_PATH_CHARS = r"[^\s<>\"'`{}|\\^]"
_PATH = rf"(?:/{_PATH_CHARS}*)"

BARE_HOST = re.compile(
    rf"(?<![{_LETTER}@.\-/:_])(?P<host>(?:{_LABEL}{_SEP})+(?P<tld>{_TLD_ALTERNATION}))"
    rf"(?![{_LETTER}_\-])(?P<port>:\d{{1,5}})?(?P<path>{_PATH})?",
    re.IGNORECASE,
)
SCHEME_URL = re.compile(
    r"(?<![A-Za-z0-9])(?:h(?:tt|xx|\*\*)ps?|fxp|ftps?)\s?(?:://|\[:\]//|\[://\]|\(:\)//|:\[//\])"
    rf"{_PATH_CHARS}+",
    re.IGNORECASE,
)
EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
    r"(?:@|\s?[\[\(]\s?(?:at|@)\s?[\]\)]\s?)"
    rf"(?:{_LABEL}{_SEP})+[A-Za-z]{{2,24}}(?![{_LETTER}_\-])",
    re.IGNORECASE,
)
IPV4 = re.compile(
    r"(?<![\d.])(?:\d{1,3}(?:\.|\[\.\]|\(\.\))){3}\d{1,3}(?:/\d{1,2}|:\d{1,5})?"
    r"(?![\d.]*\d|\s*(?:đ|vnđ|vnd|usd|k\b|tr\b|triệu|%))",
    re.IGNORECASE,
)
IPV6 = re.compile(r"(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:/\d{1,3})?")
CRYPTO = re.compile(
    r"(?<![A-Za-z0-9])(?:0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{8,87}|BC1[02-9AC-HJ-NP-Z]{8,87}"
    r"|[13][1-9A-HJ-NP-Za-km-z]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33})(?![A-Za-z0-9])"
)
VIETQR = re.compile(r"000201[\x20-\x7e]{20,500}?6304[0-9A-Fa-f]{4}")
# Runs of digits with single separators; an optional "+84" / "(+84)" in front.
NUMBER_RUN = re.compile(
    r"(?<![\w.,+/])(?:\(\+\d{1,3}\)\s?|\+\s?)?\d+(?:[ .\-]\d+)*(?![\w]|[.,]\d)",
)
DIGITS = re.compile(r"\d+")
# Social handles need an explicit separator, so "fb của mình" is no handle.
SOCIAL_HANDLE = re.compile(
    r"(?<![a-z0-9])(?:facebook|fb|zalo|tiktok|tik tok|telegram|tele|tg|youtube|yt)"
    r"(?:\s*:\s*@?|\s*@)[a-z0-9+][a-z0-9._\-]{1,63}",
)
WORD = re.compile(r"[a-z0-9]+")
# What may stand between a bank name / account marker and the digits.
FILLER = re.compile(r"[\s:.,;()\[\]\-–—#/]*")
TRAILING_PUNCTUATION = ".,;:!?'\"…"
