"""Registry of official Vietnamese brands (banks, e-wallets, government, telcos, shops...).

The data lives in ``data/brands/<sector>.yaml``, written by the project with sources cited.
Look-ups answer "is this host / sender / bank name official, and whose is it?" for the
public look-up, the allow-list and the brand-impersonation detectors.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

import yaml

SECTORS = frozenset(
    {
        "bank",
        "ewallet",
        "government",
        "telco",
        "ecommerce",
        "delivery",
        "utility",
        "airline",
        "other",
    }
)
# Sectors whose brands hold bank accounts (digital banks are filed under "bank").
BANK_SECTORS = frozenset({"bank"})
MARKETS = frozenset({"vn", "global"})

_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_BIN_RE = re.compile(r"^\d{6}$")
_SWIFT_RE = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")
# Hotlines are E.164 (+84...) or a carrier short code of 3-5 digits (198, 9090).
_HOTLINE_RE = re.compile(r"^(\+\d{8,15}|\d{3,5})$")
# An SMS brandname is at most 11 characters (GSM alphanumeric sender), or a short code.
_SENDER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._&-]{0,10}$")
_WORD_RE = re.compile(r"[a-z0-9]+")
_MAX_ALIAS_WORDS = 8
_JOIN_SUFFIXES = frozenset(
    {"bank", "pay", "money", "post", "express", "air", "airlines", "finance", "shop", "telecom"}
)
_NAME_PREFIXES = (
    "ngan hang thuong mai co phan ",
    "ngan hang tmcp ",
    "ngan hang tnhh mot thanh vien ",
    "ngan hang tnhh mtv ",
    "ngan hang ",
    "nh tmcp ",
    "nh ",
)


@dataclass(frozen=True)
class Brand:
    key: str
    name: str
    short_name: str
    sector: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    sms_senders: tuple[str, ...]
    hotlines: tuple[str, ...]
    bin: str | None
    swift: str | None
    similar_to: tuple[str, ...]
    sources: tuple[str, ...]
    # "vn": a brand of the Vietnamese market, whose name outside its own domains is a
    # warning sign; "global": a worldwide brand whose name sits in many unrelated sites
    # (googleadservices, amazonaws) and whose own sites abroad use other country codes.
    market: str = "vn"


class BrandDataError(ValueError):
    """The shipped brand data is inconsistent; the message names the file and entry."""


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics ("Ngân hàng Á Châu" -> "ngan hang a chau")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(fold(text))


def _phrase(text: str) -> str:
    return " ".join(_words(text))


def _sender_key(sender: str) -> str:
    return "".join(_words(sender))


def _hotline_key(number: str) -> str:
    """Canonical digits: "84…" for Vietnamese numbers, bare digits for short codes."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.strip().startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if len(digits) <= 5:
        return digits
    if digits.startswith("0"):
        return "84" + digits[1:]
    if digits.startswith(("1800", "1900")):
        return "84" + digits
    return digits


def _host_key(host: str) -> str:
    host = host.strip().lower()
    name, colon, port = host.rpartition(":")
    if colon and port.isdigit() and ":" not in name:  # "host:443", not an IPv6 address
        host = name
    host = host.rstrip(".")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return ""
    return host


