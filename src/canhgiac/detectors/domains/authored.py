"""The project's own training names: hand-written lists plus names composed from templates.

``data/scam_vi.txt`` and ``data/legitimate_vi.txt`` are written by the project (realistic,
not copied from any dataset). The composed scam names put registry brands together with
lure words, fake suffix labels and cheap suffixes the way Vietnamese scam names are built;
the composed legitimate names are the registry's own official hosts and typical sub-domains.
Composed names also cover lure phrases on free site builders ("nhantien-quocte.weebly.com")
and game-account shops ("shopaccfreefire.vn"), with ordinary shops and small sites on the same
builders as their legitimate counterparts, and businesses whose trade is a word scams also use
("tochucsukiendanang.com", an event organiser; "quatangdoanhnghiep.vn", corporate gifts).
"""

from __future__ import annotations

import random
from functools import cache
from importlib import resources

import idna

from canhgiac.detectors.domains.homoglyphs import strip_diacritics
from canhgiac.detectors.domains.lures import LURE_GROUPS, folded_words
from canhgiac.indicators.brands import load_brand_registry

_DATA = "canhgiac.detectors.domains"
_SCAM_SUFFIXES = (
    "xyz", "top", "vip", "club", "online", "live", "site", "shop", "cc", "com", "net", "info",
    "me", "pro", "link", "asia", "cfd", "icu", "fun", "win", "tk", "com.vn", "vn", "org",
)  # fmt: skip
_LEGIT_PREFIXES = ("www", "m", "ebank", "online", "portal", "app", "id", "mail", "news", "pay")
# Free site builders and app hosts where scam pages get a sub-domain for nothing.
_SITE_HOSTS = (
    "weebly.com", "weeblysite.com", "000webhostapp.com", "wixsite.com", "blogspot.com",
    "github.io", "firebaseapp.com", "web.app", "netlify.app", "vercel.app", "glitch.me",
    "mystrikingly.com", "godaddysites.com", "pages.dev", "herokuapp.com", "wordpress.com",
)  # fmt: skip
# What game-account and top-up shops put in their names (accounts, in-game currency, games).
_GAME_SHOP_WORDS = (
    "acc", "nick", "accff", "acclq", "kimcuong", "quanhuy", "freefire", "ff", "lienquan", "lq",
    "robux", "pubg", "skin", "napthe", "thecao", "game", "vip", "giare", "uytin", "free",
    "random", "tocchien", "genshin", "reg", "tool", "hack", "mod", "code",
)  # fmt: skip
_SHOP_WORDS = ("shop", "shopacc", "shopnick", "banacc", "tiemacc", "napgame", "muaacc", "shopcua")
# Ordinary Vietnamese small-business and personal-site words, for legitimate counterparts.
_PLAIN_WORDS = (
    "nhahang", "cafe", "spa", "tiembanh", "quanan", "homestay", "mamnon", "yoga", "nhakhoa",
    "hoatuoi", "dulich", "giay", "quanao", "mevabe", "mypham", "noithat", "dienmay", "sach",
    "gom", "tranh", "aodai", "camera", "xemay", "thucung", "cay", "banh", "tra", "gao",
    "photo", "studio", "wedding", "portfolio", "blog", "nhac", "thiep", "handmade", "len",
)  # fmt: skip
# Vietnamese businesses whose trade is a word that scams also use (gifts, events, diamonds,
# deals, registration, jobs, remittances, free lessons, roses, football): the legitimate
# lists hold big sites, not these, and without them the model reads the word alone.
_EVERYDAY_TRADES = (
    ("quatang", ("doanhnghiep", "caocap", "luuniem", "phale", "handmade", "tet", "congty")),
    ("sukien", ("tochuc", "dichvu", "thietbi", "amthanh", "sankhau", "cuoi", "trongoi")),
    ("kimcuong", ("trangsuc", "nhan", "thiennhien", "kiemdinh", "dongho", "vangbac")),
    ("khuyenmai", ("tin", "sieuthi", "sanpham", "thongtin", "daily", "cuahang")),
    ("dangky", ("kinhdoanh", "nhanhieu", "mavach", "thanhlap", "congbo", "sohuutri")),
    ("tuyendung", ("congty", "nhanvien", "ketoan", "laixe", "baove", "kysu")),
    ("kieuhoi", ("dichvu", "congty", "chuyen", "nhan", "my", "uc")),
    ("mienphi", ("hoc", "truyen", "phanmem", "tailieu", "giaotrinh", "khoahoc")),
    ("hoahong", ("vuon", "shop", "cay", "giong", "dalat", "ngoai")),
    ("bongda", ("tin", "sanbong", "giay", "aobong", "clb", "hocvien")),
    ("thethao", ("dungcu", "giay", "quanao", "trungtam", "shop", "clb")),
    ("giaodich", ("san", "vanphong", "diem", "nhadat", "batdongsan", "xe")),
)  # fmt: skip
_PLACES = (
    "hanoi", "saigon", "danang", "hue", "dalat", "cantho", "nhatrang", "hoian", "vinh",
    "haiphong", "quynhon", "vungtau", "sapa", "bienhoa", "thaibinh", "",
)  # fmt: skip


