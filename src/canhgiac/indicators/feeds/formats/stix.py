"""STIX 2.1 bundles: indicator objects with STIX patterns.

Equality comparisons on supported observables become entries, e.g.
``[domain-name:value = 'evil.example' OR url:value = 'http://evil.example/a']`` gives
two. ``IN ('a', 'b')`` lists are expanded. Other operators (LIKE, MATCHES...) and other
observable paths are counted as skipped; a pattern with no comparison at all is
malformed. Non-indicator objects (malware, relationship, identity...) are ignored. The
bundle's ``objects`` array is streamed element by element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from canhgiac.indicators.feeds.detect import CIDR, DOMAIN, EMAIL, IP, URL
from canhgiac.indicators.feeds.jsonstream import first_char, iter_array
from canhgiac.indicators.feeds.lines import FeedSource, open_binary
from canhgiac.indicators.feeds.model import FeedEntry, FeedItem, FeedProblem, clip
from canhgiac.indicators.feeds.timeparse import parse_time

# (object type, property path) -> IndicatorKind value
PATH_KINDS: dict[tuple[str, str], str] = {
    ("domain-name", "value"): DOMAIN,
    ("url", "value"): URL,
    ("ipv4-addr", "value"): IP,
    ("ipv6-addr", "value"): IP,
    ("email-addr", "value"): EMAIL,
    ("email-message", "from_ref.value"): EMAIL,
    ("email-message", "sender_ref.value"): EMAIL,
    ("network-traffic", "dst_ref.value"): IP,
    ("network-traffic", "src_ref.value"): IP,
}
_STRING = r"'(?:[^'\\]|\\.)*'"
_COMPARISON = re.compile(
    r"([a-z0-9][a-z0-9-]*):([A-Za-z0-9_.\[\]*'-]+)\s*"
    r"(NOT\s+)?(=|!=|<=|>=|<|>|LIKE|MATCHES|IN|ISSUBSET|ISSUPERSET)\s*"
    rf"({_STRING}|\((?:\s*{_STRING}\s*,?)*\)|[^\s\]]+)",
    re.IGNORECASE,
)
_STRING_RE = re.compile(_STRING)
MAX_PATTERN_CHARS = 65536


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


def pattern_values(pattern: str) -> tuple[list[tuple[str, str]], list[str]]:
    """``([(kind, value)], [skipped comparison descriptions])`` for a STIX pattern."""
    found: list[tuple[str, str]] = []
    skipped: list[str] = []
    for match in _COMPARISON.finditer(pattern):
        obj, prop, negated, op, operand = match.groups()
        kind = PATH_KINDS.get((obj.lower(), prop))
        op = op.upper()
        if kind is None or negated or op not in {"=", "IN"}:
            skipped.append(f"{obj}:{prop} {'NOT ' if negated else ''}{op}")
            continue
        literals = [operand] if op == "=" else _STRING_RE.findall(operand)
        for literal in literals:
            if not (literal.startswith("'") and literal.endswith("'")):
                skipped.append(f"{obj}:{prop} {op} (not a string)")
                continue
            value = _unquote(literal).strip()
            if value:
                found.append((CIDR if kind == IP and "/" in value else kind, value))
    return found, skipped


def parse(source: FeedSource, *, file: str | None = None) -> Iterator[FeedItem]:
    with open_binary(source) as stream:
        path = ("objects",) if first_char(stream) == "{" else ()
        for item in iter_array(stream, path, file=file):
            if isinstance(item, FeedProblem):
                yield item
                continue
            ordinal, obj = item
            if isinstance(obj, dict) and obj.get("type") == "indicator":
                yield from _indicator(ordinal, obj, file)


def _indicator(ordinal: int, obj: dict[str, Any], file: str | None) -> Iterator[FeedItem]:
    if obj.get("revoked") is True:
        return
    pattern_type = str(obj.get("pattern_type") or "stix").lower()
    if pattern_type != "stix":
        yield FeedProblem(
            ordinal,
            f"kiểu mẫu không hỗ trợ / unsupported pattern_type {pattern_type[:30]}",
            None,
            file,
            skipped=True,
        )
        return
    pattern = obj.get("pattern")
    if not isinstance(pattern, str) or not pattern.strip():
        yield FeedProblem(ordinal, "chỉ báo thiếu pattern / indicator without pattern", None, file)
        return
    if len(pattern) > MAX_PATTERN_CHARS:
        yield FeedProblem(ordinal, "pattern quá dài / pattern too long", None, file)
        return
    values, skipped = pattern_values(pattern)
    if not values and not skipped:
        yield FeedProblem(
            ordinal, "pattern STIX hỏng / malformed STIX pattern", pattern[:200], file
        )
        return
    for description in skipped:
        yield FeedProblem(
            ordinal,
            f"so sánh STIX không hỗ trợ / unsupported STIX comparison {description[:60]}",
            None,
            file,
            skipped=True,
        )
    types = obj.get("indicator_types") or obj.get("labels") or []
    category = str(types[0]) if isinstance(types, list) and types else None
    extra: dict[str, Any] = {"stix_id": clip(obj.get("id"))}
    for key in ("name", "confidence", "valid_until", "description"):
        if obj.get(key) is not None:
            extra[key] = clip(obj[key])
    if len(values) > 1 or skipped:
        extra["pattern"] = clip(pattern)
    first_seen = parse_time(obj.get("valid_from")) or parse_time(obj.get("created"))
    for kind, value in values:
        yield FeedEntry(ordinal, value, kind, category, None, first_seen, extra, file)
