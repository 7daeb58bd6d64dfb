"""Squid native ``access.log``.

``1732420000.123    45 10.0.0.5 TCP_MISS/200 1234 GET http://evil.com/a.php - HIER_DIRECT/1.2.3.4 text/html``
``CONNECT evil.com:443`` requests give the host and port only.
"""

from __future__ import annotations

from canhgiac.monitoring.parsers.base import (
    Event,
    MalformedLine,
    is_addr,
    make_url,
    need_addr,
    norm_name,
    parse_epoch,
    url_parts,
)

FORMAT = "squid"


class Parser:
    format = FORMAT

    def parse(self, line: str) -> Event | None:
        fields = line.split()
        if not fields:
            return None
        if len(fields) < 7 or "/" not in fields[3]:
            raise MalformedLine("unreadable Squid access line")
        ts = parse_epoch(fields[0])
        src = need_addr(fields[2])
        method, target = fields[5], fields[6]
        peer = fields[8].partition("/")[2] if len(fields) > 8 else ""
        dst = peer.lower() if peer and is_addr(peer) else None
        if method == "CONNECT":
            host, port, _ = url_parts(target)
            name = norm_name(host)
            if name is not None and is_addr(name):
                return Event(ts=ts, src=src, dst=dst or name, dport=port)
            return Event(ts=ts, src=src, name=name, dst=dst, dport=port)
        host, port, path = url_parts(target)
        name = norm_name(host)
        if name is None:
            raise MalformedLine("request without a host")
        url = make_url(name, path)
        if is_addr(name):  # http://203.0.113.9/x: the address is the destination
            return Event(ts=ts, src=src, dst=dst or name, dport=port, url=url)
        return Event(ts=ts, src=src, name=name, dst=dst, dport=port, url=url)
