"""One URL check: name score, sandboxed fetch, page analysis, assets, screenshot, evidence."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from canhgiac.detectors.pages.addresses import resolve_checked
from canhgiac.detectors.pages.analysis import PageAnalysis, analyse_page
from canhgiac.detectors.pages.evidence import EvidenceStore
from canhgiac.detectors.pages.fetch import MAX_WORKERS, FetchResult, PageFetcher
from canhgiac.detectors.pages.html import parse_html
from canhgiac.detectors.pages.screenshot import ScreenshotError, take_screenshot
from canhgiac.detectors.pages.urls import host_of, parse_fetch_url
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.brands import BrandRegistry, load_brand_registry
from canhgiac.settings import Settings

log = logging.getLogger(__name__)

MAX_ASSETS = 3
ASSET_MAX_BYTES = 256 * 1024
ASSET_SECONDS = 3.0
MAX_SCREENSHOT_HOSTS = 20
NameScorer = Callable[[str], dict[str, Any] | None]


@dataclass
class Capture:
    kind: str  # html, favicon, logo, screenshot
    sha256: str
    size: int
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "sha256": self.sha256, "bytes": self.size, "url": self.url}


@dataclass
class UrlCheck:
    url: str
    fetch: FetchResult
    name: dict[str, Any] | None = None  # name score of the requested host
    final_name: dict[str, Any] | None = None  # ... and of the final host, when it differs
    page: PageAnalysis | None = None
    captures: list[Capture] = field(default_factory=list)
    screenshot_error: str | None = None
    score: float = 0.0
    is_suspicious: bool = False
    reasons: list[str] = field(default_factory=list)

    @property
    def refused(self) -> str | None:
        return self.fetch.refused

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "score": round(self.score, 4),
            "is_suspicious": self.is_suspicious,
            "reasons": self.reasons,
            "name": self.name,
            "final_name": self.final_name,
            "fetch": self.fetch.to_dict(),
            "page": self.page.to_dict() if self.page else None,
            "captures": [c.to_dict() for c in self.captures],
            "screenshot_error": self.screenshot_error,
        }


def default_name_scorer() -> NameScorer | None:
    """The domain-name scorer of ``detectors.domains`` when it is installed and loads."""
    try:
        from canhgiac.detectors.domains.scorer import load_domain_scorer

        scorer = load_domain_scorer()
    except Exception as exc:  # an optional part: a broken model must not stop page checks
        log.warning("domain name scorer unavailable: %s", exc)
        return None

    def score(host: str) -> dict[str, Any] | None:
        # Only names are scored: an IP address or a malformed host has no name to judge.
        try:
            result: dict[str, Any] = scorer.score(host).to_dict()
        except ValidationFailed:
            return None
        return result

    return score


@dataclass
class UrlChecker:
    settings: Settings
    fetcher: PageFetcher
    registry: BrandRegistry
    name_scorer: NameScorer | None = None
    store: EvidenceStore | None = None
    fetch_assets: bool = True
    screenshot_timeout: float = 25.0

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> UrlChecker:
        fetcher = overrides.pop("fetcher", None) or PageFetcher.from_settings(settings)
        name_scorer = overrides.pop("name_scorer", "default")
        return cls(
            settings=settings,
            fetcher=fetcher,
            registry=overrides.pop("registry", None) or load_brand_registry(),
            name_scorer=default_name_scorer() if name_scorer == "default" else name_scorer,
            store=overrides.pop("store", None) or EvidenceStore.under(settings.var_dir),
            **overrides,
        )

    def check(self, raw_url: str, *, screenshot: bool = False) -> UrlCheck:
        url = str(parse_fetch_url(raw_url))  # ValidationFailed for unusable input
        fetched = self.fetcher.fetch(url)
        result = UrlCheck(url=url, fetch=fetched)
        if self.name_scorer is not None:
            first, final = (
                host_of(parse_fetch_url(url)),
                host_of(parse_fetch_url(fetched.final_url)),
            )
            result.name = self.name_scorer(first)
            if final != first:
                result.final_name = self.name_scorer(final)
        if fetched.body:
            kind = "html" if fetched.html is not None else "body"
            self._capture(result, kind, fetched.body, fetched.final_url)
        if fetched.html is not None:
            refresh = fetched.headers.get("refresh")
            brand = (result.final_name or result.name or {}).get("brand")
            parsed = parse_html(fetched.html)
            result.page = analyse_page(
                fetched.final_url, parsed, self.registry, name_brand=brand, refresh_header=refresh
            )
            if self.fetch_assets:
                self._assets(result, result.page)
            if screenshot and fetched.ok:
                self._screenshot(result, parsed_hosts(result.page))
        self._verdict(result)
        return result

    def check_many(
        self, urls: Iterable[str], workers: int = 4, *, screenshot: bool = False
    ) -> list[UrlCheck | ValidationFailed]:
        """Check concurrently with a bounded pool; results in input order."""

        def one(u: str) -> UrlCheck | ValidationFailed:
            try:
                return self.check(u, screenshot=screenshot)
            except ValidationFailed as exc:
                return exc

        with ThreadPoolExecutor(max_workers=max(1, min(workers, MAX_WORKERS))) as pool:
            return list(pool.map(one, urls))

    # --- parts ------------------------------------------------------------------------

    def _capture(self, result: UrlCheck, kind: str, data: bytes, url: str | None) -> None:
        if self.store is not None:
            stored = self.store.put(data)
            result.captures.append(Capture(kind, stored.sha256, stored.size, url))
        else:
            result.captures.append(Capture(kind, hashlib.sha256(data).hexdigest(), len(data), url))

    def _assets(self, result: UrlCheck, page: PageAnalysis) -> None:
        asset_fetcher = replace(
            self.fetcher,
            limits=replace(
                self.fetcher.limits,
                max_bytes=min(ASSET_MAX_BYTES, self.fetcher.limits.max_bytes),
                total_seconds=min(ASSET_SECONDS, self.fetcher.limits.total_seconds),
                max_redirects=2,
            ),
        )
        wanted = [("favicon", u) for u in page.icons[:1]] + [("logo", u) for u in page.logos]
        for kind, url in wanted[:MAX_ASSETS]:
            try:
                got = asset_fetcher.fetch(url)
            except ValidationFailed:
                continue
            if got.ok and got.body and not got.truncated and got.status == 200:
                self._capture(result, kind, got.body, url)

    def _screenshot(self, result: UrlCheck, hosts: list[str]) -> None:
        # Pin every host the browser may reach to an address the policy accepted.
        pinned: dict[str, str] = {}
        for hop in result.fetch.hops:
            if hop.ip:
                pinned[host_of(parse_fetch_url(hop.url))] = hop.ip
        for host in hosts[:MAX_SCREENSHOT_HOSTS]:
            if host in pinned:
                continue
            try:
                pinned[host] = resolve_checked(
                    host, 443, self.fetcher.policy, self.fetcher.resolver
                )
            except ValidationFailed:
                continue  # unreachable or refused: the browser cannot resolve it
        try:
            shot = take_screenshot(result.fetch.final_url, pinned, timeout=self.screenshot_timeout)
        except ScreenshotError as exc:
            result.screenshot_error = str(exc)
            return
        if shot is None:
            result.screenshot_error = "chromium không có / chromium not installed"
            return
        self._capture(result, "screenshot", shot.png, result.fetch.final_url)

    def _verdict(self, result: UrlCheck) -> None:
        page = result.page
        if page is not None and page.official_brand:
            result.score, result.is_suspicious = 0.0, False
            result.reasons = list(page.reasons)
            return
        names = [n for n in (result.name, result.final_name) if n]
        result.score = max(
            [page.score if page else 0.0] + [float(n.get("score") or 0) for n in names]
        )
        result.is_suspicious = bool(page and page.is_suspicious) or any(
            n.get("is_suspicious") for n in names
        )
        result.reasons = list(page.reasons) if page else []
        for n in names:
            if n.get("is_suspicious"):
                result.reasons += [
                    f"Tên miền {n.get('domain')}: {r}" for r in n.get("reasons") or ()
                ]


def parsed_hosts(page: PageAnalysis) -> list[str]:
    """Hosts the page loads resources from, for the screenshot's pin list."""
    return list(page.resource_hosts)


def check_url(
    url: str, settings: Settings, *, screenshot: bool = False, **overrides: Any
) -> UrlCheck:
    return UrlChecker.from_settings(settings, **overrides).check(url, screenshot=screenshot)
