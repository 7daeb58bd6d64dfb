"""Precision, recall, F1 and a confusion matrix for the scam / not-scam decision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from canhgiac.detectors.text.classifier import TextClassifier
from canhgiac.detectors.text.records import read_records, require_column
from canhgiac.errors import ValidationFailed

BATCH = 2000


@dataclass
class BinaryReport:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    # (true label, predicted category) counts, to see where errors go
    by_label: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def flag_rate(self) -> float:
        return (self.tp + self.fp) / self.total if self.total else 0.0

    def add(self, actual: bool, predicted: bool, label: str = "", category: str = "") -> None:
        if actual and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1
        if label or category:
            self.by_label[(label, category)] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.total,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "flag_rate": round(self.flag_rate, 4),
            "confusion": {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn},
        }

    def format(self) -> str:
        head = f"{'':<32}{'dự đoán lừa đảo':>18}{'dự đoán không':>16}"
        head_en = f"{'':<32}{'predicted scam':>18}{'predicted not':>16}"
        return "\n".join(
            [
                f"rows={self.total}  precision={self.precision:.4f}  recall={self.recall:.4f}  "
                f"F1={self.f1:.4f}",
                head,
                head_en,
                f"{'thực tế lừa đảo / actual scam':<32}{self.tp:>18}{self.fn:>16}",
                f"{'không lừa đảo / actual not':<32}{self.fp:>18}{self.tn:>16}",
            ]
        )


def score_texts(
    classifier: TextClassifier,
    texts: Sequence[str],
    actual: Sequence[bool],
    labels: Sequence[str] | None = None,
    senders: Sequence[str | None] | None = None,
) -> BinaryReport:
    report = BinaryReport()
    for start in range(0, len(texts), BATCH):
        chunk = texts[start : start + BATCH]
        chunk_senders = senders[start : start + BATCH] if senders is not None else None
        verdicts = classifier.classify_many(chunk, chunk_senders)
        for offset, verdict in enumerate(verdicts):
            index = start + offset
            report.add(
                actual[index],
                verdict.is_scam,
                labels[index] if labels is not None else "",
                verdict.category,
            )
    return report


def evaluate_file(
    classifier: TextClassifier,
    path: Path,
    *,
    text_column: str,
    label_column: str,
    positive: Sequence[str],
    sender_column: str | None = None,
) -> BinaryReport:
    """Score a labelled CSV/JSONL file: rows whose label is in ``positive`` are scams."""
    wanted = {p.strip() for p in positive if p.strip()}
    if not wanted:
        raise ValidationFailed(
            "Cần ít nhất một nhãn dương / need a positive label", field="positive"
        )
    texts: list[str] = []
    actual: list[bool] = []
    labels: list[str] = []
    senders: list[str | None] = []
    for record in read_records(path):
        text = require_column(record, text_column, "text_column")
        label = str(require_column(record, label_column, "label_column")).strip()
        texts.append(str(text) if text is not None else "")
        actual.append(label in wanted)
        labels.append(label)
        if sender_column:
            value = record.get(sender_column)
            senders.append(str(value) if value else None)
    return score_texts(classifier, texts, actual, labels, senders if sender_column else None)