@dataclass
class BrandRegistry:
    brands: tuple[Brand, ...]
    # Aliases too generic to count as a mention in free text ("mb", "be", "quoc te")
    # but fine as an exact bank/brand name.
    name_only_aliases: frozenset[str] = frozenset()
    # Hosts of official domains where anyone can publish (sites.google.com, t.me,
    # facebook.com): the host is the brand's, the content is not.
    user_content_domains: frozenset[str] = frozenset()
    _by_key: dict[str, Brand] = field(init=False, repr=False)
    _by_domain: dict[str, Brand] = field(init=False, repr=False)
    _by_bin: dict[str, Brand] = field(init=False, repr=False)
    _bank_names: dict[str, Brand] = field(init=False, repr=False)
    _mentions: dict[str, Brand] = field(init=False, repr=False)
    _senders: dict[str, Brand] = field(init=False, repr=False)
    _hotlines: dict[str, Brand] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key = {b.key: b for b in self.brands}
        self._by_domain = {d: b for b in self.brands for d in b.domains}
        self._by_bin = {b.bin: b for b in self.brands if b.bin}
        self._bank_names = {}
        self._mentions = {}
        self._senders = {}
        self._hotlines = {}
        for brand in self.brands:
            for hotline in brand.hotlines:
                self._hotlines.setdefault(_hotline_key(hotline), brand)
            for sender in brand.sms_senders:
                self._senders.setdefault(_sender_key(sender), brand)
            for label in (brand.short_name, brand.name, *brand.aliases):
                phrase = _phrase(label)
                if not phrase:
                    continue
                if brand.sector in BANK_SECTORS:
                    self._bank_names.setdefault(phrase, brand)
                    self._bank_names.setdefault(phrase.replace(" ", ""), brand)
                if phrase not in self.name_only_aliases:
                    self._mentions.setdefault(phrase, brand)
        self._max_words = max((p.count(" ") + 1 for p in self._mentions), default=1)
        self._max_words = min(self._max_words, _MAX_ALIAS_WORDS)

    def get(self, key: str) -> Brand | None:
        return self._by_key.get(key)

    def official_brand_for_host(self, host: str) -> Brand | None:
        """The brand owning ``host`` or a parent domain of it, on label boundaries."""
        labels = _host_key(host).split(".")
        for i in range(len(labels) - 1):
            brand = self._by_domain.get(".".join(labels[i:]))
            if brand is not None:
                return brand
        return None

    def is_user_content_host(self, host: str) -> bool:
        """True when anyone can publish under this host (a page there proves nothing)."""
        labels = _host_key(host).split(".")
        return any(
            ".".join(labels[i:]) in self.user_content_domains for i in range(len(labels) - 1)
        )

    def is_official_host(self, host: str) -> bool:
        """Everything served from this host is the brand's own (or a *.gov.vn host).

        False for user-content hosts of official brands (``sites.google.com``,
        ``facebook.com``): use :meth:`official_brand_for_host` for who owns the host.
        """
        key = _host_key(host)
        if key.endswith(".gov.vn") and len(key) > len(".gov.vn"):
            return True
        if self.is_user_content_host(key):
            return False
        return self.official_brand_for_host(key) is not None

    def bank_by_bin(self, bin: str) -> Brand | None:
        brand = self._by_bin.get(bin.strip())
        return brand if brand is not None and brand.sector in BANK_SECTORS else None

    def bank_by_name(self, text: str) -> Brand | None:
        """Bank named by full name, short name or alias, ignoring case and diacritics."""
        phrase = _phrase(text)
        if not phrase:
            return None
        candidates = [phrase]
        for prefix in _NAME_PREFIXES:
            if phrase.startswith(prefix):
                candidates.append(phrase[len(prefix) :])
        if phrase.endswith(" bank"):
            candidates.append(phrase[: -len(" bank")])
        for candidate in candidates:
            brand = self._bank_names.get(candidate) or self._bank_names.get(
                candidate.replace(" ", "")
            )
            if brand is not None:
                return brand
        if phrase.isdigit() and len(phrase) == 6:
            return self.bank_by_bin(phrase)
        return None

    def brands_mentioned(self, text: str) -> list[Brand]:
        """Brands named in free text as whole words, in order of first mention."""
        words = _words(text)
        found: dict[str, Brand] = {}
        i = 0
        while i < len(words):
            matched = 0
            for n in range(min(self._max_words, len(words) - i), 0, -1):
                chunk = words[i : i + n]
                brand = self._mentions.get(" ".join(chunk))
                # "MB Bank" for alias "mbbank": join only before a brand-name suffix, so
                # ordinary words never fuse into a name ("cho tốt" is not "chotot").
                if brand is None and n > 1 and chunk[-1] in _JOIN_SUFFIXES:
                    brand = self._mentions.get("".join(chunk))
                if brand is not None:
                    found.setdefault(brand.key, brand)
                    matched = n
                    break
            i += matched or 1
        return list(found.values())

    def brand_for_sms_sender(self, sender: str) -> Brand | None:
        return self._senders.get(_sender_key(sender))

    def brand_for_hotline(self, number: str) -> Brand | None:
        """The brand whose published hotline or short code this is.

        Accepts E.164 and national spellings: "+84 1900 545413", "1900545413",
        "028 3824 7247", "198".
        """
        key = _hotline_key(number)
        return self._hotlines.get(key) if key else None

    def all_official_domains(self) -> frozenset[str]:
        return frozenset(self._by_domain)

    def by_sector(self, sector: str) -> tuple[Brand, ...]:
        return tuple(b for b in self.brands if b.sector == sector)


