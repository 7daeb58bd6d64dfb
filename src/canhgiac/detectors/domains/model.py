"""The learned part of the name scorer: a linear model over hashed inputs and dense features.

Saved as a numpy ``.npz`` holding only numbers (non-zero hash bucket indices and weights,
dense weights, standardisation, bias, threshold) plus a JSON header stored as bytes; loaded
with ``allow_pickle=False``. No names from any training list are stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from canhgiac.detectors.domains.feature_batch import DENSE_NAMES, FEATURE_VERSION
from canhgiac.detectors.domains.hashed import HASH_BITS, HashedInputs, group_sums
from canhgiac.errors import ValidationFailed

MODEL_FORMAT = "canhgiac-domain-name-model"
MODEL_FORMAT_VERSION = 1


@dataclass
class NameModel:
    ngram_weights: npt.NDArray[np.float32]  # one weight per hash bucket (all hashed groups)
    dense_weights: npt.NDArray[np.float32]
    dense_mean: npt.NDArray[np.float32]
    dense_scale: npt.NDArray[np.float32]
    bias: float
    threshold: float  # logit at which a name becomes suspicious
    meta: dict[str, Any] = field(default_factory=dict)

    def logits(
        self, inputs: HashedInputs, dense: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float64]:
        """Logit per name from its hashed inputs and its dense features (one row per name)."""
        n = dense.shape[0]
        w = self.ngram_weights
        dense_std = (dense - self.dense_mean) / self.dense_scale
        # Element-wise product and row sums, not ``@``: a matrix-vector product goes to
        # OpenBLAS, whose worker threads spin on the other cores and cost more CPU time than
        # this small product saves (about a quarter of the scorer's CPU time on 2 cores).
        dense_part = (dense_std.astype(np.float64) * self.dense_weights).sum(axis=1)
        return (
            group_sums(w, inputs.host, n, normalise=True)
            + group_sums(w, inputs.label, n, normalise=True)
            + group_sums(w, inputs.keys, n, normalise=False)
            + dense_part
            + self.bias
        )

    def save(self, path: Path) -> None:
        nonzero = np.flatnonzero(self.ngram_weights).astype(np.uint32)
        header = {
            "format": MODEL_FORMAT,
            "format_version": MODEL_FORMAT_VERSION,
            "feature_version": FEATURE_VERSION,
            "hash_bits": HASH_BITS,
            "dense_names": list(DENSE_NAMES),
            "bias": self.bias,
            "threshold": self.threshold,
            **self.meta,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
                ngram_index=nonzero,
                ngram_value=self.ngram_weights[nonzero].astype(np.float32),
                dense_weights=self.dense_weights.astype(np.float32),
                dense_mean=self.dense_mean.astype(np.float32),
                dense_scale=self.dense_scale.astype(np.float32),
            )

    @classmethod
    def load(cls, path: Path) -> NameModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(bytes(data["header"]).decode("utf-8"))
                index = data["ngram_index"]
                value = data["ngram_value"]
                dense_weights = data["dense_weights"]
                dense_mean = data["dense_mean"]
                dense_scale = data["dense_scale"]
        except (OSError, KeyError, ValueError) as exc:
            raise ValidationFailed(
                f"Không đọc được mô hình tên miền {path}: {exc} / Cannot read the domain model",
                field="model",
            ) from exc
        if header.get("format") != MODEL_FORMAT:
            raise ValidationFailed(
                f"Tệp {path} không phải mô hình tên miền / not a domain-name model", field="model"
            )
        if (
            header.get("format_version") != MODEL_FORMAT_VERSION
            or header.get("feature_version") != FEATURE_VERSION
            or header.get("hash_bits") != HASH_BITS
            or tuple(header.get("dense_names", ())) != DENSE_NAMES
        ):
            raise ValidationFailed(
                f"Mô hình {path} không khớp phiên bản đặc trưng hiện tại, cần huấn luyện lại "
                "/ model was built for other features; retrain it",
                field="model",
            )
        weights = np.zeros(1 << HASH_BITS, dtype=np.float32)
        if index.size and int(index.max()) >= weights.size:
            raise ValidationFailed(f"Mô hình {path} hỏng / corrupt model", field="model")
        weights[index] = value
        meta = {
            k: v
            for k, v in header.items()
            if k not in {"format", "format_version", "feature_version", "hash_bits",
                         "dense_names", "bias", "threshold"}
        }  # fmt: skip
        return cls(
            ngram_weights=weights,
            dense_weights=dense_weights.astype(np.float32),
            dense_mean=dense_mean.astype(np.float32),
            dense_scale=dense_scale.astype(np.float32),
            bias=float(header["bias"]),
            threshold=float(header["threshold"]),
            meta=meta,
        )
