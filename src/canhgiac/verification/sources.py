"""Where new names come from: plain lists, newly-registered-domain lists, certificate
transparency entries (CertStream-style JSON lines or CSV dumps), the names queried or visited
in monitoring logs (DNS resolvers, Zeek, Suricata, Squid). Bounded and streaming. (The links
of a checked message are taken by ``verification.links``.)"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds.lines import open_binary
from canhgiac.monitoring.parsers import MalformedLine, make_parser
from canhgiac.monitoring.parsers.base import is_addr

# Monitoring log formats whose events carry a host name (zeek-conn and NetFlow carry none).
LOG_FORMATS = ("zeek-dns", "bind", "unbound", "dnsmasq", "suricata", "squid")
SOURCE_FORMATS = ("list", "ct-jsonl", "ct-csv", *LOG_FORMATS)
MAX_LINE = 256 * 1024
# A resolver log repeats the same few thousand names millions of times: each name is passed
# on once while this many distinct names are remembered (then the memory starts afresh; the
# queue is idempotent, so a name passed on twice is only counted as seen again).
LOG_DISTINCT_MEMORY = 200_000
# Names no outside party can register: reverse look-ups, local and private zones.
_PRIVATE_SUFFIXES = (
    ".arpa",
    ".local",
    ".localdomain",
    ".localhost",
    ".internal",
    ".intranet",
    ".lan",
    ".home",
    ".corp",
    ".invalid",
    ".test",
    ".example",
)


def _names_from_ct(record: object) -> list[str]:
    """CertStream messages: data.leaf_cert.all_domains; flat dumps: all_domains / domains."""
    if not isinstance(record, dict):
        return []
    data = record.get("data", record)
    leaf = data.get("leaf_cert", data) if isinstance(data, dict) else None
    if not isinstance(leaf, dict):
        return []
    names = leaf.get("all_domains") or leaf.get("domains") or []
    return [n for n in names if isinstance(n, str)][:1000] if isinstance(names, list) else []


def iter_names(source: Path | BinaryIO, fmt: str) -> Iterator[str]:
    """Names in a file (gzip ok) or a binary stream such as a CertStream client's output,
    read line by line as they come."""
    _check_format(fmt)
    if isinstance(source, Path) and not source.is_file():
        raise ValidationFailed(f"Không có tệp {source} / file not found", field="path")
    with open_binary(source) as raw:
        yield from names_in_lines(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"), fmt)


def names_in_lines(lines: Iterable[str], fmt: str) -> Iterator[str]:
    """Names in text lines of one of ``SOURCE_FORMATS`` (a file's or an API request's)."""
    _check_format(fmt)
    if fmt in LOG_FORMATS:
        yield from names_in_log_lines(lines, fmt)
        return
    if fmt == "ct-csv":
        for row in csv.reader(line for line in lines if len(line) <= MAX_LINE):
            for cell in row:
                for name in cell.replace(";", " ").replace("|", " ").split():
                    if "." in name and len(name) <= 253:
                        yield name
        return
    for line in lines:
        if len(line) > MAX_LINE:
            continue
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if fmt == "list":
            yield line.split()[0]
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        yield from _names_from_ct(record)


def _check_format(fmt: str) -> None:
    if fmt not in SOURCE_FORMATS:
        raise ValidationFailed(
            f"Định dạng không hỗ trợ: {fmt}; chọn {', '.join(SOURCE_FORMATS)}", field="format"
        )


def default_source(fmt: str) -> str:
    """The queue's ``source`` label when the user names none."""
    if fmt in LOG_FORMATS:
        return "monitoring"
    return "ct" if fmt.startswith("ct-") else "list"


def names_in_log_lines(lines: Iterable[str], fmt: str) -> Iterator[str]:
    """Host names queried (DNS logs) or visited (proxy logs) in monitoring log lines, each
    passed on once (see ``LOG_DISTINCT_MEMORY``); unreadable lines, addresses, reverse
    look-ups and private zones are left out, since nobody outside can register them."""
    if fmt not in LOG_FORMATS:
        raise ValidationFailed(
            f"Định dạng nhật ký không hỗ trợ: {fmt}; chọn {', '.join(LOG_FORMATS)}",
            field="format",
        )
    parser = make_parser(fmt)
    seen: set[str] = set()
    for line in lines:
        if len(line) > MAX_LINE:
            continue
        try:
            event = parser.parse(line.rstrip("\r\n"))
        except MalformedLine:
            continue
        name = event.name if event is not None else None
        if not name or name in seen or "." not in name or is_addr(name):
            continue
        if name.endswith(_PRIVATE_SUFFIXES) or len(name) > 253:
            continue
        if len(seen) >= LOG_DISTINCT_MEMORY:
            seen.clear()
        seen.add(name)
        yield name
