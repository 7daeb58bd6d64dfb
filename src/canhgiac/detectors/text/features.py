"""Turning a normalised message into model features.

Words, word pairs and character n-grams of the folded text (so diacritics, case and
obfuscation do not matter), with links, phone numbers, amounts and codes replaced by
placeholders (so the model learns "a link on .xyz", not one particular link), plus the
signals from ``signals.py`` as extra columns.

The same ``analyze`` function feeds training (through scikit-learn) and inference (through
``FeatureSpace``), so the two can never drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from canhgiac.detectors.text.links import CHEAP_TLDS

_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})(?::\d+)?(?:/\S*)?"
)
_PHONE = re.compile(r"(?<![\d+])(?:\+?84|0)[ .\-]?\d{2,3}(?:[ .\-]?\d){6,7}(?!\d)")
_HOTLINE = re.compile(r"\b1[89]00[ .]?\d{3,4}[ .]?\d{0,4}\b")
_MONEY = re.compile(
    r"\b\d{1,3}(?:[.,]\d{3})+ ?(?:vnd|d|dong)?\b|\b\d+(?:[.,]\d+)? ?(?:k|tr|trieu|ty|ti|usdt|usd|vnd|d|dong)\b"
)
_LONG_DIGITS = re.compile(r"\b\d(?:[ .\-]?\d){7,18}\b")
_CODE = re.compile(r"\b\d{4,8}\b")
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[a-z0-9_]+|[%@$!?]")

CHAR_SIZES = (3, 4, 5)
MAX_TOKENS = 400  # bounds work per message


def _url_token(match: re.Match[str]) -> str:
    tld = match.group(1)
    kind = "zcheaptld" if tld in CHEAP_TLDS else "ztld"
    text = match.group(0)
    extra = " zapk" if text.endswith(".apk") else ""
    return f" zurl {kind} ztld{tld}{extra} "


def feature_text(folded: str) -> str:
    """Folded text with variable parts replaced by placeholder words."""
    text = _URL.sub(_url_token, folded) if "." in folded else folded
    text = _PHONE.sub(" zphone ", text)
    text = _HOTLINE.sub(" zhotline ", text)
    text = _LONG_DIGITS.sub(" zacct ", text)
    text = _MONEY.sub(" zmoney ", text)
    text = _CODE.sub(" zcode ", text)
    return _DIGIT.sub("0", text)


def analyze(folded: str) -> list[str]:
    """Feature names of one message: w:word, b:word_pair, c:char n-gram (word-bounded)."""
    words = _TOKEN.findall(feature_text(folded))[:MAX_TOKENS]
    out = [f"w:{w}" for w in words]
    out.extend(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    for word in words:
        if len(word) < 2 or word[0] == "z":
            continue
        padded = f" {word} "
        size = len(padded)
        for n in CHAR_SIZES:
            if n > size:
                break
            out.extend("c:" + padded[i : i + n] for i in range(size - n + 1))
    return out


class FeatureSpace:
    """Binary TF-IDF over a fixed vocabulary, L2-normalised, plus dense signal columns.

    Rebuilt from plain arrays (vocabulary strings and idf weights), never from a pickle.
    """

    def __init__(self, vocabulary: Sequence[str], idf: np.ndarray, signal_names: Sequence[str],
                 signal_weight: float) -> None:
        self.vocabulary: dict[str, int] = {term: i for i, term in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.signal_names = tuple(signal_names)
        self.signal_weight = float(signal_weight)
        self.n_text = len(self.vocabulary)
        self.n_features = self.n_text + len(self.signal_names)

    def transform(self, token_lists: Sequence[list[str]],
                  signal_rows: Sequence[Mapping[str, float]]) -> sparse.csr_matrix:
        vocab = self.vocabulary
        idf = self.idf
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        signal_index = {name: self.n_text + i for i, name in enumerate(self.signal_names)}
        for tokens, signals in zip(token_lists, signal_rows, strict=True):
            ids = sorted({vocab[t] for t in tokens if t in vocab})
            if ids:
                weights = idf[ids]
                norm = float(np.sqrt(np.dot(weights, weights)))
                indices.extend(ids)
                data.extend((weights / norm).tolist())
            for name, value in signals.items():
                column = signal_index.get(name)
                if column is not None and value:
                    indices.append(column)
                    data.append(value * self.signal_weight)
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
             np.asarray(indptr, dtype=np.int64)),
            shape=(len(token_lists), self.n_features),
        )
