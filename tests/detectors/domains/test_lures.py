from canhgiac.detectors.domains.lures import (
    GAMBLING_TELLS,
    LURE_GROUPS,
    find_lures,
    folded_words,
    has_gambling_tell,
)


def test_words_match_with_and_without_diacritics():
    words = {w for g in LURE_GROUPS for w in folded_words(g)}
    assert {"xacminh", "hotro", "khoataikhoan", "vay", "nhanqua", "hoantien"} <= words


def test_longest_word_wins():
    assert find_lures("vaytinchap-tpbank") == {"loan": ["vaytinchap"]}


def test_groups_found():
    found = find_lures("nhanquatrian-xacminh.789bet")
    assert "prize" in found and "account" in found and "gambling" in found


def test_plain_words_have_no_lures():
    assert find_lures("thptchuyenlequydon") == {}


def test_vote_remittance_and_game_shop_words():
    assert find_lures("binhchon-thisinh") == {"prize": ["binhchon", "thisinh"]}
    assert find_lures("xacnhan-chuyenkhoan") == {"account": ["xacnhan", "chuyenkhoan"]}
    assert find_lures("shopacc-robux") == {"prize": ["shopacc", "robux"]}


def test_betting_site_names_are_tells():
    assert {"go88", "kubet", "sunwin"} <= GAMBLING_TELLS
    assert find_lures("sunwin") == {"gambling": ["sunwin"]}


def test_betting_site_brands_are_gambling_words_and_long_ones_are_tells():
    assert find_lures("hi88vip8")["gambling"][0] == "hi88"
    assert find_lures("new88-link")["gambling"] == ["new88"]
    assert {"new88", "jun88", "789bet", "cltx", "clmm"} <= GAMBLING_TELLS
    # Short brands sit inside other names ("chenshi88"): tells only where a word starts.
    assert "hi88" not in GAMBLING_TELLS and "bk8" not in GAMBLING_TELLS
    assert has_gambling_tell(find_lures("hi88a")["gambling"], "hi88a")
    assert has_gambling_tell(find_lures("link-bk8vn")["gambling"], "link-bk8vn")
    assert not has_gambling_tell(find_lures("chenshi88")["gambling"], "chenshi88")
    assert not has_gambling_tell((), "hi88")


def test_traffic_fine_and_id_card_lures_are_government_words():
    assert "authority" in find_lures("tracuu-phatnguoi")
    assert "authority" in find_lures("capnhat-cccd")


def test_later_betting_brands_and_foreign_sites_left_out():
    assert {"hello88", "ok365", "iwinclub"} <= GAMBLING_TELLS
    assert has_gambling_tell(find_lures("w88vn-link")["gambling"], "w88vn-link")
    # w88 inside a word is something else; iwin.com and m88sb.com are not betting brands here.
    assert not has_gambling_tell(find_lures("xhxsw88")["gambling"], "xhxsw88")
    for name in ["iwin", "m88sb"]:  # only the weak "win" / "88" are found
        assert not has_gambling_tell(find_lures(name)["gambling"], name)


def test_betting_brands_after_2022_and_those_that_end_other_words():
    assert {"i9bet", "58win", "alo789", "sumvip", "v8club"} <= GAMBLING_TELLS
    for name in ["okvip-club", "red88vn", "i9bet7", "win55-vip"]:
        assert has_gambling_tell(find_lures(name)["gambling"], name), name
    # Long brands that also end ordinary words count only where a word starts.
    assert {"okvip", "red88", "win55", "xin88", "fun88"}.isdisjoint(GAMBLING_TELLS)
    for name in ["bookvip", "bored88", "darwin55", "efun88"]:
        assert not has_gambling_tell(find_lures(name)["gambling"], name), name
