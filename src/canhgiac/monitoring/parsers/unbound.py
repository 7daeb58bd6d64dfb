"""Unbound ``log-queries`` / ``log-replies`` lines.

``[1732420000] unbound[812:0] info: 10.0.0.5 evil.com. A IN`` and, for replies,
``... info: 10.0.0.5 evil.com. A IN NXDOMAIN 0.000000 0 45``. Syslog-style time stamps
(``Nov 24 03:12:45 host unbound: [812:0] info: ...``) are read too.
"""

from __future__ import annotations

import re

from canhgiac.monitoring.parsers.base import Event, MalformedLine, need_addr, norm_name, syslog_ts

FORMAT = "unbound"

_INFO_RE = re.compile(
    r"info: (?P<src>[0-9A-Fa-f:.]+)(?:@\d+)? (?P<name>\S+) (?P<qtype>[A-Z0-9]+|TYPE\d+) "
    r"(?P<qclass>[A-Z]+)(?: (?P<rcode>[A-Z]+)\b)?"
)
_EPOCH_RE = re.compile(r"^\[(\d+(?:\.\d+)?)\]")
_SYSLOG_RE = re.compile(r"^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ")


class Parser:
    format = FORMAT

    def parse(self, line: str) -> Event | None:
        if " info: " not in line:
            return None
        m = _INFO_RE.search(line)
        if m is None:
            # Other informational lines (start-up, statistics) are not queries.
            if re.search(r"info: [0-9A-Fa-f:.]+ \S+\. ", line):
                raise MalformedLine("unreadable Unbound query line")
            return None
        name = norm_name(m.group("name"))
        if name is None:
            raise MalformedLine("empty query name")
        ts: float | None = None
        e = _EPOCH_RE.match(line)
        if e:
            ts = float(e.group(1))
        else:
            s = _SYSLOG_RE.match(line)
            if s:
                ts = syslog_ts(s.group(1), s.group(2), s.group(3))
        return Event(ts=ts, src=need_addr(m.group("src")), name=name, rcode=m.group("rcode"))
