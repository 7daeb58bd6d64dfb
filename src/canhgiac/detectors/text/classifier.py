"""Classify messages: category, is-scam, calibrated score and the reasons that drove it."""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from canhgiac.categories import BY_CODE, SCAM_CODES
from canhgiac.detectors.text.model import SHIPPED_MODEL, TextModel, load_model
from canhgiac.detectors.text.normalize import normalize
from canhgiac.detectors.text.signal_names import REASSURING_SIGNALS, SCAM_SIGNALS, SIGNALS
from canhgiac.detectors.text.signals import SignalResult, compute_signals
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.brands import BrandRegistry, load_brand_registry
from canhgiac.indicators.extract import extract_indicators

MAX_BATCH = 100_000
# Signals that a genuine bank/carrier message never carries: they lift the safety cap below.
_HARD_SCAM_SIGNALS = frozenset(
    {
        "url_unofficial",
        "url_shortener",
        "url_ip",
        "apk",
        "remote_access",
        "otp_request",
        "credential_request",
        "identity_request",
        "bank_account_with_name",
    }
)
# A message from an official brandname, or an OTP notice with the usual safety advice, and
# none of the hard signals, is never called a scam with more than this probability.
_REASSURED_CAP = 0.3
_PROMOTING_SECTORS = frozenset({"telco", "bank", "ewallet"})
_SIGNAL_ORDER = {name: i for i, name in enumerate(SIGNALS)}
_SIGNAL_REASONS = {name: f"{vi} / {en}" for name, (vi, en) in SIGNALS.items()}


@dataclass(frozen=True)
class TextVerdict:
    category: str
    is_scam: bool
    score: float  # calibrated probability that the message is a scam, 0..1
    reasons: tuple[str, ...]  # each "Vietnamese / English"
    signals: Mapping[str, object]
    indicators: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        category = BY_CODE.get(self.category)
        return {
            "category": self.category,
            "category_vi": category.label_vi if category else self.category,
            "category_en": category.label_en if category else self.category,
            "is_scam": self.is_scam,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "signals": dict(self.signals),
            "indicators": [dict(i) for i in self.indicators],
        }


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))


def _softmax(x: np.ndarray) -> np.ndarray:
    shifted = x - x.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


@functools.lru_cache(maxsize=65_536)
def _term_display(term: str) -> str | None:
    kind, _, value = term.partition(":")
    if kind == "w" and len(value) > 3 and not value.startswith("z"):
        return value
    if kind == "b":
        words = value.split("_")
        if all(not w.startswith("z") for w in words):
            return " ".join(words)
    return None


