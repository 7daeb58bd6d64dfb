import pytest

from canhgiac.detectors.domains.brand_match import (
    BrandMatcher,
    bank_name_stands,
    brand_name_stands,
    drops_a_double,
)
from canhgiac.indicators.brands import load_brand_registry


@pytest.fixture(scope="module")
def matcher():
    registry = load_brand_registry()
    return BrandMatcher(registry.brands, registry.name_only_aliases)


def find(matcher, stem):
    """Stem = folded host without suffix; the last label is the registrable one."""
    sub_length = stem.rfind(".") + 1
    return matcher.find(stem, sub_length)


@pytest.mark.parametrize(
    ("stem", "brand", "where", "how"),
    [
        ("vaytinchap-tpbank", "tpbank", "name", "contains"),
        ("acb.vn-home", "acb", "subdomain", "exact"),
        ("vietconbank-online", "vietcombank", "name", "typo"),
        ("vieitcombank", "vietcombank", "name", "typo"),
        ("vietc0mbank", "vietcombank", "name", "digit_swap"),
        ("acbonline", "acb", "name", "contains"),
        ("shopee.vn-nhiemvu", "shopee", "subdomain", "exact"),
    ],
)
def test_brand_found(matcher, stem, brand, where, how):
    hit = find(matcher, stem)
    assert hit is not None
    assert (hit.brand, hit.where, hit.how) == (brand, where, how)


@pytest.mark.parametrize(
    ("stem", "brand"),
    [
        ("discord-give", "discord"),
        ("steamcommunity-gift", "steam"),
        ("www-coinbase-cb", "coinbase"),
        ("huobi-2", "huobi"),
        ("nhantienquocte-westernunion", "westernunion"),
        ("sukien-pubgmobilevn", "pubg"),
    ],
)
def test_global_platforms_phished_from_vietnam_are_brands(matcher, stem, brand):
    hit = find(matcher, stem)
    assert hit is not None and hit.brand == brand
    assert brand not in matcher.local


@pytest.mark.parametrize(
    ("stem", "brand"),
    [
        ("steamcomminuty", "steam"),  # u and i swapped across the n: two edits
        ("shinhanfinaco", "shinhanfinance"),
        ("vietcooimbank", "vietcombank"),
        ("westermunions24h-sweden", "westernunion"),
    ],
)
def test_long_brand_names_match_two_edits_away(matcher, stem, brand):
    hit = find(matcher, stem)
    assert hit is not None and (hit.brand, hit.how) == (brand, "typo")


def test_two_edits_need_a_long_token(matcher):
    # VietABank is a bank of its own, two edits from "vietinbank": its own exact name wins.
    hit = find(matcher, "vietabank")
    assert hit is not None and (hit.brand, hit.how) == ("vietabank", "exact")
    assert find(matcher, "garrenna") is None  # Garena's six letters allow one edit only
    assert find(matcher, "homecreate") is None  # three edits from "homecredit"


@pytest.mark.parametrize(
    ("stem", "brand"),
    [
        ("eib-westernunion", "eximbank"),  # the longer global token loses to the bank
        ("westernunion-ipayvietinbank-vn", "vietinbank"),
        ("moneygram-vnpay-vn", "vnpay"),
    ],
)
def test_a_vietnamese_brand_is_preferred_to_a_global_one_in_the_same_name(matcher, stem, brand):
    hit = find(matcher, stem)
    assert hit is not None and hit.brand == brand


@pytest.mark.parametrize("stem", ["jacbo", "cloud", "mobile", "garden", "reddit", "thptchuyen"])
def test_short_or_common_words_are_not_brands(matcher, stem):
    assert find(matcher, stem) is None


def test_colliding_real_brands_are_not_typos_of_each_other(matcher):
    # GPBank is a real bank one letter from VPBank: an exact token, not a typo.
    hit = find(matcher, "gpbank")
    assert hit is not None and hit.brand == "gpbank" and hit.how == "exact"
    hit = find(matcher, "vpbank")
    assert hit is not None and hit.brand == "vpbank"