# --- loading and validation -------------------------------------------------------------


def _fail(source: str, entry: str, problem: str) -> BrandDataError:
    return BrandDataError(f"{source}: brand {entry!r}: {problem}")


def _str_list(raw: Mapping[str, Any], name: str, source: str, entry: str) -> tuple[str, ...]:
    value = raw.get(name, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise _fail(source, entry, f"'{name}' must be a list of strings")
    items = tuple(str(v).strip() for v in value)
    if any(not v for v in items):
        raise _fail(source, entry, f"'{name}' has an empty item")
    if len(set(items)) != len(items):
        raise _fail(source, entry, f"'{name}' has duplicates")
    return items


def _optional(raw: Mapping[str, Any], name: str) -> str | None:
    value = raw.get(name)
    return None if value is None else str(value).strip()


def _parse_brand(
    raw: object, sector: str, source: str, index: int
) -> tuple[Brand, set[str], set[str]]:
    if not isinstance(raw, dict):
        raise BrandDataError(f"{source}: entry #{index} is not a mapping")
    entry = str(raw.get("key") or f"#{index}")
    allowed = {
        "key", "name", "short_name", "aliases", "name_only_aliases", "domains", "sms_senders",
        "hotlines", "bin", "swift", "similar_to", "sources", "sector", "user_content", "market",
    }  # fmt: skip
    unknown = set(raw) - allowed
    if unknown:
        raise _fail(source, entry, f"unknown fields {sorted(unknown)}")
    key = str(raw.get("key", ""))
    if not _KEY_RE.match(key):
        raise _fail(source, entry, "'key' must be lower-case letters, digits and '-'")
    for required in ("name", "short_name"):
        if not isinstance(raw.get(required), str) or not raw[required].strip():
            raise _fail(source, entry, f"'{required}' is required")
    sector = str(raw.get("sector", sector))
    if sector not in SECTORS:
        raise _fail(source, entry, f"unknown sector {sector!r}")
    aliases = _str_list(raw, "aliases", source, entry)
    name_only = _str_list(raw, "name_only_aliases", source, entry)
    for alias in (*aliases, *name_only):
        if alias != alias.lower():
            raise _fail(source, entry, f"alias {alias!r} must be lower-case")
    domains = _str_list(raw, "domains", source, entry)
    for domain in domains:
        if domain != domain.lower() or not _DOMAIN_RE.match(domain):
            raise _fail(source, entry, f"domain {domain!r} must be a lower-case host name")
    senders = _str_list(raw, "sms_senders", source, entry)
    for sender in senders:
        if not _SENDER_RE.match(sender):
            raise _fail(source, entry, f"SMS sender {sender!r} is not a valid brandname")
    hotlines = _str_list(raw, "hotlines", source, entry)
    for hotline in hotlines:
        if not _HOTLINE_RE.match(hotline):
            raise _fail(source, entry, f"hotline {hotline!r} must be E.164 or a short code")
    bin_ = _optional(raw, "bin")
    if bin_ is not None and not _BIN_RE.match(bin_):
        raise _fail(source, entry, f"BIN {bin_!r} must be 6 digits")
    swift = _optional(raw, "swift")
    if swift is not None and not _SWIFT_RE.match(swift):
        raise _fail(source, entry, f"SWIFT code {swift!r} is malformed")
    market = str(raw.get("market", "vn"))
    if market not in MARKETS:
        raise _fail(source, entry, f"'market' must be one of {sorted(MARKETS)}, not {market!r}")
    sources = _str_list(raw, "sources", source, entry)
    if not sources:
        raise _fail(source, entry, "'sources' must cite at least one source")
    for cited in sources:
        if not cited.startswith("https://"):
            raise _fail(source, entry, f"source {cited!r} must be an https:// URL")
    brand = Brand(
        key=key,
        name=raw["name"].strip(),
        short_name=raw["short_name"].strip(),
        sector=sector,
        aliases=aliases + name_only,
        domains=domains,
        sms_senders=senders,
        hotlines=hotlines,
        bin=bin_,
        swift=swift,
        similar_to=_str_list(raw, "similar_to", source, entry),
        sources=sources,
        market=market,
    )
    user_content = _str_list(raw, "user_content", source, entry)
    for host in user_content:
        if not any(host == d or host.endswith("." + d) for d in domains):
            raise _fail(source, entry, f"user_content host {host!r} is not under its domains")
    return brand, {_phrase(a) for a in name_only}, set(user_content)


def _iter_data_files() -> Iterator[tuple[str, str]]:
    folder = resources.files("canhgiac.indicators") / "data" / "brands"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            yield item.name, item.read_text(encoding="utf-8")


def build_registry(files: Iterable[tuple[str, str]]) -> BrandRegistry:
    """Parse and cross-check ``(file name, YAML text)`` pairs into a registry."""
    brands: list[Brand] = []
    origin: dict[str, str] = {}
    name_only: set[str] = set()
    user_content: set[str] = set()
    for source, text in files:
        doc = yaml.safe_load(text)
        if not isinstance(doc, dict) or not isinstance(doc.get("brands"), list):
            raise BrandDataError(f"{source}: expected a mapping with 'sector' and 'brands'")
        sector = str(doc.get("sector", ""))
        if sector not in SECTORS:
            raise BrandDataError(f"{source}: unknown sector {sector!r}")
        for index, raw in enumerate(doc["brands"], start=1):
            brand, generic, hosted = _parse_brand(raw, sector, source, index)
            if brand.key in origin:
                raise _fail(source, brand.key, f"duplicate key (also in {origin[brand.key]})")
            origin[brand.key] = source
            brands.append(brand)
            name_only |= generic
            user_content |= hosted
    _cross_check(brands, origin)
    return BrandRegistry(
        brands=_symmetric_similarity(brands),
        name_only_aliases=frozenset(name_only),
        user_content_domains=frozenset(user_content),
    )


def _cross_check(brands: list[Brand], origin: dict[str, str]) -> None:
    seen_bin: dict[str, str] = {}
    seen_domain: dict[str, str] = {}
    seen_sender: dict[str, str] = {}
    seen_alias: dict[str, str] = {}
    seen_hotline: dict[str, str] = {}
    for brand in brands:
        source = origin[brand.key]
        for hotline in brand.hotlines:
            other = seen_hotline.setdefault(_hotline_key(hotline), brand.key)
            if other != brand.key:
                raise _fail(source, brand.key, f"hotline {hotline} also used by {other}")
        for label in {_phrase(a) for a in (brand.short_name, *brand.aliases)}:
            other = seen_alias.setdefault(label, brand.key)
            if other != brand.key:
                raise _fail(source, brand.key, f"alias {label!r} also names {other}")
        if brand.bin:
            if brand.bin in seen_bin:
                raise _fail(
                    source, brand.key, f"BIN {brand.bin} also used by {seen_bin[brand.bin]}"
                )
            seen_bin[brand.bin] = brand.key
        for domain in brand.domains:
            if domain in seen_domain:
                other = seen_domain[domain]
                raise _fail(source, brand.key, f"domain {domain} also claimed by {other}")
            seen_domain[domain] = brand.key
        for sender in brand.sms_senders:
            skey = _sender_key(sender)
            if skey in seen_sender and seen_sender[skey] != brand.key:
                raise _fail(
                    source, brand.key, f"SMS sender {sender} also used by {seen_sender[skey]}"
                )
            seen_sender[skey] = brand.key
        for other in brand.similar_to:
            if other not in origin:
                raise _fail(source, brand.key, f"similar_to names unknown brand {other!r}")
            if other == brand.key:
                raise _fail(source, brand.key, "similar_to names itself")


def _symmetric_similarity(brands: list[Brand]) -> tuple[Brand, ...]:
    """Collisions go both ways: if VPBank resembles GPBank, GPBank resembles VPBank."""
    links: dict[str, list[str]] = {b.key: list(b.similar_to) for b in brands}
    for brand in brands:
        for other in brand.similar_to:
            if brand.key not in links[other]:
                links[other].append(brand.key)
    return tuple(replace(brand, similar_to=tuple(links[brand.key])) for brand in brands)


@functools.cache
def load_brand_registry() -> BrandRegistry:
    """The shipped registry, parsed and validated once per process."""
    return build_registry(_iter_data_files())
