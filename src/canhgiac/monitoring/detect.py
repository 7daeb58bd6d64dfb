"""Guess a log's format from its first lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

from canhgiac.errors import ValidationFailed
from canhgiac.monitoring.logfiles import open_text

SNIFF_LINES = 50

_SQUID_RE = re.compile(r"^\d{9,}\.\d+\s+-?\d+\s+\S+\s+[A-Z_]+/\d{3}\s+\d+\s+[A-Z]+\s+\S+")
_UNBOUND_RE = re.compile(r"unbound(?:\[\d+(?::\d+)?\])?: .*info: [0-9A-Fa-f:.]+ \S+ ")
_CSV_HEADER_RE = re.compile(
    r"\b(src|source|src_ip|srcaddr)\b.*,.*\b(dst|destination|dst_ip|dest_ip)\b"
)
_CSV_ROW_RE = re.compile(r"^[^,]+,[0-9A-Fa-f:.]+,[0-9A-Fa-f:.]+,\d*")


def detect_format(path: Path) -> str:
    """One of :data:`canhgiac.monitoring.parsers.FORMATS`, or ValidationFailed."""
    lines: list[str] = []
    with open_text(path) as fh:
        for _ in range(SNIFF_LINES):
            line = fh.readline(64 * 1024)
            if not line:
                break
            if line.strip():
                lines.append(line.rstrip("\r\n"))
    fmt = detect_lines(lines)
    if fmt is None:
        raise ValidationFailed(
            f"Không nhận ra định dạng nhật ký / unrecognised log format: {path.name}",
            field="format",
        )
    return fmt


def detect_lines(lines: list[str]) -> str | None:
    for line in lines:
        if line.startswith("#fields\t"):
            fields = line.split("\t")
            if "query" in fields:
                return "zeek-dns"
            if "id.orig_h" in fields:
                return "zeek-conn"
        if line.startswith("{"):
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if not isinstance(rec, dict):
                continue
            if "event_type" in rec:
                return "suricata"
            if "id.orig_h" in rec or isinstance(rec.get("id"), dict):
                return "zeek-dns" if "query" in rec else "zeek-conn"
        if " query: " in line and "client " in line:
            return "bind"
        if "dnsmasq[" in line:
            return "dnsmasq"
        if _UNBOUND_RE.search(line):
            return "unbound"
        if _SQUID_RE.match(line):
            return "squid"
        if _CSV_HEADER_RE.search(line.lower()) or _CSV_ROW_RE.match(line):
            return "csv"
    return None
