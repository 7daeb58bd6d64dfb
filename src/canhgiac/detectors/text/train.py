"""Training the text model: seed corpus + analysts' labels + any labelled files.

Two linear models over the same features: a binary scam / not-scam model whose decision
is calibrated (Platt scaling on cross-validated decisions) into the score, and a multinomial
model that names the category. The vocabulary is built only from the project's own
messages (seed corpus, platform labels, given files), never from development sets passed
as ``reference``, so a shipped model carries no text from them.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from threadpoolctl import threadpool_limits

from canhgiac.categories import BY_CODE, CATEGORIES, SCAM_CODES
from canhgiac.detectors.text.corpus import LabelledText, load_seed_corpus
from canhgiac.detectors.text.features import FeatureSpace, analyze
from canhgiac.detectors.text.model import TextModel
from canhgiac.detectors.text.normalize import normalize
from canhgiac.detectors.text.records import read_labelled
from canhgiac.detectors.text.signal_names import SIGNAL_NAMES
from canhgiac.detectors.text.signals import compute_signals
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.brands import load_brand_registry

MAX_TRAINING_ROWS = 2_000_000


@dataclass
class TrainingConfig:
    c_scam: float = 4.0
    c_category: float = 8.0
    min_df: int = 2
    max_features: int = 120_000
    signal_weight: float = 0.6
    weight_seed: float = 1.0
    weight_platform: float = 2.0  # analysts' verdicts on real messages count more
    weight_file: float = 1.0
    # Development sets teach "ordinary text is not fraud"; kept light so that their
    # advertising (some of it fraud-like) does not drown the project's own scam examples.
    weight_reference: float = 0.15
    calibration_folds: int = 5
    threshold: float = 0.5
    random_state: int = 13


@dataclass
class TrainedModel:
    model: TextModel
    report: dict[str, Any] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        self.model.save(path)


def _check(rows: Sequence[LabelledText]) -> None:
    for row in rows:
        if row.category not in BY_CODE:
            raise ValidationFailed(
                f"Nhãn “{row.category}” không phải mã loại đã biết / unknown category",
                field="category",
            )


def split_of(text: str, holdout_percent: int = 30) -> str:
    """A stable train/test split of development rows by a hash of the text."""
    return "test" if zlib.crc32(text.encode("utf-8")) % 100 < holdout_percent else "train"


def _with_senderless_copies(rows: Sequence[LabelledText]) -> list[LabelledText]:
    """Messages reach the detector with and without the sender: learn both."""
    out = list(rows)
    out.extend(LabelledText(r.text, r.category, None, r.source) for r in rows if r.sender)
    return out


def train_text_classifier(
    extra: Iterable[tuple[str, str]] = (),
    files: Iterable[Path] = (),
    *,
    labelled: Sequence[LabelledText] = (),
    reference: Sequence[LabelledText] = (),
    include_seed: bool = True,
    config: TrainingConfig | None = None,
) -> TrainedModel:
    """Train on the seed corpus + ``extra`` (text, category) labels from the platform's
    analysts + labelled ``files`` (columns text, category, optional sender) + ``labelled`` rows.

    ``reference`` rows (e.g. the shared development sets) tune the weights but never enter
    the vocabulary. BLAS runs on one thread: faster for these small sparse fits than
    several threads fighting over a shared machine.
    """
    with threadpool_limits(limits=1):
        return _train(
            extra,
            files,
            labelled=labelled,
            reference=reference,
            include_seed=include_seed,
            config=config,
        )


def _train(
    extra: Iterable[tuple[str, str]] = (),
    files: Iterable[Path] = (),
    *,
    labelled: Sequence[LabelledText] = (),
    reference: Sequence[LabelledText] = (),
    include_seed: bool = True,
    config: TrainingConfig | None = None,
) -> TrainedModel:
    config = config or TrainingConfig()
    own: list[LabelledText] = load_seed_corpus() if include_seed else []
    platform = [LabelledText(text, category, None, "platform") for text, category in extra]
    file_rows = [row for path in files for row in read_labelled(Path(path))] + list(labelled)
    own = own + platform + file_rows
    _check(own)
    _check(reference)
    if len(own) + len(reference) > MAX_TRAINING_ROWS:
        raise ValidationFailed(
            "Quá nhiều dữ liệu huấn luyện / too many training rows", field="files"
        )
    own_rows = _with_senderless_copies(own)
    rows = own_rows + list(reference)
    if len({r.category in SCAM_CODES for r in rows}) < 2:
        raise ValidationFailed(
            "Cần cả tin lừa đảo và tin không lừa đảo / need both scam and non-scam examples",
            field="files",
        )
    by_source = {"seed": config.weight_seed, "platform": config.weight_platform}
    weights = np.array(
        [by_source.get(r.source, config.weight_file) for r in own_rows]
        + [config.weight_reference] * len(reference),
        dtype=np.float64,
    )

    registry = load_brand_registry()
    normalized = [normalize(r.text) for r in rows]
    tokens = [analyze(n.folded) for n in normalized]
    signals = [
        compute_signals(n, r.sender, registry).values for n, r in zip(normalized, rows, strict=True)
    ]

    own_count = len(own_rows)
    vectorizer = TfidfVectorizer(
        analyzer=lambda t: t,
        binary=True,
        min_df=config.min_df,
        max_features=config.max_features,
        norm="l2",
        smooth_idf=True,
    )
    vectorizer.fit(tokens[:own_count])
    vocabulary = tuple(vectorizer.get_feature_names_out().tolist())
    space = FeatureSpace(vocabulary, vectorizer.idf_, SIGNAL_NAMES, config.signal_weight)
    matrix = space.transform(tokens, signals)

    y_scam = np.array([r.category in SCAM_CODES for r in rows], dtype=np.int64)
    scam_model = LogisticRegression(
        C=config.c_scam, class_weight="balanced", max_iter=3000, solver="liblinear"
    )
    scam_model.fit(matrix, y_scam, sample_weight=weights)

    # Calibrate on decisions the model made for rows it did not see.
    folds = StratifiedKFold(
        n_splits=config.calibration_folds, shuffle=True, random_state=config.random_state
    )
    held_out = np.zeros(len(rows))
    for train_idx, test_idx in folds.split(matrix, y_scam):
        fold_model = LogisticRegression(
            C=config.c_scam, class_weight="balanced", max_iter=3000, solver="liblinear"
        )
        fold_model.fit(matrix[train_idx], y_scam[train_idx], sample_weight=weights[train_idx])
        held_out[test_idx] = fold_model.decision_function(matrix[test_idx])
    platt = LogisticRegression(C=1e6, max_iter=1000)
    platt.fit(held_out.reshape(-1, 1), y_scam, sample_weight=weights)
    calibration = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))

    categories = tuple(c.code for c in CATEGORIES if c.code in {r.category for r in rows})
    y_category = np.array([categories.index(r.category) for r in rows])
    category_model = LogisticRegression(C=config.c_category, max_iter=3000)
    category_model.fit(matrix, y_category, sample_weight=weights)
    coef = category_model.coef_
    intercept = category_model.intercept_
    if len(categories) == 2:  # scikit-learn stores one row for two classes
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])

    held_out_p = 1 / (1 + np.exp(-(calibration[0] * held_out + calibration[1])))
    predicted = held_out_p >= config.threshold
    tp = int(np.sum(predicted & (y_scam == 1)))
    fp = int(np.sum(predicted & (y_scam == 0)))
    fn = int(np.sum(~predicted & (y_scam == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    report = {
        "rows": len(rows),
        "by_source": dict(Counter(r.source for r in rows)),
        "by_category": dict(Counter(r.category for r in own)),
        "vocabulary": len(vocabulary),
        "cv_precision": round(precision, 4),
        "cv_recall": round(recall, 4),
        "cv_f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall
        else 0.0,
    }
    model = TextModel(
        categories=categories,
        vocabulary=vocabulary,
        idf=np.asarray(vectorizer.idf_, dtype=np.float32),
        signal_names=SIGNAL_NAMES,
        signal_weight=config.signal_weight,
        category_coef=np.asarray(coef, dtype=np.float32),
        category_intercept=np.asarray(intercept, dtype=np.float32),
        scam_coef=np.asarray(scam_model.coef_[0], dtype=np.float32),
        scam_intercept=float(scam_model.intercept_[0]),
        calibration=calibration,
        threshold=config.threshold,
        metadata={
            "model_version": dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S"),
            "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "training": report,
        },
    )
    return TrainedModel(model=model, report=report)
