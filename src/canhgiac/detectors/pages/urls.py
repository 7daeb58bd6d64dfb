"""Validating the URLs a user (or a redirect) hands the fetcher."""

from __future__ import annotations

import re

import httpx

from canhgiac.errors import ValidationFailed

MAX_URL_LENGTH = 4096
ALLOWED_SCHEMES = ("http", "https")
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PORT_RE = re.compile(r"^[A-Za-z0-9.-]+:[0-9]+(?:[/?#]|$)")  # "example.vn:8080/x": no scheme


def parse_fetch_url(raw: str, *, field: str = "url", bare: bool = True) -> httpx.URL:
    """An absolute http(s) URL with a host, without user-info.

    ``bare``: a scheme-less "example.vn/path" (user input) gets ``http://``; "file:/x",
    "javascript:…" and other schemes are refused, never rewritten.
    """
    text = raw.strip()
    if not text:
        raise ValidationFailed("Thiếu đường link / URL is empty", field=field)
    if len(text) > MAX_URL_LENGTH:
        raise ValidationFailed(
            f"Đường link dài quá {MAX_URL_LENGTH} ký tự / URL too long", field=field
        )
    if any(ch.isspace() or ord(ch) < 0x20 or ch == "\x7f" for ch in text):
        raise ValidationFailed(
            "Đường link chứa ký tự điều khiển / URL has control chars", field=field
        )
    scheme = _SCHEME_RE.match(text)
    if scheme is None or (not text.startswith(scheme.group(0) + "//") and _PORT_RE.match(text)):
        if not bare:
            raise ValidationFailed("Đường link thiếu http(s):// / URL has no scheme", field=field)
        text = "http://" + text
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise ValidationFailed(
            f"Đường link không hợp lệ / invalid URL: {exc}", field=field
        ) from exc
    if url.scheme not in ALLOWED_SCHEMES:
        raise ValidationFailed(
            f"Chỉ hỗ trợ http và https, không phải {url.scheme!r} / only http(s) URLs",
            field=field,
        )
    if not url.host:
        raise ValidationFailed("Đường link thiếu tên máy chủ / URL has no host", field=field)
    if url.userinfo:
        # "https://vietcombank.com.vn@evil.example/": never send the fake credentials.
        url = url.copy_with(username=None, password=None)
    return url


def host_of(url: httpx.URL) -> str:
    """The ASCII (IDNA) host name used on the wire, lower-case, without brackets."""
    return url.raw_host.decode("ascii").lower().strip("[]")


def port_of(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)
