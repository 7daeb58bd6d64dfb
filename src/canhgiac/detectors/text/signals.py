"""Signals beyond words: links vs. official brand domains, requests for OTPs and transfers,
urgency, threats, advertising markers and the sender type.

Each signal is a number in [0, 1] with a fixed name (``SIGNAL_NAMES``), so the model can weigh
it, and a Vietnamese/English reason an analyst can read (both in ``signal_names``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from canhgiac.detectors.text.links import LinkFacts, brands_mentioned, link_facts
from canhgiac.detectors.text.normalize import NormalizedText, literal_alternation
from canhgiac.detectors.text.signal_names import SIGNAL_NAMES
from canhgiac.indicators.brands import Brand, BrandRegistry

_NEGATION = re.compile(r"(?:khong|dung|never|do not|khong bao gio|khong duoc|tuyet doi khong) $")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _word_start(*alternatives: str) -> re.Pattern[str]:
    """``\\b(?:a|b|…)`` for alternatives that each start with a letter or digit, compiled as
    ``k(?<!\\w\\w)(?:hoa…|hoi…)|b(?<!\\w\\w)…``: a word boundary before a letter means "no word
    character just before it", so the matches are the same, but the regex engine jumps
    between candidate first letters instead of trying every position. Alternatives that
    share a first letter keep their order; the others can never match at the same place."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first, rest = alternative[:1], alternative[1:]
        if not (first.isascii() and first.isalnum()) or rest[:1] in {"?", "*", "+", "{"}:
            raise ValueError(f"not a plain first letter: {alternative!r}")
        groups.setdefault(first, []).append(rest)
    return re.compile(
        "|".join(rf"{first}(?<!\w\w)(?:{'|'.join(rest)})" for first, rest in groups.items())
    )


