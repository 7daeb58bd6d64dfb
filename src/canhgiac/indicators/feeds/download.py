"""Download a feed safely: http(s) only, bounded size, redirects and time, conditional GET.

The body is streamed to a temporary file (never held in memory); the caller owns the
file and deletes it after parsing. ETag / Last-Modified from a previous run make an
unchanged feed cost one small request (``not_modified``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from canhgiac.detectors.pages.addresses import AddressPolicy, resolve_checked, system_resolver
from canhgiac.errors import CanhgiacError, ValidationFailed

ALLOWED_SCHEMES = frozenset({"http", "https"})
USER_AGENT = "canhgiac-feed-fetcher/0.1 (+https://github.com/canhgiac)"


class DownloadError(CanhgiacError):
    """The feed could not be fetched within the limits; the message says why."""

    status_code = 502
    code = "download_failed"


@dataclass(frozen=True)
class DownloadLimits:
    max_bytes: int = 512 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    total_timeout: float = 900.0
    max_redirects: int = 5
    chunk_bytes: int = 256 * 1024


@dataclass(frozen=True)
class DownloadResult:
    url: str
    final_url: str
    status: int
    path: Path | None  # None when not_modified
    not_modified: bool
    etag: str | None
    last_modified: str | None
    size: int
    sha256: str | None
    content_type: str | None


def check_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ValidationFailed(f"URL không hợp lệ / invalid URL: {exc}", field="url") from exc
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise ValidationFailed(
            f"Chỉ chấp nhận http(s) / only http and https are allowed, not '{parsed.scheme}'",
            field="url",
        )
    if not parsed.host:
        raise ValidationFailed("URL thiếu tên máy / URL has no host", field="url")
    return parsed


def download(
    url: str,
    *,
    dest_dir: Path | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: DownloadLimits | None = None,
    transport: httpx.BaseTransport | None = None,
    address_policy: AddressPolicy | None = None,
) -> DownloadResult:
    """Fetch ``url`` to a temporary file. With ``address_policy`` every hop's host is
    resolved and refused when any of its addresses is internal (loopback, private,
    link-local, metadata…), so a feed URL cannot be aimed at the platform's own network."""
    limits = limits or DownloadLimits()
    target = check_url(url)
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(
        connect=limits.connect_timeout,
        read=limits.read_timeout,
        write=limits.read_timeout,
        pool=limits.connect_timeout,
    )
    deadline = time.monotonic() + limits.total_timeout
    with httpx.Client(timeout=timeout, transport=transport, follow_redirects=False) as client:
        request = client.build_request("GET", target, headers=headers)
        for _ in range(limits.max_redirects + 1):
            if address_policy is not None:
                _check_host(request.url, address_policy)
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise DownloadError(f"Hết thời gian chờ / timed out fetching {url}") from exc
            except httpx.HTTPError as exc:
                raise DownloadError(f"Không tải được / could not fetch {url}: {exc}") from exc
            try:
                if response.is_redirect and response.next_request is not None:
                    request = response.next_request
                    if request.url.scheme not in ALLOWED_SCHEMES:
                        raise DownloadError(
                            "Chuyển hướng tới giao thức bị cấm / redirect to a forbidden "
                            f"scheme '{request.url.scheme}'"
                        )
                    continue
                return _receive(url, response, dest_dir, limits, deadline)
            finally:
                response.close()
        raise DownloadError(
            f"Quá nhiều chuyển hướng / more than {limits.max_redirects} redirects for {url}"
        )


def _check_host(url: httpx.URL, policy: AddressPolicy) -> None:
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        resolve_checked(url.host, port, policy, system_resolver)
    except ValidationFailed as exc:
        raise DownloadError(exc.message) from None


def _receive(
    url: str,
    response: httpx.Response,
    dest_dir: Path | None,
    limits: DownloadLimits,
    deadline: float,
) -> DownloadResult:
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    common = {
        "url": url,
        "final_url": str(response.url),
        "status": response.status_code,
        "etag": etag,
        "last_modified": last_modified,
        "content_type": response.headers.get("Content-Type"),
    }
    if response.status_code == 304:
        return DownloadResult(path=None, not_modified=True, size=0, sha256=None, **common)
    if response.status_code != 200:
        raise DownloadError(f"Máy chủ trả lỗi / server answered HTTP {response.status_code}")
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
        raise DownloadError(f"Tệp quá lớn / feed is {declared} bytes, limit {limits.max_bytes}")
    digest = hashlib.sha256()
    size = 0
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - kept on success, removed on error
        prefix="canhgiac-feed-", suffix=".part", dir=dest_dir, delete=False
    )
    try:
        with handle:
            # iter_bytes decodes gzip, so the cap also bounds decompression bombs.
            for chunk in response.iter_bytes(limits.chunk_bytes):
                size += len(chunk)
                if size > limits.max_bytes:
                    raise DownloadError(
                        f"Tệp quá lớn / feed exceeds the {limits.max_bytes}-byte limit"
                    )
                if time.monotonic() > deadline:
                    raise DownloadError(
                        f"Tải quá lâu / download took longer than {limits.total_timeout} s"
                    )
                digest.update(chunk)
                handle.write(chunk)
    except httpx.TimeoutException as exc:
        os.unlink(handle.name)
        raise DownloadError(f"Hết thời gian chờ / timed out reading {url}") from exc
    except httpx.HTTPError as exc:
        os.unlink(handle.name)
        raise DownloadError(f"Đứt kết nối / transfer failed: {exc}") from exc
    except BaseException:
        os.unlink(handle.name)
        raise
    return DownloadResult(
        path=Path(handle.name), not_modified=False, size=size, sha256=digest.hexdigest(), **common
    )
