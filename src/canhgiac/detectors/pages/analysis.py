"""Page-content analysis: forms, brand marks, other hosts, downloads, redirects, a 0..1 score.

The strongest signal is a page that names a brand (in its title, logo, or form) and asks for
a password, OTP or card on a host that is not one of that brand's official domains. A page
on an official host (``BrandRegistry.is_official_host``) is never flagged.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from canhgiac.detectors.pages.fields import LABELS, PASSWORD, PIN, SENSITIVE, field_kinds
from canhgiac.detectors.pages.html import SCRIPT_FORM, ParsedPage
from canhgiac.indicators.brands import Brand, BrandRegistry, fold
from canhgiac.indicators.normalizers.domains import registrable_domain

THRESHOLD = 0.5
MAX_LISTED_HOSTS = 50
MAX_LOGOS = 5
MAX_BRAND_TEXT = 20_000  # brand names sit near the top; the matcher costs ~2 µs a char
APK_SUFFIXES = (".apk", ".xapk", ".apks")
# Folded lure phrases seen on Vietnamese scam pages (account lock, prize, refund, upgrade).
LURES = (
    "xac minh tai khoan",
    "xac thuc tai khoan",
    "tai khoan cua quy khach",
    "tai khoan bi khoa",
    "tam khoa",
    "cap nhat thong tin",
    "nhan qua",
    "trung thuong",
    "hoan tien",
    "nang han muc",
    "nang cap the",
    "giai ngan",
    "cai dat ung dung",
    "tai ung dung",
    "dich vu cong",
)
# (weight, Vietnamese / English) — combined as a noisy-or: 1 - Π(1 - w).
W_CREDENTIAL = 0.25
W_OTP = 0.30
W_CARD = 0.35
W_NATIONAL_ID = 0.20
W_POSTS_ELSEWHERE = 0.15
W_BRAND_PROMINENT = 0.40
W_BRAND_MENTIONED = 0.15
W_APK = 0.30
W_REDIRECT_ELSEWHERE = 0.10
W_LURE = 0.08


@dataclass
class FormFacts:
    action: str | None  # absolute URL, None for fields outside a form
    method: str
    posts_elsewhere: bool
    kinds: list[str]
    fields: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "method": self.method,
            "posts_elsewhere": self.posts_elsewhere,
            "kinds": self.kinds,
            "fields": self.fields,
        }


@dataclass
class PageAnalysis:
    url: str
    host: str
    title: str
    official_brand: str | None
    brands_named: list[str]
    brands_prominent: list[str]
    forms: list[FormFacts]
    sensitive_kinds: list[str]
    form_hosts_elsewhere: list[str]
    script_hosts: list[str]
    link_hosts: list[str]
    resource_hosts: list[str]  # every host the page loads scripts, styles, images, frames from
    icons: list[str]
    logos: list[str]
    apk_links: list[str]
    redirect_hints: list[str]
    lures: list[str]
    inline_scripts: int
    score: float = 0.0
    is_suspicious: bool = False
    brand: str | None = None  # the brand the page imitates, if any
    category: str | None = None
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "host": self.host,
            "title": self.title,
            "official_brand": self.official_brand,
            "brands_named": self.brands_named,
            "brands_prominent": self.brands_prominent,
            "forms": [f.to_dict() for f in self.forms],
            "sensitive_kinds": self.sensitive_kinds,
            "form_hosts_elsewhere": self.form_hosts_elsewhere,
            "script_hosts": self.script_hosts,
            "link_hosts": self.link_hosts,
            "resource_hosts": self.resource_hosts,
            "icons": self.icons,
            "logos": self.logos,
            "apk_links": self.apk_links,
            "redirect_hints": self.redirect_hints,
            "lures": self.lures,
            "inline_scripts": self.inline_scripts,
            "score": round(self.score, 4),
            "is_suspicious": self.is_suspicious,
            "brand": self.brand,
            "category": self.category,
            "reasons": self.reasons,
        }


def _absolute(base: str, ref: str) -> str | None:
    ref = ref.strip()
    if not ref or ref.startswith(("javascript:", "data:", "mailto:", "tel:", "#", "about:")):
        return None
    try:
        out = urljoin(base, ref)
    except ValueError:
        return None
    return out if out.startswith(("http://", "https://")) else None


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _other_hosts(base: str, site: str, refs: list[str], *, exact: bool = False) -> list[str]:
    """Hosts of ``refs`` outside registrable domain ``site`` (``exact``: other than host)."""
    hosts: dict[str, None] = {}
    for ref in refs:
        url = _absolute(base, ref)
        host = _host(url) if url else ""
        if host and host != site and (exact or registrable_domain(host) != site):
            hosts.setdefault(host)
            if len(hosts) >= MAX_LISTED_HOSTS:
                break
    return list(hosts)


def _names(brands: list[Brand]) -> str:
    return ", ".join(b.short_name for b in brands)


def _category(brand: Brand) -> str:
    if brand.sector == "bank":
        return "fraud.impersonation.bank"
    if brand.sector == "government":
        return "fraud.impersonation.authority"
    return "fraud.impersonation.brand"


def analyse_page(
    url: str,
    page: ParsedPage,
    registry: BrandRegistry,
    *,
    name_brand: str | None = None,
    refresh_header: str | None = None,
) -> PageAnalysis:
    """Facts and a content score for ``page`` served at ``url`` (the final URL)."""
    base = _absolute(url, page.base_href) if page.base_href else None
    base = base or url
    host = _host(url)
    site = registrable_domain(host) if host else ""
    official = registry.official_brand_for_host(host) if registry.is_official_host(host) else None

    forms: list[FormFacts] = []
    sensitive: set[str] = set()
    elsewhere: dict[str, None] = {}
    for form in page.forms:
        kinds: set[str] = set()
        for item in form.fields:
            kinds |= field_kinds(item)
        action: str | None = None
        posts_elsewhere = False
        if form.action != SCRIPT_FORM:
            action = _absolute(base, form.action) if form.action.strip() else url
            action_host = _host(action) if action else ""
            if action_host and registrable_domain(action_host) != site:
                posts_elsewhere = True
                elsewhere.setdefault(action_host)
        forms.append(
            FormFacts(action, form.method, posts_elsewhere, sorted(kinds), len(form.fields))
        )
        sensitive |= kinds & SENSITIVE

    # Brand marks: where a page names a brand matters more than that it does.
    logos = [
        a for img in page.images if "logo" in img.hint.lower() and (a := _absolute(base, img.src))
    ][:MAX_LOGOS]
    prominent_text = " ".join(
        [page.title]
        + [img.alt for img in page.images if "logo" in img.hint.lower()]
        + [f.text for f in page.forms]
    )
    prominent = registry.brands_mentioned(prominent_text[:20_000])
    if name_brand and (b := registry.get(name_brand)) and b not in prominent:
        prominent.append(b)
    named = list(
        {
            b.key: b for b in prominent + registry.brands_mentioned(page.text[:MAX_BRAND_TEXT])
        }.values()
    )

    apk = [
        a
        for ref in page.links
        if (a := _absolute(base, ref))
        and posixpath.splitext(urlsplit(a).path.lower())[1] in APK_SUFFIXES
    ][:20]
    hints = [h for h in (page.meta_refresh, refresh_header, *page.js_redirects) if h]
    redirects = [a for h in hints if (a := _absolute(base, _refresh_target(h)))][:20]
    folded_text = " ".join(fold(page.title + " " + page.text[:50_000]).split())
    lures = [p for p in LURES if p in folded_text]

    result = PageAnalysis(
        url=url,
        host=host,
        title=page.title,
        official_brand=official.key if official else None,
        brands_named=[b.key for b in named],
        brands_prominent=[b.key for b in prominent],
        forms=forms,
        sensitive_kinds=sorted(sensitive),
        form_hosts_elsewhere=list(elsewhere),
        script_hosts=_other_hosts(base, site, page.scripts),
        link_hosts=_other_hosts(base, site, page.links),
        resource_hosts=_other_hosts(
            base,
            host,
            [*page.scripts, *page.stylesheets, *page.iframes, *(i.src for i in page.images)],
            exact=True,
        ),
        icons=[a for ref in page.icons if (a := _absolute(base, ref))][:5],
        logos=logos,
        apk_links=apk,
        redirect_hints=redirects,
        lures=lures,
        inline_scripts=page.inline_scripts,
    )
    _score(result, named, prominent, official, site, registry)
    return result


def _refresh_target(hint: str) -> str:
    # A Refresh header is "5; url=https://…"; meta refresh and script hints are bare URLs.
    lower = hint.lower()
    if "url=" in lower:
        return hint[lower.index("url=") + 4 :].strip(" '\"")
    return hint


def _score(
    result: PageAnalysis,
    named: list[Brand],
    prominent: list[Brand],
    official: Brand | None,
    site: str,
    registry: BrandRegistry,
) -> None:
    reasons = result.reasons
    if official is not None:
        reasons.append(
            f"Trang thuộc tên miền chính thức của {official.short_name} / "
            f"official domain of {official.short_name}"
        )
        return
    weights: list[float] = []
    kinds = set(result.sensitive_kinds)
    asked = ", ".join(LABELS[k] for k in sorted(kinds))
    if kinds & {PASSWORD, PIN}:
        weights.append(W_CREDENTIAL)
    if "otp" in kinds:
        weights.append(W_OTP)
    if kinds & {"card_number", "cvv", "card_expiry"}:
        weights.append(W_CARD)
    if "national_id" in kinds:
        weights.append(W_NATIONAL_ID)
    if kinds:
        reasons.append(f"Biểu mẫu hỏi thông tin nhạy cảm / form asks for: {asked}")
    if result.form_hosts_elsewhere:
        weights.append(W_POSTS_ELSEWHERE)
        hosts = ", ".join(result.form_hosts_elsewhere[:3])
        reasons.append(
            f"Biểu mẫu gửi dữ liệu sang máy chủ khác / form posts to another host: {hosts}"
        )

    # Brands other than the host's owner: the page borrows their name.
    owner = registry.official_brand_for_host(result.host)
    borrowed_prominent = [b for b in prominent if b != owner]
    borrowed_named = [b for b in named if b != owner and b not in borrowed_prominent]
    if borrowed_prominent and (kinds or result.apk_links):
        weights.append(W_BRAND_PROMINENT)
        result.brand = borrowed_prominent[0].key
        reasons.append(
            f"Trang mang tên {_names(borrowed_prominent[:3])} nhưng không ở tên miền chính thức / "
            "names a brand but is not on its official domain"
        )
    elif borrowed_named and (kinds or result.apk_links):
        weights.append(W_BRAND_MENTIONED)
        result.brand = borrowed_named[0].key
        reasons.append(
            f"Trang nhắc tới {_names(borrowed_named[:3])} và hỏi thông tin nhạy cảm / "
            "mentions a brand and asks for sensitive data"
        )
    if result.apk_links:
        weights.append(W_APK)
        reasons.append("Trang mời tải tệp cài đặt APK / offers an APK download")
    other_redirects = [h for h in result.redirect_hints if registrable_domain(_host(h)) != site]
    if other_redirects:
        weights.append(W_REDIRECT_ELSEWHERE)
        reasons.append(
            f"Trang tự chuyển sang máy chủ khác / redirects itself to {_host(other_redirects[0])}"
        )
    if result.lures:
        weights.extend([W_LURE] * min(2, len(result.lures)))
        reasons.append(f"Lời dụ dỗ / lure phrases: {', '.join(result.lures[:3])}")
    if registry.is_user_content_host(result.host) and (kinds or result.brand):
        reasons.append(
            "Trang đăng trên dịch vụ cho phép ai cũng đăng bài / hosted on a user-content service"
        )

    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - w
    result.score = 1.0 - remaining
    result.is_suspicious = result.score >= THRESHOLD
    if result.brand and (brand := registry.get(result.brand)) is not None:
        result.category = _category(brand)
    elif result.is_suspicious:
        result.category = "phishing"
