"""Generic NetFlow-style CSV: time, source, destination, port, bytes.

A header row naming the columns is recognised (``time|ts|timestamp``, ``src|source|src_ip``,
``dst|destination|dst_ip|dest_ip``, ``port|dport|dst_port|dest_port``, ``bytes``) in any
order; without a header the columns are taken in that order. Time is epoch seconds or ISO.
"""

from __future__ import annotations

import csv

from canhgiac.monitoring.parsers.base import (
    Event,
    MalformedLine,
    need_addr,
    norm_port,
    parse_epoch,
    parse_iso,
)

FORMAT = "csv"

_ALIASES = {
    "time": ("time", "ts", "timestamp", "start", "first_seen"),
    "src": ("src", "source", "src_ip", "srcaddr", "source_ip", "sa"),
    "dst": ("dst", "destination", "dst_ip", "dest_ip", "dstaddr", "destination_ip", "da"),
    "port": ("port", "dport", "dst_port", "dest_port", "dstport", "destination_port", "dp"),
}


class Parser:
    format = FORMAT

    def __init__(self) -> None:
        self._cols: dict[str, int] | None = None

    def parse(self, line: str) -> Event | None:
        text = line.strip()
        if not text or text.startswith("#"):
            return None
        row = next(csv.reader([text]))
        if self._cols is None:
            lowered = [c.strip().lower() for c in row]
            found = {
                key: next((i for i, c in enumerate(lowered) if c in names), -1)
                for key, names in _ALIASES.items()
            }
            if found["src"] >= 0 and found["dst"] >= 0:
                self._cols = found
                return None
            self._cols = {"time": 0, "src": 1, "dst": 2, "port": 3}
        cols = self._cols
        try:
            src = row[cols["src"]].strip()
            dst = row[cols["dst"]].strip()
            port = row[cols["port"]].strip() if cols["port"] >= 0 else ""
            tcol = row[cols["time"]].strip() if cols["time"] >= 0 else ""
        except IndexError as exc:
            raise MalformedLine("too few CSV columns") from exc
        ts: float | None = None
        if tcol:
            ts = parse_iso(tcol) if ("-" in tcol or "T" in tcol) else parse_epoch(tcol)
        return Event(ts=ts, src=need_addr(src), dst=need_addr(dst), dport=norm_port(port))
