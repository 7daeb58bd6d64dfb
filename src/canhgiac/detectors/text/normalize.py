"""Vietnamese text normalisation for scam detection.

Scammers write the same message with and without diacritics, in teen-code, and with tricks
that defeat keyword filters ("l.ừ.a", "v1p", zero-width characters, full-width digits,
spaced letters). Everything here maps those variants onto one folded, lower-case form so
that the model and the signals see "lừa đảo", "lua dao" and "l.ừ.a đ.ả.o" alike.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

_T = TypeVar("_T")

# Messages longer than this are cut: SMS and chat messages are short, and every step below
# must stay bounded on hostile input.
MAX_TEXT_CHARS = 4000

# Invisible format characters used to split keywords ("lừa\u200bđảo").
_INVISIBLE = dict.fromkeys(
    [
        *(0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF),
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
    ]
)
# Finding one is far cheaper than translating every character of every message.
_HAS_INVISIBLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _INVISIBLE) + "]")


def _build_fold_table() -> dict[int, str]:
    """Map every Latin letter with diacritics to its base ASCII letter (đ → d)."""
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base.isascii() and base.isalpha() and base != char:
            table[code] = base
    table.update({ord("đ"): "d", ord("Đ"): "D", ord("ð"): "d", ord("Ð"): "D"})
    return table


_FOLD = _build_fold_table()

# Letters split by dots, dashes, stars or underscores: "l.u.a", "v-a-y", "o*t*p".
_SPLIT_LETTERS = re.compile(r"(?<![\w.])(?:[a-z][.\-_*·•'](?=[a-z])){2,}[a-z](?![\w])")
_SPLIT_SEPARATORS = re.compile(r"[.\-_*·•']")
# Dots inside syllables: "ta.i kh.oan ta.ng ba.n" (not "shopee.vn": known endings stay).
_DOTTED_SYLLABLE = re.compile(r"(?<![\w./:])([a-z]{1,3})\.([a-z]{1,4})(?![\w./])")
_KEEP_ENDINGS = frozenset(
    [
        "com",
        "net",
        "org",
        "vn",
        "io",
        "co",
        "me",
        "cc",
        "xyz",
        "top",
        "vip",
        "shop",
        "info",
        "biz",
        "asia",
        "app",
        "dev",
        "ai",
        "gov",
        "edu",
        "tv",
        "us",
        "uk",
        "jp",
        "cn",
        "kr",
        "ru",
        "in",
        "id",
        "ly",
        "gl",
        "gd",
        "to",
        "so",
        "pro",
        "fun",
        "bet",
        "win",
        "site",
        "club",
        "live",
        "link",
        "click",
        "online",
    ]
)
# Four or more single letters separated by single spaces: "v a y t i e n".
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:[a-z] ){3,}[a-z](?!\S)")
# Digits and symbols used as letters inside a word: "v1p", "l0gin", "nh@n".
_LEET_INSIDE = re.compile(r"(?<=[a-z])(?:[013457$]|@(?![a-z0-9.\-]+\.[a-z]{2,}))(?=[a-z])")
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
# "ch0", "s0", "qu@": a trailing zero is an "o", a trailing at-sign an "a".
_LEET_TRAILING_ZERO = re.compile(r"(?<=[a-z])0(?![\w])")
_LEET_TRAILING_AT = re.compile(r"(?<=[a-z])@(?![\w])")
# "GlAY T0", "UyTlN": a lower-case l among capitals stands for an I.
# These start with a fixed character and look behind from there (same matches): Python's
# regex engine then jumps between candidates instead of trying every position.
_L_FOR_I = re.compile(r"l(?:(?<=[A-Z]l)(?=[A-Z]|\b)|(?<=\bl)(?=[A-Z]{2}))")
_SPLIT_HINT = re.compile(r"[.\-_*·•'](?<=[a-z][.\-_*·•'])[a-z][.\-_*·•'][a-z]")
_DOTTED_HINT = re.compile(r"\.(?<=[a-z]\.)[a-z]")
_SPACED_HINT = re.compile(r" (?<=\b[a-z] )[a-z] [a-z] [a-z]\b")
_LEET_HINT = re.compile(r"[013457$@](?<=[a-z][013457$@])")
_REPEATS = re.compile(r"([a-z])\1{2,}")
# A callable, not the template r"\1": Python 3.11 re-parses a template on every call.
_first_group = operator.itemgetter(1)
_SPACES = re.compile(r"\s+")


def literal_alternation(words: Iterable[str]) -> str:
    """``a|b|…`` matching the same as the plain alternation of ``words`` (first listed wins),
    with the words that share a first character behind one test of it: the regex engine
    tries one branch per position instead of every word. Words with different first
    characters never match at the same place, so only their relative order is kept."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if not word:
            raise ValueError("an empty word matches everywhere")
        groups.setdefault(word[:1], []).append(re.escape(word[1:]))
    return "|".join(
        re.escape(first) + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")")
        for first, rest in groups.items()
    )


