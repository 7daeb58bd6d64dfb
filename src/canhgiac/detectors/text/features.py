"""Turning a normalised message into model features.

Words, word pairs and character n-grams of the folded text (so diacritics, case and
obfuscation do not matter), with links, phone numbers, amounts and codes replaced by
placeholders (so the model learns "a link on .xyz", not one particular link), plus the
signals from ``signals.py`` as extra columns.

The same ``analyze`` function feeds training (through scikit-learn) and inference (through
``FeatureSpace``), so the two can never drift apart.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from canhgiac.detectors.text.links import CHEAP_TLDS

_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})"
    r"(?::\d+)?(?:/\S*)?"
)
_PHONE = re.compile(r"(?<![\d+])(?:\+?84|0)[ .\-]?\d{2,3}(?:[ .\-]?\d){6,7}(?!\d)")
_HOTLINE = re.compile(r"\b1[89]00[ .]?\d{3,4}[ .]?\d{0,4}\b")
_MONEY = re.compile(
    r"\b\d{1,3}(?:[.,]\d{3})+ ?(?:vnd|d|dong)?\b"
    r"|\b\d+(?:[.,]\d+)? ?(?:k|tr|trieu|ty|ti|usdt|usd|vnd|d|dong)\b"
)
_LONG_DIGITS = re.compile(r"\b\d(?:[ .\-]?\d){7,18}\b")
_CODE = re.compile(r"\b\d{4,8}\b")
_DIGIT = re.compile(r"\d")
_DOT_IN_WORD = re.compile(r"[a-z0-9]\.[a-z]")
_TOKEN = re.compile(r"[a-z0-9_]+|[%@$!?]")


def _url_token(match: re.Match[str]) -> str:
    tld = match.group(1)
    cheap = "zcheaptld" if tld in CHEAP_TLDS else "ztld"
    apk = " zapk" if match.group(0).endswith(".apk") else ""
    return f" zurl {cheap} ztld{tld}{apk} "


def feature_text(folded: str) -> str:
    """Folded text with variable parts (links, numbers, amounts) replaced by placeholders."""
    # A link needs "x.y" somewhere: most messages only have sentence full stops.
    text = _URL.sub(_url_token, folded) if _DOT_IN_WORD.search(folded) else folded
    if not _DIGIT.search(text):
        return text
    text = _PHONE.sub(" zphone ", text)
    text = _HOTLINE.sub(" zhotline ", text)
    text = _LONG_DIGITS.sub(" zacct ", text)
    text = _MONEY.sub(" zmoney ", text)
    text = _CODE.sub(" zcode ", text)
    return _DIGIT.sub("0", text)


CHAR_SIZES = (3, 4, 5)
MAX_TOKENS = 400  # bounds work per message


def words_of(folded: str) -> list[str]:
    return _TOKEN.findall(feature_text(folded))[:MAX_TOKENS]


@functools.lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, ...]:
    """The unigram and the word-bounded character n-grams of one word."""
    out = [f"w:{word}"]
    if len(word) >= 2 and word[0] != "z":
        padded = f" {word} "
        size = len(padded)
        for n in CHAR_SIZES:
            if n > size:
                break
            out.extend("c:" + padded[i : i + n] for i in range(size - n + 1))
    return tuple(out)


def analyze(folded: str) -> list[str]:
    """Feature names of one message: w:word, b:word_pair, c:char n-gram (word-bounded)."""
    words = words_of(folded)
    out = [f"b:{a}_{b}" for a, b in itertools.pairwise(words)]
    for word in words:
        out.extend(word_features(word))
    return out


class FeatureSpace:
    """Binary TF-IDF over a fixed vocabulary, L2-normalised, plus dense signal columns.

    Rebuilt from plain arrays (vocabulary strings and idf weights), never from a pickle.
    """

    def __init__(
        self,
        vocabulary: Sequence[str],
        idf: np.ndarray,
        signal_names: Sequence[str],
        signal_weight: float,
    ) -> None:
        self.vocabulary: dict[str, int] = {term: i for i, term in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.signal_names = tuple(signal_names)
        self.signal_weight = float(signal_weight)
        self.n_text = len(self.vocabulary)
        self.n_features = self.n_text + len(self.signal_names)
        self._signal_index = {name: self.n_text + i for i, name in enumerate(self.signal_names)}
        self._word_cache: dict[str, tuple[int, ...]] = {}

    def _word_ids(self, word: str) -> tuple[int, ...]:
        ids = self._word_cache.get(word)
        if ids is None:
            vocab = self.vocabulary
            ids = tuple(vocab[t] for t in word_features(word) if t in vocab)
            if len(self._word_cache) > 500_000:
                self._word_cache.clear()
            self._word_cache[word] = ids
        return ids

    def ids_of(self, folded: str) -> list[int]:
        """Sorted vocabulary ids of a message (same features as ``analyze``)."""
        words = words_of(folded)
        cache = self._word_cache
        ids: set[int] = set()
        for word in words:
            cached = cache.get(word)
            ids.update(cached if cached is not None else self._word_ids(word))
        get = self.vocabulary.get
        for pair in map("b:{}_{}".format, words, words[1:]):
            index = get(pair)
            if index is not None:
                ids.add(index)
        return sorted(ids)

    def transform_folded(
        self, folded_texts: Sequence[str], signal_rows: Sequence[Mapping[str, float]]
    ) -> sparse.csr_matrix:
        return self._build([self.ids_of(f) for f in folded_texts], signal_rows)

    def transform(
        self, token_lists: Sequence[list[str]], signal_rows: Sequence[Mapping[str, float]]
    ) -> sparse.csr_matrix:
        vocab = self.vocabulary
        return self._build(
            [sorted({vocab[t] for t in tokens if t in vocab}) for tokens in token_lists],
            signal_rows,
        )

    def _build(
        self, id_lists: Sequence[list[int]], signal_rows: Sequence[Mapping[str, float]]
    ) -> sparse.csr_matrix:
        rows = len(id_lists)
        counts = np.fromiter(map(len, id_lists), dtype=np.int64, count=rows)
        indptr = np.zeros(rows + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        indices = np.fromiter(
            itertools.chain.from_iterable(id_lists), dtype=np.int32, count=int(indptr[-1])
        )
        data = self.idf[indices]
        # L2-normalise each row's text part in one vectorised pass.
        row_of = np.repeat(np.arange(rows), counts)
        squares = np.bincount(row_of, weights=data * data, minlength=rows)
        norms = np.sqrt(np.where(counts > 0, squares, 1.0)).astype(np.float32)
        data = data / norms[row_of]
        text_part = sparse.csr_matrix((data, indices, indptr), shape=(rows, self.n_features))
        s_rows: list[int] = []
        s_cols: list[int] = []
        s_vals: list[float] = []
        signal_index = self._signal_index
        for row, signals in enumerate(signal_rows):
            for name, value in signals.items():
                column = signal_index.get(name)
                if column is not None and value:
                    s_rows.append(row)
                    s_cols.append(column)
                    s_vals.append(value * self.signal_weight)
        signal_part = sparse.csr_matrix(
            (np.asarray(s_vals, dtype=np.float32), (s_rows, s_cols)), shape=(rows, self.n_features)
        )
        return (text_part + signal_part).tocsr()
