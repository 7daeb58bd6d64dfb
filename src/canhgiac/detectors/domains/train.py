"""Train the name model: logistic regression over hashed n-grams and dense features.

Inputs are plain host lists (one per line). The operating threshold is set from
out-of-fold scores of the legitimate names, split by registrable domain so that sub-domains of
one site never sit on both sides, at a target false-positive rate (default 0.1 %).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from canhgiac.detectors.domains.authored import authored_legitimate, authored_scam
from canhgiac.detectors.domains.features import HASH_BITS, FeatureExtractor, ngram_hashes
from canhgiac.detectors.domains.hostnames import clean_host, split_host
from canhgiac.detectors.domains.model import NameModel
from canhgiac.errors import ValidationFailed

MAX_TRAINING_NAMES = 2_000_000


@dataclass(frozen=True)
class TrainingConfig:
    c: float = 2.0  # inverse L2 strength
    target_fpr: float = 0.001
    # Safety margin: aim below the target on out-of-fold scores, since a new list is noisier.
    fpr_margin: float = 0.5
    folds: int = 3
    seed: int = 13
    min_df: int = 3  # n-gram buckets seen in fewer training names are dropped (no memorising)
    authored_weight: float = 1.0
    # > 1 trades recall for fewer false positives; the operating point is a very low FPR.
    negative_weight: float = 3.0
    use_authored: bool = True
    max_iter: int = 200


def read_names(path: Path, *, limit: int = MAX_TRAINING_NAMES) -> list[str]:
    """Names from a list file: one per line, ``#`` comments and blank lines skipped."""
    names: list[str] = []
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                text = line.strip()
                if not text or text.startswith("#"):
                    continue
                if len(names) >= limit:
                    raise ValidationFailed(
                        f"Tệp {path} có quá {limit} dòng / more than {limit} lines", field="input"
                    )
                names.append(text[:2048])
    except OSError as exc:
        raise ValidationFailed(
            f"Không đọc được tệp {path}: {exc.strerror} / Cannot read file", field="input"
        ) from exc
    return names


def registrable_of(name: str) -> str:
    try:
        return split_host(clean_host(name)).registrable
    except ValidationFailed:
        return name


def family_of(name: str) -> str:
    """A coarse family key: the registrable label's first letters without digits.

    Scam lists hold runs of near-identical names (``vn-cr.top``, ``vn-iss.top``); splitting by
    family keeps a run on one side so a held-out score says something about new names.
    """
    label = registrable_of(name).split(".", 1)[0]
    letters = "".join(ch for ch in label if ch.isalpha())
    return letters[:4] or label[:4]


def _bucket(key: str, seed: int, buckets: int) -> int:
    digest = hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % buckets


def split_names(
    names: Sequence[str], *, test_fraction: float, seed: int, by: str = "registrable"
) -> tuple[list[str], list[str]]:
    """Deterministic split where every name of one group lands on the same side."""
    key_of = family_of if by == "family" else registrable_of
    cut = round(test_fraction * 1000)
    train: list[str] = []
    test: list[str] = []
    for name in names:
        (test if _bucket(key_of(name), seed, 1000) < cut else train).append(name)
    return train, test


def fold_of(names: Sequence[str], folds: int, seed: int) -> npt.NDArray[np.int64]:
    return np.array([_bucket(registrable_of(n), seed, folds) for n in names], dtype=np.int64)


@dataclass
class Design:
    ngrams: sparse.csr_matrix
    dense: npt.NDArray[np.float32]
    keep: npt.NDArray[np.bool_]  # rows whose name parsed


def design(extractor: FeatureExtractor, names: list[str]) -> Design:
    batch = extractor.extract(names)
    keep = np.array([e is None for e in batch.errors], dtype=bool)
    texts = [batch.folded[i] for i in np.flatnonzero(keep)]
    cols, rows = ngram_hashes(texts)
    counts = np.maximum(np.bincount(rows, minlength=len(texts)), 1)
    vals = 1.0 / np.sqrt(counts[rows])
    matrix = sparse.csr_matrix(
        (vals, (rows, cols)), shape=(len(texts), 1 << HASH_BITS), dtype=np.float64
    )
    matrix.sum_duplicates()
    return Design(matrix, batch.dense[keep], keep)


