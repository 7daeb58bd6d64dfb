"""Measure the scorer on labelled lists: recall, false-positive rate, precision at a base rate.

Precision on a test file says little when its class mix differs from real traffic, so it is
reported at a stated base rate (the share of scam names among the names being scored).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from canhgiac.detectors.domains.scorer import DomainScore, DomainScorer


@dataclass(frozen=True)
class Evaluation:
    positives: int
    negatives: int
    invalid: int  # unusable lines, left out of every figure
    threshold: float  # operating threshold on the 0..1 score scale
    true_positives: int
    false_positives: int
    recall: float
    false_positive_rate: float
    base_rate: float
    precision_at_base_rate: float
    # Threshold that would meet the target FPR on these negatives, and the recall there.
    target_fpr: float
    threshold_at_target_fpr: float
    recall_at_target_fpr: float
    official_flagged: tuple[str, ...] = field(default=())  # must stay empty
    false_positive_examples: tuple[str, ...] = field(default=())
    missed_examples: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("official_flagged", "false_positive_examples", "missed_examples"):
            data[key] = list(data[key])
        return data


def precision_at(recall: float, fpr: float, base_rate: float) -> float:
    flagged = recall * base_rate + fpr * (1.0 - base_rate)
    return recall * base_rate / flagged if flagged > 0 else 0.0


def _threshold_for(neg_scores: np.ndarray, fpr: float) -> float:
    if neg_scores.size == 0:
        return 0.5
    ordered = np.sort(neg_scores)[::-1]
    allowed = int(np.floor(fpr * ordered.size))
    if allowed >= ordered.size:
        return float(ordered[-1])
    return float(np.nextafter(ordered[allowed], np.inf))


def evaluate_scores(
    pos: Sequence[DomainScore],
    neg: Sequence[DomainScore],
    *,
    threshold: float,
    base_rate: float = 0.01,
    target_fpr: float = 0.001,
    examples: int = 10,
) -> Evaluation:
    pos_ok = [s for s in pos if s.error is None]
    neg_ok = [s for s in neg if s.error is None]
    invalid = len(pos) + len(neg) - len(pos_ok) - len(neg_ok)
    tp = sum(s.is_suspicious for s in pos_ok)
    fp_list = [s for s in neg_ok if s.is_suspicious]
    recall = tp / len(pos_ok) if pos_ok else 0.0
    fpr = len(fp_list) / len(neg_ok) if neg_ok else 0.0
    pos_scores = np.array([s.score for s in pos_ok], dtype=np.float64)
    neg_scores = np.array([s.score for s in neg_ok], dtype=np.float64)
    t_target = _threshold_for(neg_scores, target_fpr)
    recall_target = float((pos_scores >= t_target).mean()) if pos_ok else 0.0
    fp_sorted = sorted(fp_list, key=lambda s: -s.score)
    missed = [s for s in pos_ok if not s.is_suspicious][:examples]
    return Evaluation(
        positives=len(pos_ok),
        negatives=len(neg_ok),
        invalid=invalid,
        threshold=threshold,
        true_positives=tp,
        false_positives=len(fp_list),
        recall=round(recall, 4),
        false_positive_rate=round(fpr, 6),
        base_rate=base_rate,
        precision_at_base_rate=round(precision_at(recall, fpr, base_rate), 4),
        target_fpr=target_fpr,
        threshold_at_target_fpr=round(t_target, 4),
        recall_at_target_fpr=round(recall_target, 4),
        false_positive_examples=tuple(s.domain for s in fp_sorted[:examples]),
        missed_examples=tuple(s.domain for s in missed),
    )


def evaluate(
    scorer: DomainScorer,
    positives: Sequence[str],
    negatives: Sequence[str],
    *,
    base_rate: float = 0.01,
    target_fpr: float = 0.001,
    examples: int = 10,
) -> Evaluation:
    """Score both lists with ``scorer`` and summarise."""
    pos = scorer.score_many(positives, errors="mark")
    neg = scorer.score_many(negatives, errors="mark")
    return summarise(
        scorer, pos, neg, base_rate=base_rate, target_fpr=target_fpr, examples=examples
    )


def summarise(
    scorer: DomainScorer,
    pos: Sequence[DomainScore],
    neg: Sequence[DomainScore],
    *,
    base_rate: float = 0.01,
    target_fpr: float = 0.001,
    examples: int = 10,
) -> Evaluation:
    """Summarise lists already scored by ``scorer``."""
    official = tuple(
        s.domain
        for s in (*pos, *neg)
        if s.error is None and s.is_suspicious and scorer.is_official_host(s.domain)
    )
    result = evaluate_scores(
        pos,
        neg,
        threshold=scorer.config.threshold,
        base_rate=base_rate,
        target_fpr=target_fpr,
        examples=examples,
    )
    return replace(result, official_flagged=official)
