"""Hashed sparse inputs of the name model, computed for a whole batch with numpy.

Three groups share one table of 2**HASH_BITS weights:

- character n-grams (3-5) of the whole folded host, framed ``^host$``;
- character n-grams (2-5) of the registrable label alone (``789bet`` in ``m.789bet.vip``),
  so the name itself is learned apart from its sub-domains and suffix;
- whole-name keys: the public suffix, the label's shape (letter/digit/hyphen runs, ``a0`` for
  ``lux458``), that shape on that suffix, and the digit count with the label length.

N-gram groups are scaled by 1/sqrt(count) per name; keys count 1 each. All hashes are fixed
integer arithmetic, stable across processes and platforms.
"""

from __future__ import annotations

import zlib
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

HASH_BITS = 20
HOST_NGRAMS = (3, 4, 5)
LABEL_NGRAMS = (2, 3, 4, 5)
NGRAM_WIDTH = 64  # characters of "^text$" hashed (the right-most ones when longer)
SHAPE_RUNS = 6  # runs of the label's shape kept in its code

_FNV_PRIME = np.uint32(16777619)
_GOLDEN = np.uint32(2654435761)
_LABEL_SALT = np.uint32(0x5BD1E995)  # keeps label n-grams apart from host n-grams
_MIX1 = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)
_MIX3 = np.uint64(0x94D049BB133111EB)
# Key namespaces: suffix, shape, shape on suffix, digits with length.
_NS_SUFFIX, _NS_SHAPE, _NS_SHAPE_SUFFIX, _NS_DIGITS = 1, 2, 3, 4

Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]  # (bucket, row)


class HashedInputs(NamedTuple):
    """(bucket, row) pairs of each group; rows index the names given."""

    host: Pairs
    label: Pairs
    keys: Pairs


def ngram_hashes(
    texts: list[str],
    sizes: tuple[int, ...] = HOST_NGRAMS,
    bits: int = HASH_BITS,
    salt: np.uint32 | None = None,
) -> Pairs:
    """Hashed n-gram buckets of a batch: ``(bucket, row)`` for every n-gram of every text.

    Texts are ASCII; each is framed as ``^text$`` and its right-most NGRAM_WIDTH characters
    are used. All texts are laid end to end in one array so the work is proportional to the
    characters, not to the longest name. The hash is a fixed FNV-style polynomial.
    """
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    if int(lengths.max()) > NGRAM_WIDTH - 2:  # rare: keep the right-most characters
        texts = [t[-(NGRAM_WIDTH - 2) :] for t in texts]
        lengths = np.minimum(lengths, NGRAM_WIDTH - 2)
    lengths += 2
    # One join frames every text: "^a$^b$...".
    framed = "^" + "$^".join(texts) + "$"
    chars32 = np.frombuffer(framed.encode("ascii", "replace"), dtype=np.uint8).astype(np.uint32)
    total = chars32.size
    row_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    ends = np.cumsum(lengths)[row_of]  # end offset of the text each position belongs to
    positions = np.arange(total, dtype=np.int64)
    buckets = []
    rows = []
    for n in sizes:
        k = total - n + 1
        if k <= 0:
            continue
        h = np.full(k, 2166136261 ^ n, dtype=np.uint32)
        for j in range(n):
            h ^= chars32[j : j + k]
            h *= _FNV_PRIME
        if salt is not None:
            h ^= salt
            h *= _FNV_PRIME
        h *= _GOLDEN
        keep = positions[:k] + n <= ends[:k]
        buckets.append((h[keep] >> np.uint32(32 - bits)).astype(np.int64))
        rows.append(row_of[:k][keep])
    if not buckets:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(buckets), np.concatenate(rows)


def suffix_code(suffix: str) -> int:
    """Stable 32-bit code of a public suffix (cached by callers: suffixes repeat)."""
    return zlib.crc32(suffix.encode("utf-8", "replace"))


def shape_codes(chars: npt.NDArray[np.uint8]) -> npt.NDArray[np.int64]:
    """Code of each label's shape: the kinds of its first SHAPE_RUNS runs and the run count.

    ``chars`` is the (names x width) byte matrix of the labels, zero-padded. ``lux458`` and
    ``fb88`` are letters-then-digits; ``789bet`` digits-then-letters; ``vn-iss`` letters,
    hyphen, letters.
    """
    kind = np.zeros(chars.shape, dtype=np.int64)
    kind[(chars >= ord("a")) & (chars <= ord("z"))] = 1
    kind[(chars >= ord("0")) & (chars <= ord("9"))] = 2
    kind[(chars == ord("-")) | (chars == ord("_"))] = 3
    starts = kind.copy()
    starts[:, 1:] = np.where(kind[:, 1:] != kind[:, :-1], kind[:, 1:], 0)
    run_index = np.cumsum(starts > 0, axis=1)  # 1-based run number at each run start
    kept = (starts > 0) & (run_index <= SHAPE_RUNS)
    weights = np.where(kept, starts << (2 * (run_index - 1)).clip(0, 62), 0)
    runs = np.minimum(run_index[:, -1], SHAPE_RUNS + 1) if chars.shape[1] else 0
    return weights.sum(axis=1) + (runs << (2 * SHAPE_RUNS))


def key_hashes(
    suffix_codes: npt.NDArray[np.int64],
    shapes: npt.NDArray[np.int64],
    digits: npt.NDArray[np.int64],
    lengths: npt.NDArray[np.int64],
    bits: int = HASH_BITS,
) -> Pairs:
    """Four whole-name keys per name, hashed into the shared table."""
    m = suffix_codes.size
    length_band = np.minimum(lengths, 20) // 3
    keys = [
        _mix(_NS_SUFFIX, suffix_codes, np.zeros(m, dtype=np.int64)),
        _mix(_NS_SHAPE, shapes, np.zeros(m, dtype=np.int64)),
        _mix(_NS_SHAPE_SUFFIX, shapes, suffix_codes),
        _mix(_NS_DIGITS, np.minimum(digits, 8) * 16 + length_band, np.zeros(m, dtype=np.int64)),
    ]
    buckets = (np.concatenate(keys) >> np.uint64(64 - bits)).astype(np.int64)
    rows = np.tile(np.arange(m, dtype=np.int64), len(keys))
    return buckets, rows


def _mix(
    namespace: int, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> npt.NDArray[np.uint64]:
    """A splitmix-style 64-bit mix of (namespace, a, b)."""
    with np.errstate(over="ignore"):
        x = a.astype(np.uint64) * _MIX1 + np.uint64(namespace)
        x = (x ^ (x >> np.uint64(31))) * _MIX2 + b.astype(np.uint64)
        x = (x ^ (x >> np.uint64(29))) * _MIX3
        return x ^ (x >> np.uint64(32))


def label_ngram_hashes(labels: list[str], bits: int = HASH_BITS) -> Pairs:
    return ngram_hashes(labels, LABEL_NGRAMS, bits, _LABEL_SALT)


def group_sums(
    weights: npt.NDArray[np.float32], pairs: Pairs, n: int, *, normalise: bool
) -> npt.NDArray[np.float64]:
    """Per-name sum of the weights of one group (divided by sqrt(count) when normalised)."""
    buckets, rows = pairs
    sums = np.bincount(rows, weights=weights[buckets], minlength=n).astype(np.float64, copy=False)
    if normalise:
        return sums / np.sqrt(np.maximum(np.bincount(rows, minlength=n), 1))
    return sums
