"""dnsmasq ``log-queries`` lines (plain or ``=extra``) in syslog form.

``Nov 24 03:12:45 gw dnsmasq[812]: query[A] evil.com from 10.0.0.5`` gives the asking host;
``reply``/``cached`` lines give answers. Plain replies do not name the client, so they are
credited to the last host that asked for that name (``extra`` mode gives the query serial,
which is used instead). Other dnsmasq lines (forwarded, config) are not records.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from canhgiac.monitoring.parsers.base import (
    Event,
    MalformedLine,
    is_addr,
    need_addr,
    norm_answers,
    norm_name,
    syslog_ts,
)

FORMAT = "dnsmasq"
MAX_PENDING = 100_000

_LINE_RE = re.compile(
    r"^(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<hms>\d{2}:\d{2}:\d{2}) .*?dnsmasq\[\d+\]: "
    r"(?:(?P<serial>\d+) (?P<peer>[0-9A-Fa-f:.]+)/\d+ )?(?P<rest>.*)$"
)
_QUERY_RE = re.compile(r"^query\[(?P<qtype>[A-Za-z0-9]+)\] (?P<name>\S+) from (?P<src>\S+)$")
_REPLY_RE = re.compile(r"^(?:reply|cached) (?P<name>\S+) is (?P<answer>\S+)$")


class Parser:
    format = FORMAT

    def __init__(self) -> None:
        self._by_name: OrderedDict[str, str] = OrderedDict()
        self._by_serial: OrderedDict[str, str] = OrderedDict()

    def _remember(self, table: OrderedDict[str, str], key: str, src: str) -> None:
        table[key] = src
        table.move_to_end(key)
        if len(table) > MAX_PENDING:
            table.popitem(last=False)

    def parse(self, line: str) -> Event | None:
        if "dnsmasq[" not in line:
            return None
        m = _LINE_RE.match(line.rstrip("\n"))
        if m is None:
            raise MalformedLine("unreadable dnsmasq line")
        rest = m.group("rest")
        ts = syslog_ts(m.group("mon"), m.group("day"), m.group("hms"))
        serial = m.group("serial")
        if rest.startswith("query["):
            q = _QUERY_RE.match(rest)
            if q is None:
                raise MalformedLine("unreadable dnsmasq query")
            name = norm_name(q.group("name"))
            if name is None:
                raise MalformedLine("empty query name")
            src = need_addr(q.group("src"))
            self._remember(self._by_name, name, src)
            if serial:
                self._remember(self._by_serial, serial, src)
            return Event(ts=ts, src=src, name=name)
        if rest.startswith(("reply ", "cached ")):
            r = _REPLY_RE.match(rest)
            if r is None:
                raise MalformedLine("unreadable dnsmasq reply")
            name = norm_name(r.group("name"))
            if name is None:
                raise MalformedLine("empty reply name")
            asker = self._by_serial.get(serial) if serial else None
            asker = asker or self._by_name.get(name)
            if asker is None:
                return None
            answer = r.group("answer")
            if answer == "NXDOMAIN":
                return Event(ts=ts, src=asker, name=name, rcode="NXDOMAIN")
            if answer.startswith("<") or not (is_addr(answer) or "." in answer):
                return Event(ts=ts, src=asker, name=name)
            return Event(ts=ts, src=asker, name=name, answers=norm_answers([answer]))
        return None
