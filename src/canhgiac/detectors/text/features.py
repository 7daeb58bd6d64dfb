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
from canhgiac.detectors.text.normalize import PieceCache

_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})"
    r"(?::\d+)?(?:/\S*)?"
)
# The patterns below start with a character, not with "\b" or a look-behind: Python's regex
# engine then jumps straight to candidate characters instead of trying every position. The
# boundary test moves just after that character and means the same: "\b\d" is
# "\d(?<!\w\d)", "(?<![\d+])0" is "0(?<![\d+]0)".
_PHONE = re.compile(
    r"(?:\+(?<![\d+]\+)84|8(?<![\d+]8)4|0(?<![\d+]0))[ .\-]?\d{2,3}(?:[ .\-]?\d){6,7}(?!\d)"
)
_HOTLINE = re.compile(r"1(?<!\w1)[89]00[ .]?\d{3,4}[ .]?\d{0,4}\b")
_MONEY = re.compile(
    r"\d(?<!\w\d)\d{0,2}(?:[.,]\d{3})+ ?(?:vnd|d|dong)?\b"
    r"|\d(?<!\w\d)\d*(?:[.,]\d+)? ?(?:k|tr|trieu|ty|ti|usdt|usd|vnd|d|dong)\b"
)
_LONG_DIGITS = re.compile(r"\d(?<!\w\d)(?:[ .\-]?\d){7,18}\b")
_CODE = re.compile(r"\d(?<!\w\d)\d{3,7}\b")
_DIGIT = re.compile(r"\d")
_DOT_IN_WORD = re.compile(r"\.(?<=[a-z0-9]\.)[a-z]")
_TOKEN = re.compile(r"[a-z0-9_]+|[%@$!?]")


def _url_token(match: re.Match[str]) -> str:
    tld = match.group(1)
    cheap = "zcheaptld" if tld in CHEAP_TLDS else "ztld"
    apk = " zapk" if match.group(0).endswith(".apk") else ""
    return f" zurl {cheap} ztld{tld}{apk} "


def _replace_links(text: str) -> str:
    # A link never spans a space and always holds a dot: only such space-separated pieces
    # can change, and the pattern backtracks a lot over ordinary words.
    pieces = text.split(" ")
    return " ".join([_URL.sub(_url_token, p) if "." in p else p for p in pieces])


def feature_text(folded: str) -> str:
    """Folded text with variable parts (links, numbers, amounts) replaced by placeholders."""
    # A link needs "x.y" somewhere: most messages only have sentence full stops.
    text = _replace_links(folded) if _DOT_IN_WORD.search(folded) else folded
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


# Tokens never span a space: the tokens of each piece, cached, chained.
_PIECE_TOKENS: PieceCache[tuple[str, ...]] = PieceCache(lambda p: tuple(_TOKEN.findall(p)))


def words_of(folded: str) -> list[str]:
    pieces = feature_text(folded).split(" ")
    return list(itertools.chain.from_iterable(map(_PIECE_TOKENS.__getitem__, pieces)))[:MAX_TOKENS]


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


# Ids travel as packed native int32 bytes: joining bytes and reading them with
# np.frombuffer is much cheaper than lists of Python ints converted one by one.
_ID = np.dtype(np.int32)
_NO_ID = itertools.repeat(b"")  # dict.get default for word pairs outside the vocabulary