def _read(name: str) -> list[str]:
    path = resources.files(_DATA) / "data" / name
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip().lower()
        if text:
            out.append(to_punycode(text))
    return out


def to_punycode(host: str) -> str:
    """Unicode labels to ``xn--`` form, as host lists carry them."""
    if host.isascii():
        return host
    labels = []
    for label in host.split("."):
        if label.isascii():
            labels.append(label)
            continue
        try:
            labels.append(idna.encode(label).decode("ascii"))
        except idna.IDNAError:
            labels.append("xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(labels)


def _brand_tokens() -> list[tuple[str, tuple[str, ...]]]:
    """(token, official domains) for every registry brand, if the registry loads."""
    registry = load_brand_registry()
    out = []
    for brand in registry.brands:
        tokens = {brand.key.replace("-", "")}
        tokens |= {d.split(".", 1)[0].replace("-", "") for d in brand.domains}
        tokens |= {
            strip_diacritics(a).replace(" ", "")
            for a in brand.aliases
            if a.isascii() and len(a) >= 3
        }
        for token in sorted(t for t in tokens if len(t) >= 3 and t.isalnum()):
            out.append((token, brand.domains))
    return out


@cache
def authored_scam(count: int = 4000, seed: int = 7) -> list[str]:
    """Hand-written scam-style names plus ``count`` composed ones."""
    names = _read("scam_vi.txt")
    rng = random.Random(seed)
    brands = _brand_tokens()
    lures = {g.key: folded_words(g) for g in LURE_GROUPS}
    lure_pool = [w for k in ("account", "loan", "prize", "task") for w in lures[k] if len(w) > 3]
    gambling = [w for w in lures["gambling"] if len(w) >= 3]
    if brands:
        for _ in range(count):
            token, domains = rng.choice(brands)
            lure = rng.choice(lure_pool)
            suffix = rng.choice(_SCAM_SUFFIXES)
            num = str(rng.randint(1, 999))
            official = rng.choice(domains) if domains else f"{token}.com.vn"
            shape = rng.randrange(9)
            if shape == 0:
                name = f"{token}-{lure}.{suffix}"
            elif shape == 1:
                name = f"{lure}{token}.{suffix}"
            elif shape == 2:
                name = f"{token}.vn-{lure}.{suffix}"
            elif shape == 3:
                name = f"{official}.{lure}{num}.{suffix}"
            elif shape == 4:
                name = f"{token}{lure}{num}.{suffix}"
            elif shape == 5:
                name = f"{lure}-{token}-vn.{suffix}"
            elif shape == 6:
                name = f"{token}.{lure}-{rng.choice(lure_pool)}.{suffix}"
            elif shape == 7:
                name = f"{lure}{token}{rng.choice(['vn', 'online', 'vip', '24h', '247'])}.{suffix}"
            else:
                name = f"{token}-{rng.choice(['vn', 'com', 'online'])}.{suffix}"
            names.append(name)
    for _ in range(count // 4):
        word = rng.choice(gambling)
        num = str(rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1, 9)]))
        shape = rng.randrange(4)
        suffix = rng.choice(("com", "vip", "club", "net", "win", "live", "bet", "me", "cc"))
        if shape == 0:
            names.append(f"{num}{word}.{suffix}")
        elif shape == 1:
            names.append(f"{word}{num}.{suffix}")
        elif shape == 2:
            names.append(f"{word}{rng.choice(gambling)}{num}.{suffix}")
        else:
            names.append(f"{rng.choice(['nhacai', 'link', 'vao', 'dangky'])}{word}{num}.{suffix}")
    names += _hosted_and_shop_scams(rng, lures, count // 4)
    return names


def _hosted_and_shop_scams(
    rng: random.Random, lures: dict[str, tuple[str, ...]], count: int
) -> list[str]:
    """Lure phrases on free site builders, and game-account shop names."""
    pool = [w for k in ("account", "prize", "loan", "task") for w in lures[k] if len(w) > 3]
    names = []
    for _ in range(count):
        words = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
        tail = rng.choice(["", str(rng.randint(1, 99)), str(rng.randint(2020, 2024)), "vn"])
        label = rng.choice(["", "-"]).join(words + ([tail] if tail else []))[:60].strip("-")
        names.append(f"{label}.{rng.choice(_SITE_HOSTS)}")
    for _ in range(count):
        head = rng.choice(_SHOP_WORDS)
        word = rng.choice(_GAME_SHOP_WORDS)
        tail = rng.choice(["", "", str(rng.randint(1, 9999)), "24h", "247", "vn", "tv", "gaming"])
        suffix = rng.choice(("com", "vn", "net", "site", "shop", "store", "online", "top", "me"))
        names.append(f"{head}{word}{tail}.{suffix}")
    return names


def _plain_hosted_and_shops(rng: random.Random, count: int) -> list[str]:
    """Ordinary shops and small sites, also on site builders: the counterparts of the above."""
    names = []
    for _ in range(count):
        label = rng.choice(_PLAIN_WORDS) + rng.choice(_PLACES)
        if rng.random() < 0.5:
            names.append(f"{label}.{rng.choice(_SITE_HOSTS)}")
        else:
            head = rng.choice(("shop", "cuahang", "tiem", ""))
            names.append(f"{head}{label}.{rng.choice(('com', 'vn', 'com.vn', 'net'))}")
    return names


def _everyday_trades(rng: random.Random, count: int) -> list[str]:
    """Shops and services named after a trade word that scams also use."""
    names = []
    for _ in range(count):
        word, partners = rng.choice(_EVERYDAY_TRADES)
        partner = strip_diacritics(rng.choice(partners))
        place = rng.choice(_PLACES)
        label = f"{partner}{word}" if rng.random() < 0.5 else f"{word}{partner}"
        names.append(f"{label}{place}.{rng.choice(('com', 'vn', 'com.vn', 'net'))}")
    return names


@cache
def authored_legitimate() -> list[str]:
    """Hand-written legitimate Vietnamese names plus official hosts of registry brands."""
    names = _read("legitimate_vi.txt")
    domains = sorted(load_brand_registry().all_official_domains())
    rng = random.Random(11)
    for domain in domains:
        names.append(domain)
        names.append(f"{rng.choice(_LEGIT_PREFIXES)}.{domain}")
    names += _plain_hosted_and_shops(rng, 500)
    names += _everyday_trades(rng, 300)
    return names
