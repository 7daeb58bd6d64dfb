"""The sandboxed page fetcher.

Every hop: parse the URL (http/https only), resolve the host once, refuse forbidden
addresses (:mod:`.addresses`), connect to exactly that address (:mod:`.transport`), never
follow a redirect automatically. Caps: decoded and raw bytes, a wall-clock deadline over
the whole fetch, connect/read timeouts, redirect count. Only bytes are read; nothing on the
page is ever executed.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import re
import ssl
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

from canhgiac.detectors.pages.addresses import (
    AddressPolicy,
    AddressRefused,
    Resolver,
    resolve_checked,
    system_resolver,
)
from canhgiac.detectors.pages.body import BodyTooLarge, BoundedDecoder, UnsupportedEncoding
from canhgiac.detectors.pages.tls import CertificateFacts, certificate_facts
from canhgiac.detectors.pages.transport import Deadline, PinnedBackend, PinnedTransport
from canhgiac.detectors.pages.urls import host_of, parse_fetch_url, port_of
from canhgiac.errors import ValidationFailed
from canhgiac.settings import Settings

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HEADERS_OF_INTEREST = (
    "server",
    "content-type",
    "content-length",
    "content-encoding",
    "location",
    "refresh",
    "x-powered-by",
    "last-modified",
    "date",
    "strict-transport-security",
    "content-security-policy",
    "x-frame-options",
    "cf-ray",
    "via",
)
MAX_HEADER_VALUE = 512
MAX_WORKERS = 32
# A common desktop browser: phishing kits often hide from obvious bots.
USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0 Safari/537.36"
)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = 2 * 1024 * 1024
    total_seconds: float = 10.0
    connect_seconds: float = 5.0
    read_seconds: float = 5.0
    max_redirects: int = 5

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchLimits:
        total = max(0.5, float(settings.fetch_timeout_seconds))
        return cls(
            max_bytes=max(1024, int(settings.fetch_max_bytes)),
            total_seconds=total,
            connect_seconds=min(5.0, total),
            read_seconds=min(5.0, total),
        )


@dataclass(frozen=True)
class Hop:
    url: str
    status: int | None
    ip: str | None
    location: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "status": self.status,
            "ip": self.ip,
            "location": self.location,
            "error": self.error,
        }


@dataclass
class FetchResult:
    url: str
    final_url: str
    hops: list[Hop] = field(default_factory=list)
    status: int | None = None
    ip: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    body: bytes = b""
    body_sha256: str | None = None
    truncated: bool = False
    html: str | None = None
    tls: CertificateFacts | None = None
    error: str | None = None
    refused: str | None = None  # set when the address policy stopped the fetch
    elapsed_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and self.refused is None and self.status is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "final_url": self.final_url,
            "status": self.status,
            "ip": self.ip,
            "redirects": [h.to_dict() for h in self.hops],
            "headers": self.headers,
            "content_type": self.content_type,
            "body_bytes": len(self.body),
            "body_sha256": self.body_sha256,
            "truncated": self.truncated,
            "tls": self.tls.to_dict() if self.tls else None,
            "error": self.error,
            "refused": self.refused,
            "elapsed_seconds": round(self.elapsed_seconds, 3),
        }


class _HopFailed(Exception):
    pass


@dataclass
class PageFetcher:
    limits: FetchLimits = field(default_factory=FetchLimits)
    policy: AddressPolicy = field(default_factory=AddressPolicy)
    resolver: Resolver = system_resolver

    @classmethod
    def from_settings(cls, settings: Settings, resolver: Resolver | None = None) -> PageFetcher:
        return cls(
            limits=FetchLimits.from_settings(settings),
            policy=AddressPolicy(allow_private=settings.allow_private_fetch),
            resolver=resolver or system_resolver,
        )

    def fetch(self, raw_url: str) -> FetchResult:
        """Fetch ``raw_url``; ValidationFailed for unusable input, else a result (maybe failed)."""
        url = parse_fetch_url(raw_url)
        started = time.monotonic()
        deadline = Deadline(started + self.limits.total_seconds)
        result = FetchResult(url=str(url), final_url=str(url))
        try:
            self._follow(url, result, deadline)
        finally:
            result.elapsed_seconds = time.monotonic() - started
        return result

    def fetch_many(self, urls: Iterable[str], workers: int = 4) -> list[FetchResult | Exception]:
        """Fetch concurrently with at most ``workers`` threads; results in input order."""
        with ThreadPoolExecutor(max_workers=max(1, min(workers, MAX_WORKERS))) as pool:
            futures = [pool.submit(self.fetch, u) for u in urls]
            out: list[FetchResult | Exception] = []
            for future in futures:
                exc = future.exception()
                out.append(exc if isinstance(exc, Exception) else future.result())
            return out

    # --- hops -------------------------------------------------------------------------

    def _follow(self, url: httpx.URL, result: FetchResult, deadline: Deadline) -> None:
        for _ in range(self.limits.max_redirects + 1):
            result.final_url = str(url)
            if deadline.remaining() <= 0:
                result.error = "Hết thời gian / fetch deadline reached"
                return
            host = host_of(url)
            resolver = self.resolver
            if resolver is system_resolver:  # keep DNS inside the fetch's deadline too
                resolver = functools.partial(system_resolver, timeout=deadline.remaining())
            try:
                ip = resolve_checked(host, port_of(url), self.policy, resolver)
            except AddressRefused as exc:
                result.refused = exc.message
                result.hops.append(Hop(str(url), None, None, error=exc.message))
                return
            except ValidationFailed as exc:
                result.error = exc.message
                result.hops.append(Hop(str(url), None, None, error=exc.message))
                return
            try:
                location = self._request(url, host, ip, result, deadline)
            except _HopFailed as exc:
                result.error = str(exc)
                result.hops.append(Hop(str(url), result.status, ip, error=str(exc)))
                return
            result.hops.append(Hop(str(url), result.status, ip, location=location))
            if location is None:
                return
            try:
                url = parse_fetch_url(str(url.join(location)), field="location", bare=False)
            except (ValidationFailed, httpx.InvalidURL, ValueError) as exc:
                message = exc.message if isinstance(exc, ValidationFailed) else str(exc)
                result.error = f"Chuyển hướng không hợp lệ / bad redirect: {message}"
                return
        result.error = f"Quá {self.limits.max_redirects} lần chuyển hướng / too many redirects"

    def _request(
        self, url: httpx.URL, host: str, ip: str, result: FetchResult, deadline: Deadline
    ) -> str | None:
        """One GET pinned to ``ip``; returns the redirect target, or reads the body."""
        verify_error: str | None = None
        context = _verifying_context()
        for attempt in range(2):
            backend = PinnedBackend(host=host, ip=ip, deadline=deadline)
            try:
                return self._exchange(url, backend, context, result, deadline, verify_error)
            except httpx.ConnectError as exc:
                cert_error = _cert_error(exc)
                if cert_error is None or attempt == 1 or url.scheme != "https":
                    raise _HopFailed(f"Không kết nối được / cannot connect: {exc}") from exc
                # Phishing hosts often have bad certificates: record it and look anyway.
                verify_error = cert_error
                context = _unverified_context()
            except httpx.TimeoutException as exc:
                raise _HopFailed(f"Hết thời gian / timed out: {exc or type(exc).__name__}") from exc
            except httpx.HTTPError as exc:
                raise _HopFailed(f"Lỗi HTTP / HTTP error: {exc}") from exc
        raise _HopFailed("unreachable")  # pragma: no cover

    def _exchange(
        self,
        url: httpx.URL,
        backend: PinnedBackend,
        context: ssl.SSLContext,
        result: FetchResult,
        deadline: Deadline,
        verify_error: str | None,
    ) -> str | None:
        timeout = httpx.Timeout(
            connect=self.limits.connect_seconds,
            read=self.limits.read_seconds,
            write=self.limits.read_seconds,
            pool=self.limits.connect_seconds,
        )
        headers = {
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        }
        transport = PinnedTransport(backend, context)
        # trust_env=False: an environment proxy would bypass the pinned address.
        with (
            httpx.Client(
                transport=transport,
                trust_env=False,
                timeout=timeout,
                follow_redirects=False,
                headers=headers,
            ) as client,
            client.stream("GET", url) as response,
        ):
            result.status = response.status_code
            result.ip = backend.ip
            result.headers = _interesting_headers(response.headers)
            result.content_type = response.headers.get("content-type")
            if backend.tls.certificate_der:
                result.tls = certificate_facts(
                    backend.tls.certificate_der,
                    verified=verify_error is None,
                    tls_version=backend.tls.version,
                    cipher=backend.tls.cipher,
                    verify_error=verify_error,
                )
            location = response.headers.get("location")
            if response.status_code in REDIRECT_STATUSES and location:
                return location[:4096]
            self._read_body(response, result, deadline)
        return None

    def _read_body(self, response: httpx.Response, result: FetchResult, deadline: Deadline) -> None:
        limit = self.limits.max_bytes
        try:
            decoder = BoundedDecoder(response.headers.get("content-encoding", ""), limit)
        except UnsupportedEncoding as exc:
            result.error = f"Mã hóa nội dung không hỗ trợ / unsupported content-encoding: {exc}"
            return
        parts: list[bytes] = []
        raw_total = 0
        try:
            for chunk in response.iter_raw():  # as received: a timeout keeps what came
                raw_total += len(chunk)
                parts.append(decoder.feed(chunk))
                if raw_total > limit:
                    result.truncated = True
                    break
                if deadline.remaining() <= 0:
                    result.truncated = True
                    result.error = "Hết thời gian khi đọc trang / deadline reached reading body"
                    break
        except BodyTooLarge as exc:
            parts.append(exc.args[0])
            result.truncated = True
        except UnsupportedEncoding as exc:
            result.error = f"Nội dung nén hỏng / corrupt compressed body: {exc}"
        except httpx.TimeoutException:
            result.truncated = True
            result.error = "Hết thời gian khi đọc trang / timed out reading body"
        except httpx.HTTPError as exc:
            result.truncated = True
            result.error = f"Lỗi khi đọc trang / error reading body: {exc}"
        body = b"".join(parts)[:limit]
        result.body = body
        result.body_sha256 = hashlib.sha256(body).hexdigest()
        if _looks_html(result.content_type, body):
            result.html = decode_html(body, result.content_type)


@functools.cache
def _verifying_context() -> ssl.SSLContext:
    # Built once: loading the trust store costs tens of milliseconds; contexts are shareable.
    return ssl.create_default_context()


@functools.cache
def _unverified_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _interesting_headers(headers: httpx.Headers) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in HEADERS_OF_INTEREST:
        value = headers.get(name)
        if value is not None:
            out[name] = value[:MAX_HEADER_VALUE]
    cookies = headers.get_list("set-cookie")
    if cookies:
        out["set-cookie-count"] = str(len(cookies))
    return out


def _cert_error(exc: BaseException) -> str | None:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return None
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen.verify_message or str(seen)
        if "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return str(seen)
        seen = seen.__cause__ or seen.__context__
    return None


def _looks_html(content_type: str | None, body: bytes) -> bool:
    if content_type:
        kind = content_type.split(";", 1)[0].strip().lower()
        if "html" in kind:
            return True
        if kind not in ("", "text/plain", "application/octet-stream"):
            return False
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<form", b"<"))


def decode_html(body: bytes, content_type: str | None) -> str:
    """Bytes to text: header charset, then ``<meta charset>``, then UTF-8; never raises."""
    candidates: list[str] = []
    if content_type:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", content_type, re.I)
        if match:
            candidates.append(match.group(1))
    meta = _CHARSET_RE.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for name in candidates:
        try:
            codec = codecs.lookup(name)
        except LookupError:
            continue
        if codec.name not in ("utf-7",):  # UTF-7 smuggles markup past filters
            return body.decode(codec.name, errors="replace")
    return body.decode("utf-8", errors="replace")
