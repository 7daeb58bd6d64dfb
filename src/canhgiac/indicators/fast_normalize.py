"""A fast path for the shapes that make up almost all of a bulk feed: plain ASCII host names,
dotted-quad IPv4 addresses, and http(s) URLs on such an address with a plain path.

``normalize()`` is thorough (defanging, IDNA, public-suffix look-ups) and costs tens of
microseconds; a 1.6-million-line import cannot afford that per line. For input already in
canonical shape the canonical value is the input itself (lower-cased), so this returns it
directly and returns ``None`` for anything else, which then takes the full path. Tests
check that both paths agree.
"""

from __future__ import annotations

import re

from canhgiac.indicators.normalized import MAX_RAW_LENGTH

# Labels as normalize_domain accepts them; last label alphabetic (no punycode: display
# would differ); no leading "www." (stripping it needs the public-suffix list).
_HOST_NAME = r"(?!www\.)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.){1,126}[a-z]{2,63}"
_HOST = re.compile(_HOST_NAME + r"\.?", re.ASCII)
_IPV4 = re.compile(
    r"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)", re.ASCII
)


# http(s) URLs on a canonical IPv4 host with a plain path (unreserved characters and
# slashes, no dot segments, no port, query or fragment): the bulk of URL trails. Their
# canonical form is the input with "/" for an empty path.
_IPV4_URL = re.compile(rf"(https?://{_IPV4.pattern})(/[A-Za-z0-9._~/-]*)?", re.ASCII)


def fast_normalize(raw: str, kind_hint: str | None) -> tuple[str, str, str] | None:
    """``(kind, value, display)`` for canonical-shaped hosts and IPv4 addresses, else None.

    Only when the feed declared or the parser guessed the kind: auto-detection weighs
    other kinds (social handles, senders) that only the full path knows.
    """
    if kind_hint == "domain":
        if len(raw) <= 253 and "xn--" not in raw:
            lowered = raw.lower()
            if _HOST.fullmatch(lowered):
                value = lowered.rstrip(".")
                return ("domain", value, value)
        return None
    if kind_hint == "ip" and _IPV4.fullmatch(raw):
        return ("ip", raw, raw)
    if kind_hint == "url" and len(raw) <= MAX_RAW_LENGTH:
        found = _IPV4_URL.fullmatch(raw)
        if found is not None:
            path = found.group(2) or "/"
            if "/." not in path:  # "/." and "/.." segments (and, to keep it simple, "/.x")
                value = found.group(1) + path
                return ("url", value, value)
    return None


# A newline-joined run of host names / IPv4 addresses each already in canonical form
# (no trailing dot), checked in one regex pass instead of one call per value.
_HOST_RUN = re.compile(rf"(?:{_HOST_NAME}\n)*{_HOST_NAME}", re.ASCII)
_HOST_VALUE = re.compile(_HOST_NAME, re.ASCII)
_IPV4_RUN = re.compile(rf"(?:{_IPV4.pattern}\n)*{_IPV4.pattern}", re.ASCII)


def canonical_block(kind_hint: str, values: list[str]) -> bool:
    """True when ``fast_normalize(v, kind_hint) == (kind_hint, v, v)`` for every value.

    False means "check them one by one" (:func:`canonical_flags`), not that any is bad.
    """
    if not values:
        return True
    joined = "\n".join(values)
    if joined.count("\n") != len(values) - 1:
        return False  # a value spans lines: the joined check would not be per value
    if kind_hint == "domain":
        return (
            "xn--" not in joined
            and max(map(len, values)) <= 253
            and _HOST_RUN.fullmatch(joined) is not None
        )
    if kind_hint == "ip":
        return _IPV4_RUN.fullmatch(joined) is not None
    return False


def canonical_flags(kind_hint: str, values: list[str]) -> list[bool]:
    """Per value, whether ``fast_normalize(v, kind_hint) == (kind_hint, v, v)``."""
    if kind_hint == "domain":
        return [
            len(v) <= 253 and "xn--" not in v and _HOST_VALUE.fullmatch(v) is not None
            for v in values
        ]
    if kind_hint == "ip":
        return [_IPV4.fullmatch(v) is not None for v in values]
    return [False] * len(values)