# All patterns run on the folded text (lower-case, no diacritics, teen-code expanded).
_OTP_WORD = r"(?:otp|ma xac (?:nhan|thuc|minh)|ma (?:bao mat|kich hoat|6 so|gui ve|vua (?:nhan|gui))|mat khau)"
_P_OTP_REQUEST = _rx(
    r"\b(?:cung cap|doc|gui (?:lai |giup |cho )?|nhap|dien|chup|cho (?:em|minh|toi) xin|"
    r"bao lai|xac nhan)(?:\w+ ){0,4}" + _OTP_WORD
)
_P_OTP_REQUEST2 = _rx(
    r"\b"
    + _OTP_WORD
    + r" (?:\w+ ){0,4}(?:de (?:em |minh |toi )?(?:huy|xac (?:nhan|minh)|ho tro|kich hoat))"
)
_P_OTP_NOTICE = _rx(
    r"(?:\botp\b|\bma\b|\bcode\b|\bmat khau\b)[^.\n]{0,60}?\b(?:la|:|is)\s*[:]?\s*[a-z]?-?\d{4,8}\b|^\s*[a-z]?-?\d{4,8} (?:la ma|is your)"
)
_P_SAFETY = _rx(
    r"(?:khong|tuyet doi khong|dung|never|do not|don't|khong bao gio) (?:\w+ ){0,4}(?:cung cap|chia se|share|tiet lo|yeu cau)"
)
_P_CREDENTIAL = _rx(
    r"\b(?:cung cap|nhap|gui|dien|xac nhan)(?:\w+ ){0,4}(?:mat khau|so the|cvv|ten dang nhap|thong tin the|ma pin|password)"
)
_P_IDENTITY = _rx(
    r"\b(?:gui|chup|cung cap|quay) (?:\w+ ){0,3}(?:anh|hinh|video)? ?(?:cccd|can cuoc|chan dung|khuon mat|hai mat|2 mat)"
)
_P_APK = _rx(
    r"\.apk\b|\b(?:tai|cai|cai dat|download|update|cap nhat) (?:\w+ ){0,3}(?:ung dung|app|phien ban|ban cap nhat)\b[^.\n]{0,40}(?:tai|tai day|:|https?|www|\.[a-z]{2,})|quyen tro nang|nguon khong xac dinh"
)
_P_REMOTE = _rx(r"\b(?:teamviewer|ultraviewer|anydesk|airdroid|rustdesk)\b")
_P_TRANSFER = _word_start(
    "chuyen (?:khoan|tien|lai|giup|ho|gap|vao|truoc|coc)",
    "nap (?:tien|them|usdt)",
    "dong phi",
    "nop (?:phi|thue|tien|them)",
    "phi (?:van chuyen|ship|ho so|bao hiem|nhan qua|xac minh|thu tuc|dich vu|hai quan|"
    "thong quan|dang ky|le)",
    "dat coc",
    "chuyen coc",
    "coc (?:giu|truoc)",
    "thanh toan (?:truoc|phi)",
)
_P_ACCOUNT_CTX = _rx(
    r"\b(?:so tai khoan|tai khoan|stk|chuyen khoan|chuyen vao|vao so|so tk|ngan hang|vcb|bidv|techcombank|agribank|mb|acb|vietinbank|tpbank|vpbank|sacombank|momo)\b"
)
# "(?<![\d+.,])(?:\d[ .-]?){8,18}\d(?![\d.,])" with the look-behind after the first digit (same
# matches), so that the regex engine jumps from digit to digit instead of trying every position.
_P_ACCOUNT_NUMBER = re.compile(r"\d(?<![\d+.,]\d)[ .-]?(?:\d[ .-]?){7,17}\d(?![\d.,])")
_P_UPPER_NAME = re.compile(r"\b[A-ZĐ][A-ZĐ]+(?: [A-ZĐ][A-ZĐ]*){1,4}\b")
_P_OFFCHANNEL = _rx(
    r"\b(?:zalo|telegram|tele|inbox|messenger|ket ban|add zalo|nhan tin (?:zalo|cho)|whatsapp|viber|line)\b|(?<!\w)@[a-z][\w.]{3,}"
)
_P_URGENCY = _word_start(
    "can gap",
    "chuyen gap",
    "rat gap",
    "gap lam",
    "khan(?: cap)?",
    "ngay lap tuc",
    "ngay hom nay",
    r"trong (?:vong )?\d+ ?(?:h|gio|phut|tieng)\b",
    r"truoc \d{1,2} ?(?:h|gio)",
    "han (?:chot|cuoi)",
    "het han",
    "cham nhat",
    "trong ngay",
    "som nhat",
    "nhanh tay",
    "chi con",
    "sap bi",
    "se bi",
)
_P_THREAT = _word_start(
    "khoa (?:vinh vien|tai khoan|the|sim)",
    "bi khoa(?! hoc)",
    "tam khoa",
    "dong bang",
    "phong toa",
    "bat giu",
    "lenh bat",
    "khoi to",
    "truy cuu",
    "truy na",
    "trieu tap",
    "rua tien",
    "cuong che",
    "xu ly theo (?:phap luat|cach)",
    "beu",
    r"gui (?:anh|hinh|ho so) (?:\w+ ){0,3}(?:facebook|dia phuong|nguoi than|danh ba|cong ty)",
    "den tan nha",
    "toan bo danh ba",
    "tat ca danh ba",
    "danh ba",
    r"qua han \d+ ngay",
    "ngung cap dien",
    "cat dien",
    "thu hoi sim",
    "khoa 2 chieu",
    "vo hieu hoa",
    "xoa vinh vien",
    "ap giai",
    "tuoc",
)
_P_TOO_GOOD = _rx(
    r"\b(?:trung thuong|trung giai|loi nhuan|lai \d+ ?%|\d+ ?%\s*/\s*(?:ngay|tuan)|hoa hong|viec nhe luong cao|thu nhap (?:tu )?\d|"
    r"\d+ ?(?:k|trieu|tr)\s*(?:-\s*\d+ ?(?:k|trieu|tr))?\s*/\s*ngay|cam ket|khong rui ro|hoan von|x2 von|bao an|an chac|qua tang|tri an|"
    r"mien phi 100|khong the chap|chi can cccd|no xau van|giai ngan (?:trong|nhanh)|rut tien (?:ngay|nhanh|1-1|sieu toc))"
)
_P_SECRECY = _word_start(
    "khong duoc tiet lo",
    "giu bi mat",
    "dung (?:noi|bao) (?:voi )?(?:ai|nguoi than)",
    "khong noi voi ai",
    "bi mat dieu tra",
)
_P_BALANCE = _rx(
    r"(?:\bso du\b|\bsd\b|\bsdc\b)[^\n]{0,40}\d|[+-]\s?\d{1,3}(?:[.,]\d{3})+ ?(?:vnd|d\b|dong)"
)
_P_ADS = _rx(r"\(qc\)|^\s*\(tb\)|\bqc\b|tu choi (?:qc|nhan)|soan tc gui|\btc gui \d|\bhuy qc\b")


