"""Zeek ``dns.log`` and ``conn.log``, TSV (``#fields`` header) or JSON lines.

The same reader serves both logs: a record with ``query`` is a DNS lookup (``answers``
and ``rcode_name`` kept), any other record is a connection. The engine reads large TSV
files directly with DuckDB (:func:`tsv_header`, :mod:`canhgiac.monitoring.fastpath`); this
line parser is the general path (JSON, tailing) and the reference.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from canhgiac.monitoring.parsers.base import (
    Event,
    MalformedLine,
    need_addr,
    norm_answers,
    norm_name,
    norm_port,
    parse_epoch,
    parse_iso,
)

FORMATS = ("zeek-dns", "zeek-conn")
NEEDED = ("ts", "id.orig_h", "id.resp_h", "id.resp_p", "query", "answers", "rcode_name")


class Parser:
    def __init__(self, fmt: str = "zeek-dns") -> None:
        self.format = fmt
        self._fields: dict[str, int] | None = None
        self._unset = "-"
        self._empty = "(empty)"
        self._set_sep = ","

    def parse(self, line: str) -> Event | None:
        text = line.rstrip("\r\n")
        if not text:
            return None
        if text.startswith("{"):
            return self._json(text)
        if text.startswith("#"):
            self._header(text)
            return None
        if self._fields is None:
            raise MalformedLine("Zeek TSV record before its #fields header")
        cols = text.split("\t")
        if len(cols) != len(self._fields):
            raise MalformedLine(f"{len(cols)} columns, header has {len(self._fields)}")
        f = self._fields

        def get(name: str) -> str | None:
            i = f.get(name)
            if i is None:
                return None
            value = cols[i]
            return None if value in (self._unset, self._empty) else value

        ts_text = get("ts")
        ts = parse_epoch(ts_text) if ts_text is not None else None
        src = get("id.orig_h")
        if src is None:
            raise MalformedLine("no id.orig_h")
        answers = get("answers")
        return self._event(
            ts,
            src,
            get("id.resp_h"),
            get("id.resp_p"),
            get("query") if "query" in f else None,
            [answers] if answers is not None else None,
            get("rcode_name"),
            is_dns="query" in f,
        )

    def _header(self, text: str) -> None:
        key, _, value = text[1:].partition("\t")
        if key == "fields":
            self._fields = {name: i for i, name in enumerate(value.split("\t"))}
        elif key == "unset_field":
            self._unset = value
        elif key == "empty_field":
            self._empty = value
        elif key == "set_separator":
            self._set_sep = value or ","

    def _json(self, text: str) -> Event | None:
        try:
            rec: Any = json.loads(text)
        except ValueError as exc:
            raise MalformedLine("invalid JSON") from exc
        if not isinstance(rec, dict):
            raise MalformedLine("JSON record is not an object")
        ts_raw = rec.get("ts")
        ts: float | None
        if isinstance(ts_raw, int | float):
            ts = float(ts_raw)
        elif isinstance(ts_raw, str):
            ts = parse_iso(ts_raw)
        else:
            ts = None
        src = rec.get("id.orig_h")
        if src is None and isinstance(rec.get("id"), dict):
            rec = {**rec, **{f"id.{k}": v for k, v in rec["id"].items()}}
            src = rec.get("id.orig_h")
        if not isinstance(src, str):
            raise MalformedLine("no id.orig_h")
        answers = rec.get("answers")
        if answers is not None and not isinstance(answers, list):
            answers = [str(answers)]
        query = rec.get("query")
        return self._event(
            ts,
            src,
            rec.get("id.resp_h"),
            rec.get("id.resp_p"),
            query if isinstance(query, str) else None,
            [str(a) for a in answers] if answers else None,
            rec.get("rcode_name") if isinstance(rec.get("rcode_name"), str) else None,
            is_dns="query" in rec,
        )

    @staticmethod
    def _event(
        ts: float | None,
        src: str,
        dst: Any,
        dport: Any,
        query: str | None,
        answers: list[str] | None,
        rcode: str | None,
        *,
        is_dns: bool,
    ) -> Event:
        dst_s = need_addr(dst) if isinstance(dst, str) and dst not in ("-", "") else None
        return Event(
            ts=ts,
            src=need_addr(src),
            name=norm_name(query) if is_dns else None,
            answers=norm_answers(answers),
            dst=dst_s,
            dport=norm_port(dport if isinstance(dport, str | int) else None),
            rcode=rcode,
        )


def tsv_header(path: Path, opener: Any) -> dict[str, str] | None:
    """The ``#`` header of a Zeek TSV file (``fields`` is tab-joined), or None if not TSV."""
    header: dict[str, str] = {}
    with opener(path) as fh:
        for _ in range(64):
            line = fh.readline()
            if not line.startswith("#"):
                break
            key, _, value = line[1:].rstrip("\r\n").partition("\t")
            if key.startswith("separator"):
                key, value = "separator", key[len("separator") :].strip()
            header[key] = value
    return header if "fields" in header else None
