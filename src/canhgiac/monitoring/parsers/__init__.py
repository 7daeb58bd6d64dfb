"""Log parsers, one module per format; each turns a line into one normalised Event."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from canhgiac.monitoring.parsers import bind, dnsmasq, netflow_csv, squid, suricata, unbound, zeek
from canhgiac.monitoring.parsers.base import Event, MalformedLine

FORMATS = ("zeek-dns", "zeek-conn", "bind", "unbound", "dnsmasq", "suricata", "squid", "csv")


class LineParser(Protocol):
    format: str

    def parse(self, line: str) -> Event | None: ...


def make_parser(fmt: str) -> LineParser:
    """A fresh (stateful) parser for ``fmt``; ValueError for an unknown format."""
    if fmt in zeek.FORMATS:
        return zeek.Parser(fmt)
    factories: dict[str, Callable[[], LineParser]] = {
        "bind": bind.Parser,
        "unbound": unbound.Parser,
        "dnsmasq": dnsmasq.Parser,
        "suricata": suricata.Parser,
        "squid": squid.Parser,
        "csv": netflow_csv.Parser,
    }
    factory = factories.get(fmt)
    if factory is None:
        raise ValueError(f"unknown log format {fmt!r}")
    return factory()


__all__ = ["FORMATS", "Event", "LineParser", "MalformedLine", "make_parser"]
