"""What a domain's suffix and registrable label look like: suffix classes (cheap, Vietnamese,
government/education, generic) and the character shape of the label (length, digits,
hyphens, vowels, consonant runs), computed for a whole batch at once."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from canhgiac.detectors.domains.hashed import shape_codes, suffix_code

# Cheap, often free suffixes that scam names favour; a signal, not a verdict. The second
# block: new suffixes sold for a dollar or two since 2022 and prominent in abuse reports
# (quest, autos, homes, beauty, …), which the 2022 training list barely holds, so the model
# has learned no weight for them and only this flag speaks.
SUSPICIOUS_SUFFIXES = frozenset(
    {
        "xyz", "top", "vip", "club", "online", "live", "site", "shop", "cfd", "tk", "ml", "ga",
        "cf", "gq", "win", "bet", "fun", "icu", "buzz", "cc", "pro", "link", "space", "click",
        "store", "life", "asia", "work", "cyou", "sbs", "bond", "monster", "rest", "best",
        "bar", "fit", "tokyo", "today", "world", "games", "casino", "poker", "vin", "me",
        "mobi", "website", "tech", "ltd", "group", "one", "uno", "pw", "ws", "cam", "lol",
        "quest", "autos", "boats", "homes", "beauty", "hair", "makeup", "skin", "mom", "pics",
        "motorcycles", "yachts", "help", "lat", "ink",
    }
)  # fmt: skip
GOV_EDU_SUFFIXES = frozenset(
    {"gov.vn", "edu.vn", "org.vn", "ac.vn", "int.vn", "health.vn", "gov", "edu", "mil"}
)
VN_SUFFIXES = frozenset(
    {"vn", "com.vn", "net.vn", "biz.vn", "info.vn", "name.vn", "pro.vn", "io.vn", "id.vn"}
)
GENERIC_SUFFIXES = frozenset({"com", "net", "org"})
# Where a brand's own defensive registrations of its exact name sit (vietcombank.com).
BRAND_HOME_SUFFIXES = frozenset({"com", "vn", "com.vn"})
# Country codes sold worldwide as generic names (.co, .io, .tv); the other country codes are
# where a brand's own sites abroad live (garena.ph, customs.go.jp).
GENERIC_USE_COUNTRY_CODES = frozenset(
    {"co", "io", "tv", "ai", "la", "to", "gg", "sh", "so", "ly", "fm", "im", "st", "vc", "cx",
     "nu", "bz", "me", "cc", "ws", "pw", "tk", "ml", "ga", "cf", "gq"}
)  # fmt: skip

_LABEL_WIDTH = 32
_DIGIT_LO, _DIGIT_HI = ord("0"), ord("9")
_IS_VOWEL = np.zeros(256, dtype=bool)
_IS_VOWEL[[ord(c) for c in "aeiouy"]] = True
_IS_CONSONANT = np.zeros(256, dtype=bool)
_IS_CONSONANT[[ord(c) for c in "bcdfghjklmnpqrstvwxz"]] = True


def suffix_flags(suffix: str, key: str) -> tuple[int, int, int, int, int]:
    """(suspicious, Vietnamese, government/education, generic, hash code) for a public suffix;
    the code is that of ``key`` (the shared-hosting suffix when there is one)."""
    last = suffix[suffix.rfind(".") + 1 :]
    return (
        int(suffix in SUSPICIOUS_SUFFIXES or last in SUSPICIOUS_SUFFIXES),
        int(suffix in VN_SUFFIXES),
        int(suffix in GOV_EDU_SUFFIXES),
        int(suffix in GENERIC_SUFFIXES),
        suffix_code(key),
    )


def label_shape(
    labels: list[str], f: npt.NDArray[np.float32], col: dict[str, int]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Length, digits, hyphens, vowels, consonant runs of the registrable labels, vectorised.

    Writes those dense features into ``f`` (columns by ``col``) and returns each label's
    shape code, digit count and length (inputs of the hashed keys).
    """
    m = len(labels)
    if m == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    lengths = np.fromiter(map(len, labels), dtype=np.float32, count=m)
    blob = "".join(x[:_LABEL_WIDTH].ljust(_LABEL_WIDTH, "\0") for x in labels)
    chars = np.frombuffer(blob.encode("ascii", "replace"), dtype=np.uint8).reshape(m, -1)
    is_digit = (chars >= _DIGIT_LO) & (chars <= _DIGIT_HI)
    is_vowel = _IS_VOWEL[chars]
    is_cons = _IS_CONSONANT[chars]
    digits = is_digit.sum(axis=1).astype(np.float32)
    safe_len = np.maximum(lengths, 1)
    f[:, col["name_length_log"]] = np.log1p(lengths)
    f[:, col["name_digits"]] = np.minimum(digits, 8)
    f[:, col["name_digit_ratio"]] = digits / safe_len
    f[:, col["name_hyphens"]] = np.minimum((chars == ord("-")).sum(axis=1), 4)
    f[:, col["vowel_ratio"]] = is_vowel.sum(axis=1) / np.maximum(safe_len - digits, 1)
    f[:, col["name_all_digits"]] = digits == lengths
    is_letter = is_vowel | is_cons
    switches = (is_digit[:, 1:] & is_letter[:, :-1]) | (is_letter[:, 1:] & is_digit[:, :-1])
    f[:, col["digit_letter_switches"]] = np.minimum(switches.sum(axis=1), 6)
    run = np.zeros(m, dtype=np.int32)
    longest = np.zeros(m, dtype=np.int32)
    for k in range(chars.shape[1]):
        run = (run + 1) * is_cons[:, k]
        np.maximum(longest, run, out=longest)
    f[:, col["consonant_run"]] = np.where(longest >= 4, np.minimum(longest, 8), 0)
    return shape_codes(chars), digits.astype(np.int64), lengths.astype(np.int64)