# Cheap substring gates: a pattern only runs when one of its words occurs at all.
_GATES: dict[str, tuple[str, ...]] = {
    "otp_request": ("otp", "ma", "mat khau"),
    "otp_notice": ("otp", "ma", "code", "mat khau"),
    "safety_warning": ("khong", "dung", "never", "not", "don't"),
    "credential_request": (
        "mat khau",
        "so the",
        "cvv",
        "dang nhap",
        "thong tin the",
        "pin",
        "password",
    ),
    "identity_request": ("cccd", "can cuoc", "chan dung", "khuon mat", "hai mat", "2 mat"),
    "apk": ("apk", "ung dung", "app", "phien ban", "cap nhat", "tro nang", "nguon khong"),
    "remote_access": ("teamviewer", "ultraviewer", "anydesk", "airdroid", "rustdesk"),
    "transfer_request": ("chuyen", "nap", "phi", "nop", "coc", "thanh toan"),
    "offchannel_contact": (
        "zalo",
        "tele",
        "inbox",
        "messenger",
        "ket ban",
        "nhan tin",
        "whatsapp",
        "viber",
        "line",
        "@",
    ),
    "urgency": (
        "gap",
        "khan",
        "lap tuc",
        "hom nay",
        "trong",
        "truoc",
        "han",
        "cham nhat",
        "som nhat",
        "nhanh tay",
        "chi con",
        "sap bi",
        "se bi",
    ),
    "too_good": (
        "trung",
        "loi nhuan",
        "lai",
        "%",
        "hoa hong",
        "luong cao",
        "thu nhap",
        "/ngay",
        "cam ket",
        "rui ro",
        "von",
        "an chac",
        "bao an",
        "qua tang",
        "tri an",
        "mien phi 100",
        "the chap",
        "cccd",
        "no xau",
        "giai ngan",
        "rut tien",
    ),
    "secrecy": ("tiet lo", "bi mat", "dung noi", "dung bao", "khong noi"),
    "balance_notice": ("so du", "sd", "+", "-"),
    "ads_marker": ("qc", "tu choi", "tc gui", "(tb)"),
}


# Gate words that are not words ("%", "+", "@"…) are looked up with ``in``; the others only
# where a word starts, which lets one regular expression skip most positions at once.
_SYMBOL_GATES = frozenset({"%", "+", "-", "@", "/ngay", "(tb)"})


