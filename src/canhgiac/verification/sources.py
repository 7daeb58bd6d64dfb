"""Where new names come from: plain lists, newly-registered-domain lists, certificate
transparency entries (CertStream-style JSON lines or CSV dumps), and the links and domains
in stored messages. Bounded and streaming."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds.lines import open_binary
from canhgiac.indicators.kinds import IndicatorKind

SOURCE_FORMATS = ("list", "ct-jsonl", "ct-csv")
MAX_LINE = 256 * 1024


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
    if fmt not in SOURCE_FORMATS:
        raise ValidationFailed(
            f"Định dạng không hỗ trợ: {fmt}; chọn {', '.join(SOURCE_FORMATS)}", field="format"
        )
    if isinstance(source, Path) and not source.is_file():
        raise ValidationFailed(f"Không có tệp {source} / file not found", field="path")
    with open_binary(source) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        if fmt == "ct-csv":
            for row in csv.reader(text):
                for cell in row:
                    for name in cell.replace(";", " ").replace("|", " ").split():
                        if "." in name and len(name) <= 253:
                            yield name
            return
        for line in text:
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


def link_hosts(indicators: Iterable[Mapping[str, Any]]) -> list[str]:
    """Host names among indicators found in a message or report (``NormalizedIndicator.
    to_dict()`` rows, as in the text detector's verdict): domains and links' hosts, once each.
    """
    names: list[str] = []
    for ind in indicators:
        if ind.get("kind") == IndicatorKind.DOMAIN:
            names.append(ind["value"])
        elif ind.get("kind") == IndicatorKind.URL and isinstance(ind.get("host"), str):
            names.append(ind["host"])
    return list(dict.fromkeys(names))