def test_batch_keeps_order(matcher):
    hits = matcher.find_batch(["plainname", "tpbank-vay", "x"], [0, 0, 0])
    assert hits[0] is None and hits[1] is not None and hits[2] is None


def test_a_brand_syllable_that_runs_on_into_another_word_is_no_hit(matcher):
    # chinh phục (to conquer), Hải Quang (a name), "viet info": not chính phủ, not hải
    # quan, not VietinBank.
    assert find(matcher, "chinhphucvumon") is None
    assert find(matcher, "haiquang") is None
    assert find(matcher, "vietinfo") is None
    assert find(matcher, "vietin-hotro").brand == "vietinbank"
    assert find(matcher, "thongtinchinhphu").brand == "chinhphu"
    assert find(matcher, "chinhphu-vn").brand == "chinhphu"


def test_a_banks_name_stands_as_itself_only_where_no_other_word_or_bank_can_be_meant():
    assert bank_name_stands("hdbank", "hdbanks")
    assert bank_name_stands("tpbank", "tpbank-hanoi")
    assert bank_name_stands("vietcombank", "bvietcombank")  # long "…bank" names anywhere
    assert not bank_name_stands("tpbank", "otpbank")  # OTP Bank, Hungary
    assert bank_name_stands("acb", "my-acb-bank")
    assert bank_name_stands("vib", "vibbank")
    assert not bank_name_stands("acb", "acbtravel")  # a bare code is many things abroad
    assert not bank_name_stands("acb", "jacb-bank")
    assert not bank_name_stands("vietin", "vietin-hotro")  # not a "…bank" name: the model's
    # Vietcombank's VCB and BIDV stand where a word starts, whatever garble follows.
    assert bank_name_stands("vcb", "vcbdiabrnk")
    assert bank_name_stands("bidv", "bidvsmort")
    assert not bank_name_stands("vcb", "xvcbabc")


def test_vcb_and_bidv_are_found_where_a_word_starts_other_codes_need_an_affix(matcher):
    assert find(matcher, "vcbayvbink").brand == "vietcombank"
    assert find(matcher, "cskh-bidvst").brand == "bidv"
    assert find(matcher, "xvcbabc") is None
    assert find(matcher, "scbeasy") is None  # SCB's code starts a Thai bank's app name
    assert find(matcher, "viber") is None


def test_a_wallet_or_shop_name_stands_at_a_word_start_or_long_enough_anywhere():
    assert brand_name_stands("garena", "garena-center")
    assert brand_name_stands("garena", "garenavns")
    assert brand_name_stands("shopee", "dichvushopee")  # six letters or more: anywhere
    assert brand_name_stands("lazada", "mallslazada")
    assert brand_name_stands("zalopay", "vaynhanhzalopay")
    # "arena" after other letters; ordinary words; names too short to tell.
    assert not brand_name_stands("garena", "buildingarena")
    assert not brand_name_stands("garena", "cgarena")
    assert not brand_name_stands("cellphones", "cellphoneshop")
    assert not brand_name_stands("sendo", "sendorder")
    assert not brand_name_stands("tiki", "tikibar")


def test_dropping_one_of_a_doubled_letter_is_a_short_spelling_not_a_typo():
    assert drops_a_double("viettel", "vietel")
    assert drops_a_double("shopee", "shope")
    assert not drops_a_double("garena", "garna")
    assert not drops_a_double("garena", "gareena")


def test_a_longer_code_ending_in_vcb_still_needs_an_affix(matcher):
    # PVcomBank's "pvcb" ends in "vcb"; only "vcb" itself needs nothing after it.
    assert find(matcher, "pvcbxyz") is None
    assert find(matcher, "pvcb-bank").brand == "pvcombank"