def _build_gate_index() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One regular expression finds every gate word at once; a word also opens the gates of
    the shorter gate words it starts with ("khong noi" opens the gates of "khong")."""
    words = {w for ws in _GATES.values() for w in ws} - _SYMBOL_GATES
    gates_of: dict[str, set[str]] = {w: set() for w in words}
    for name, ws in _GATES.items():
        for word in ws:
            for longer in words:
                if longer.startswith(word):
                    gates_of[longer].add(name)
    alternation = literal_alternation(sorted(words, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternation + ")"), {w: frozenset(g) for w, g in gates_of.items()}


_GATE_PATTERN, _GATES_OF = _build_gate_index()
_SYMBOL_GATES_OF = {
    symbol: frozenset(name for name, ws in _GATES.items() if symbol in ws)
    for symbol in _SYMBOL_GATES
}


def _open_gates(folded: str) -> set[str]:
    opened: set[str] = set().union(*map(_GATES_OF.__getitem__, _GATE_PATTERN.findall(folded)))
    for symbol, names in _SYMBOL_GATES_OF.items():
        if symbol in folded:
            opened |= names
    return opened


def _affirmative(pattern: re.Pattern[str], folded: str) -> bool:
    """A match not directly negated ("không cung cấp OTP" is advice, not a request)."""
    for match in pattern.finditer(folded):
        if not _NEGATION.search(folded[max(0, match.start() - 20) : match.start()]):
            return True
    return False


@dataclass(frozen=True)
class SignalResult:
    values: dict[str, float]
    links: LinkFacts
    brands: tuple[str, ...] = ()
    details: Mapping[str, object] = field(default_factory=dict)

    def vector(self) -> list[float]:
        return [self.values.get(name, 0.0) for name in SIGNAL_NAMES]


_SENDER_PUNCTUATION = re.compile(r"[\s.()\-]")
_SENDER_NUMBER = re.compile(r"\+?\d+")
_NOT_DIGIT = re.compile(r"\D")


def sender_kind(sender: str | None) -> str:
    """brandname / shortcode / personal / unknown, from the sender as shown on the phone."""
    if not sender:
        return "unknown"
    compact = _SENDER_PUNCTUATION.sub("", sender.strip())
    if not compact:
        return "unknown"
    if _SENDER_NUMBER.fullmatch(compact):
        digits = compact.lstrip("+")
        return "shortcode" if len(digits) <= 6 else "personal"
    return "brandname"


def _has_named_account(nfc: str, folded: str) -> tuple[bool, bool]:
    """(bank account present, with an upper-case personal name next to it)."""
    accounts = []
    for m in _P_ACCOUNT_NUMBER.finditer(folded):
        digits = _NOT_DIGIT.sub("", m.group(0))
        # Mobile numbers (0 + 9 digits or +84) are phones, not accounts.
        if (len(digits) == 10 and digits.startswith("0") and digits[1] in "35789") or (
            len(digits) == 11 and digits.startswith("84") and digits[2] in "35789"
        ):
            continue
        if 8 <= len(digits) <= 19:
            accounts.append(m)
    if not accounts or not _P_ACCOUNT_CTX.search(folded):
        return False, False
    named = any(
        len(name.split()) >= 2 and not name.isdigit()
        for name in _P_UPPER_NAME.findall(nfc)
        if not _is_ignorable_caps(name)
    )
    return True, named


_CAPS_IGNORE = re.compile(
    r"^(?:OTP|VND|VNĐ|QC|TB|STK|TK|CSKH|ATM|CCCD|SMS|COD|VIP|ID|USD|USDT|GD|ND|SD|HSD)(?: |$)"
)


def _is_ignorable_caps(name: str) -> bool:
    # Shouted messages are all capitals: only short runs of name-like words count.
    return bool(_CAPS_IGNORE.match(name)) or len(name.split()) > 4


def compute_signals(
    text: NormalizedText, sender: str | None, registry: BrandRegistry
) -> SignalResult:
    folded = text.folded
    nfc = text.nfc
    gates = _open_gates(folded)
    values: dict[str, float] = {}
    brands = brands_mentioned(folded, registry)
    links = link_facts(nfc, brands, registry)
    if links.hosts:
        values["url"] = 1.0
        for name in (
            "url_unofficial",
            "url_brand_mismatch",
            "url_lookalike",
            "url_cheap_tld",
            "url_shortener",
            "url_ip",
            "url_official",
            "url_platform",
        ):
            if getattr(links, name):
                values[name] = 1.0
    if links.apk or ("apk" in gates and _P_APK.search(folded)):
        values["apk"] = 1.0
    if "remote_access" in gates and _P_REMOTE.search(folded):
        values["remote_access"] = 1.0
    otp_notice = "otp_notice" in gates and bool(_P_OTP_NOTICE.search(folded))
    if "otp_request" in gates and (
        _affirmative(_P_OTP_REQUEST, folded) or _P_OTP_REQUEST2.search(folded)
    ):
        values["otp_request"] = 1.0
    if otp_notice:
        values["otp_notice"] = 1.0
    if "safety_warning" in gates and _P_SAFETY.search(folded):
        values["safety_warning"] = 1.0
    if "credential_request" in gates and _affirmative(_P_CREDENTIAL, folded):
        values["credential_request"] = 1.0
    if "identity_request" in gates and _P_IDENTITY.search(folded):
        values["identity_request"] = 1.0
    if "transfer_request" in gates and _affirmative(_P_TRANSFER, folded):
        values["transfer_request"] = 1.0
    has_account, named = _has_named_account(nfc, folded)
    if has_account:
        values["bank_account"] = 1.0
    if named:
        values["bank_account_with_name"] = 1.0
    if links.personal_phone or ("offchannel_contact" in gates and _P_OFFCHANNEL.search(folded)):
        values["offchannel_contact"] = 1.0
    if "gấp" in nfc.lower() or ("urgency" in gates and _P_URGENCY.search(folded)):
        values["urgency"] = 1.0
    if _P_THREAT.search(folded):
        values["threat"] = 1.0
    if "too_good" in gates and _P_TOO_GOOD.search(folded):
        values["too_good"] = 1.0
    if "secrecy" in gates and _P_SECRECY.search(folded):
        values["secrecy"] = 1.0
    if "balance_notice" in gates and _P_BALANCE.search(folded):
        values["balance_notice"] = 1.0
    if "ads_marker" in gates and _P_ADS.search(folded):
        values["ads_marker"] = 1.0
    kind = sender_kind(sender)
    official_sender: Brand | None = None
    if kind == "brandname" and sender:
        values["sender_brandname"] = 1.0
        official_sender = registry.brand_for_sms_sender(sender)
        if official_sender is not None:
            values["sender_official"] = 1.0
    elif kind == "shortcode":
        values["sender_shortcode"] = 1.0
    elif kind == "personal":
        values["sender_personal"] = 1.0
    details: dict[str, object] = {"sender_kind": kind}
    if official_sender is not None:
        details["sender_brand"] = official_sender.key
    if links.hosts:
        details["hosts"] = list(links.hosts)
    return SignalResult(
        values=values, links=links, brands=tuple(b.key for b in brands), details=details
    )
