from canhgiac.detectors.domains.lures import LURE_GROUPS, find_lures, folded_words


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
