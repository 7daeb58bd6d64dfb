import numpy as np
import pytest

from canhgiac.detectors.text.model import SHIPPED_MODEL, load_model
from canhgiac.errors import ValidationFailed


def test_shipped_model_loads_and_is_versioned():
    model = load_model()
    assert model.metadata["format_version"] == 1
    assert model.metadata["model_version"]
    assert model.category_coef.shape == (
        len(model.categories),
        len(model.vocabulary) + len(model.signal_names),
    )
    assert "legit" in model.categories and "spam.ads" in model.categories


def test_save_and_load_round_trip(tmp_path):
    model = load_model()
    path = tmp_path / "copy.npz"
    model.save(path)
    again = load_model(path)
    assert again.vocabulary == model.vocabulary
    assert np.array_equal(again.scam_coef, model.scam_coef)
    assert again.calibration == pytest.approx(model.calibration)


def test_pickled_arrays_are_refused(tmp_path):
    path = tmp_path / "evil.npz"
    with SHIPPED_MODEL.open("rb"), np.load(SHIPPED_MODEL) as data:
        arrays = dict(data)
    arrays["vocabulary"] = np.array([object()], dtype=object)
    np.savez(path, **arrays)
    with pytest.raises(ValidationFailed) as err:
        load_model(path)
    assert err.value.field == "model"


def test_wrong_format_is_refused(tmp_path):
    path = tmp_path / "other.npz"
    np.savez(path, metadata=np.array('{"format": "something-else"}'))
    with pytest.raises(ValidationFailed):
        load_model(path)
    with pytest.raises(ValidationFailed):
        load_model(tmp_path / "missing.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(ValidationFailed):
        load_model(tmp_path / "junk.npz")
