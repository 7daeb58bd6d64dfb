"""Lure words that Vietnamese scam names are built from, with and without diacritics.

Words are written here in Vietnamese with their diacritics; matching runs on the folded ASCII
form of the host (``hỗ trợ`` and ``hotro`` both match ``hotro``), so both spellings count.
Each group maps to the category a name built from it most likely belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from canhgiac.detectors.domains.homoglyphs import strip_diacritics
from canhgiac.detectors.domains.wordtrie import trie_pattern


@dataclass(frozen=True)
class LureGroup:
    key: str
    category: str
    label_vi: str
    label_en: str
    words: tuple[str, ...]


# Brands of illegal betting and game-card sites advertised to Vietnamese players (police and
# press warnings 2021-2025). Each runs hundreds of mirror names ("hi88vip8.com",
# "789bet-vip.club"), so the brand inside a name is the best single tell. Names that are
# also foreign sites on the legitimate lists ("iwin.com", "m88sb.com") are left out; short
# ones count only where a word starts (see SHORT_BETTING_BRANDS).
GAMBLING_OPERATORS: tuple[str, ...] = (
    "go88", "sunwin", "kubet", "kucasino", "rikvip", "fb88", "hitclub", "b52club", "789club",
    "manclub", "zowin", "gemwin", "nhatvip", "kingfun", "twin68", "68gamebai", "sodo66",
    "new88", "hi88", "jun88", "f8bet", "shbet", "8xbet", "8kbet", "789bet", "789win", "78win",
    "98win", "33win", "23win", "mb66", "ku11", "ku888", "bk8", "vn88", "fun88", "188bet",
    "v9bet", "cmd368", "bong88", "ae888", "one88", "sv388", "ta88", "tk88", "qh88", "sin88",
    "hb88", "ee88", "xo88", "mu88", "yo88", "five88", "fi88", "tf88", "thabet",
    "123b", "bj88", "11bet", "77bet", "fly88", "lucky88", "qq88", "uk88", "sky88", "may88",
    "win79", "abc8", "lode88", "xoso66", "nohu90", "nohu52", "go789", "kv999", "vz99",
    "hello88", "ok365", "k8cc", "typhu88", "iwinclub", "w88", "fcb8",
    # Brands that grew after 2022 (OKVIP's alliance and the game-card clubs); those that
    # are also sites on the legitimate lists (hay88, u888, ok9, j88, 79king) are left out.
    "i9bet", "58win", "red88", "okvip", "alo789", "s666", "nbet", "zbet", "go99", "tt88",
    "xin88", "fa88", "win55", "sumvip", "v8club", "f168", "99ok",
)  # fmt: skip

LURE_GROUPS: tuple[LureGroup, ...] = (
    LureGroup(
        "account",
        "phishing",
        "từ khóa tài khoản, xác minh",
        "account / verification words",
        (
            "xác minh",
            "xác thực",
            "kích hoạt",
            "cập nhật",
            "đăng nhập",
            "đăng ký",
            "tài khoản",
            "khóa tài khoản",
            "khoá tài khoản",
            "mở khóa",
            "mở khoá",
            "bảo mật",
            "định danh",
            "sinh trắc học",
            "hỗ trợ",
            "chăm sóc khách hàng",
            "cskh",
            "tổng đài",
            "thông báo",
            "khách hàng",
            "chuyển tiền",
            "nhận tiền",
            "rút tiền",
            "nạp tiền",
            "giao dịch",
            "login",
            "signin",
            "verify",
            "verification",
            "secure",
            "security",
            "account",
            "update",
            "confirm",
            "unlock",
            "recover",
            "support",
            "helpdesk",
            "customer",
            "service",
            "billing",
            "payment",
            "wallet",
            "ebanking",
            "ibanking",
            "ebank",
            "ibank",
            "banking",
            "digibank",
            "smartbank",
            "online",
            "onlines",
            "otp",
            "auth",
            "apk",
            "tải ứng dụng",
            "tải app",
            "nâng hạn mức",
            "hạn mức",
            "mở thẻ",
            "thẻ tín dụng",
            "đáo hạn",
            "rút tiền mặt",
            "quẹt thẻ",
            "xác nhận",
            "chuyển khoản",
            "chuyển đổi",
            "thủ tục",
            "kiều hối",
            "western union",
            "moneygram",
        ),
    ),
    LureGroup(
        "loan",
        "fraud.loan",
        "từ khóa vay tiền",
        "loan words",
        (
            "vay",
            "vay tiền",
            "vay vốn",
            "vay nhanh",
            "vay tín chấp",
            "vay online",
            "giải ngân",
            "tín chấp",
            "tín dụng",
            "cho vay",
            "hỗ trợ vay",
            "tài chính",
            "vay tiêu dùng",
            "cầm đồ",
            "credit",
            "loan",
            "finance",
            "cash",
            "money",
        ),
    ),
    LureGroup(
        "prize",
        "fraud.prize",
        "từ khóa quà tặng, trúng thưởng",
        "prize / gift words",
        (
            "nhận quà",
            "quà tặng",
            "tặng quà",
            "tri ân",
            "trúng thưởng",
            "nhận thưởng",
            "giải thưởng",
            "quay thưởng",
            "vòng quay",
            "khuyến mãi",
            "ưu đãi",
            "miễn phí",
            "sự kiện",
            "hoàn tiền",
            "hoàn thuế",
            "may mắn",
            "gift",
            "reward",
            "lucky",
            "bonus",
            "voucher",
            "giveaway",
            "event",
            "nạp thẻ",
            "kim cương",
            "shop acc",
            "membership",
            "quân huy",
            "free fire",
            "freefire",
            "liên quân",
            "lienquan",
            "garena",
            "bình chọn",
            "cuộc thi",
            "dự thi",
            "thí sinh",
            "tích điểm",
            "đổi điểm",
            "đổi quà",
            "giftcode",
            "mã quà tặng",
            "bán acc",
            "acc game",
            "nick game",
            "thẻ cào",
            "nạp game",
            "robux",
            "uy tín",
        ),
    ),
    LureGroup(
        "gambling",
        "gambling",
        "từ khóa cờ bạc",
        "gambling words",
        (
            "bet",
            "casino",
            "cá cược",
            "cược",
            "nổ hũ",
            "tài xỉu",
            "xóc đĩa",
            "bắn cá",
            "xổ số",
            "lô đề",
            "soi cầu",
            "kèo",
            "nhà cái",
            "cá độ",
            "đá gà",
            "game bài",
            "chẵn lẻ",
            "slot",
            "poker",
            "baccarat",
            "jackpot",
            "sicbo",
            "rồng hổ",
            "tiến lên",
            "phỏm",
            # Not "xsmb"/"xsmn": the state lottery's results (xổ số miền Bắc/Nam) name
            # legitimate result sites (xsmn.mobi), and no scam name in the 2022 list.
            "lode",
            "keonhacai",
            "sv388",
            "sabong",
            "win",
            "vip",
            "club",
            "88",
            "đổi thưởng",
            "soi kèo",
            "tỷ lệ kèo",
            "kèo nhà cái",
            "cổng game",
            "link vào",
            "nạp rút",
            "thể thao",
            "bóng đá",
            "đá banh",
            "roulette",
            "blackjack",
            "lottery",
            "lotto",
            "sportsbook",
            "789",
            "đánh bài",
            "chẵn lẻ momo",
            "tài xỉu momo",
            "cltx",
            "clmm",
            "quay hũ",
            "đánh đề",
            "gà chọi",
            *GAMBLING_OPERATORS,
        ),
    ),
    LureGroup(
        "task",
        "fraud.task_job",
        "từ khóa việc làm, nhiệm vụ",
        "job / task words",
        (
            "việc làm",
            "tuyển dụng",
            "tuyển",
            "cộng tác viên",
            "ctv",
            "nhiệm vụ",
            "làm nhiệm vụ",
            "hoa hồng",
            "kiếm tiền",
            "thu nhập",
            "việc nhẹ",
            "làm thêm",
            "đơn hàng",
            "chốt đơn",
            "làm giàu",
            "job",
            "jobs",
            "task",
            "tasks",
            "commission",
        ),
    ),
    LureGroup(
        "investment",
        "fraud.investment",
        "từ khóa đầu tư",
        "investment words",
        (
            "đầu tư",
            "chứng khoán",
            "lợi nhuận",
            "sàn",
            "forex",
            "crypto",
            "coin",
            "bitcoin",
            "trade",
            "trading",
            "invest",
            "exchange",
            "token",
            "mining",
            "fx",
        ),
    ),
    LureGroup(
        "authority",
        "fraud.impersonation.authority",
        "từ khóa cơ quan nhà nước",
        "government words",
        (
            "công an",
            "bộ công an",
            "dịch vụ công",
            "cổng dịch vụ",
            "thuế",
            "cục thuế",
            "tổng cục thuế",
            "hoàn thuế",
            "bảo hiểm xã hội",
            "bhxh",
            "căn cước",
            "vneid",
            "vssid",
            "dân cư quốc gia",
            "định danh điện tử",
            "tòa án",
            "viện kiểm sát",
            "chính phủ",
            "cục",
            "evisa",
            "visa",
            "gov",
            "govn",
            "phạt nguội",
            "nộp phạt",
            "vi phạm giao thông",
            "cccd",
            "dvcqg",
            "thu hồi tiền",
            "lấy lại tiền",
        ),
    ),
)

# Folded forms that are too short or too common to count on their own (they still take part
# in the learned model through character n-grams).
_TOO_WEAK = frozenset({"san", "cuc", "thue", "fx", "visa", "cuoc", "keo", "tuyen"})


def vietnamese_words() -> frozenset[str]:
    """Folded lure words that are Vietnamese (written with diacritics, or VN abbreviations).

    English words such as "online" or "service" sit in many legitimate global brand names
    ("microsoftonline"), so hand-written rules only trust the Vietnamese ones.
    """
    out = {"cskh", "ctv", "bhxh", "vneid", "nhanqua", "trian", "vay", "hotro", "xacminh", "cccd"}
    for group in LURE_GROUPS:
        for word in group.words:
            folded = strip_diacritics(word).replace(" ", "")
            if not word.isascii() and folded not in _TOO_WEAK and len(folded) >= 4:
                out.add(folded)
    return frozenset(out)


def folded_words(group: LureGroup) -> tuple[str, ...]:
    out: list[str] = []
    for word in group.words:
        folded = strip_diacritics(word).replace(" ", "")
        if folded and folded not in _TOO_WEAK and folded not in out:
            out.append(folded)
    return tuple(out)


GROUP_KEYS: tuple[str, ...] = tuple(g.key for g in LURE_GROUPS)
GROUPS_BY_KEY: dict[str, LureGroup] = {g.key: g for g in LURE_GROUPS}

# Folded word -> the groups it belongs to ("hoanthue" is both a prize and a tax lure).
WORD_GROUPS: dict[str, tuple[str, ...]] = {}
for _group in LURE_GROUPS:
    for _word in folded_words(_group):
        WORD_GROUPS[_word] = (*WORD_GROUPS.get(_word, ()), _group.key)

# One trie-shaped pattern for all words; the longest word wins at each position.
LURE_PATTERN: re.Pattern[str] = re.compile(trie_pattern(WORD_GROUPS))


# Betting brands of five letters or more that also end other words ("efun88", "bookvip",
# "darwin55", "bored88"): like the short ones, they count only where a word starts.
_INSIDE_OTHER_WORDS = frozenset({"fun88", "okvip", "win55", "xin88", "red88"})

# Vietnamese gambling words with no innocent reading in host names ("xổ số" is left out: the
# state lottery is legal; "banca", "lode", "cado" are ordinary Italian/Spanish/English).
GAMBLING_TELLS = frozenset(
    {
        "chanle", "nhacai", "cacuoc", "gamebai", "taixiu", "nohu", "xocdia", "soicau",
        "keonhacai", "doithuong", "soikeo", "tylekeo", "sabong", "sv388", "bancaonline",
        "cltx", "clmm", "chanlemomo", "taixiumomo", "go88", "fb88",
        # Betting-site brands of five letters or more; shorter ones ("hi88", "bk8") also
        # sit inside unrelated names, so they only feed the learned model.
        *(w for w in GAMBLING_OPERATORS if len(w) >= 5 and w not in _INSIDE_OTHER_WORDS),
    }
)  # fmt: skip

# Shorter betting brands ("hi88", "bk8", "vn88") count as tells only where they start a
# word: inside one ("chenshi88") they are something else.
SHORT_BETTING_BRANDS = frozenset(w for w in GAMBLING_OPERATORS if w not in GAMBLING_TELLS)
_SHORT_BETTING_ALTERNATIVES = "|".join(sorted(SHORT_BETTING_BRANDS, key=len, reverse=True))
_SHORT_BETTING_PATTERN = re.compile(rf"(?<![a-z])(?:{_SHORT_BETTING_ALTERNATIVES})")
# Every lure word that can make a gambling tell: names without one skip the full check.
TELL_WORDS = GAMBLING_TELLS | SHORT_BETTING_BRANDS


def has_gambling_tell(words: Sequence[str], folded_stem: str) -> bool:
    """Gambling words with no innocent reading among ``words`` (lure words found in
    ``folded_stem``), or a short betting brand at the start of a word of the stem."""
    if not words or TELL_WORDS.isdisjoint(words):
        return False
    if not GAMBLING_TELLS.isdisjoint(words):
        return True
    return not SHORT_BETTING_BRANDS.isdisjoint(words) and bool(
        _SHORT_BETTING_PATTERN.search(folded_stem)
    )


VIETNAMESE_WORDS = vietnamese_words()
# Vietnamese lure words that are also pieces of common foreign words ("ctv" in cctv and
# directv, "cado" in mercado, "mothe" in mother, "trian" in austrian, "banca" an Italian
# bank): they stay lure words but do not count as Vietnamese in ``VIETNAMESE_LURES``.
_FOREIGN_COLLISIONS = frozenset(
    {"ctv", "cado", "mothe", "lode", "banca", "trian", "daga", "phom", "camdo", "cccd"}
)
VIETNAMESE_LURES = VIETNAMESE_WORDS - _FOREIGN_COLLISIONS
VIETNAMESE_PATTERN: re.Pattern[str] = re.compile(trie_pattern(VIETNAMESE_WORDS))


def find_lures(folded_text: str) -> dict[str, list[str]]:
    """Lure words found in a folded (ASCII, lower-case) name, by group key."""
    found: dict[str, list[str]] = {}
    for word in LURE_PATTERN.findall(folded_text):
        for key in WORD_GROUPS[word]:
            found.setdefault(key, []).append(word)
    return found
