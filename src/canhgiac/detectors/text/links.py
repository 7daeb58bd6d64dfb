"""Facts about the links and phone numbers in a message, judged against the brand registry.

A fast, bounded scan: messages are short, but the detector must classify thousands per
second, so hosts are found with one regular expression and checked with dictionary look-ups.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass

from canhgiac.detectors.text.normalize import fold_diacritics
from canhgiac.indicators.brands import Brand, BrandRegistry
from canhgiac.indicators.normalizers.domains import public_suffix, registrable_domain

MAX_LINKS = 10

CHEAP_TLDS = frozenset(
    [
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
        "win",
        "bet",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "work",
        "rest",
        "monster",
        "quest",
        "lol",
        "bond",
        "cfd",
        "today",
        "world",
        "app",
    ]
)
SHORTENERS = frozenset(
    [
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
        "ow.ly",
        "t.co",
        "rebrand.ly",
        "shorturl.asia",
        "bitly.com",
        "short.gy",
        "urlz.fr",
        "1url.vn",
    ]
)
# Brands whose domains host anyone's content (groups, forms, channels): a link there says
# nothing about who sent the message, so it is a "platform link", not an official one.
USER_CONTENT_BRANDS = frozenset({"zalo", "facebook", "google", "telegram", "tiktok", "microsoft"})

# App-link services brands use in genuine campaigns (Firebase, Branch, AppsFlyer, Adjust):
# they say nothing about the sender either way.
APP_LINK_SUFFIXES = frozenset({"page.link", "app.link", "onelink.me", "adj.st", "go.link"})

# Words that only a government site may carry in its host name.
GOV_WORDS = (
    "gov",
    "dichvucong",
    "vneid",
    "congan",
    "bocongan",
    "csgt",
    "phatnguoi",
    "hoanthue",
    "thue",
    "bhxh",
    "vssid",
    "baohiemxahoi",
    "evn",
    "dienluc",
    "toaan",
    "vienkiemsat",
)

_URL = re.compile(
    r"(?<![\w@.\-])(?P<scheme>https?://)?(?:www\.)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9\-]{2,30}))"
    r"(?::\d{2,5})?(?P<path>/[^\s,;\"'<>)]*)?",
    re.IGNORECASE,
)
_IP_URL = re.compile(r"(?:https?://)(?P<host>\d{1,3}(?:\.\d{1,3}){3})(?::\d{2,5})?(?:/\S*)?")
# Government words in a host: long ones anywhere, short ones ("gov", "evn") as a whole label.
_GOV_RE = re.compile(
    "|".join(re.escape(w) for w in GOV_WORDS if len(w) >= 4)
    + "|(?:^|[.\\-_0-9])(?:"
    + "|".join(re.escape(w) for w in GOV_WORDS if len(w) < 4)
    + ")(?:$|[.\\-_0-9])"
)
# These start with a character, not a look-behind (same matches): Python's regex engine then
# jumps between candidate characters instead of trying every position.
_HAS_DIGITS = re.compile(r"\d\d\d")
_DOT_IN_WORD = re.compile(r"\.(?<=[A-Za-z0-9]\.)[A-Za-z0-9]")
_MOBILE = re.compile(
    r"(?:\+(?<![\d+]\+)84|8(?<![\d+]8)4|0(?<![\d+]0))[ .\-]?[35789]\d(?:[ .\-]?\d){7}(?!\d)"
)


@dataclass(frozen=True)
class LinkFacts:
    hosts: tuple[str, ...] = ()
    url_unofficial: bool = False
    url_brand_mismatch: bool = False
    url_lookalike: bool = False
    url_cheap_tld: bool = False
    url_shortener: bool = False
    url_ip: bool = False
    url_official: bool = False
    url_platform: bool = False
    apk: bool = False
    personal_phone: bool = False
    lookalike_of: tuple[str, ...] = ()


_TOKEN_CACHE: dict[int, tuple[BrandRegistry, dict[str, str]]] = {}


def _brand_tokens(registry: BrandRegistry) -> dict[str, str]:
    """Brand words that a look-alike host would carry: first labels of official domains and
    one-word aliases (≥ 3 letters), mapped to the brand key."""
    cached = _TOKEN_CACHE.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    tokens: dict[str, str] = {}
    for brand in registry.brands:
        for domain in brand.domains:
            label = domain.split(".")[0]
            if len(label) >= 3:
                tokens.setdefault(label, brand.key)
        for alias in (brand.short_name, *brand.aliases):
            word = re.sub(r"[^a-z0-9]", "", alias.lower())
            if len(word) >= 3 and word.isascii() and " " not in alias.strip():
                tokens.setdefault(word, brand.key)
    if len(_TOKEN_CACHE) > 8:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[id(registry)] = (registry, tokens)
    return tokens


# First word → (is a one-word name, second word → lengths of the longer names), so that most
# words cost one dictionary look-up.
_Heads = dict[str, tuple[bool, dict[str, tuple[int, ...]]]]
# Plus the one-word names and the first two words of the longer ones: where a name can start.
_MentionTable = tuple[dict[str, Brand], _Heads, frozenset[str], frozenset[tuple[str, str]]]
_MENTION_CACHE: dict[int, tuple[BrandRegistry, _MentionTable]] = {}
_WORDS = re.compile(r"[a-z0-9]+")


def _fold_phrase(text: str) -> str:
    return " ".join(_WORDS.findall(fold_diacritics(text.lower())))


def _mention_table(registry: BrandRegistry) -> _MentionTable:
    """Phrase → brand, and the indexes used by ``brands_mentioned``."""
    cached = _MENTION_CACHE.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    phrases: dict[str, Brand] = {}
    for brand in registry.brands:
        for label in (brand.short_name, brand.name, *brand.aliases):
            phrase = _fold_phrase(label)
            if len(phrase) < 2 or phrase in registry.name_only_aliases:
                continue
            phrases.setdefault(phrase, brand)
            # "mbbank" is also written "mb bank", "tpbank" as "tp bank".
            if " " not in phrase and phrase.endswith("bank") and len(phrase) > 5:
                phrases.setdefault(phrase[:-4] + " bank", brand)
    single: set[str] = set()
    follow: dict[str, dict[str, set[int]]] = {}
    starts: set[tuple[str, str]] = set()
    for phrase in phrases:
        words = phrase.split(" ")
        if len(words) == 1:
            single.add(words[0])
        elif len(words) <= 10:
            follow.setdefault(words[0], {}).setdefault(words[1], set()).add(len(words))
            starts.add((words[0], words[1]))
    heads: _Heads = {
        word: (
            word in single,
            {w: tuple(sorted(n, reverse=True)) for w, n in follow.get(word, {}).items()},
        )
        for word in single | follow.keys()
    }
    table = (phrases, heads, frozenset(single), frozenset(starts))
    if len(_MENTION_CACHE) > 8:
        _MENTION_CACHE.clear()
    _MENTION_CACHE[id(registry)] = (registry, table)
    return table


def brands_mentioned(folded: str, registry: BrandRegistry) -> list[Brand]:
    """Brands named in already folded text, as whole words, in order of first mention.

    Same names as ``BrandRegistry.brands_mentioned`` (minus the too-generic aliases) with
    plain dictionary look-ups, which keeps the detector at thousands of messages per second.
    """
    phrases, heads, singles, starts = _mention_table(registry)
    words = _WORDS.findall(folded)
    count = len(words)
    # Positions where a name can start, found without a Python-level loop: a one-word name,
    # or the first two words of a longer one. Common first words ("tai", "bao") seldom are.
    can_start = map(
        operator.or_,
        map(singles.__contains__, words),
        itertools.chain(map(starts.__contains__, itertools.pairwise(words)), (False,)),
    )
    found: dict[str, Brand] = {}
    skip_until = 0
    for i in itertools.compress(range(count), can_start):
        if i < skip_until:
            continue
        word = words[i]
        one_word, follow = heads[word]
        brand = None
        sizes = follow.get(words[i + 1]) if follow and i + 1 < count else None
        for n in sizes or ():
            if n <= count - i:
                brand = phrases.get(" ".join(words[i : i + n]))
                if brand is not None:
                    skip_until = i + n
                    break
        if brand is None and one_word:
            brand = phrases[word]
        if brand is not None:
            found.setdefault(brand.key, brand)
    return list(found.values())


def _host_pieces(host: str) -> list[str]:
    return [p for p in re.split(r"[.\-_]|\d+", host) if p]


def _lookalike(host: str, tokens: dict[str, str]) -> str | None:
    """The brand a non-official host imitates, if any ("vietcombank-xacminh.xyz")."""
    pieces = _host_pieces(host)
    for piece in pieces:
        if piece in tokens:
            return tokens[piece]
        if len(piece) >= 7:
            # Every substring of 5+ letters, longest first: "vietcombankxacminh" → vietcombank.
            for size in range(len(piece) - 1, 4, -1):
                for start in range(len(piece) - size + 1):
                    key = tokens.get(piece[start : start + size])
                    if key is not None:
                        return key
    if _GOV_RE.search(host):
        return "gov"
    return None


# Top-level domains that bare (scheme-less) links in Vietnamese messages actually use.
BARE_TLDS = CHEAP_TLDS | frozenset(
    [
        "com",
        "net",
        "org",
        "vn",
        "edu",
        "gov",
        "io",
        "co",
        "me",
        "biz",
        "us",
        "uk",
        "asia",
        "tv",
        "cn",
        "ru",
        "in",
        "xyz",
        "ly",
        "gl",
        "gd",
        "at",
        "ai",
        "id",
        "so",
        "to",
    ]
)


@functools.lru_cache(maxsize=65_536)
def host_parts(host: str) -> tuple[str, str]:
    """(public suffix, registrable domain) of a host; hosts repeat within and across
    messages, and the suffix-list look-up is the costly part of judging a link."""
    return public_suffix(host), registrable_domain(host)


def _plausible_bare_host(host: str) -> bool:
    labels = host.split(".")
    if labels[-1] not in BARE_TLDS or not host_parts(host)[0]:
        return False
    return all(not label.isdigit() for label in labels) and any(c.isalpha() for c in labels[-2])


def find_hosts(nfc: str) -> list[tuple[str, str]]:
    """(host, path) pairs of the links in the text, lower-case, known suffixes only."""
    found: list[tuple[str, str]] = []
    if not _DOT_IN_WORD.search(nfc):
        return found
    for match in _URL.finditer(nfc):
        host = match.group("host").lower()
        if host.replace(".", "").isdigit():
            continue
        # Without a scheme, "tp.hcm", "1.5tr" or "Ref IBVCB.0710150170.DM" are not links:
        # require a common top-level domain and a name label with letters.
        if not match.group("scheme") and not _plausible_bare_host(host):
            continue
        found.append((host, (match.group("path") or "").lower()))
        if len(found) >= MAX_LINKS:
            break
    for match in _IP_URL.finditer(nfc):
        found.append((match.group("host"), ""))
    return found[:MAX_LINKS]


_NO_LINKS = {False: LinkFacts(), True: LinkFacts(personal_phone=True)}  # immutable, shared


# How a host is judged, per registry: (kind, on a cheap TLD, registrable name of at most
# three characters, brand it imitates). Hosts repeat within and across messages.
_HostJudgement = tuple[str, bool, bool, str | None]
_HOST_CACHE: dict[int, tuple[BrandRegistry, dict[str, _HostJudgement]]] = {}


def _judge_host(host: str, registry: BrandRegistry) -> _HostJudgement:
    cached = _HOST_CACHE.get(id(registry))
    if cached is None or cached[0] is not registry:
        if len(_HOST_CACHE) > 8:
            _HOST_CACHE.clear()
        cached = (registry, {})
        _HOST_CACHE[id(registry)] = cached
    judged = cached[1].get(host)
    if judged is None:
        judged = _judge_host_uncached(host, registry)
        if len(cached[1]) > 65_536:
            cached[1].clear()
        cached[1][host] = judged
    return judged


def _judge_host_uncached(host: str, registry: BrandRegistry) -> _HostJudgement:
    if host.replace(".", "").isdigit():
        return "ip", False, False, None
    suffix, domain = host_parts(host)
    if suffix in APP_LINK_SUFFIXES or domain in APP_LINK_SUFFIXES:
        return "platform", False, False, None
    if domain in SHORTENERS or host in SHORTENERS:
        return "shortener", False, False, None
    owner = registry.official_brand_for_host(host)
    if registry.is_user_content_host(host) or (
        owner is not None and owner.key in USER_CONTENT_BRANDS
    ):
        return "platform", False, False, None
    if registry.is_official_host(host):
        return "official", False, False, None
    short_name = len(domain.split(".", 1)[0]) <= 3
    return "unofficial", suffix in CHEAP_TLDS, short_name, _lookalike(host, _brand_tokens(registry))


def link_facts(nfc: str, brands: Sequence[Brand], registry: BrandRegistry) -> LinkFacts:
    hosts = find_hosts(nfc)
    personal_phone = bool(_MOBILE.search(nfc)) if _HAS_DIGITS.search(nfc) else False
    if not hosts:
        return _NO_LINKS[personal_phone]
    unofficial = mismatch = lookalike = cheap = shortener = is_ip = apk = platform = False
    lookalike_of: list[str] = []
    official_count = 0
    for host, path in hosts:
        if path.endswith(".apk") or host.endswith(".apk"):
            apk = True
        kind, on_cheap_tld, short_name, imitated = _judge_host(host, registry)
        if kind == "ip":
            is_ip = unofficial = True
        elif kind == "platform":
            platform = True
        elif kind == "shortener":
            shortener = True
        elif kind == "official":
            official_count += 1
        else:
            unofficial = True
            if on_cheap_tld:
                cheap = True
            # Unknown two- or three-letter domains with a path ("by.tn/x1Yz") are shorteners.
            if short_name and len(path) > 3:
                shortener = True
            if brands:
                mismatch = True
            if imitated is not None:
                lookalike = True
                lookalike_of.append(imitated)
    return LinkFacts(
        hosts=tuple(h for h, _ in hosts),
        url_unofficial=unofficial,
        url_brand_mismatch=mismatch,
        url_lookalike=lookalike,
        url_cheap_tld=cheap,
        url_shortener=shortener,
        url_ip=is_ip,
        url_official=official_count == len(hosts),
        url_platform=platform,
        apk=apk,
        personal_phone=personal_phone,
        lookalike_of=tuple(lookalike_of),
    )
