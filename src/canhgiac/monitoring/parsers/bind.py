"""BIND 9 query log (``category queries``), with or without a syslog prefix.

``24-Nov-2026 03:12:45.123 queries: info: client @0x7f1 10.0.0.5#53422 (evil.com):
query: evil.com IN A +E(0)K (10.0.0.1)``
"""

from __future__ import annotations

import calendar
import re

from canhgiac.monitoring.parsers.base import Event, MalformedLine, need_addr, norm_name

FORMAT = "bind"

_QUERY_RE = re.compile(
    r"client (?:@\S+ )?(?P<src>[0-9A-Fa-f:.]+)#\d+(?: \([^)]*\))?: (?:view [^:]+: )?"
    r"query: (?P<name>\S+) \S+ (?P<qtype>\S+)(?: \S+)?(?: \((?P<dst>[0-9A-Fa-f:.]+)\))?"
)
_TS_RE = re.compile(r"(\d{2})-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _ts(line: str) -> float | None:
    m = _TS_RE.search(line, 0, 80)
    if m is None:
        return None
    try:
        mon = _MONTHS.index(m.group(2).lower()) + 1
    except ValueError:
        return None
    secs = calendar.timegm(
        (int(m.group(3)), mon, int(m.group(1)), int(m.group(4)), int(m.group(5)), int(m.group(6)))
    )
    frac = m.group(7)
    return float(secs) + (int(frac) / 10 ** len(frac) if frac else 0.0)


class Parser:
    format = FORMAT

    def parse(self, line: str) -> Event | None:
        if "query:" not in line:
            return None
        m = _QUERY_RE.search(line)
        if m is None:
            raise MalformedLine("unreadable BIND query line")
        name = norm_name(m.group("name"))
        if name is None:
            raise MalformedLine("empty query name")
        dst = m.group("dst")
        return Event(
            ts=_ts(line),
            src=need_addr(m.group("src")),
            name=name,
            dst=dst.lower() if dst else None,
            dport=53 if dst else None,
        )
