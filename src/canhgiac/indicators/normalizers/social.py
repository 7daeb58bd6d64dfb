"""Social-media accounts: Facebook, Zalo, TikTok, Telegram, YouTube.

Profile URLs and written handles reduce to ``<platform>:<id>``:

=========  ==========================================================================
facebook   ``facebook:<username>`` (lower-case), ``facebook:<numeric id>``,
           ``facebook:groups/<id or slug>``
zalo       ``zalo:<E.164 phone>``, ``zalo:g/<group code>``, ``zalo:<official account id>``
tiktok     ``tiktok:<username>``
telegram   ``telegram:<username>``, ``telegram:+<invite hash>`` (case kept)
youtube    ``youtube:@<handle>``, ``youtube:channel/UC…`` (case kept), ``youtube:c/<name>``,
           ``youtube:user/<name>``
=========  ==========================================================================

The display is the canonical profile URL, which normalises back to the same value. Without
network access a username and a numeric id of the same profile stay two values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs

from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.normalizers.phones import parse_phone
from canhgiac.indicators.normalizers.urls import UrlError, UrlParts, parse_url
from canhgiac.indicators.textfold import fold_in_place

PLATFORM_DOMAINS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "zalo.me": "zalo",
    "tiktok.com": "tiktok",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "youtube.com": "youtube",
}
# Sub-domains that still serve profiles ("l.facebook.com" redirects, "vt.tiktok.com" and
# "fb.me" are short links that need the network to resolve: those stay URLs).
_PROFILE_SUBDOMAINS = frozenset({"", "www", "m", "web", "mbasic", "mobile", "touch"})
PLATFORM_WORDS = {
    "facebook": "facebook", "fb": "facebook", "face": "facebook", "zalo": "zalo",
    "tiktok": "tiktok", "tik tok": "tiktok", "telegram": "telegram", "tele": "telegram",
    "tg": "telegram", "youtube": "youtube", "yt": "youtube",
}  # fmt: skip
_HANDLE_FORM = re.compile(
    # The platform word must be set off by a colon or a space: "fbcdn-evil.com" and
    # "tiktok-shop.vip" are domains, not handles.
    r"^(facebook|fb|face|zalo|tiktok|tik tok|telegram|tele|tg|youtube|yt)(?:\s*:\s*|\s*-\s+|\s+-?\s*)(\S+)$"
)
_ZALO_PHONE_FORM = re.compile(r"^zalo\s*[:\-]?\s*(?=[+(\d])")
_FACEBOOK_RESERVED = frozenset({
    "login", "login.php", "logout.php", "watch", "reel", "reels", "share", "sharer",
    "sharer.php", "story.php", "permalink.php", "photo", "photo.php", "photos", "events",
    "marketplace", "gaming", "help", "policies", "privacy", "settings", "home.php", "hashtag",
    "search", "l.php", "dialog", "plugins", "ads", "business", "messages", "notifications",
    "friends", "bookmarks", "videos", "stories", "media", "live", "fundraisers", "recover",
    "checkpoint", "pg", "profile.php", "people", "pages", "groups", "tr"
})  # fmt: skip
_TELEGRAM_RESERVED = frozenset(
    ["share", "addstickers", "addemoji", "proxy", "socks", "iv", "c", "setlanguage"]
)

_FB_USER = re.compile(r"[a-z0-9][a-z0-9.\-]{4,79}")  # Facebook usernames: 5 or more
_FB_GROUP = re.compile(r"[a-z0-9][a-z0-9._\-]{0,79}")
_NUMERIC_ID = re.compile(r"\d{5,25}")
_TIKTOK_USER = re.compile(r"[a-z0-9._]{2,24}")
_TELEGRAM_USER = re.compile(r"[a-z][a-z0-9_]{3,31}")
_TELEGRAM_INVITE = re.compile(r"\+[A-Za-z0-9_\-]{8,64}")
_YT_HANDLE = re.compile(r"@[a-z0-9._\-]{3,30}")
_YT_CHANNEL = re.compile(r"channel/UC[A-Za-z0-9_\-]{22}")
_YT_NAMED = re.compile(r"(c|user)/[a-z0-9._\-]{1,100}")
_ZALO_GROUP = re.compile(r"g/[A-Za-z0-9]{4,40}")


def _facebook(ident: str) -> tuple[str, str] | None:
    if _NUMERIC_ID.fullmatch(ident):
        return ident, f"https://www.facebook.com/profile.php?id={ident}"
    lowered = ident.lower()
    if lowered.startswith("groups/") and _FB_GROUP.fullmatch(lowered[7:]):
        return lowered, f"https://www.facebook.com/{lowered}"
    lowered = lowered.lstrip("@")
    if _FB_USER.fullmatch(lowered) and lowered not in _FACEBOOK_RESERVED:
        return lowered, f"https://www.facebook.com/{lowered}"
    return None


def _zalo(ident: str) -> tuple[str, str] | None:
    if _ZALO_GROUP.fullmatch(ident):
        return ident, f"https://zalo.me/{ident}"
    phone = parse_phone(ident, lenient=True)
    if phone is not None and phone.type != "short_code":
        national = phone.display.replace(" ", "") if phone.region == "VN" else phone.value
        return phone.value, f"https://zalo.me/{national}"
    if _NUMERIC_ID.fullmatch(ident):  # an official account (OA) id
        return ident, f"https://zalo.me/{ident}"
    return None


def _tiktok(ident: str) -> tuple[str, str] | None:
    user = ident.lower().lstrip("@")
    if _TIKTOK_USER.fullmatch(user) and not user.startswith(".") and not user.endswith("."):
        return user, f"https://www.tiktok.com/@{user}"
    return None


def _telegram(ident: str) -> tuple[str, str] | None:
    if _TELEGRAM_INVITE.fullmatch(ident):
        return ident, f"https://t.me/{ident}"
    user = ident.lower().lstrip("@")
    if _TELEGRAM_USER.fullmatch(user) and user not in _TELEGRAM_RESERVED:
        return user, f"https://t.me/{user}"
    return None


def _youtube(ident: str) -> tuple[str, str] | None:
    if _YT_CHANNEL.fullmatch(ident):
        return ident, f"https://www.youtube.com/{ident}"
    lowered = ident.lower()
    if _YT_NAMED.fullmatch(lowered):
        return lowered, f"https://www.youtube.com/{lowered}"
    handle = lowered if lowered.startswith("@") else "@" + lowered
    if _YT_HANDLE.fullmatch(handle):
        return handle, f"https://www.youtube.com/{handle}"
    return None


_IDENT_PARSERS: dict[str, Callable[[str], tuple[str, str] | None]] = {
    "facebook": _facebook,
    "zalo": _zalo,
    "tiktok": _tiktok,
    "telegram": _telegram,
    "youtube": _youtube,
}


def social_indicator(platform: str, ident: str) -> NormalizedIndicator | None:
    parsed = _IDENT_PARSERS[platform](ident.strip())
    if parsed is None:
        return None
    value, display = parsed
    return NormalizedIndicator(
        IndicatorKind.SOCIAL_ACCOUNT,
        f"{platform}:{value}",
        display,
        {"platform": platform, "account": value},
    )


def platform_of_host(host: str) -> str | None:
    for domain, platform in PLATFORM_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            sub = host[: -len(domain)].rstrip(".")
            return platform if sub in _PROFILE_SUBDOMAINS else None
    return None


def _account_from_path(platform: str, parts: UrlParts) -> tuple[str, bool] | None:
    """``(ident, the URL is the account itself)`` or ``None`` when no account is named."""
    segs = [s for s in parts.path.split("/") if s]
    if not segs:
        return None
    head = segs[0]
    if platform == "facebook":
        if head == "profile.php":
            ids = parse_qs(parts.query or "").get("id", [])
            return (ids[0], True) if ids else None
        if head in ("people", "pages") and len(segs) >= 3 and segs[2].isdigit():
            return segs[2], len(segs) == 3
        if head == "groups" and len(segs) >= 2:
            return f"groups/{segs[1]}", len(segs) == 2
        return (head, len(segs) == 1) if head.lower() not in _FACEBOOK_RESERVED else None
    if platform == "zalo":
        if head == "g" and len(segs) >= 2:
            return f"g/{segs[1]}", len(segs) == 2
        return (head, len(segs) == 1) if head not in ("s", "pc", "download") else None
    if platform == "tiktok":
        return (head, len(segs) == 1) if head.startswith("@") else None
    if platform == "telegram":
        if head == "s" and len(segs) >= 2:
            return segs[1], len(segs) == 2
        if head == "joinchat" and len(segs) >= 2:
            return "+" + segs[1], len(segs) == 2
        return head, len(segs) == 1
    # youtube
    if head.startswith("@"):
        return head, len(segs) == 1
    if head in ("channel", "c", "user") and len(segs) >= 2:
        return f"{head}/{segs[1]}", len(segs) == 2
    return None


def social_from_url(parts: UrlParts, *, account_only: bool) -> NormalizedIndicator | None:
    """The account a profile URL names. ``account_only``: refuse URLs of a post, video or
    other page below the account (those stay URLs when the kind is guessed)."""
    platform = platform_of_host(parts.host)
    if platform is None:
        return None
    found = _account_from_path(platform, parts)
    if found is None or (account_only and not found[1]):
        return None
    return social_indicator(platform, found[0])


def social_from_handle(text: str) -> NormalizedIndicator | None:
    """``Facebook: nguyenvana``, ``tele @abc``, ``zalo 0912 345 678``, ``youtube:@kenh``."""
    text = text.strip()
    if not text[:1].isalpha():
        return None
    folded = fold_in_place(text)
    match = _HANDLE_FORM.match(folded)
    if match is None:
        # A phone written with spaces after the platform word ("zalo 0912 345 678").
        zalo = _ZALO_PHONE_FORM.match(folded)
        return social_indicator("zalo", text[zalo.end() :]) if zalo else None
    platform = PLATFORM_WORDS[match.group(1)]
    return social_indicator(platform, text[match.start(2) :])


def normalize_social(raw: str) -> NormalizedIndicator:
    check_length(raw)
    indicator = social_from_handle(raw)
    if indicator is None and ("/" in raw or "." in raw):
        try:
            indicator = social_from_url(parse_url(raw), account_only=False)
        except UrlError:
            indicator = None
    if indicator is None:
        reject(
            "Không nhận ra tài khoản mạng xã hội (Facebook, Zalo, TikTok, Telegram, YouTube)",
            "Unrecognised social-media account (Facebook, Zalo, TikTok, Telegram, YouTube)",
            raw,
        )
    return indicator
