"""Lenient timestamp parsing for feed fields (ISO 8601, 'YYYY-MM-DD HH:MM:SS', epoch)."""

from __future__ import annotations

from datetime import UTC, datetime

# Feeds sometimes carry nonsense dates; anything outside this window is dropped.
_MIN = datetime(1990, 1, 1, tzinfo=UTC)
_MAX = datetime(2100, 1, 1, tzinfo=UTC)


def parse_time(value: object) -> datetime | None:
    """A timezone-aware UTC datetime, or None when the value is absent or unreadable.

    Naive times are taken as UTC (URLhaus, MISP and maltrail publish UTC).
    """
    if value is None or isinstance(value, bool):
        return None
    parsed: datetime | None = None
    if isinstance(value, int | float):
        parsed = _from_epoch(float(value))
    elif isinstance(value, str):
        text = value.strip()
        if not text or len(text) > 40:
            return None
        if text.isdigit():
            parsed = _from_epoch(float(text))
        else:
            try:
                parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    parsed = parsed.astimezone(UTC)
    return parsed if _MIN <= parsed < _MAX else None


def _from_epoch(seconds: float) -> datetime | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
