"""Audit events as CSV or JSON Lines for export (web page and API share these)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from canhgiac.accounts.audit import event_to_dict
from canhgiac.accounts.models import AuditEvent

EXPORT_FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
CSV_COLUMNS = (
    "id",
    "at",
    "actor",
    "actor_user_id",
    "agency_id",
    "action",
    "entity_type",
    "entity_id",
    "ip",
    "detail",
    "before",
    "after",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    # Spreadsheets run cells starting with these as formulas (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def events_csv(events: Iterable[AuditEvent]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # A BOM lets spreadsheet programs read the Vietnamese text as UTF-8.
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    for ev in events:
        buffer.seek(0)
        buffer.truncate()
        row = event_to_dict(ev)
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
        yield buffer.getvalue()


def events_jsonl(events: Iterable[AuditEvent]) -> Iterator[str]:
    for ev in events:
        yield json.dumps(event_to_dict(ev), ensure_ascii=False) + "\n"


def export_lines(events: Iterable[AuditEvent], fmt: str) -> Iterator[str]:
    return events_csv(events) if fmt == "csv" else events_jsonl(events)
