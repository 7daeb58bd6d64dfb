"""Fold look-alike letters to ASCII: punycode labels, Vietnamese diacritics, confusables.

Scam names use Vietnamese letters with diacritics (``shọpmobaviet.vn``: ``ọ`` for ``o``),
Cyrillic/Greek letters that render like Latin ones, full-width forms, and digit-for-letter
swaps (``vietc0mbank``). Every comparison with brand names runs on the folded form.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import idna

# Letters that render like a Latin letter but are not decomposed by NFKD.
CONFUSABLES: dict[str, str] = {
    # Vietnamese đ and other stroked / hooked Latin letters
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "ɗ": "d",
    "ƌ": "d",
    "ħ": "h",
    "ł": "l",
    "ƚ": "l",
    "ø": "o",
    "ɵ": "o",
    "ƀ": "b",
    "ɓ": "b",
    "ƈ": "c",
    "ɠ": "g",
    "ɡ": "g",
    "ı": "i",
    "ȷ": "j",
    "ɩ": "i",
    "ʀ": "r",
    "ʏ": "y",
    "ƴ": "y",
    "ʋ": "v",
    "ɯ": "w",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ŋ": "n",
    "ɴ": "n",
    "ᴍ": "m",
    "ᴋ": "k",
    "ᴛ": "t",
    "ᴜ": "u",
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "һ": "h",
    "ь": "b",
    "ѡ": "w",
    "ո": "n",
    "ս": "u",
    "օ": "o",
    "ց": "g",
    "ւ": "l",
    # Greek
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "ϲ": "c",
    "ϳ": "j",
}

# Digit-for-letter swaps used in typo-squats; applied only when matching brand names.
LEET: dict[str, str] = {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"}
_LEET_TABLE = str.maketrans(LEET)
_CONFUSABLE_TABLE = str.maketrans({k: v for k, v in CONFUSABLES.items() if len(k) == 1})


@dataclass(frozen=True, slots=True)
class FoldedName:
    """A host in three forms and what it took to fold it."""

    unicode: str  # punycode labels decoded
    ascii: str  # diacritics stripped and confusables mapped
    is_idn: bool  # at least one ``xn--`` label or a non-ASCII character
    diacritic_count: int  # letters that carried Vietnamese marks
    confusable_count: int  # non-Latin letters mapped to a Latin look-alike
    unmapped_count: int  # non-ASCII characters left unmapped (other scripts)


def decode_label(label: str) -> str:
    """Decode one ``xn--`` label; labels that are not valid punycode come back unchanged."""
    if not label.startswith("xn--"):
        return label
    try:
        return idna.decode(label)
    except (idna.IDNAError, UnicodeError, ValueError):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except (UnicodeError, ValueError):
            return label


def decode_host(host: str) -> str:
    if "xn--" not in host:
        return host
    return ".".join(decode_label(label) for label in host.split("."))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> tuple[str, int, int, int]:
    """Return (ascii, diacritics, confusables, unmapped) for one non-ASCII character."""
    lowered = ch.lower()
    if lowered in CONFUSABLES:
        is_viet = lowered == "đ"
        return CONFUSABLES[lowered], int(is_viet), int(not is_viet), 0
    decomposed = unicodedata.normalize("NFKD", lowered)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if base and base.isascii():
        return base, 1, 0, 0
    mapped = base.translate(_CONFUSABLE_TABLE)
    if mapped.isascii() and mapped:
        return mapped, 0, 1, 0
    return "", 0, 0, 1


def fold_host(host: str) -> FoldedName:
    """Fold a (possibly punycode) host to ASCII look-alike form."""
    text = decode_host(host)
    if text.isascii():
        return FoldedName(text, text, False, 0, 0, 0)
    out: list[str] = []
    diacritics = confusables = unmapped = 0
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        folded, d, c, u = _fold_char(ch)
        out.append(folded)
        diacritics += d
        confusables += c
        unmapped += u
    return FoldedName(text, "".join(out), True, diacritics, confusables, unmapped)


def strip_diacritics(text: str) -> str:
    """Vietnamese text to plain ASCII letters (``khóa tài khoản`` → ``khoa tai khoan``)."""
    return fold_host(text.lower()).ascii


def unleet(text: str) -> str:
    """Undo digit-for-letter swaps (``vietc0mbank`` → ``vietcombank``)."""
    return text.translate(_LEET_TABLE)
