"""Domain names: lower-case ASCII (punycode) value, Unicode display, registrable domain."""

from __future__ import annotations

import re
from functools import lru_cache

import idna
import tldextract

from canhgiac.indicators.defang import undefang
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalized import NormalizedIndicator, check_length, reject

# A DNS label as seen in the wild: letters, digits, hyphen; underscore is tolerated
# because malware and service records use it, though browsers do not.
_ASCII_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_TLD = re.compile(r"(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})")
_MAX_HOST = 253


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    # The suffix list bundled with tldextract; never fetched, never cached to disk.
    # Private suffixes (blogspot.com, web.app, github.io…) count, so that a phishing site on
    # free hosting is its own registrable domain rather than the host's.
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


class HostError(ValueError):
    """A string that is not a syntactically valid host name."""


def _label_to_ascii(label: str) -> str:
    if label.isascii():
        return label.lower()
    try:
        return idna.encode(label, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise HostError(str(exc)) from exc


def to_ascii_host(host: str) -> str:
    """Lower-case punycode form of a host name; raises :class:`HostError`."""
    host = host.strip().translate({0x3002: ".", 0xFF0E: ".", 0xFF61: "."}).rstrip(".")
    if not host or len(host) > _MAX_HOST * 2:
        raise HostError("empty or too long")
    labels = [_label_to_ascii(label) for label in host.split(".")]
    ascii_host = ".".join(labels)
    if len(ascii_host) > _MAX_HOST:
        raise HostError("too long")
    for label in labels:
        if not _ASCII_LABEL.fullmatch(label):
            raise HostError(f"bad label {label!r}")
    return ascii_host


def to_unicode_host(ascii_host: str) -> str:
    """Unicode form for display; labels that are not valid IDNA stay as they are."""
    if "xn--" not in ascii_host:
        return ascii_host
    out = []
    for label in ascii_host.split("."):
        if label.startswith("xn--"):
            try:
                decoded = idna.decode(label)
                # Only show the Unicode form if it normalises back to the same label.
                if idna.encode(decoded, uts46=True).decode("ascii") == label:
                    label = decoded
            except (idna.IDNAError, UnicodeError):
                pass
        out.append(label)
    return ".".join(out)


def public_suffix(ascii_host: str) -> str:
    return _extractor()(ascii_host).suffix


def registrable_domain(host: str) -> str:
    """The registrable domain of ``host`` (``a.b.vietcombank.com.vn`` → ``vietcombank.com.vn``).

    Uses the Public Suffix List bundled with tldextract, private suffixes included, never the
    network. For an unknown suffix the last two labels are returned; for an IP address or a
    single label, the host itself.
    """
    try:
        ascii_host = to_ascii_host(host)
    except HostError:
        ascii_host = host.strip().lower().rstrip(".")
    return _registrable(ascii_host, _extractor()(ascii_host))


def _registrable(ascii_host: str, result: tldextract.tldextract.ExtractResult) -> str:
    if result.suffix and result.domain:
        return f"{result.domain}.{result.suffix}"
    if result.suffix:  # the host is itself a public suffix
        return ascii_host
    labels = ascii_host.split(".")
    if len(labels) == 4 and all(label.isdigit() for label in labels):
        return ascii_host
    return ".".join(labels[-2:])


def is_domain_like(ascii_host: str) -> bool:
    """At least two labels and an alphabetic (or punycode) top-level label."""
    labels = ascii_host.split(".")
    return len(labels) >= 2 and _TLD.fullmatch(labels[-1]) is not None


def normalize_domain(raw: str, *, require_known_suffix: bool = False) -> NormalizedIndicator:
    """Normalise a domain name.

    The value is lower-case punycode without a trailing dot; leading ``www.`` labels are
    removed (``www.example.vn`` and ``example.vn`` are the same site for every practical
    purpose here, and look-ups match sub-domains anyway). Display is the Unicode form.
    """
    check_length(raw)
    text = undefang(raw).strip()
    if any(c in text for c in "/:@?# "):
        reject("Tên miền không hợp lệ", "Invalid domain name", raw)
    try:
        host = to_ascii_host(text)
    except HostError:
        reject("Tên miền không hợp lệ", "Invalid domain name", raw)
    if not is_domain_like(host):
        reject("Tên miền không hợp lệ", "Invalid domain name", raw)
    parts = _extractor()(host)
    if require_known_suffix and not parts.suffix:
        reject("Tên miền có đuôi không xác định", "Domain with an unknown suffix", raw)
    stripped = host
    while (
        stripped.startswith("www.")
        and stripped[4:] != parts.suffix
        and is_domain_like(stripped[4:])
    ):
        stripped = stripped[4:]  # every leading "www.", so that stripping is idempotent
    if stripped != host:
        host, parts = stripped, _extractor()(stripped)
    return NormalizedIndicator(
        kind=IndicatorKind.DOMAIN,
        value=host,
        display=to_unicode_host(host),
        extra={"registrable_domain": _registrable(host, parts), "suffix": parts.suffix},
    )
