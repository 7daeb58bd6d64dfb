"""Honest figures on labelled lists: train on one part, measure on the part never seen.

Scoring a model on the lists it learned from measures memory (the shipped model reaches
recall 0.98 on its own training lists). Here the lists are split by registrable domain, or by
name family so that runs of near-identical scam names (``vn-cr.top``, ``vn-iss.top``) stay on
one side; a fresh model is trained on the larger part with the shipped settings and the
project's authored names, and scored on the rest. The false-positive rate is also given per
legitimate list, since one list can hold most of the false positives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from canhgiac.detectors.domains.evaluate import Evaluation, summarise
from canhgiac.detectors.domains.scorer import DomainScore, DomainScorer, build_extractor
from canhgiac.detectors.domains.train import TrainingConfig, split_names, train_model
from canhgiac.errors import ValidationFailed


@dataclass(frozen=True)
class ListRate:
    name: str
    names: int
    flagged: int
    examples: tuple[str, ...]

    @property
    def false_positive_rate(self) -> float:
        return self.flagged / self.names if self.names else 0.0


@dataclass(frozen=True)
class HeldOutResult:
    evaluation: Evaluation  # on the held-out part only
    lists: tuple[ListRate, ...]  # held-out FPR of each legitimate list
    split_by: str
    test_fraction: float
    seed: int
    train_positives: int
    train_negatives: int
    scorer: DomainScorer  # the model trained on the larger part
    positive_scores: tuple[DomainScore, ...]  # the held-out names, scored once
    negative_scores: tuple[DomainScore, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.evaluation.to_dict(),
            "split_by": self.split_by,
            "test_fraction": self.test_fraction,
            "seed": self.seed,
            "train_positives": self.train_positives,
            "train_negatives": self.train_negatives,
            "lists": [
                {
                    "name": r.name,
                    "names": r.names,
                    "false_positives": r.flagged,
                    "false_positive_rate": round(r.false_positive_rate, 6),
                    "examples": list(r.examples),
                }
                for r in self.lists
            ],
            "model": {k: v for k, v in self.scorer.model.meta.items() if k != "sources"},
        }


def held_out_evaluation(
    positives: Sequence[str],
    negative_lists: Mapping[str, Sequence[str]],
    *,
    test_fraction: float = 0.3,
    split_by: str = "family",
    seed: int = 1,
    config: TrainingConfig | None = None,
    base_rate: float = 0.01,
    target_fpr: float = 0.001,
    examples: int = 10,
) -> HeldOutResult:
    """Train on ``1 - test_fraction`` of the names, report on the rest."""
    if not 0.0 < test_fraction < 1.0:
        raise ValidationFailed(
            "Phần giữ lại phải trong khoảng (0, 1) / held-out share must be in (0, 1)",
            field="held_out",
        )
    if split_by not in ("family", "registrable"):
        raise ValidationFailed(
            "Cách chia phải là family hoặc registrable / split by family or registrable",
            field="split_by",
        )
    list_of: dict[str, int] = {}
    for index, names in enumerate(negative_lists.values()):
        for name in names:
            list_of.setdefault(name, index)
    negatives = list(list_of)
    pos_train, pos_test = split_names(
        positives, test_fraction=test_fraction, seed=seed, by=split_by
    )
    neg_train, neg_test = split_names(
        negatives, test_fraction=test_fraction, seed=seed, by=split_by
    )
    if not pos_test or not neg_test:
        raise ValidationFailed(
            "Danh sách quá nhỏ để giữ lại một phần / lists too small to hold a part out",
            field="held_out",
        )
    extractor, brand_names = build_extractor()
    model = train_model(
        extractor,
        pos_train,
        neg_train,
        config or TrainingConfig(),
        negative_lists=[list_of[n] for n in neg_train],
    )
    scorer = DomainScorer(model, extractor, None, brand_names)
    pos_scores = scorer.score_many(pos_test)
    scores = scorer.score_many(neg_test)
    result = summarise(
        scorer, pos_scores, scores, base_rate=base_rate, target_fpr=target_fpr, examples=examples
    )
    rates = []
    for index, list_name in enumerate(negative_lists):
        mine = [s for s, n in zip(scores, neg_test, strict=True) if list_of[n] == index]
        valid = [s for s in mine if s.error is None]
        flagged = [s.domain for s in valid if s.is_suspicious]
        rates.append(ListRate(list_name, len(valid), len(flagged), tuple(flagged[:examples])))
    return HeldOutResult(
        evaluation=result,
        lists=tuple(rates),
        split_by=split_by,
        test_fraction=test_fraction,
        seed=seed,
        train_positives=len(pos_train),
        train_negatives=len(neg_train),
        scorer=scorer,
        positive_scores=tuple(pos_scores),
        negative_scores=tuple(scores),
    )
