"""Lure words that Vietnamese scam names are built from, with and without diacritics.

Words are written here in Vietnamese with their diacritics; matching runs on the folded ASCII
form of the host (``hỗ trợ`` and ``hotro`` both match ``hotro``), so both spellings count.
Each group maps to the category a name built from it most likely belongs to.
"""

from __future__ import annotations

import re
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
            "xsmb",
            "xsmn",
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
            "go88",
            "sunwin",
            "kubet",
            "rikvip",
            "fb88",
            "hitclub",
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
            "hoàn thuế",
            "bảo hiểm xã hội",
            "bhxh",
            "căn cước",
            "vneid",
            "định danh điện tử",
            "tòa án",
            "viện kiểm sát",
            "chính phủ",
            "cục",
            "evisa",
            "visa",
            "gov",
            "govn",
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
    out = {"cskh", "ctv", "bhxh", "vneid", "nhanqua", "trian", "vay", "hotro", "xacminh"}
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


# Vietnamese gambling words with no innocent reading in host names ("xổ số" is left out: the
# state lottery is legal; "banca", "lode", "cado" are ordinary Italian/Spanish/English).
GAMBLING_TELLS = frozenset(
    {
        "chanle", "nhacai", "cacuoc", "gamebai", "taixiu", "nohu", "xocdia", "soicau",
        "keonhacai", "doithuong", "soikeo", "tylekeo", "sabong", "sv388", "bancaonline",
        # Names of illegal betting sites advertised to Vietnamese players.
        "go88", "sunwin", "kubet", "rikvip", "fb88", "hitclub",
    }
)  # fmt: skip

VIETNAMESE_WORDS = vietnamese_words()
VIETNAMESE_PATTERN: re.Pattern[str] = re.compile(trie_pattern(VIETNAMESE_WORDS))


def find_lures(folded_text: str) -> dict[str, list[str]]:
    """Lure words found in a folded (ASCII, lower-case) name, by group key."""
    found: dict[str, list[str]] = {}
    for word in LURE_PATTERN.findall(folded_text):
        for key in WORD_GROUPS[word]:
            found.setdefault(key, []).append(word)
    return found
