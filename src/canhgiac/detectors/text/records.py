"""Reading message files: CSV, TSV or JSON Lines, one message per row, with bounds."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from canhgiac.categories import BY_CODE
from canhgiac.detectors.text.corpus import LabelledText
from canhgiac.errors import ValidationFailed

MAX_ROWS = 5_000_000
MAX_FIELD_CHARS = 100_000

csv.field_size_limit(MAX_FIELD_CHARS)


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson", ".json"}:
        return "jsonl"
    if suffix in {".tsv", ".tab"}:
        return "tsv"
    return "csv"


def read_records(path: Path, *, max_rows: int = MAX_ROWS) -> Iterator[dict[str, Any]]:
    """Rows of the file as dicts; JSON Lines objects or CSV/TSV rows keyed by header."""
    if not path.is_file():
        raise ValidationFailed(f"Không tìm thấy tệp {path} / file not found", field="input")
    kind = _format_of(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        if kind == "jsonl":
            for number, line in enumerate(handle, start=1):
                if number > max_rows:
                    raise ValidationFailed(
                        f"Quá {max_rows} dòng / more than {max_rows} rows", field="input"
                    )
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValidationFailed(
                        f"Dòng {number} không phải JSON hợp lệ / line {number} is not valid JSON",
                        field="input",
                    ) from exc
                if not isinstance(record, dict):
                    raise ValidationFailed(
                        f"Dòng {number} không phải đối tượng JSON / line {number} is not an object",
                        field="input",
                    )
                yield record
            return
        reader = csv.DictReader(handle, delimiter="\t" if kind == "tsv" else ",")
        try:
            for number, row in enumerate(reader, start=1):
                if number > max_rows:
                    raise ValidationFailed(
                        f"Quá {max_rows} dòng / more than {max_rows} rows", field="input"
                    )
                yield row
        except csv.Error as exc:
            raise ValidationFailed(f"Tệp CSV lỗi: {exc} / malformed CSV", field="input") from exc


def require_column(record: dict[str, Any], column: str, option: str) -> Any:
    if column not in record:
        raise ValidationFailed(
            f"Không có cột “{column}” (có: {', '.join(map(str, record))}) / no column “{column}”",
            field=option,
        )
    return record[column]


def read_labelled(
    path: Path,
    *,
    text_column: str = "text",
    label_column: str = "category",
    sender_column: str | None = "sender",
) -> list[LabelledText]:
    """Labelled messages for training; every label must be a known category code."""
    rows: list[LabelledText] = []
    for record in read_records(path):
        text = require_column(record, text_column, "text_column")
        label = str(require_column(record, label_column, "label_column")).strip()
        if label not in BY_CODE:
            raise ValidationFailed(
                f"Nhãn “{label}” không phải mã loại đã biết / unknown category “{label}”",
                field="label_column",
            )
        sender = record.get(sender_column) if sender_column else None
        if not isinstance(text, str) or not text.strip():
            continue
        rows.append(LabelledText(text, label, str(sender) if sender else None, str(path.name)))
    return rows
