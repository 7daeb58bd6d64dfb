"""Top-sites lists (Tranco-style ``rank,domain`` CSV) feed the allow-list, not the blocklists.

Popular sites are almost never scams; their names on the allow-list keep detectors and
imported feeds from flagging them. Only the first ``limit`` names are taken.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from canhgiac.accounts import audit
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds.lines import open_binary
from canhgiac.indicators.models import AllowlistEntry
from canhgiac.indicators.normalize import normalize

DEFAULT_LIMIT = 10_000


def read_toplist(path: Path, limit: int = DEFAULT_LIMIT) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    with open_binary(path) as raw:
        reader = csv.reader(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"))
        for row in reader:
            if len(names) >= limit:
                break
            if not row:
                continue
            cell = row[-1].strip()
            try:
                value = normalize(cell, "domain").value
            except ValidationFailed:
                continue
            if value not in seen:
                seen.add(value)
                names.append(value)
    return names


def import_toplist(session: Session, path: Path, *, source: str, limit: int = DEFAULT_LIMIT) -> int:
    """Replace ``source``'s allow-list entries with the list's top ``limit`` names."""
    names = read_toplist(path, limit)
    if not names:
        raise ValidationFailed(
            "Danh sách trang phổ biến trống / the top-sites list is empty", field="path"
        )
    existing = set(
        session.scalars(
            select(AllowlistEntry.value).where(
                AllowlistEntry.kind == "domain", AllowlistEntry.agency_id.is_(None)
            )
        )
    )
    session.execute(
        delete(AllowlistEntry).where(
            AllowlistEntry.source == source, AllowlistEntry.value.not_in(names)
        )
    )
    fresh = [n for n in names if n not in existing]
    if fresh:
        session.execute(
            insert(AllowlistEntry),
            [
                {
                    "kind": "domain",
                    "value": n,
                    "display": n,
                    "reason": f"Top {limit} {source}",
                    "source": source,
                    "agency_id": None,
                }
                for n in fresh
            ],
        )
    audit.record(
        session,
        "allowlist.toplist_import",
        entity_type="allowlist_entries",
        entity_id=source,
        detail=f"names={len(names)} added={len(fresh)}",
    )
    return len(names)
