import pytest

from canhgiac.detectors.text.reference_sets import (
    PTH2016,
    SOCIAL,
    read_pth2016,
    read_social,
)
from canhgiac.detectors.text.train import split_of
from tests.datasets_path import require_dataset


@pytest.mark.datasets
def test_pth2016_spam_maps_to_ads_not_scam():
    rows = list(read_pth2016(require_dataset(PTH2016)))
    assert {r.category for r in rows if r.raw_label == "spam"} == {"spam.ads"}
    assert {r.category for r in rows if r.raw_label == "ham"} == {"legit"}


@pytest.mark.datasets
def test_social_spam_label_is_left_unknown():
    rows = list(read_social(require_dataset(SOCIAL)))
    assert {r.category for r in rows if r.raw_label == "1"} == {None}


def test_split_is_stable():
    assert split_of("xin chao") == split_of("xin chao")
    assert {split_of(f"tin {i}") for i in range(100)} == {"train", "test"}
