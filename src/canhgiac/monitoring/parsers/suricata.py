"""Suricata ``eve.json``: ``dns``, ``http``, ``tls`` and ``flow`` events.

DNS records of Suricata 6/7 (``dns.type`` query/answer, ``rrname``, ``answers``/``grouped``)
and 8 (``dns.queries``/``dns.answers`` lists) are read. Answer records travel from the
server, so the client is ``dest_ip`` there. Other event types (alert, stats, ...) are not
records.
"""

from __future__ import annotations

import json
from typing import Any

from canhgiac.monitoring.parsers.base import (
    Event,
    MalformedLine,
    is_addr,
    make_url,
    need_addr,
    norm_answers,
    norm_name,
    norm_port,
    parse_iso,
)

FORMAT = "suricata"
EVENT_TYPES = frozenset({"dns", "http", "tls", "flow"})


def _dns_answers(dns: dict[str, Any]) -> list[str]:
    out: list[str] = []
    answers = dns.get("answers")
    if isinstance(answers, list):
        out += [str(a.get("rdata")) for a in answers if isinstance(a, dict) and a.get("rdata")]
    grouped = dns.get("grouped")
    if isinstance(grouped, dict):
        for rtype in ("A", "AAAA", "CNAME"):
            values = grouped.get(rtype)
            if isinstance(values, list):
                out += [str(v) for v in values]
    if dns.get("rdata") and dns.get("type") == "answer":
        out.append(str(dns["rdata"]))
    return out


class Parser:
    format = FORMAT

    def parse(self, line: str) -> Event | None:
        text = line.strip()
        if not text:
            return None
        try:
            rec: Any = json.loads(text)
        except ValueError as exc:
            raise MalformedLine("invalid JSON") from exc
        if not isinstance(rec, dict):
            raise MalformedLine("JSON record is not an object")
        etype = rec.get("event_type")
        if etype not in EVENT_TYPES:
            return None
        ts_raw = rec.get("timestamp")
        ts = parse_iso(ts_raw) if isinstance(ts_raw, str) else None
        src_ip, dest_ip = rec.get("src_ip"), rec.get("dest_ip")
        if not isinstance(src_ip, str) or not isinstance(dest_ip, str):
            raise MalformedLine("no src_ip/dest_ip")
        src, dst = need_addr(src_ip), need_addr(dest_ip)
        dport = norm_port(rec.get("dest_port"))
        if etype == "dns":
            dns = rec.get("dns")
            if not isinstance(dns, dict):
                raise MalformedLine("dns event without dns object")
            rrname = dns.get("rrname")
            queries = dns.get("queries")
            if rrname is None and isinstance(queries, list) and queries:
                first = queries[0]
                rrname = first.get("rrname") if isinstance(first, dict) else None
            is_answer = dns.get("type") in ("answer", "response") or "answers" in dns
            if is_answer:  # server -> client
                src, dst = dst, src
                dport = norm_port(rec.get("src_port"))
            rcode = dns.get("rcode")
            return Event(
                ts=ts,
                src=src,
                name=norm_name(rrname) if isinstance(rrname, str) else None,
                answers=norm_answers(_dns_answers(dns)),
                dst=dst,
                dport=dport,
                rcode=rcode.upper() if isinstance(rcode, str) else None,
            )
        if etype == "http":
            http = rec.get("http")
            if not isinstance(http, dict):
                raise MalformedLine("http event without http object")
            host = http.get("hostname")
            name = norm_name(host) if isinstance(host, str) else None
            if name is not None and is_addr(name):
                name = None
            raw_url = http.get("url")
            path = raw_url if isinstance(raw_url, str) else ""
            path = path.split("?", 1)[0].split("#", 1)[0]
            url_host = name or dst
            url = make_url(url_host, path) if path.startswith("/") else None
            return Event(ts=ts, src=src, name=name, dst=dst, dport=dport, url=url)
        if etype == "tls":
            tls = rec.get("tls")
            sni = tls.get("sni") if isinstance(tls, dict) else None
            return Event(
                ts=ts,
                src=src,
                name=norm_name(sni) if isinstance(sni, str) else None,
                dst=dst,
                dport=dport,
            )
        return Event(ts=ts, src=src, dst=dst, dport=dport)
