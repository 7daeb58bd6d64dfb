"""Case- and diacritic-folding that keeps every character in place.

``fold_in_place("Số Tài Khoản")`` is ``"so tai khoan"``: same length, so a match found in the
folded text is at the same position in the original. Only precomposed Latin letters are
folded; anything else (including combining marks of decomposed text) stays as it is.
"""

from __future__ import annotations

import unicodedata


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    for cp in range(0xC0, 0x1F00):
        char = chr(cp)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[cp] = base.lower()
    return table


FOLD_TABLE = _build_table()


def fold_in_place(text: str) -> str:
    return text.translate(FOLD_TABLE)
