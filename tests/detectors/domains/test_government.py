import pytest

from canhgiac.detectors.domains.government import (
    GOVERNMENT_NAME,
    GOVERNMENT_NAME_ELSEWHERE,
    government_claims,
)
from canhgiac.detectors.domains.wordtrie import join_rows

# Fake portals of the kinds reported since 2023 (written for the tests; folded stems, i.e.
# host names without their public suffix).
CLAIMS = {
    "dichvuconggov": "dichvucong",
    "congdichvucong-dancu": "dichvucong",
    "dvcqg-hotro": "dichvucong",
    "vneidquocgia": "vneid",
    "capnhat-vieteid": "vneid",
    "vn-eid": "vneid",
    "vssid-vietnam": "bhxh",
    "baohiemxahoi-hoantien": "bhxh",
    "bocongan113": "bocongan",
    "tongcucthue-hoanthue": "thue",
    "vn-etaxmobi": "thue",
    "thongtinchinhphu": "chinhphu",
    "vietgov22": None,
    "egovn": None,
    "cskh.dvcgov": None,
    "online.govvnd": None,
}
# Ordinary Vietnamese and foreign names that share letters with the words above.
INNOCENT = [
    "dichvucongchung",  # notary services
    "dichvucongty",  # company-registration services
    "dichvucongnghe",
    "chinhphucielts",  # chinh phục: to conquer
    "nhakhoachinhphuong",  # a person's name
    "govdeals",
    "yougov",
    "governancenow",
    "etaxcalculator",
    "heidi",
    "khudancu",
]


# Names that count only outside .vn: newspapers, magazines and look-up sites carry them there.
CLAIMS_ELSEWHERE = {
    "bocongthuong": None,
    "cucquanlythitruong": None,
    "bogiaothongvantai": None,
    "hotro-botaichinh": None,
    "nganhangnhanuoc-hotro": "sbv",
    "dangkiemvn": "dangkiem",
    "tracuu-dangkiem": "dangkiem",
    "cucdangkiemoto": "dangkiem",
    "tracuuphatnguoi": "csgt",
    "congan-hanoi": "bocongan",
    "conganhcm-dichvu": "bocongan",
    "hotro.canhsat113": "bocongan",
    "congthongtinvietnam": None,
    "congthongtin-vidientu": None,
}


@pytest.mark.parametrize(("stem", "brand"), CLAIMS.items())
def test_fake_government_portals_are_claims(stem, brand):
    assert government_claims(join_rows([stem])) == {0: brand}


def test_ordinary_names_make_no_claim():
    assert government_claims(join_rows(INNOCENT)) == {}


@pytest.mark.parametrize(("stem", "brand"), CLAIMS_ELSEWHERE.items())
def test_ministry_names_are_claims_outside_vn_only(stem, brand):
    assert government_claims(join_rows([stem]), [True]) == {0: brand}
    assert government_claims(join_rows([stem]), [False]) == {}


def test_police_newspaper_on_vn_is_no_claim():
    # congan.com.vn, the Ho Chi Minh City police's newspaper.
    assert government_claims(join_rows(["congan"]), [False]) == {}


def test_services_count_on_vn_too():
    stems = ["dichvucong-hotro", "vneidquocgia"]
    assert government_claims(join_rows(stems), [False, False]) == {0: "dichvucong", 1: "vneid"}


def test_look_alike_ordinary_words_are_no_ministry():
    # đang kiếm tiền/việc: earning, looking for work; a robo-advisor.
    stems = ["dangkiemtien", "dangkiemviec", "robotaichinh", "bacongan"]
    assert government_claims(join_rows(stems)) == {}


def test_rows_are_those_of_the_batch_and_first_service_wins():
    stems = ["shopee", "dichvucong.bcaddgov", "tintuc", "vietgov", "abc"]
    assert government_claims(join_rows(stems)) == {1: "dichvucong", 3: None}


def test_literal_prefilter_finds_everything_the_pattern_finds():
    # government_claims only runs the pattern on names holding one of its literals.
    stems = [*CLAIMS, *CLAIMS_ELSEWHERE, *INNOCENT, "xgdtxgov", "govxxvn", "bcagovvn",
             "dvcquocgia", "dangkiemtien"]  # fmt: skip
    by_pattern = {
        i
        for i, s in enumerate(stems)
        if GOVERNMENT_NAME.search(s) or GOVERNMENT_NAME_ELSEWHERE.search(s)
    }
    assert set(government_claims(join_rows(stems))) == by_pattern