# Teen-code and SMS abbreviations (folded form) → folded standard words.
TEEN_CODE: dict[str, str] = {
    "ko": "khong",
    "hok": "khong",
    "khg": "khong",
    "kg": "khong",
    "kh": "khong",
    "dc": "duoc",
    "dk": "dang ky",
    "j": "gi",
    "bn": "ban",
    "vs": "voi",
    "ms": "moi",
    "lm": "lam",
    "ns": "noi",
    "tk": "tai khoan",
    "stk": "so tai khoan",
    "ck": "chuyen khoan",
    "sdt": "so dien thoai",
    "dt": "dien thoai",
    "mk": "mat khau",
    "tr": "trieu",
    "ib": "inbox",
    "inb": "inbox",
    "zl": "zalo",
    "tele": "telegram",
    "nv": "nhiem vu",
    "ctv": "cong tac vien",
    "ls": "lai suat",
    "gd": "giao dich",
    "qk": "quy khach",
    "tb": "thue bao",
    "km": "khuyen mai",
    "sn": "sinh nhat",
    "vk": "vo",
}
_TEEN_RE = re.compile(r"(?<![\w.])(" + literal_alternation(TEEN_CODE) + r")(?![\w])")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """One message in the forms the detector needs."""

    original: str  # as received, cut to MAX_TEXT_CHARS
    nfc: str  # NFKC/NFC, invisible characters removed, with diacritics, original case
    folded: str  # lower-case, no diacritics, de-obfuscated, teen-code expanded


class PieceCache(dict[str, _T]):
    """``function(piece)`` for the pieces of text between spaces, filled on first use.

    Messages are made of a few thousand Vietnamese syllables and common words, so nearly
    every piece is a dictionary hit, cheaper than running a regular expression or a
    translation over the whole text. Only valid for work that never looks across a space:
    then doing it piece by piece and joining the pieces with spaces is the same as doing it
    on the whole text.
    """

    def __init__(self, function: Callable[[str], _T], max_pieces: int = 200_000) -> None:
        super().__init__()
        self._function = function
        self._max_pieces = max_pieces

    def __missing__(self, piece: str) -> _T:
        value = self._function(piece)
        if len(piece) <= 40:  # longer ones are not words: keep the cache small
            if len(self) >= self._max_pieces:
                self.clear()
            self[piece] = value
        return value


_FOLDED_PIECES = PieceCache(lambda piece: piece.translate(_FOLD))


def fold_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics: "Lừa đảo" → "Lua dao"."""
    # Character by character, so folding the pieces between spaces is the same.
    return " ".join(map(_FOLDED_PIECES.__getitem__, text.split(" ")))


def clean_unicode(text: str) -> str:
    """NFKC (full-width digits, styled letters → plain), then drop invisible characters."""
    text = text[:MAX_TEXT_CHARS]
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _HAS_INVISIBLE.search(text):
            text = text.translate(_INVISIBLE)
    return text


def _join_letters(match: re.Match[str]) -> str:
    return _SPLIT_SEPARATORS.sub("", match.group(0))


def deobfuscate(folded: str) -> str:
    """Undo keyword-splitting tricks on already folded, lower-case text."""
    return _REPEATS.sub(_first_group, _undo_splitting(folded))


def _undo_splitting(folded: str) -> str:
    # Cheap scans decide which of the (slower) rewrites can apply at all.
    if _SPLIT_HINT.search(folded):
        folded = _SPLIT_LETTERS.sub(_join_letters, folded)
    if _DOTTED_HINT.search(folded):
        folded = _DOTTED_SYLLABLE.sub(
            lambda m: m.group(0) if m.group(2) in _KEEP_ENDINGS else m.group(1) + m.group(2),
            folded,
        )
    if _SPACED_HINT.search(folded):
        folded = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), folded)
    if _LEET_HINT.search(folded):
        folded = _LEET_INSIDE.sub(lambda m: _LEET_MAP[m.group(0)], folded)
        folded = _LEET_TRAILING_ZERO.sub("o", folded)
    if "@" in folded:
        folded = _LEET_TRAILING_AT.sub("a", folded)
    return folded


def expand_teen_code(folded: str) -> str:
    return _TEEN_RE.sub(lambda m: TEEN_CODE[m.group(1)], folded)


# Letter runs and teen-code words never span a space (the look-arounds see a space or the
# end of the piece alike), so both steps run per piece, cached.
_FINISHED_PIECES = PieceCache(lambda piece: expand_teen_code(_REPEATS.sub(_first_group, piece)))


def normalize(text: str) -> NormalizedText:
    """Return the message cleaned (``nfc``) and folded/de-obfuscated (``folded``)."""
    original = text[:MAX_TEXT_CHARS]
    nfc = clean_unicode(original)
    cased = _L_FOR_I.sub("I", nfc) if "l" in nfc else nfc
    folded = fold_diacritics(cased.lower()) if not cased.isascii() else cased.lower()
    # expand_teen_code(deobfuscate(folded)), the last two steps piece by piece.
    folded = " ".join(map(_FINISHED_PIECES.__getitem__, _undo_splitting(folded).split(" ")))
    if "  " in folded or not folded.isprintable():  # tabs, newlines, runs of spaces
        folded = _SPACES.sub(" ", folded)
    folded = folded.strip()
    return NormalizedText(original=original, nfc=nfc, folded=folded)