class _WordIds(dict[str, bytes]):
    """Word → packed vocabulary ids of its unigram and character n-grams, filled on first use."""

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        super().__init__()
        self._vocabulary = vocabulary

    def __missing__(self, word: str) -> bytes:
        vocab = self._vocabulary
        ids = np.array([vocab[t] for t in word_features(word) if t in vocab], dtype=_ID)
        if len(self) > 500_000:
            self.clear()
        self[word] = packed = ids.tobytes()
        return packed


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
        self._word_ids = _WordIds(self.vocabulary)
        # "b:a_b" keyed by the word pair ("a", "b"): no string is built per pair at run time.
        # A word may itself hold "_", so every split is a key; only the true one can occur.
        self._pair_ids: dict[tuple[str, str], bytes] = {}
        all_ids = np.arange(self.n_text, dtype=_ID).tobytes()
        size = _ID.itemsize
        for term, index in self.vocabulary.items():
            if term.startswith("b:"):
                body = term[2:]
                packed = all_ids[index * size : (index + 1) * size]
                parts = body.split("_")
                for cut in range(1, len(parts)):
                    pair = ("_".join(parts[:cut]), "_".join(parts[cut:]))
                    self._pair_ids.setdefault(pair, packed)

    def _packed_ids(self, folded: str) -> bytes:
        """Vocabulary ids of a message's words and word pairs, repeats included."""
        words = words_of(folded)
        return b"".join(map(self._word_ids.__getitem__, words)) + b"".join(
            map(self._pair_ids.get, itertools.pairwise(words), _NO_ID)
        )

    def ids_of(self, folded: str) -> list[int]:
        """Sorted vocabulary ids of a message (same features as ``analyze``)."""
        return sorted(set(np.frombuffer(self._packed_ids(folded), dtype=_ID).tolist()))

    def transform_folded(
        self, folded_texts: Sequence[str], signal_rows: Sequence[Mapping[str, float]]
    ) -> sparse.csr_matrix:
        # Ids of the whole batch, repeats included, in one buffer: numpy sorts and
        # de-duplicates them far faster than a set and sorted() per message.
        chunks: list[bytes] = []
        ends: list[int] = []
        total = 0
        packed_ids = self._packed_ids
        for folded in folded_texts:
            chunk = packed_ids(folded)
            chunks.append(chunk)
            total += len(chunk)
            ends.append(total // _ID.itemsize)
        return self._build(np.frombuffer(b"".join(chunks), dtype=_ID), ends, signal_rows)

    def transform(
        self, token_lists: Sequence[list[str]], signal_rows: Sequence[Mapping[str, float]]
    ) -> sparse.csr_matrix:
        vocab = self.vocabulary
        flat: list[int] = []
        ends: list[int] = []
        for tokens in token_lists:
            flat.extend(vocab[t] for t in tokens if t in vocab)
            ends.append(len(flat))
        return self._build(np.array(flat, dtype=_ID), ends, signal_rows)

    def _build(
        self, ids: np.ndarray, ends: list[int], signal_rows: Sequence[Mapping[str, float]]
    ) -> sparse.csr_matrix:
        """CSR rows from the flat vocabulary ids (row ``r`` is ``ids[ends[r - 1]:ends[r]]``,
        repeats allowed): the sorted, distinct text ids with L2-normalised idf weights, then
        the signal columns."""
        rows = len(ends)
        bounds = np.zeros(rows + 1, dtype=np.int64)
        bounds[1:] = ends
        per_row = bounds[1:] - bounds[:-1]
        row_of = np.repeat(np.arange(rows, dtype=np.int64), per_row)
        # One sort of row * n_text + id orders every row's ids; equal neighbours are repeats.
        stride = max(self.n_text, 1)
        keys = row_of * stride + ids
        keys.sort()
        if keys.size:
            distinct = np.empty(keys.size, dtype=bool)
            distinct[0] = True
            np.not_equal(keys[1:], keys[:-1], out=distinct[1:])
            keys = keys[distinct]
        row_of = keys // stride
        indices = (keys - row_of * stride).astype(np.int32)
        counts = np.bincount(row_of, minlength=rows)
        data = self.idf[indices]
        # L2-normalise each row's text part in one vectorised pass.
        squares = np.bincount(row_of, weights=data * data, minlength=rows)
        norms = np.sqrt(np.where(counts > 0, squares, 1.0)).astype(np.float32)
        data = data / norms[row_of]
        # Signal columns come after every text column: sorted within each row.
        signal_index = self._signal_index
        weight = self.signal_weight
        s_cols: list[int] = []
        s_vals: list[float] = []
        s_counts: list[int] = []
        for signals in signal_rows:
            found = sorted(
                (column, value * weight)
                for name, value in signals.items()
                if value and (column := signal_index.get(name)) is not None
            )
            s_counts.append(len(found))
            for column, value in found:
                s_cols.append(column)
                s_vals.append(value)
        signal_counts = np.asarray(s_counts, dtype=np.int64).reshape(rows)
        text_ends = np.cumsum(counts)
        indptr = np.zeros(rows + 1, dtype=np.int64)
        np.cumsum(counts + signal_counts, out=indptr[1:])
        # Text entry j of row r moves past the signals of earlier rows; signal entry k of
        # row r lands after all text entries up to and including row r.
        text_at = np.arange(indices.size) + np.repeat(indptr[:-1] - (text_ends - counts), counts)
        signal_at = np.arange(len(s_cols)) + np.repeat(text_ends, signal_counts)
        out_indices = np.empty(int(indptr[-1]), dtype=np.int32)
        out_data = np.empty(int(indptr[-1]), dtype=np.float32)
        out_indices[text_at] = indices
        out_data[text_at] = data
        out_indices[signal_at] = s_cols
        out_data[signal_at] = np.asarray(s_vals, dtype=np.float32)
        return sparse.csr_matrix(
            (out_data, out_indices, indptr.astype(np.int32)), shape=(rows, self.n_features)
        )
