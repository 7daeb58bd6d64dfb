import pytest

from canhgiac.detectors.domains.feature_batch import DENSE_INDEX
from canhgiac.detectors.domains.scorer import build_extractor


@pytest.fixture(scope="module")
def extractor():
    return build_extractor()[0]


def column(extractor, names, name):
    batch = extractor.extract(names)
    return [float(v) for v in batch.dense[:, DENSE_INDEX[name]]]


def test_shared_hosting_uses_the_users_label_and_hosting_suffix(extractor):
    batch = extractor.extract(["nhantien-quocte.weebly.com", "a.b.github.io", "shop.example.com"])
    assert batch.labels == ["nhantien-quocte", "b", "example"]
    shared = [float(v) for v in batch.dense[:, DENSE_INDEX["shared_hosting"]]]
    assert shared == [1.0, 1.0, 0.0]
    # The hosting suffix, not ".com", keys the name: weebly differs from a plain .com name.
    other = extractor.extract(["nhantien-quocte.com"])
    assert batch.keys[0, 0] != other.keys[0, 0]


def test_lure_words_on_shared_hosting(extractor):
    names = ["binhchon-giongnhi2022.weebly.com", "nhahanghue.weebly.com", "binhchon-giongnhi.com"]
    assert column(extractor, names, "shared_hosting_lure") == [1.0, 0.0, 0.0]


def test_brand_exact_name_on_odd_suffix(extractor):
    # New generic suffixes are odd homes for a bank or shop; country codes are where global
    # brands keep their own sites; official hosts never carry brand features.
    names = ["garena.quest", "shopee.pics", "eximbank.me", "garena.tw", "garena.vn", "acb.vn-x.top"]
    assert column(extractor, names, "brand_exact_odd_suffix") == [1, 1, 1, 0, 0, 0]


def test_brand_typo_on_the_brands_own_suffix(extractor):
    names = ["gareena.vn", "garenaa.vn", "garena.vn", "gareena.xyz", "garenamobile.vn"]
    assert column(extractor, names, "brand_near_official") == [1, 1, 0, 0, 0]


def test_lucky_digits(extractor):
    names = ["viu88.com", "ku789.net", "abc123.com", "hotel2024.com"]
    assert column(extractor, names, "lucky_digits") == [1, 1, 0, 0]


def test_vietnamese_and_global_brands(extractor):
    # A global brand's name sits in many unrelated sites; a Vietnamese brand's rarely does.
    names = ["vietinbank-vay.xyz", "googleadservices.com", "agribank.info", "amazon.ae"]
    assert column(extractor, names, "brand_local") == [1, 0, 1, 0]


def test_vietnamese_brand_exact_name_on_a_suffix_it_does_not_use(extractor):
    names = ["agribank.info", "hdsaison.me", "agribank.com", "momo.vn", "amazon.ae", "acb.info",
             "garena.ph", "customs.go.jp"]  # fmt: skip
    # .com/.vn/.com.vn are often the brand's own, other country codes its sister companies';
    # three-letter codes collide abroad.
    assert column(extractor, names, "brand_local_exact_elsewhere") == [1, 1, 0, 0, 0, 0, 0, 0]


def test_cheap_suffixes_sold_since_2022_are_suspicious(extractor):
    names = ["tintuc.quest", "xoso.lat", "app.homes", "tintuc.com", "tintuc.vn", "tintuc.my"]
    assert column(extractor, names, "suffix_suspicious") == [1, 1, 1, 0, 0, 0]


def test_vietnamese_lure_words_apart_from_english_ones(extractor):
    # "vay" and "hotro" are Vietnamese lure words; "online" and "loan" are English ones that
    # global sites use everywhere; "cctv" and "mercado" only hold Vietnamese-looking pieces.
    names = ["hotrovaynganhang.com", "abc-vay.com", "onlineloan.com", "cctvforum.com",
             "mercadolibre.com"]  # fmt: skip
    assert column(extractor, names, "lure_vietnamese") == [1, 1, 0, 0, 0]


def test_vietnamese_lure_words_outside_vn_count_in_the_registrable_label_only(extractor):
    names = ["nhanqua-taikhoan.com", "nhanqua.vn", "nhanqua.edu.vn", "sukien.example.net",
             "nhanqua.weebly.com", "tintuc.com"]  # fmt: skip
    batch = extractor.extract(names)
    found = [float(v) for v in batch.dense[:, DENSE_INDEX["lure_vietnamese_elsewhere"]]]
    assert found == [2, 0, 0, 0, 1, 0]
    assert batch.vietnamese_elsewhere == {0: ("nhanqua", "taikhoan"), 4: ("nhanqua",)}