class TextClassifier:
    """A loaded model plus the brand registry; thread-safe, no state between calls."""

    def __init__(self, model: TextModel, registry: BrandRegistry | None = None) -> None:
        self.model = model
        self.registry = registry or load_brand_registry()
        self.space = model.feature_space()
        self._coef_t = np.ascontiguousarray(model.category_coef.T)
        self._scam_coef = model.scam_coef.astype(np.float32)
        self._scam_columns = np.array([c in SCAM_CODES for c in model.categories])
        self._safe_columns = ~self._scam_columns
        self._terms = model.vocabulary

    @property
    def version(self) -> str:
        return str(self.model.metadata.get("model_version", "unknown"))

    def classify(self, text: str, sender: str | None = None) -> TextVerdict:
        return self.classify_many([text], [sender])[0]

    def classify_many(
        self,
        texts: Sequence[str],
        senders: Sequence[str | None] | None = None,
        *,
        with_indicators: bool = True,
    ) -> list[TextVerdict]:
        """Classify a batch; ``with_indicators=False`` skips the (slower) full indicator
        extraction when only the verdicts are needed."""
        if len(texts) > MAX_BATCH:
            raise ValidationFailed(
                f"Tối đa {MAX_BATCH} tin mỗi lần / at most {MAX_BATCH} messages per call",
                field="texts",
            )
        if senders is not None and len(senders) != len(texts):
            raise ValidationFailed(
                "Số người gửi khác số tin nhắn / senders and texts differ in length",
                field="senders",
            )
        if not texts:
            return []
        sender_list: Sequence[str | None] = senders if senders is not None else [None] * len(texts)
        normalized = []
        for text in texts:
            if not isinstance(text, str):
                raise ValidationFailed(
                    "Tin nhắn phải là chuỗi / message must be a string", field="text"
                )
            normalized.append(normalize(text))
        signal_results = [
            compute_signals(n, s, self.registry)
            for n, s in zip(normalized, sender_list, strict=True)
        ]
        matrix = self.space.transform_folded(
            [n.folded for n in normalized], [r.values for r in signal_results]
        )
        decision = matrix @ self._scam_coef + self.model.scam_intercept
        a, b = self.model.calibration
        scores = _sigmoid(a * np.asarray(decision).ravel() + b)
        probs = _softmax(np.asarray(matrix @ self._coef_t) + self.model.category_intercept)
        # Best category on each side of the scam / not-scam line, for the whole batch at once.
        best_scam = np.argmax(np.where(self._scam_columns, probs, -1.0), axis=1).tolist()
        best_safe = np.argmax(np.where(self._safe_columns, probs, -1.0), axis=1).tolist()
        score_list = scores.tolist()
        threshold = self.model.threshold
        final_scores: list[float] = []
        columns: list[int] = []
        for row, result in enumerate(signal_results):
            score = score_list[row]
            if self._reassured(result):
                score = min(score, _REASSURED_CAP)
            final_scores.append(score)
            columns.append(best_scam[row] if score >= threshold else best_safe[row])
        chosen = probs[np.arange(len(columns)), columns].tolist()
        # Each feature's push towards "scam", for every stored entry of the batch at once.
        contributions = matrix.data * self._scam_coef[matrix.indices]
        indptr = matrix.indptr.tolist()
        categories = self.model.categories
        verdicts = []
        for row, result in enumerate(signal_results):
            score = final_scores[row]
            is_scam = score >= threshold
            category = categories[columns[row]]
            reasons = self._reasons(
                matrix.indices,
                contributions,
                indptr[row],
                indptr[row + 1],
                result,
                is_scam,
                category,
            )
            verdicts.append(
                TextVerdict(
                    category=category,
                    is_scam=is_scam,
                    score=score,
                    reasons=reasons,
                    signals=MappingProxyType(
                        {
                            **{k: v for k, v in result.values.items() if v},
                            **result.details,
                            "brands": list(result.brands),
                            "category_probability": round(chosen[row], 4),
                        }
                    ),
                    indicators=tuple(_indicators(normalized[row].original, result))
                    if with_indicators
                    else (),
                )
            )
        return verdicts

    def _reassured(self, result: SignalResult) -> bool:
        values = result.values  # holds only signals that fired
        if not _HARD_SCAM_SIGNALS.isdisjoint(values):
            return False
        official = bool(values.get("sender_official"))
        otp_notice = bool(values.get("otp_notice")) and bool(values.get("safety_warning"))
        # A carrier or bank promotion with the lawful opt-out syntax ("Từ chối QC soạn TC…").
        promotion = bool(values.get("ads_marker")) and any(
            (brand := self.registry.get(key)) is not None and brand.sector in _PROMOTING_SECTORS
            for key in result.brands
        )
        return official or otp_notice or promotion

    def _reasons(
        self,
        indices: np.ndarray,
        contributions: np.ndarray,
        start: int,
        end: int,
        result: SignalResult,
        is_scam: bool,
        category: str,
    ) -> tuple[str, ...]:
        """Reasons for one row: its category, the signals that fired on the verdict's side and,
        for a scam, the words among the row's stored features that pushed hardest."""
        label = BY_CODE.get(category)
        reasons: list[str] = []
        if label is not None:
            reasons.append(f"Loại: {label.label_vi} / Category: {label.label_en}")
        wanted = SCAM_SIGNALS if is_scam else REASSURING_SIGNALS
        present = [n for n, v in result.values.items() if v and n in wanted]
        for name in sorted(present, key=_SIGNAL_ORDER.__getitem__):
            reasons.append(_SIGNAL_REASONS[name])
        if not is_scam or end == start:
            return tuple(reasons)
        row = contributions[start:end]
        top = min(12, end - start)
        order: list[int] = np.argpartition(-row, top - 1)[:top].tolist()
        values = row.tolist()
        columns = indices[start:end].tolist()
        terms = self._terms
        words: list[str] = []
        for index in sorted(order, key=lambda i: -values[i]):
            column = columns[index]
            if column >= len(terms) or values[index] <= 0:
                continue
            shown = _term_display(terms[column])
            if shown and shown not in words:
                words.append(shown)
            if len(words) == 4:
                break
        if words:
            quoted = ", ".join(f"“{w}”" for w in words)
            reasons.append(f"Từ ngữ đặc trưng: {quoted} / Telling words: {quoted}")
        return tuple(reasons)


def _indicators(text: str, result: SignalResult) -> list[dict[str, Any]]:
    """Links, phone numbers, bank accounts… found by the shared indicator extractor."""
    try:
        found = extract_indicators(text)
    except ValidationFailed:
        return [{"kind": "domain", "value": host} for host in result.links.hosts]
    return [{**item.indicator.to_dict(), "start": item.start, "end": item.end} for item in found]


_CACHE: dict[Path, TextClassifier] = {}
_LOCK = threading.Lock()


# The model a process uses when none is named: set by each entry point from its settings
# (``text_model_path``); None is the shipped model.
_DEFAULT_MODEL: dict[str, Path | None] = {"path": None}


def use_text_model(path: Path | None) -> None:
    """Make ``path`` (None: the shipped model) the model of ``load_text_classifier()``."""
    _DEFAULT_MODEL["path"] = path


def load_text_classifier(path: Path | None = None) -> TextClassifier:
    """The classifier for ``path`` (default: the process's model, see ``use_text_model``),
    loaded once per process."""
    key = (path or _DEFAULT_MODEL["path"] or SHIPPED_MODEL).resolve()
    with _LOCK:
        classifier = _CACHE.get(key)
        if classifier is None:
            classifier = TextClassifier(load_model(key))
            _CACHE[key] = classifier
        return classifier
