"""Slot fillers for the seed-corpus generator: names, brands, amounts, links, phone numbers.

All values are invented for the project (no real victims or real scam domains); brand names
and their official domains are public facts.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

from canhgiac.detectors.text.normalize import fold_diacritics


@dataclass(frozen=True)
class BrandSlot:
    name: str
    short: str
    domain: str
    sender: str
    hotline: str


BANKS: tuple[BrandSlot, ...] = (
    BrandSlot("Vietcombank", "VCB", "vietcombank.com.vn", "Vietcombank", "1900545413"),
    BrandSlot("VietinBank", "VietinBank", "vietinbank.vn", "VietinBank", "1900558868"),
    BrandSlot("BIDV", "BIDV", "bidv.com.vn", "BIDV", "19009247"),
    BrandSlot("Agribank", "Agribank", "agribank.com.vn", "Agribank", "1900558818"),
    BrandSlot("Techcombank", "TCB", "techcombank.com", "Techcombank", "1800588822"),
    BrandSlot("MB Bank", "MB", "mbbank.com.vn", "MBBANK", "1900545426"),
    BrandSlot("ACB", "ACB", "acb.com.vn", "ACB", "1900545486"),
    BrandSlot("VPBank", "VPBank", "vpbank.com.vn", "VPBank", "1900545415"),
    BrandSlot("Sacombank", "Sacombank", "sacombank.com.vn", "Sacombank", "1900555588"),
    BrandSlot("TPBank", "TPBank", "tpb.vn", "TPBank", "1900585885"),
    BrandSlot("HDBank", "HDBank", "hdbank.com.vn", "HDBank", "1900636069"),
    BrandSlot("VIB", "VIB", "vib.com.vn", "VIB", "1800588878"),
    BrandSlot("SHB", "SHB", "shb.com.vn", "SHB", "1800588856"),
    BrandSlot("OCB", "OCB", "ocb.com.vn", "OCB", "18006678"),
    BrandSlot("MSB", "MSB", "msb.com.vn", "MSB", "18006083"),
    BrandSlot("SeABank", "SeABank", "seabank.com.vn", "SeABank", "1900555587"),
    BrandSlot("LPBank", "LPBank", "lpbank.com.vn", "LPBank", "1800577758"),
    BrandSlot("Eximbank", "Eximbank", "eximbank.com.vn", "Eximbank", "18001199"),
)

CARRIERS: tuple[BrandSlot, ...] = (
    BrandSlot("Viettel", "Viettel", "viettel.vn", "VIETTEL", "18008098"),
    BrandSlot("VinaPhone", "VNPT", "vinaphone.com.vn", "VINAPHONE", "18001091"),
    BrandSlot("MobiFone", "MobiFone", "mobifone.vn", "MobiFone", "18001090"),
    BrandSlot("Vietnamobile", "Vietnamobile", "vietnamobile.com.vn", "Vietnamobile", "789"),
)

SHOPS: tuple[BrandSlot, ...] = (
    BrandSlot("Shopee", "Shopee", "shopee.vn", "Shopee", "19001221"),
    BrandSlot("Lazada", "Lazada", "lazada.vn", "Lazada", "19001007"),
    BrandSlot("Tiki", "Tiki", "tiki.vn", "Tiki", "19006035"),
    BrandSlot("TikTok Shop", "TikTok", "tiktok.com", "TikTokShop", "19001221"),
)

COURIERS: tuple[BrandSlot, ...] = (
    BrandSlot("Giao Hàng Tiết Kiệm", "GHTK", "ghtk.vn", "GHTK", "19006092"),
    BrandSlot("Viettel Post", "ViettelPost", "viettelpost.com.vn", "ViettelPost", "19008095"),
    BrandSlot("VNPost", "VNPost", "vnpost.vn", "VNPOST", "1900545481"),
    BrandSlot("J&T Express", "J&T", "jtexpress.vn", "JTEXPRESS", "19001088"),
    BrandSlot("Giao Hàng Nhanh", "GHN", "ghn.vn", "GHN", "19002042"),
    BrandSlot("Ninja Van", "NinjaVan", "ninjavan.co", "NinjaVan", "19008890"),
)

WALLETS: tuple[BrandSlot, ...] = (
    BrandSlot("MoMo", "MoMo", "momo.vn", "MoMo", "1900545441"),
    BrandSlot("ZaloPay", "ZaloPay", "zalopay.vn", "ZaloPay", "1900545436"),
    BrandSlot("VNPAY", "VNPAY", "vnpay.vn", "VNPAY", "1900555577"),
    BrandSlot("ShopeePay", "ShopeePay", "shopeepay.vn", "ShopeePay", "19001221"),
)

APPS: tuple[str, ...] = (
    "Google",
    "Facebook",
    "Zalo",
    "TikTok",
    "Grab",
    "Be",
    "Xanh SM",
    "Shopee",
    "Lazada",
    "Tiki",
    "Instagram",
    "Telegram",
    "Gojek",
    "VNeID",
    "MoMo",
    "ZaloPay",
    "Microsoft",
)

LAST = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
    "Mai",
    "Tạ",
    "Lưu",
    "Cao",
)
MIDDLE = (
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Thanh",
    "Ngọc",
    "Hữu",
    "Quốc",
    "Thu",
    "Hoàng",
    "Xuân",
    "Kim",
    "Gia",
    "Bảo",
    "Phương",
    "Anh",
    "Công",
    "Tuấn",
    "Mỹ",
)
FIRST = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Khang",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Nhung",
    "Phong",
    "Phúc",
    "Quân",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Trang",
    "Trung",
    "Tú",
    "Tùng",
    "Vy",
    "Yến",
    "Khoa",
    "Đạt",
    "Huy",
    "Lộc",
    "Ngân",
    "Oanh",
    "Vinh",
    "Thủy",
    "Duyên",
)

PROVINCES = (
    "Hà Nội",
    "TP.HCM",
    "Đà Nẵng",
    "Hải Phòng",
    "Cần Thơ",
    "Nghệ An",
    "Thanh Hóa",
    "Bình Dương",
    "Đồng Nai",
    "Quảng Ninh",
    "Bắc Ninh",
    "Khánh Hòa",
    "Lâm Đồng",
    "Thái Nguyên",
    "Nam Định",
    "Huế",
    "Long An",
    "Kiên Giang",
    "Gia Lai",
    "Đắk Lắk",
)
DISTRICTS = (
    "Cầu Giấy",
    "Đống Đa",
    "Ba Đình",
    "Hoàng Mai",
    "Quận 1",
    "Quận 7",
    "Bình Thạnh",
    "Gò Vấp",
    "Thủ Đức",
    "Hải Châu",
    "Ngô Quyền",
    "Ninh Kiều",
    "Long Biên",
    "Tân Bình",
)
STREETS = (
    "Nguyễn Trãi",
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Hai Bà Trưng",
    "Lý Thường Kiệt",
    "Phan Đình Phùng",
    "Nguyễn Huệ",
    "Cách Mạng Tháng 8",
    "Võ Văn Tần",
    "Hoàng Diệu",
)

CHEAP_TLDS = (
    "xyz",
    "top",
    "vip",
    "cc",
    "shop",
    "online",
    "click",
    "site",
    "club",
    "icu",
    "buzz",
    "live",
    "info",
    "asia",
    "link",
    "fun",
    "pro",
    "store",
    "life",
    "cyou",
    "sbs",
    "com",
    "net",
    "org",
    "me",
    "io",
    "co",
)
SHORTENERS = (
    "bit.ly",
    "tinyurl.com",
    "cutt.ly",
    "rb.gy",
    "t.ly",
    "is.gd",
    "shorturl.at",
    "s.id",
    "tiny.cc",
    "v.ht",
    "goo.su",
)
LURE_WORDS = (
    "xacminh",
    "xac-thuc",
    "baomat",
    "hotro",
    "khachhang",
    "canhan",
    "online",
    "ebank",
    "login",
    "dangnhap",
    "update",
    "capnhat",
    "uudai",
    "tri-an",
    "vn",
    "service",
    "kyc",
    "secure",
    "verify",
    "nhanqua",
    "hoantien",
    "giaohang",
    "dichvu",
    "app",
    "home",
)

SCAM_BRAND_SLUGS = {
    "Vietcombank": ("vietcombank", "vcb", "vcbdigibank", "vietcombank-vn"),
    "VietinBank": ("vietinbank", "vtb", "ipay-vietinbank"),
    "BIDV": ("bidv", "smartbanking-bidv", "bidvonline"),
    "Agribank": ("agribank", "agri-bank", "agribank-plus"),
    "Techcombank": ("techcombank", "tcb", "techcom"),
    "MB Bank": ("mbbank", "mb-bank", "mbb"),
    "ACB": ("acb", "acbonline", "acb-one"),
    "VPBank": ("vpbank", "vpb", "vpbankneo"),
    "Sacombank": ("sacombank", "scb-pay", "sacom"),
    "TPBank": ("tpbank", "tpb", "tpbank-ebank"),
}


def pick(rng: random.Random, items: tuple[str, ...] | list[str]) -> str:
    return items[rng.randrange(len(items))]


def person_name(rng: random.Random) -> str:
    return f"{pick(rng, LAST)} {pick(rng, MIDDLE)} {pick(rng, FIRST)}"


def upper_ascii_name(rng: random.Random) -> str:
    """A name as printed on bank transfers: NGUYEN VAN NAM."""
    return fold_diacritics(person_name(rng)).upper()


def phone(rng: random.Random, style: str | None = None) -> str:
    prefix = pick(
        rng,
        (
            "032",
            "033",
            "034",
            "035",
            "036",
            "037",
            "038",
            "039",
            "070",
            "076",
            "077",
            "078",
            "079",
            "081",
            "082",
            "083",
            "084",
            "085",
            "086",
            "088",
            "089",
            "090",
            "091",
            "093",
            "094",
            "096",
            "097",
            "098",
        ),
    )
    rest = "".join(rng.choice(string.digits) for _ in range(7))
    style = style or pick(rng, ("plain", "plain", "dots", "spaces", "intl"))
    if style == "dots":
        return f"{prefix[:4]}.{rest[:3]}.{rest[3:]}"
    if style == "spaces":
        return f"{prefix} {rest[:3]} {rest[3:]}"
    if style == "intl":
        return f"+84{prefix[1:]}{rest}"
    return prefix + rest


def account_number(rng: random.Random) -> str:
    length = rng.choice((9, 10, 12, 13, 14))
    return "".join(rng.choice(string.digits) for _ in range(length))


def masked_account(rng: random.Random) -> str:
    digits = account_number(rng)
    return f"{digits[:3]}xxx{digits[-3:]}"


def otp(rng: random.Random) -> str:
    return "".join(rng.choice(string.digits) for _ in range(rng.choice((4, 6, 6, 6, 8))))


def money(rng: random.Random, low: int = 50_000, high: int = 50_000_000) -> str:
    """An amount written the many ways Vietnamese messages write it."""
    value = rng.randrange(low // 1000, high // 1000 + 1) * 1000
    style = rng.randrange(6)
    if style == 0:
        return f"{value:,}".replace(",", ".") + "đ"
    if style == 1:
        return f"{value:,}VND"
    if style == 2 and value >= 1_000_000:
        return f"{value // 1_000_000} triệu"
    if style == 3 and value < 1_000_000:
        return f"{value // 1000}k"
    if style == 4 and value >= 1_000_000:
        return f"{value // 1_000_000}tr"
    return f"{value:,}".replace(",", ".") + " đồng"


def date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.choice((2023, 2024, 2025))}"


def time_of_day(rng: random.Random) -> str:
    return f"{rng.randint(6, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}"


def random_slug(rng: random.Random, length: int = 6) -> str:
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(length))


def scam_link(rng: random.Random, brand: str | None = None) -> str:
    """A look-alike or throw-away link of the kinds scammers use."""
    tld = pick(rng, CHEAP_TLDS)
    slug = pick(
        rng,
        SCAM_BRAND_SLUGS.get(
            brand or "",
            (fold_diacritics(brand or "").lower().replace(" ", "") or random_slug(rng),),
        ),
    )
    word = pick(rng, LURE_WORDS)
    shape = rng.randrange(8)
    if shape == 0:
        host = f"{slug}-{word}.{tld}"
    elif shape == 1:
        host = f"{slug}.com.vn-{word}.{tld}"
    elif shape == 2:
        host = f"{word}{slug}.{tld}"
    elif shape == 3:
        host = f"{slug}{rng.randint(1, 99)}.{tld}"
    elif shape == 4:
        return f"https://{pick(rng, SHORTENERS)}/{random_slug(rng, rng.randint(5, 8))}"
    elif shape == 5:
        host = f"{word}.{slug}-vn.{tld}"
    elif shape == 6:
        host = f"{random_slug(rng, rng.randint(4, 8))}.{tld}"
    else:
        host = f"{slug}.{word}.{tld}"
    scheme = pick(rng, ("https://", "http://", "", "https://www."))
    path = pick(rng, ("", "", "/", f"/{word}", f"/?id={random_slug(rng)}", "/login"))
    return f"{scheme}{host}{path}"


def official_link(rng: random.Random, brand: BrandSlot) -> str:
    path = pick(rng, ("", "", "/khuyen-mai", "/uu-dai", "/ho-tro", "/tra-cuu"))
    scheme = pick(rng, ("https://", "https://www.", "", "www."))
    return f"{scheme}{brand.domain}{path}"
