"""The result of normalising one indicator, shared by every per-kind normaliser."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NoReturn

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.kinds import IndicatorKind

# Raw input longer than this is rejected before any parsing (bounds time and memory).
MAX_RAW_LENGTH = 8192


@dataclass(frozen=True)
class NormalizedIndicator:
    """One real-world thing: ``(kind, value)`` is its identity key.

    ``value`` is canonical (two spellings of the same thing give the same value);
    ``display`` is the human form and normalises back to the same ``value``;
    ``extra`` carries derived facts (registrable domain, bank key, platform, region…).
    """

    kind: IndicatorKind
    value: str
    display: str
    extra: Mapping[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        # ``extra`` is a mapping (unhashable); identity is (kind, value) anyway.
        return hash((self.kind, self.value))

    def to_dict(self) -> dict[str, str]:
        data = {"kind": str(self.kind), "value": self.value, "display": self.display}
        for key, item in self.extra.items():
            data.setdefault(key, item)
        return data


def shorten(raw: str, limit: int = 80) -> str:
    """The raw value as quoted in an error message: bounded, one line."""
    flat = " ".join(raw.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def reject(what_vi: str, what_en: str, raw: str) -> NoReturn:
    """Raise the uniform bilingual validation error for the ``value`` field."""
    raise ValidationFailed(f"{what_vi} / {what_en}: '{shorten(raw)}'", field="value")


def check_length(raw: str) -> None:
    if len(raw) > MAX_RAW_LENGTH:
        raise ValidationFailed(
            f"Giá trị quá dài (tối đa {MAX_RAW_LENGTH} ký tự) / "
            f"Value too long (at most {MAX_RAW_LENGTH} characters)",
            field="value",
        )
