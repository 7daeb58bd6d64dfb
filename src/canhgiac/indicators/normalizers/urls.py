"""URLs in a canonical form (RFC 3986 section 6 normalisation, fragment dropped)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from canhgiac.indicators.defang import undefang
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject
from canhgiac.indicators.normalizers.domains import (
    HostError,
    registrable_domain,
    to_ascii_host,
    to_unicode_host,
)
from canhgiac.indicators.normalizers.ips import parse_ip

DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443}
SCHEMES = frozenset(DEFAULT_PORTS) | {"ftps"}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
_PATH_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | set(":@/"))
_QUERY_SAFE = frozenset(_PATH_SAFE | set("?"))
_USER_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | {":"})


def _normalize_percent(text: str, safe: frozenset[str]) -> str:
    """Percent-encoding per RFC 3986 6.2.2.2, idempotent: unreserved octets decoded, other
    escapes upper-cased, characters outside ``safe`` (spaces, non-ASCII) encoded."""
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "%" and _PERCENT.match(text, i):
            byte = int(text[i + 1 : i + 3], 16)
            decoded = chr(byte)
            out.append(decoded if decoded in _UNRESERVED else f"%{byte:02X}")
            i += 3
            continue
        if ch in safe:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


def remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4, on an absolute path."""
    output: list[str] = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    # A trailing "." or ".." still denotes a directory.
    if path.endswith(("/.", "/..")):
        output.append("")
    return "/" + "/".join(output)


@dataclass(frozen=True)
class UrlParts:
    scheme: str
    userinfo: str
    host: str  # ASCII, IPv6 without brackets
    port: int | None
    path: str
    query: str | None

    def netloc(self, host: str | None = None) -> str:
        host = self.host if host is None else host
        if ":" in host:
            host = f"[{host}]"
        user = f"{self.userinfo}@" if self.userinfo else ""
        port = f":{self.port}" if self.port is not None else ""
        return f"{user}{host}{port}"

    def unparse(self, host: str | None = None) -> str:
        query = f"?{self.query}" if self.query else ""
        return f"{self.scheme}://{self.netloc(host)}{self.path}{query}"


class UrlError(ValueError):
    """Not a URL this platform tracks."""


def _split_host_port(hostport: str) -> tuple[str, int | None]:
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            raise UrlError("unclosed IPv6 bracket")
        host, rest = hostport[1:end], hostport[end + 1 :]
        if rest and not rest.startswith(":"):
            raise UrlError("junk after IPv6 host")
        port_text = rest[1:] if rest else ""
    else:
        host, _, port_text = hostport.partition(":")
    if not port_text:
        return host, None
    if (
        not (port_text.isascii() and port_text.isdigit())
        or len(port_text) > 5
        or int(port_text) > 65535
    ):
        raise UrlError("bad port")
    return host, int(port_text)


def _canonical_host(host: str) -> str:
    address = parse_ip(host)
    if address is not None:
        return str(address)
    try:
        return to_ascii_host(host)
    except HostError as exc:
        raise UrlError(str(exc)) from exc


def browser_slashes(text: str) -> str:
    """Backslashes before the query become slashes, as browsers do for web URLs
    (``https:\\\\evil.xyz\\login``); scammers rely on it."""
    if "\\" not in text:
        return text
    head, question, query = text.partition("?")
    return head.replace("\\", "/") + question + query


def parse_url(text: str) -> UrlParts:
    """Split and canonicalise; a missing scheme means ``http``. Raises :class:`UrlError`."""
    text = browser_slashes(undefang(text).strip())
    if not text or any(c in text for c in "\r\n\t"):
        raise UrlError("empty or multi-line")
    match = _SCHEME.match(text)
    if match:
        scheme = match.group(1).lower()
        rest = text[match.end() :]
    elif text.startswith("//"):
        scheme, rest = "http", text[2:]
    else:
        scheme, rest = "http", text
    if scheme not in SCHEMES:
        raise UrlError(f"scheme {scheme}")
    rest, _, _fragment = rest.partition("#")
    authority_end = len(rest)
    for sep in "/?":
        pos = rest.find(sep)
        if 0 <= pos < authority_end:
            authority_end = pos
    authority, tail = rest[:authority_end], rest[authority_end:]
    userinfo, at, hostport = authority.rpartition("@")
    if not at:
        userinfo = ""
    host, port = _split_host_port(hostport)
    if not host:
        raise UrlError("no host")
    host = _canonical_host(host)
    if port == DEFAULT_PORTS.get(scheme):
        port = None
    path, question, query = tail.partition("?")
    path = remove_dot_segments(_normalize_percent(path or "/", _PATH_SAFE))
    return UrlParts(
        scheme=scheme,
        userinfo=_normalize_percent(userinfo, _USER_SAFE),
        host=host,
        port=port,
        path=path,
        query=_normalize_percent(query, _QUERY_SAFE) if question and query else None,
    )


def url_indicator(parts: UrlParts) -> NormalizedIndicator:
    value = parts.unparse()
    unicode_host = to_unicode_host(parts.host)
    display = value if unicode_host == parts.host else parts.unparse(unicode_host)
    extra = {"scheme": parts.scheme, "host": parts.host}
    if parse_ip(parts.host) is None:
        extra["registrable_domain"] = registrable_domain(parts.host)
    return NormalizedIndicator(IndicatorKind.URL, value, display, extra)


def normalize_url(raw: str) -> NormalizedIndicator:
    """Canonical URL: scheme and host lower-cased (host in punycode), default port dropped,
    dot-segments resolved, percent-encoding normalised, query kept, fragment dropped."""
    check_length(raw)
    try:
        parts = parse_url(raw)
    except UrlError:
        reject("Đường dẫn (URL) không hợp lệ", "Invalid URL", raw)
    return url_indicator(parts)
