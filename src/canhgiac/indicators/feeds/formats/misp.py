"""MISP feeds: ``manifest.json`` plus one ``<uuid>.json`` event file per event.

Each event's attributes (``Event.Attribute`` and ``Event.Object[].Attribute``) become
entries when their MISP type maps to an indicator kind; file hashes and other types
are reported as skipped, counted per type. Deleted attributes are ignored. Event files
are loaded one at a time, each bounded by ``MAX_JSON_FILE_BYTES``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from canhgiac.indicators.feeds.detect import CIDR, DOMAIN, EMAIL, IP, PHONE, URL
from canhgiac.indicators.feeds.model import (
    MAX_JSON_FILE_BYTES,
    FeedEntry,
    FeedItem,
    FeedProblem,
    clip,
)
from canhgiac.indicators.feeds.timeparse import parse_time

# MISP attribute type -> IndicatorKind value.
TYPE_KINDS: dict[str, str] = {
    "domain": DOMAIN,
    "hostname": DOMAIN,
    "url": URL,
    "ip-src": IP,
    "ip-dst": IP,
    "email": EMAIL,
    "email-src": EMAIL,
    "email-dst": EMAIL,
    "email-reply-to": EMAIL,
    "whois-registrant-email": EMAIL,
    "phone-number": PHONE,
    "whois-registrant-phone": PHONE,
    "btc": "crypto_wallet",
    "xmr": "crypto_wallet",
    "dash": "crypto_wallet",
    "bank-account-nr": "bank_account",
    "iban": "bank_account",
}
# Composite types "a|b": value split on "|", each half handled.
COMPOSITE_KINDS: dict[str, tuple[str, str]] = {
    "domain|ip": (DOMAIN, IP),
    "hostname|port": (DOMAIN, "port"),
    "ip-src|port": (IP, "port"),
    "ip-dst|port": (IP, "port"),
}
_GALAXY_FAMILY = re.compile(
    r'misp-galaxy:(?:malpedia|tool|ransomware|rat|banker|botnet|android|stealer|backdoor)="([^"]{1,100})"'
)
SAFE_EVENT_ID = re.compile(r"[0-9A-Fa-f-]{32,36}")


def event_files(root: Path) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """``(uuid, path, manifest entry)`` in manifest order; all ``*.json`` without one."""
    manifest_path = root / "manifest.json"
    if manifest_path.is_file():
        manifest = _load(manifest_path)
        if not isinstance(manifest, dict):
            raise ValueError("manifest.json không phải đối tượng / is not an object")
        for uuid, meta in manifest.items():
            # Event ids name files: never let them walk out of the feed folder.
            if not isinstance(uuid, str) or not SAFE_EVENT_ID.fullmatch(uuid):
                continue
            yield uuid, root / f"{uuid}.json", meta if isinstance(meta, dict) else {}
        return
    for path in sorted(root.glob("*.json")):
        if path.name not in {"manifest.json", "hashes.json"}:
            yield path.stem, path, {}


def _load(path: Path) -> Any:
    if path.stat().st_size > MAX_JSON_FILE_BYTES:
        raise ValueError(f"tệp quá lớn / file larger than {MAX_JSON_FILE_BYTES} bytes")
    with path.open("rb") as handle:
        return json.load(handle)


def parse(source: Path | str) -> Iterator[FeedItem]:
    """Parse a MISP feed folder (or a single event file)."""
    root = Path(source)
    if root.is_file():
        yield from parse_event_file(root, root.name)
        return
    if not root.is_dir():
        raise FileNotFoundError(f"không tìm thấy thư mục MISP / no MISP feed folder at {root}")
    try:
        files = list(event_files(root))
    except (ValueError, OSError) as exc:
        yield FeedProblem(
            0, f"manifest.json hỏng / bad manifest.json: {exc}", None, "manifest.json"
        )
        return
    for uuid, path, _meta in files:
        name = path.name
        if not path.is_file():
            yield FeedProblem(0, f"thiếu tệp sự kiện / missing event file for {uuid}", None, name)
            continue
        yield from parse_event_file(path, name)


def parse_event_file(path: Path, name: str) -> Iterator[FeedItem]:
    try:
        document = _load(path)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        yield FeedProblem(0, f"sự kiện hỏng / unreadable event: {str(exc)[:200]}", None, name)
        return
    event = document.get("Event") if isinstance(document, dict) else None
    if not isinstance(event, dict):
        yield FeedProblem(0, "thiếu khóa Event / no 'Event' object", None, name)
        return
    yield from parse_event(event, name)


def _tags(holder: dict[str, Any]) -> list[str]:
    tags = holder.get("Tag")
    if not isinstance(tags, list):
        return []
    return [t["name"] for t in tags if isinstance(t, dict) and isinstance(t.get("name"), str)]


def _family(tags: list[str]) -> str | None:
    for tag in tags:
        match = _GALAXY_FAMILY.match(tag)
        if match:
            return match.group(1)
    return None


def parse_event(event: dict[str, Any], name: str) -> Iterator[FeedItem]:
    event_tags = _tags(event)
    context = {
        "event_uuid": clip(event.get("uuid")),
        "event_info": clip(event.get("info")),
    }
    tlp = next((t.split(":", 1)[1] for t in event_tags if t.lower().startswith("tlp:")), None)
    if tlp:
        context["tlp"] = clip(tlp.lower())
    event_date = parse_time(event.get("date"))
    attributes: list[Any] = list(event.get("Attribute") or [])
    for obj in event.get("Object") or []:
        if isinstance(obj, dict) and isinstance(obj.get("Attribute"), list):
            attributes.extend(obj["Attribute"])
    for ordinal, attribute in enumerate(attributes, start=1):
        if not isinstance(attribute, dict):
            yield FeedProblem(
                ordinal, "thuộc tính không phải đối tượng / attribute not an object", None, name
            )
            continue
        if attribute.get("deleted") in (True, "1", 1):
            continue
        yield from _attribute(ordinal, attribute, event_tags, context, event_date, name)


def _attribute(
    ordinal: int,
    attribute: dict[str, Any],
    event_tags: list[str],
    context: dict[str, Any],
    event_date: Any,
    name: str,
) -> Iterator[FeedItem]:
    mtype = str(attribute.get("type", "")).strip().lower()
    value = attribute.get("value")
    if not isinstance(value, str) or not value.strip():
        yield FeedProblem(ordinal, "thuộc tính thiếu giá trị / attribute without value", None, name)
        return
    value = value.strip()
    if len(value) > 8192:
        yield FeedProblem(ordinal, "giá trị quá dài / value too long", None, name)
        return
    tags = event_tags + _tags(attribute)
    extra: dict[str, Any] = {**context, "misp_type": mtype}
    if attribute.get("uuid"):
        extra["uuid"] = clip(attribute["uuid"])
    if "to_ids" in attribute:
        extra["to_ids"] = bool(attribute["to_ids"])
    if isinstance(attribute.get("comment"), str) and attribute["comment"]:
        extra["comment"] = clip(attribute["comment"])
    category = str(attribute["category"]) if attribute.get("category") else None
    first_seen = (
        parse_time(attribute.get("first_seen"))
        or parse_time(attribute.get("timestamp"))
        or event_date
    )
    family = _family(tags)

    def entry(raw: str, kind: str, more: dict[str, Any] | None = None) -> FeedEntry:
        if kind == IP and "/" in raw:
            kind = CIDR
        return FeedEntry(
            ordinal, raw, kind, category, family, first_seen, {**extra, **(more or {})}, name
        )

    if mtype in TYPE_KINDS:
        yield entry(value, TYPE_KINDS[mtype])
        return
    if mtype in COMPOSITE_KINDS:
        left, sep, right = value.partition("|")
        if not sep or not left.strip() or not right.strip():
            yield FeedProblem(
                ordinal, f"giá trị ghép hỏng / malformed {mtype} value", value[:200], name
            )
            return
        first_kind, second_kind = COMPOSITE_KINDS[mtype]
        if second_kind == "port":
            if not right.strip().isdigit():
                yield FeedProblem(
                    ordinal, f"cổng không hợp lệ / bad port in {mtype}", value[:200], name
                )
                return
            yield entry(left.strip(), first_kind, {"port": int(right.strip())})
        else:
            yield entry(left.strip(), first_kind)
            yield entry(right.strip(), second_kind)
        return
    yield FeedProblem(
        ordinal,
        f"loại thuộc tính MISP không hỗ trợ / unsupported MISP attribute type {mtype[:40]}",
        None,
        name,
        skipped=True,
    )
