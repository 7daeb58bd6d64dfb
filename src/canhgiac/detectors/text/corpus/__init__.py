"""The project's own seed corpus of Vietnamese messages (text, category, optional sender).

``seed_handwritten.csv`` is written by hand; ``seed_generated.csv`` is produced from the
templates in this package by ``build.py`` and committed. Neither contains messages copied
from public collections.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).parent
SEED_FILES = ("seed_handwritten.csv", "seed_generated.csv")


@dataclass(frozen=True)
class LabelledText:
    text: str
    category: str
    sender: str | None = None
    source: str = "seed"


def load_seed_corpus() -> list[LabelledText]:
    rows: list[LabelledText] = []
    for name in SEED_FILES:
        with (CORPUS_DIR / name).open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle):
                rows.append(
                    LabelledText(
                        record["text"], record["category"], record.get("sender") or None, "seed"
                    )
                )
    return rows
