import numpy as np
import pytest

from canhgiac.detectors.domains.features import DENSE_NAMES, HASH_BITS, ngram_hashes
from canhgiac.detectors.domains.model import NameModel
from canhgiac.errors import ValidationFailed


def small_model():
    d = len(DENSE_NAMES)
    weights = np.zeros(1 << HASH_BITS, dtype=np.float32)
    idx, valid = ngram_hashes(["vaytien.xyz"])
    weights[idx[valid]] = 0.5
    return NameModel(
        weights,
        np.linspace(-1, 1, d).astype(np.float32),
        np.zeros(d, np.float32),
        np.ones(d, np.float32),
        bias=-1.0,
        threshold=0.25,
        meta={"note": "test"},
    )


def test_ngram_hashes_are_stable_and_masked():
    idx1, valid1 = ngram_hashes(["abc.vn", "a.b"])
    idx2, valid2 = ngram_hashes(["abc.vn", "zzzzzz.com"])
    assert np.array_equal(idx1[0][valid1[0]], idx2[0][valid2[0]])
    # "^abc.vn$" has 8 characters: 6 trigrams, 5 four-grams, 4 five-grams.
    assert valid1[0].sum() == 6 + 5 + 4
    assert (idx1 >= 0).all() and (idx1 < (1 << HASH_BITS)).all()


def test_save_load_round_trip(tmp_path):
    model = small_model()
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = NameModel.load(path)
    idx, valid = ngram_hashes(["vaytien.xyz", "example.org"])
    dense = np.random.default_rng(1).random((2, len(DENSE_NAMES))).astype(np.float32)
    assert np.allclose(model.logits(idx, valid, dense), loaded.logits(idx, valid, dense))
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
