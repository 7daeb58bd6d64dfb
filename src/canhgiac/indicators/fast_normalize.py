"""A fast path for the shapes that make up almost all of a bulk feed: plain ASCII host names
and dotted-quad IPv4 addresses.

``normalize()`` is thorough (defanging, IDNA, public-suffix look-ups) and costs tens of
microseconds; a 1.6-million-line import cannot afford that per line. For input already in
canonical shape the canonical value is the input itself (lower-cased), so this returns it
directly and returns ``None`` for anything else, which then takes the full path. Tests
check that both paths agree.
"""

from __future__ import annotations

import re

# Labels as normalize_domain accepts them; last label alphabetic (no punycode: display
# would differ); no leading "www." (stripping it needs the public-suffix list).
_HOST = re.compile(
    r"(?!www\.)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.){1,126}[a-z]{2,63}\.?", re.ASCII
)
_IPV4 = re.compile(
    r"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)", re.ASCII
)


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
    return None
