"""The normalised event every log format is turned into, and shared parsing helpers.

One input line gives at most one event. Names are lower-case without the trailing dot;
``answers`` is a comma-joined list of DNS answers (addresses or names); ``url`` is
``host/path`` (lower-case, no scheme, port or query) for proxy/HTTP requests.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import datetime
from typing import NamedTuple


class Event(NamedTuple):
    ts: float | None
    src: str
    name: str | None = None
    answers: str | None = None
    dst: str | None = None
    dport: int | None = None
    url: str | None = None
    rcode: str | None = None


EVENT_COLUMNS = ("ts", "src", "name", "answers", "dst", "dport", "url", "rcode")
EVENT_TYPES = (
    "DOUBLE",
    "VARCHAR",
    "VARCHAR",
    "VARCHAR",
    "VARCHAR",
    "INTEGER",
    "VARCHAR",
    "VARCHAR",
)

MAX_LINE_CHARS = 64 * 1024


class MalformedLine(ValueError):
    """A line that claims to be of the format but cannot be read."""


_ADDR_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$")


def is_addr(text: str) -> bool:
    """Cheap shape check for an IPv4/IPv6 address (the engine does the exact parse)."""
    return bool(_ADDR_RE.match(text))


def need_addr(text: str) -> str:
    if not is_addr(text):
        raise MalformedLine(f"not an address: {text[:60]!r}")
    return text.lower()


def norm_name(text: str | None) -> str | None:
    """The one name rule (the DuckDB fast path applies the same in SQL)."""
    if text is None or text == "-":
        return None
    name = clean(text.rstrip(".").lower())
    return name or None


def norm_answers(values: list[str] | None) -> str | None:
    """Answers joined by commas, lower-case; items are split and trimmed at match time."""
    if not values:
        return None
    joined = clean(",".join(values).lower())
    return joined or None


def clean(text: str) -> str:
    """Field values go through a TSV: tabs, newlines and commas inside a value are blanked."""
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def norm_port(text: str | int | None) -> int | None:
    if text is None or text in ("", "-"):
        return None
    try:
        port = int(text)
    except ValueError as exc:
        raise MalformedLine(f"bad port {str(text)[:20]!r}") from exc
    if not 0 <= port < 65536:
        raise MalformedLine(f"bad port {port}")
    return port


def url_parts(url: str) -> tuple[str, int | None, str]:
    """(host, explicit port, path) of an absolute URL, ``host:port`` or ``host/path``."""
    rest = url.strip()
    lowered = rest[:10].lower()
    scheme_port: int | None = None
    for scheme, default in (("http://", 80), ("https://", 443), ("ftp://", 21)):
        if lowered.startswith(scheme):
            rest = rest[len(scheme) :]
            scheme_port = default
            break
    hostport, slash, path = rest.partition("/")
    hostport = hostport.rsplit("@", 1)[-1]
    port: int | None = scheme_port
    if hostport.startswith("["):
        host, _, tail = hostport[1:].partition("]")
        if tail.startswith(":") and tail[1:].isdigit():
            port = int(tail[1:])
    else:
        host, colon, port_text = hostport.partition(":")
        if colon and port_text.isdigit():
            port = int(port_text)
    path = "/" + path.split("?", 1)[0].split("#", 1)[0] if slash else ""
    return host.rstrip(".").lower(), port, path


def make_url(host: str, path: str) -> str | None:
    """The ``host/path`` form the URL indicators are matched against (None without a path)."""
    path = path.lower()
    while "//" in path:
        path = path.replace("//", "/")
    path = path.rstrip("/")
    if not path:
        return None
    return clean(host + path)


def parse_epoch(text: str) -> float:
    try:
        return float(text)
    except ValueError as exc:
        raise MalformedLine(f"bad timestamp {text[:40]!r}") from exc


def parse_iso(text: str) -> float:
    """ISO-8601 with optional fraction and offset (Suricata, Zeek JSON), as epoch seconds."""
    value = text.strip()
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    # Suricata writes "+0700"; fromisoformat in 3.11 accepts it.
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise MalformedLine(f"bad timestamp {text[:40]!r}") from exc
    if dt.tzinfo is None:
        return float(calendar.timegm(dt.timetuple())) + dt.microsecond / 1e6
    return dt.timestamp()


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}  # fmt: skip


def syslog_ts(month: str, day: str, hms: str, year: int | None = None) -> float:
    """Syslog ``Mon DD HH:MM:SS`` (no year: the current UTC year) as epoch seconds (UTC)."""
    mon = _MONTHS.get(month[:3].lower())
    if mon is None:
        raise MalformedLine(f"bad month {month!r}")
    h, m, s = hms.split(":")
    yr = year if year is not None else time.gmtime().tm_year
    return float(calendar.timegm((yr, mon, int(day), int(h), int(m), 0, 0, 0, 0))) + float(s)
