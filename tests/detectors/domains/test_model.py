import numpy as np
import pytest

from canhgiac.detectors.domains.feature_batch import DENSE_NAMES
from canhgiac.detectors.domains.hashed import (
    HASH_BITS,
    HashedInputs,
    key_hashes,
    label_ngram_hashes,
    ngram_hashes,
    shape_codes,
)
from canhgiac.detectors.domains.model import NameModel
from canhgiac.errors import ValidationFailed


def small_model():
    d = len(DENSE_NAMES)
    weights = np.zeros(1 << HASH_BITS, dtype=np.float32)
    buckets, _rows = ngram_hashes(["vaytien.xyz"])
    weights[buckets] = 0.5
    return NameModel(
        weights,
        np.linspace(-1, 1, d).astype(np.float32),
        np.zeros(d, np.float32),
        np.ones(d, np.float32),
        bias=-1.0,
        threshold=0.25,
        meta={"note": "test"},
    )


def test_ngram_hashes_are_stable_and_per_name():
    b1, r1 = ngram_hashes(["abc.vn", "a.b"])
    b2, r2 = ngram_hashes(["zzzzzz.com", "abc.vn"])
    assert sorted(b1[r1 == 0]) == sorted(b2[r2 == 1])
    # "^abc.vn$" has 8 characters: 6 trigrams, 5 four-grams, 4 five-grams.
    assert (r1 == 0).sum() == 6 + 5 + 4
    # "^a.b$" has 5: 3 + 2 + 1, none crossing into the neighbouring name.
    assert (r1 == 1).sum() == 3 + 2 + 1
    assert (b1 >= 0).all() and (b1 < (1 << HASH_BITS)).all()


def test_save_load_round_trip(tmp_path):
    model = small_model()
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = NameModel.load(path)
    codes = np.array([1, 2], dtype=np.int64)
    inputs = HashedInputs(
        ngram_hashes(["vaytien.xyz", "example.org"]),
        label_ngram_hashes(["vaytien", "example"]),
        key_hashes(codes, codes, codes, codes),
    )
    dense = np.random.default_rng(1).random((2, len(DENSE_NAMES))).astype(np.float32)
    logits = model.logits(inputs, dense)
    assert np.allclose(logits, loaded.logits(inputs, dense))
    assert logits[0] > logits[1]  # only vaytien.xyz has weighted n-grams
    assert loaded.threshold == 0.25 and loaded.meta["note"] == "test"
    # Numbers only: the archive opens without pickle support.
    with np.load(path, allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)


def test_refuses_other_files(tmp_path):
    bad = tmp_path / "bad.npz"
    np.savez(bad, header=np.frombuffer(b'{"format": "other"}', dtype=np.uint8))
    with pytest.raises(ValidationFailed):
        NameModel.load(bad)
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip")
    with pytest.raises(ValidationFailed) as info:
        NameModel.load(junk)
    assert info.value.field == "model"


def test_refuses_stale_feature_version(tmp_path):
    path = tmp_path / "m.npz"
    small_model().save(path)
    with np.load(path) as data:
        arrays = {k: data[k] for k in data.files}
    header = bytes(arrays["header"]).decode().replace('"feature_version": ', '"feature_version": 9')
    arrays["header"] = np.frombuffer(header.encode(), dtype=np.uint8)
    np.savez(path, **arrays)
    with pytest.raises(ValidationFailed):
        NameModel.load(path)


def test_label_ngrams_are_apart_from_host_ngrams():
    host, _ = ngram_hashes(["abc"])
    label, rows = label_ngram_hashes(["abc"])
    # "^abc$": 4 bigrams + 3 trigrams + 2 four-grams + 1 five-gram.
    assert rows.size == 4 + 3 + 2 + 1
    assert not set(host.tolist()) & set(label.tolist())


def word_matrix(words):
    width = 12
    blob = "".join(w.ljust(width, "\0") for w in words).encode()
    return np.frombuffer(blob, dtype=np.uint8).reshape(len(words), width)


def test_shape_codes_follow_letter_digit_runs():
    codes = shape_codes(word_matrix(["lux458", "fb88", "789bet", "vn-iss", "google", "a1b2c3d4e"]))
    assert codes[0] == codes[1]  # letters then digits
    assert len({codes[0], codes[2], codes[3], codes[4]}) == 4
    assert codes[5] not in codes[:5]


def test_key_hashes_separate_namespaces_and_values():
    a = np.array([5, 5], dtype=np.int64)
    b = np.array([5, 6], dtype=np.int64)
    buckets, rows = key_hashes(a, a, a, b)
    assert rows.tolist() == [0, 1] * 4
    assert buckets[0] == buckets[1]  # same suffix
    assert buckets[6] != buckets[7]  # digits with another length band
    assert len({buckets[0], buckets[2], buckets[4]}) == 3  # suffix, shape and both differ
    assert (buckets >= 0).all() and (buckets < (1 << HASH_BITS)).all()