def _fit(
    ngrams: sparse.csr_matrix,
    dense: npt.NDArray[np.float32],
    y: npt.NDArray[np.int64],
    weights: npt.NDArray[np.float64],
    config: TrainingConfig,
) -> NameModel:
    df = np.asarray((ngrams > 0).sum(axis=0)).ravel()
    allowed = df >= config.min_df
    ngrams = ngrams @ sparse.diags(allowed.astype(np.float64))
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale < 1e-6] = 1.0
    dense_std = (dense - mean) / scale
    x = sparse.hstack([ngrams, sparse.csr_matrix(dense_std)], format="csr")
    clf = LogisticRegression(
        C=config.c,
        solver="liblinear",
        max_iter=config.max_iter,
        tol=1e-3,
        random_state=config.seed,
    )
    clf.fit(x, y, sample_weight=weights)
    coef = clf.coef_.ravel()
    n_hash = 1 << HASH_BITS
    ngram_w = np.where(allowed, coef[:n_hash], 0.0).astype(np.float32)
    return NameModel(
        ngram_weights=ngram_w,
        dense_weights=coef[n_hash:].astype(np.float32),
        dense_mean=mean.astype(np.float32),
        dense_scale=scale.astype(np.float32),
        bias=float(clf.intercept_[0]),
        threshold=0.0,
    )


def model_logits(model: NameModel, d: Design) -> npt.NDArray[np.float64]:
    dense_std = (d.dense - model.dense_mean) / model.dense_scale
    return np.asarray(
        d.ngrams @ model.ngram_weights.astype(np.float64)
        + dense_std.astype(np.float64) @ model.dense_weights
        + model.bias
    ).ravel()


def _labelled(
    positives: Iterable[str], negatives: Iterable[str], config: TrainingConfig
) -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    pos = list(positives)
    neg = list(negatives)
    names = pos + neg
    labels = [1] * len(pos) + [0] * len(neg)
    weights = [1.0] * len(names)
    if config.use_authored:
        extra_pos = authored_scam()
        extra_neg = authored_legitimate()
        names += extra_pos + extra_neg
        labels += [1] * len(extra_pos) + [0] * len(extra_neg)
        weights += [config.authored_weight] * (len(extra_pos) + len(extra_neg))
    y = np.array(labels, dtype=np.int64)
    w = np.array(weights, dtype=np.float64)
    # Balance the classes so the decision boundary does not just follow list sizes.
    for cls in (0, 1):
        mask = y == cls
        if mask.any():
            w[mask] *= len(y) / (2.0 * w[mask].sum())
    w[y == 0] *= config.negative_weight
    return names, y, w


def threshold_for_fpr(negative_logits: npt.NDArray[np.float64], fpr: float) -> float:
    """Smallest logit above which at most ``fpr`` of the negatives fall."""
    if negative_logits.size == 0:
        return 0.0
    ordered = np.sort(negative_logits)[::-1]
    allowed = int(np.floor(fpr * ordered.size))
    if allowed >= ordered.size:
        return float(ordered[-1])
    return float(np.nextafter(ordered[allowed], np.inf))


def train_model(
    extractor: FeatureExtractor,
    positives: Iterable[str],
    negatives: Iterable[str],
    config: TrainingConfig | None = None,
    *,
    sources: Sequence[str] = (),
) -> NameModel:
    """Fit on all names; set the threshold from grouped out-of-fold scores of the negatives."""
    config = config or TrainingConfig()
    started = time.monotonic()
    names, y, w = _labelled(positives, negatives, config)
    if not (y == 1).any() or not (y == 0).any():
        raise ValidationFailed(
            "Cần cả tên lừa đảo và tên hợp lệ để huấn luyện / need both positive and negative "
            "names",
            field="input",
        )
    d = design(extractor, names)
    y, w = y[d.keep], w[d.keep]
    kept_names = [n for n, k in zip(names, d.keep, strict=True) if k]
    folds = fold_of(kept_names, config.folds, config.seed)
    oof = np.zeros(len(y))
    for k in range(config.folds):
        test = folds == k
        fold_model = _fit(d.ngrams[~test], d.dense[~test], y[~test], w[~test], config)
        oof[test] = model_logits(fold_model, Design(d.ngrams[test], d.dense[test], d.keep))
    threshold = threshold_for_fpr(oof[y == 0], config.target_fpr * config.fpr_margin)
    oof_recall = float((oof[y == 1] >= threshold).mean())
    model = _fit(d.ngrams, d.dense, y, w, config)
    model.threshold = threshold
    model.meta = {
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "positives": int((y == 1).sum()),
        "negatives": int((y == 0).sum()),
        "target_fpr": config.target_fpr,
        "out_of_fold_recall": round(oof_recall, 4),
        "out_of_fold_fpr": round(float((oof[y == 0] >= threshold).mean()), 5),
        "c": config.c,
        "min_df": config.min_df,
        "sources": list(sources),
        "seconds": round(time.monotonic() - started, 1),
    }
    return model
