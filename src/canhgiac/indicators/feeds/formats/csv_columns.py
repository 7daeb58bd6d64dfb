"""CSV feeds with a column mapping (by header name or 0-based index)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds.detect import guess_kind
from canhgiac.indicators.feeds.lines import FeedSource, iter_lines, open_binary
from canhgiac.indicators.feeds.model import FeedEntry, FeedItem, FeedProblem, clip
from canhgiac.indicators.feeds.timeparse import parse_time

Column = str | int
_MAPPING_KEYS = frozenset(
    {
        "value", "kind", "category", "family", "first_seen", "extra", "delimiter",
        "has_header", "comment_prefix", "default_category",
    }
)  # fmt: skip


@dataclass(frozen=True)
class CsvMapping:
    """Which column holds what. ``value`` is required; the rest are optional."""

    value: Column
    kind: Column | None = None
    category: Column | None = None
    family: Column | None = None
    first_seen: Column | None = None
    extra: tuple[Column, ...] = ()
    delimiter: str = ","
    has_header: bool = True
    comment_prefix: str | None = "#"
    default_category: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CsvMapping:
        """Build from stored feed settings (JSON), with errors naming the bad key."""
        if not isinstance(data, Mapping):
            raise ValidationFailed(
                "Ánh xạ cột phải là đối tượng / mapping must be an object", field="csv_mapping"
            )
        unknown = set(data) - _MAPPING_KEYS
        if unknown:
            name = sorted(unknown)[0]
            raise ValidationFailed(
                f"Khóa không hỗ trợ / unknown mapping key '{name}'", field=f"csv_mapping.{name}"
            )
        if "value" not in data:
            raise ValidationFailed(
                "Thiếu cột chỉ báo / the 'value' column is required", field="csv_mapping.value"
            )

        def column(name: str) -> Column | None:
            value = data.get(name)
            if value is None or (
                isinstance(value, int) and not isinstance(value, bool) and value >= 0
            ):
                return value
            if isinstance(value, str) and value.strip():
                return value.strip()
            raise ValidationFailed(
                f"Cột '{name}' phải là tên hoặc số thứ tự / column must be a name or index",
                field=f"csv_mapping.{name}",
            )

        extra = data.get("extra", [])
        if not isinstance(extra, list):
            raise ValidationFailed(
                "'extra' phải là danh sách / must be a list", field="csv_mapping.extra"
            )
        delimiter = data.get("delimiter", ",")
        if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in '\r\n"':
            raise ValidationFailed(
                "Ký tự phân cách phải là một ký tự / delimiter must be one character",
                field="csv_mapping.delimiter",
            )
        has_header = data.get("has_header", True)
        if not isinstance(has_header, bool):
            raise ValidationFailed("has_header phải là true/false", field="csv_mapping.has_header")
        comment = data.get("comment_prefix", "#")
        default_category = data.get("default_category")
        for key, text in (("comment_prefix", comment), ("default_category", default_category)):
            if text is not None and (not isinstance(text, str) or len(text) > 64):
                raise ValidationFailed(
                    "Giá trị không hợp lệ / invalid value", field=f"csv_mapping.{key}"
                )
        value_column = column("value")
        if value_column is None:
            raise ValidationFailed(
                "Thiếu cột chỉ báo / the 'value' column is required", field="csv_mapping.value"
            )
        extras: list[Column] = []
        for item in extra:
            if isinstance(item, bool) or not isinstance(item, str | int):
                raise ValidationFailed(
                    "Cột thêm không hợp lệ / bad extra column", field="csv_mapping.extra"
                )
            extras.append(item)
        return cls(
            value=value_column,
            kind=column("kind"),
            category=column("category"),
            family=column("family"),
            first_seen=column("first_seen"),
            extra=tuple(extras),
            delimiter=delimiter,
            has_header=has_header,
            comment_prefix=comment or None,
            default_category=default_category,
        )

    def columns(self) -> dict[str, Column]:
        named = {
            "value": self.value,
            "kind": self.kind,
            "category": self.category,
            "family": self.family,
            "first_seen": self.first_seen,
        }
        return {k: v for k, v in named.items() if v is not None}


def _text_lines(
    stream_items: Iterator[tuple[int, str] | FeedProblem],
    problems: list[FeedProblem],
    comment_prefix: str | None,
) -> Iterator[str]:
    for item in stream_items:
        if isinstance(item, FeedProblem):
            problems.append(item)
            yield "\n"  # keep csv.reader's line count aligned with the file
            continue
        _, text = item
        if comment_prefix and text.lstrip().startswith(comment_prefix):
            yield "\n"
            continue
        yield text + "\n"


def resolve(column: Column, header: list[str] | None, field: str) -> int:
    if isinstance(column, int):
        if column < 0:
            raise ValidationFailed(f"Cột không hợp lệ / invalid column {column}", field=field)
        return column
    if header is None:
        raise ValidationFailed(
            f"Cột '{column}' cần dòng tiêu đề / column '{column}' needs a header row", field=field
        )
    wanted = column.strip().lower()
    for index, name in enumerate(header):
        if name.strip().lower() == wanted:
            return index
    raise ValidationFailed(
        f"Không có cột '{column}' / no column '{column}' in the header", field=field
    )


def parse(
    source: FeedSource, mapping: CsvMapping, *, file: str | None = None
) -> Iterator[FeedItem]:
    problems: list[FeedProblem] = []
    with open_binary(source) as stream:
        lines = _text_lines(iter_lines(stream, file=file), problems, mapping.comment_prefix)
        reader = csv.reader(lines, delimiter=mapping.delimiter)
        header: list[str] | None = None
        index: dict[str, int] | None = None
        extra_index: list[tuple[str, int]] = []
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield FeedProblem(reader.line_num, f"CSV hỏng / malformed CSV: {exc}", None, file)
                continue
            line_no = reader.line_num
            yield from problems
            problems.clear()
            if not row or all(not cell.strip() for cell in row):
                continue
            if index is None:
                if mapping.has_header:
                    header = row
                    index, extra_index = _indexes(mapping, header)
                    continue
                index, extra_index = _indexes(mapping, None)
            yield _row_item(line_no, row, index, extra_index, mapping, file)
        yield from problems


def _indexes(
    mapping: CsvMapping, header: list[str] | None
) -> tuple[dict[str, int], list[tuple[str, int]]]:
    index = {name: resolve(col, header, name) for name, col in mapping.columns().items()}
    extra = []
    for col in mapping.extra:
        position = resolve(col, header, "extra")
        label = header[position] if header and position < len(header) else str(col)
        extra.append((label.strip(), position))
    return index, extra


def _row_item(
    line_no: int,
    row: list[str],
    index: dict[str, int],
    extra_index: list[tuple[str, int]],
    mapping: CsvMapping,
    file: str | None,
) -> FeedItem:
    def cell(name: str) -> str | None:
        position = index.get(name)
        if position is None or position >= len(row):
            return None
        return row[position].strip() or None

    value = cell("value")
    if value is None:
        return FeedProblem(line_no, "thiếu giá trị chỉ báo / indicator column is empty", None, file)
    if len(value) > 8192:
        return FeedProblem(line_no, "giá trị quá dài / value too long", None, file)
    declared = cell("kind")
    guess = guess_kind(value)
    kind = declared.lower() if declared else guess.kind
    extra = dict(guess.extra)
    for label, position in extra_index:
        if position < len(row) and row[position].strip():
            extra[label] = clip(row[position].strip())
    raw = value if declared else guess.value
    return FeedEntry(
        line_no,
        raw,
        kind,
        cell("category") or mapping.default_category,
        cell("family"),
        parse_time(cell("first_seen")),
        extra,
        file,
    )
