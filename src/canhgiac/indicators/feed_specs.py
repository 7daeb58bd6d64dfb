"""Text forms of a feed's CSV column mapping and category map, as typed in forms and the CLI.

``value=indicator,kind=loai,delimiter=;`` becomes ``{"value": "indicator", "kind": "loai",
"delimiter": ";"}``; numbers become column positions. A category map is one ``theirs=ours``
pair per line (or comma-separated).
"""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds.formats.csv_columns import CsvMapping
from canhgiac.indicators.importer import KNOWN_CATEGORIES

MAX_SPEC_CHARS = 4000
_COLUMN_KEYS = frozenset(f.name for f in fields(CsvMapping))
_BOOL_KEYS = frozenset({"has_header"})
_TEXT_KEYS = frozenset({"delimiter", "comment_prefix", "default_category"})


def _pairs(text: str, field: str) -> list[tuple[str, str]]:
    if len(text) > MAX_SPEC_CHARS:
        raise ValidationFailed(f"Quá dài (tối đa {MAX_SPEC_CHARS} ký tự) / too long", field=field)
    out = []
    for part in re.split(r"[\n,]", text):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ValidationFailed(
                f"Cần dạng khóa=giá trị, không phải {part[:40]!r} / expected key=value, "
                f"not {part[:40]!r}",
                field=field,
            )
        out.append((key.strip(), value.strip()))
    return out


def parse_columns(text: str, field: str = "columns") -> dict[str, Any]:
    """A CSV column mapping; empty text is an empty mapping."""
    mapping: dict[str, Any] = {}
    for key, value in _pairs(text, field):
        if key not in _COLUMN_KEYS:
            known = ", ".join(sorted(_COLUMN_KEYS))
            raise ValidationFailed(
                f"Không có trường {key!r}; dùng {known} / unknown key {key!r}", field=field
            )
        if key in _BOOL_KEYS:
            mapping[key] = value.lower() in ("1", "true", "yes", "co", "có")
        elif key in _TEXT_KEYS:
            mapping[key] = "\t" if value == "\\t" else value
        elif key == "extra":
            mapping[key] = tuple(int(v) if v.isdigit() else v for v in value.split("|") if v)
        else:
            mapping[key] = int(value) if value.isdigit() else value
    return mapping


def format_columns(mapping: dict[str, Any]) -> str:
    return ", ".join(
        f"{k}={'|'.join(map(str, v)) if isinstance(v, list | tuple) else v}"
        for k, v in mapping.items()
    )


def parse_category_map(text: str, field: str = "category_map") -> dict[str, str]:
    """``theirs=ours`` pairs; ``ours`` must be one of our categories."""
    out: dict[str, str] = {}
    for theirs, ours in _pairs(text, field):
        if ours not in KNOWN_CATEGORIES:
            raise ValidationFailed(
                f"Danh mục không hợp lệ: {ours!r} / unknown category {ours!r}", field=field
            )
        out[theirs.lower()] = ours
    return out


def format_category_map(mapping: dict[str, str]) -> str:
    return "\n".join(f"{k}={v}" for k, v in mapping.items())
