"""The trained text model and its safe on-disk format.

A ``.npz`` file of plain arrays — vocabulary strings, idf weights, linear coefficients — and a
JSON metadata string. It is read with ``allow_pickle=False``, so loading a model file can never
run code, and it loads in well under a second.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from canhgiac.detectors.text.features import FeatureSpace
from canhgiac.errors import ValidationFailed

FORMAT = "canhgiac-text-model"
FORMAT_VERSION = 1
SHIPPED_MODEL = Path(__file__).with_name("shipped") / "text-model-v1.npz"
MAX_MODEL_BYTES = 200 * 1024 * 1024


@dataclass
class TextModel:
    """Everything inference needs, as plain numbers and strings."""

    categories: tuple[str, ...]
    vocabulary: tuple[str, ...]
    idf: np.ndarray  # (n_text,)
    signal_names: tuple[str, ...]
    signal_weight: float
    category_coef: np.ndarray  # (n_categories, n_features)
    category_intercept: np.ndarray  # (n_categories,)
    scam_coef: np.ndarray  # (n_features,)
    scam_intercept: float
    calibration: tuple[float, float]  # Platt scaling: p = sigmoid(a * decision + b)
    threshold: float = 0.5
    metadata: dict[str, Any] = field(default_factory=dict)

    def feature_space(self) -> FeatureSpace:
        return FeatureSpace(self.vocabulary, self.idf, self.signal_names, self.signal_weight)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = dict(self.metadata)
        meta.update(
            format=FORMAT,
            format_version=FORMAT_VERSION,
            categories=list(self.categories),
            signal_names=list(self.signal_names),
            signal_weight=self.signal_weight,
            scam_intercept=self.scam_intercept,
            calibration=list(self.calibration),
            threshold=self.threshold,
        )
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                metadata=np.array(json.dumps(meta, ensure_ascii=False)),
                vocabulary=np.array(self.vocabulary, dtype=np.str_),
                idf=self.idf.astype(np.float32),
                category_coef=self.category_coef.astype(np.float32),
                category_intercept=self.category_intercept.astype(np.float32),
                scam_coef=self.scam_coef.astype(np.float32),
            )


def _invalid(path: Path, problem_vi: str, problem_en: str) -> ValidationFailed:
    return ValidationFailed(
        f"Tệp mô hình {path}: {problem_vi} / model file: {problem_en}", field="model"
    )


def load_model(path: Path | None = None) -> TextModel:
    """Read a model file written by ``TextModel.save`` (never unpickles anything)."""
    path = path or SHIPPED_MODEL
    if not path.is_file():
        raise _invalid(path, "không tồn tại", "does not exist")
    if path.stat().st_size > MAX_MODEL_BYTES:
        raise _invalid(path, "quá lớn", "too large")
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["metadata"]))
            arrays = {
                name: data[name]
                for name in (
                    "vocabulary",
                    "idf",
                    "category_coef",
                    "category_intercept",
                    "scam_coef",
                )
            }
    except (OSError, ValueError, KeyError) as exc:
        raise _invalid(path, f"không đọc được ({exc})", f"unreadable ({exc})") from exc
    if meta.get("format") != FORMAT or meta.get("format_version") != FORMAT_VERSION:
        raise _invalid(path, "sai định dạng hoặc phiên bản", "wrong format or version")
    vocabulary = tuple(arrays["vocabulary"].tolist())
    categories = tuple(meta["categories"])
    signal_names = tuple(meta["signal_names"])
    n_features = len(vocabulary) + len(signal_names)
    if (
        arrays["category_coef"].shape != (len(categories), n_features)
        or arrays["scam_coef"].shape != (n_features,)
        or arrays["idf"].shape != (len(vocabulary),)
    ):
        raise _invalid(path, "kích thước ma trận không khớp", "array shapes do not match")
    a, b = meta["calibration"]
    return TextModel(
        categories=categories,
        vocabulary=vocabulary,
        idf=arrays["idf"],
        signal_names=signal_names,
        signal_weight=float(meta["signal_weight"]),
        category_coef=arrays["category_coef"],
        category_intercept=arrays["category_intercept"],
        scam_coef=arrays["scam_coef"],
        scam_intercept=float(meta["scam_intercept"]),
        calibration=(float(a), float(b)),
        threshold=float(meta["threshold"]),
        metadata={
            k: v
            for k, v in meta.items()
            if k not in {"categories", "signal_names", "calibration", "scam_intercept"}
        },
    )
