import numpy as np
import pytest

from canhgiac.detectors.domains.features import DENSE_NAMES, HASH_BITS, ngram_hashes
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
    buckets, rows = ngram_hashes(["vaytien.xyz", "example.org"])
    dense = np.random.default_rng(1).random((2, len(DENSE_NAMES))).astype(np.float32)
    assert np.allclose(model.logits(buckets, rows, dense), loaded.logits(buckets, rows, dense))
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
