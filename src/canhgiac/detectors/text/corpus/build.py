"""Generate the templated part of the seed corpus (``seed_generated.csv``).

Run ``python -m canhgiac.detectors.text.corpus.build`` after editing templates; the output
is deterministic (fixed seed) and committed, so training never depends on this script.
Each message is rendered from a template with many slots, then, like real messages, some
are written without diacritics, in capitals, in teen-code, or obfuscated.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from canhgiac.detectors.text.corpus import names as N
from canhgiac.detectors.text.corpus import slots as S
from canhgiac.detectors.text.corpus import templates_everyday as E
from canhgiac.detectors.text.corpus import templates_fraud as F
from canhgiac.detectors.text.corpus import templates_genuine as G
from canhgiac.detectors.text.corpus import templates_scams as T
from canhgiac.detectors.text.corpus import variants as V
from canhgiac.detectors.text.normalize import fold_diacritics

OUTPUT = Path(__file__).with_name("seed_generated.csv")
SEED = 20250601

_ALTERNATIVES = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Recipe:
    category: str
    templates: tuple[str, ...]
    count: int
    # which brand links imitate (scams) or the sender belongs to: bank/carrier/shop/gov/casino/any
    link_brand: str
    senders: tuple[str, ...]  # sender kinds to draw from: personal/brand/shortcode/none
    scam: bool


RECIPES: tuple[Recipe, ...] = (
    Recipe(
        "fraud.impersonation.bank",
        F.BANK_IMPERSONATION,
        190,
        "bank",
        ("personal", "none", "none", "brand"),
        True,
    ),
    Recipe(
        "fraud.impersonation.authority",
        F.AUTHORITY_IMPERSONATION,
        170,
        "gov",
        ("personal", "none", "none"),
        True,
    ),
    Recipe(
        "fraud.impersonation.brand",
        F.BRAND_IMPERSONATION,
        160,
        "shop",
        ("personal", "none", "none", "brand"),
        True,
    ),
    Recipe("phishing", F.PHISHING, 100, "any", ("personal", "none"), True),
    Recipe("malware", F.MALWARE, 90, "gov", ("personal", "none"), True),
    Recipe("fraud.task_job", T.TASK_JOB, 130, "any", ("personal", "none"), True),
    Recipe("fraud.investment", T.INVESTMENT, 100, "any", ("personal", "none"), True),
    Recipe("fraud.prize", T.PRIZE, 100, "shop", ("personal", "none", "shortcode"), True),
    Recipe("fraud.loan", T.LOAN, 100, "any", ("personal", "none"), True),
    Recipe("loan_shark", T.LOAN_SHARK, 100, "any", ("personal", "none"), True),
    Recipe("fraud.account_takeover", T.ACCOUNT_TAKEOVER, 100, "any", ("personal", "none"), True),
    Recipe("fraud.money_recovery", T.MONEY_RECOVERY, 70, "any", ("personal", "none"), True),
    Recipe("fraud.romance", T.ROMANCE, 90, "any", ("personal", "none"), True),
    Recipe("gambling", T.GAMBLING, 110, "casino", ("personal", "none", "shortcode"), True),
    Recipe("illegal_goods", T.ILLEGAL_GOODS, 80, "any", ("personal", "none"), True),
    Recipe("data_trade", T.DATA_TRADE, 70, "any", ("personal", "none"), True),
    Recipe("legit", G.LEGIT_OTP, 300, "bank", ("brand", "brand", "none", "shortcode"), False),
    Recipe("legit", G.LEGIT_BANK, 280, "bank", ("brand", "brand", "none"), False),
    Recipe("legit", G.LEGIT_CARRIER, 240, "carrier", ("brand", "shortcode", "none"), False),
    Recipe("legit", G.LEGIT_DELIVERY, 170, "shop", ("brand", "personal", "none"), False),
    Recipe("legit", G.LEGIT_APPOINTMENT, 160, "none", ("brand", "none", "personal"), False),
    Recipe("legit", G.LEGIT_PERSONAL, 420, "none", ("personal", "none"), False),
    Recipe("legit", E.EVERYDAY, 1500, "none", ("personal", "none", "none"), False),
    Recipe("spam.ads", G.ADS, 850, "none", ("brand", "shortcode", "none", "personal"), False),
)


def _amount(rng: random.Random, low: int, high: int) -> str:
    return S.money(rng, low, high)


def _plain(rng: random.Random) -> str:
    return f"{rng.randrange(10, 50_000) * 1000:,}"


def _context(rng: random.Random, recipe: Recipe) -> dict[str, Callable[[], str]]:
    bank = rng.choice(S.BANKS)
    carrier = rng.choice(S.CARRIERS)
    shop = rng.choice(S.SHOPS)
    courier = rng.choice(S.COURIERS)
    wallet = rng.choice(S.WALLETS)
    casino = rng.choice(N.CASINOS)
    link_brand = {
        "bank": bank.name,
        "shop": rng.choice((shop.name, courier.short, carrier.name, wallet.name)),
        "gov": rng.choice(N.GOV_SLUGS),
        "casino": casino.lower(),
    }.get(recipe.link_brand)
    sender_brand = {
        "bank": bank.sender,
        "carrier": carrier.sender,
        "shop": rng.choice((courier.sender, shop.sender)),
    }.get(recipe.link_brand, rng.choice((bank.sender, carrier.sender, courier.sender, shop.sender)))
    official_brand = {
        "carrier": carrier,
        "shop": rng.choice((courier, shop)),
    }.get(recipe.link_brand, bank)
    return {
        "bank": lambda: bank.name,
        "bankshort": lambda: bank.short,
        "carrier": lambda: carrier.name,
        "carriershort": lambda: carrier.short,
        "shop": lambda: shop.name,
        "shopshort": lambda: shop.short,
        "courier": lambda: courier.name,
        "couriershort": lambda: courier.short,
        "wallet": lambda: wallet.name,
        "hotline": lambda: official_brand.hotline,
        "official": lambda: S.official_link(rng, official_brand),
        "official_carrier": lambda: S.official_link(rng, carrier),
        "official_bank": lambda: S.official_link(rng, bank),
        "official_wallet": lambda: S.official_link(rng, wallet),
        "fee": lambda: _amount(rng, 5_000, 300_000),
        "official_shop": lambda: (
            f"{S.fold_diacritics(rng.choice(N.SCHOOLS)).lower().replace(' ', '')}.edu.vn"
        ),
        "link": lambda: S.scam_link(rng, link_brand),
        "apk": lambda: (
            S.scam_link(rng, link_brand).rstrip("/")
            + "/"
            + rng.choice(
                (
                    "app.apk",
                    "vneid.apk",
                    "dichvucong.apk",
                    "update.apk",
                    "hoanthue.apk",
                    "banking.apk",
                    "install",
                    "tai-app",
                )
            )
        ),
        "casino": lambda: casino,
        "exchange": lambda: rng.choice(N.EXCHANGES),
        "prize": lambda: rng.choice(N.PRIZES),
        "luxury": lambda: rng.choice(N.LUXURY),
        "sector": lambda: rng.choice(N.SECTORS),
        "merchant": lambda: rng.choice(N.MERCHANTS),
        "site": lambda: rng.choice(
            (
                "Chotot.vn",
                "Tiki",
                "Shopee",
                "Agoda",
                "Traveloka",
                "Zalo",
                "Be",
                "Bách Hóa Xanh",
                "Long Châu",
                "FPT Play",
            )
        ),
        "package": lambda: rng.choice(N.PACKAGES),
        "hospital": lambda: rng.choice(N.HOSPITALS),
        "school": lambda: rng.choice(N.SCHOOLS),
        "shopname": lambda: rng.choice(N.SHOPNAMES),
        "project": lambda: rng.choice(N.PROJECTS),
        "money": lambda: _amount(rng, 100_000, 80_000_000),
        "money2": lambda: _amount(rng, 200_000, 150_000_000),
        "money_plain": lambda: _plain(rng),
        "money_plain2": lambda: _plain(rng),
        "small": lambda: _amount(rng, 20_000, 900_000),
        "pct": lambda: str(rng.choice((3, 5, 10, 15, 20, 25, 30, 35, 40, 50, 70, 100, 150, 200))),
        "n": lambda: str(rng.randint(2, 30)),
        "date": lambda: S.date(rng),
        "time": lambda: S.time_of_day(rng),
        "month": lambda: f"{rng.randint(1, 12):02d}/{rng.choice((2024, 2025))}",
        "year": lambda: str(rng.choice((2023, 2024, 2025))),
        "day": lambda: rng.choice(("9.9", "10.10", "11.11", "12.12", "1.1", "3.3", "6.6")),
        "weekday": lambda: str(rng.randint(2, 7)),
        "phone": lambda: S.phone(rng),
        "phone_masked": lambda: S.phone(rng, "plain")[:6] + "xxxx",
        "acct": lambda: S.account_number(rng),
        "masked": lambda: S.masked_account(rng),
        "last4": lambda: f"{rng.randint(0, 9999):04d}",
        "otp": lambda: S.otp(rng),
        "code": lambda: (
            rng.choice(("SPX", "GHTK", "VN", "LZD", "DH", "HS", "", ""))
            + str(rng.randint(10_000, 99_999_999))
        ),
        "promo": lambda: S.random_slug(rng, 6).upper(),
        "plate": lambda: (
            f"{rng.randint(11, 99)}{rng.choice('ABCDEFGHKL')}-{rng.randint(100, 999)}.{rng.randint(10, 99)}"
        ),
        "NAME": lambda: S.upper_ascii_name(rng),
        "Name": lambda: S.person_name(rng),
        "first": lambda: S.pick(rng, S.FIRST),
        "province": lambda: S.pick(rng, S.PROVINCES),
        "district": lambda: S.pick(rng, S.DISTRICTS),
        "street": lambda: S.pick(rng, S.STREETS),
        "region": lambda: rng.choice(("HANOI", "HCMC", "NPC", "CPC", "SPC")),
        "klass": lambda: f"{rng.randint(1, 12)}A{rng.randint(1, 9)}",
        "shortcode": lambda: rng.choice(("191", "9123", "999", "1543", "5199", "900", "9084")),
        "shortcode2": lambda: rng.choice(("1551", "18001091", "1543", "9241")),
        "ussd": lambda: rng.choice(("*101#", "*098#", "*091#", "*090#", "*888#")),
        "app": lambda: rng.choice(S.APPS),
        "handle": lambda: (
            rng.choice(("hotro", "admin", "cskh", "tuyendung", "vip", "data"))
            + S.random_slug(rng, 4)
        ),
        "bizlink": lambda: (
            rng.choice(("", "www.", "http://", "https://"))
            + S.fold_diacritics(
                rng.choice(N.SHOPNAMES)
                + rng.choice(("", "shop", "store", "group", "land", "edu", "care", "pay", "vn"))
            )
            .lower()
            .replace(" ", "")
            + rng.choice((".vn", ".com.vn", ".com", ".com", ".net", ".edu.vn", ".vn", ".org"))
        ),
        "applink": lambda: (
            f"https://{rng.choice(('myvt', 'vnptpay', 'mymobifone', 'vpbank', 'tpb'))}"
            f".page.link/{S.random_slug(rng, rng.randint(4, 7))}"
        ),
        "eventlink": lambda: (
            rng.choice(("http://", "https://", "", "www."))
            + rng.choice(
                (
                    "onlinefriday",
                    "ngayhoimuasam",
                    "tuanlethuongmai",
                    "tetsumvay",
                    "vietnamrun",
                    "ngayhoivieclam",
                    "khuyenmaituan",
                    "hoichocongnghe",
                    "sieusale",
                    "tietkiemnangluong",
                )
            )
            + rng.choice((".vn", ".com.vn", ".vn", ".org.vn", ".com"))
            + rng.choice(("", "", "/the-le", "/chuong-trinh"))
        ),
        "group": lambda: rng.choice(
            (
                f"zalo.me/g/{S.random_slug(rng, 8)}",
                f"https://t.me/{S.random_slug(rng, 7)}",
                f"t.me/+{S.random_slug(rng, 10)}",
                f"https://zalo.me/g/{S.random_slug(rng, 9)}",
                f"facebook.com/groups/{S.random_slug(rng, 8)}",
                f"Zalo {S.phone(rng)}",
            )
        ),
        "wallet_addr": lambda: "T" + S.random_slug(rng, 33),
    } | {"_sender_brand": lambda: sender_brand}


def render(template: str, rng: random.Random, context: dict[str, Callable[[], str]]) -> str:
    text = template
    for _ in range(4):  # nested groups resolve from the inside out
        resolved = _ALTERNATIVES.sub(lambda m: rng.choice(m.group(1).split("|")), text)
        if resolved == text:
            break
        text = resolved
    text = _SLOT.sub(lambda m: context[m.group(1)](), text)
    return re.sub(r"\s+([,.:!?])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def _variant(text: str, rng: random.Random, recipe: Recipe) -> str:
    roll = rng.random()
    if recipe.scam and rng.random() < 0.12:
        text = V.obfuscate(text, rng)
    if (
        recipe.category
        in {
            "legit",
            "fraud.task_job",
            "fraud.account_takeover",
            "loan_shark",
            "fraud.loan",
            "gambling",
        }
        and rng.random() < 0.25
    ):
        text = V.teen(text, rng)
    if roll < 0.38:
        text = fold_diacritics(text)
    elif roll < 0.45 and recipe.category != "legit":
        text = text.upper()
    return text


def _sender(rng: random.Random, recipe: Recipe, context: dict[str, Callable[[], str]]) -> str:
    kind = rng.choice(recipe.senders)
    if kind == "personal":
        return S.phone(rng, "plain")
    if kind == "brand":
        return context["_sender_brand"]()
    if kind == "shortcode":
        return rng.choice(("9029", "8079", "1576", "6x88", "191", "9123", "1551"))
    return ""


def generate(seed: int = SEED) -> Iterator[tuple[str, str, str]]:
    rng = random.Random(seed)
    seen: set[str] = set()
    for recipe in RECIPES:
        made = attempts = 0
        while made < recipe.count and attempts < recipe.count * 20:
            attempts += 1
            context = _context(rng, recipe)
            text = _variant(render(rng.choice(recipe.templates), rng, context), rng, recipe)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            yield text, recipe.category, _sender(rng, recipe, context)


def main() -> None:
    rows = list(generate())
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("text", "category", "sender"))
        writer.writerows(rows)
    print(f"{len(rows)} messages → {OUTPUT}")


if __name__ == "__main__":
    main()
