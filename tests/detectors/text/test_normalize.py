import unicodedata

from canhgiac.detectors.text.normalize import (
    MAX_TEXT_CHARS,
    fold_diacritics,
    normalize,
)


def test_with_and_without_diacritics_fold_alike():
    assert (
        normalize("Tài khoản của bạn bị khóa").folded
        == normalize("Tai khoan cua ban bi khoa").folded
    )


def test_decomposed_and_composed_unicode_fold_alike():
    composed = "Lừa đảo chiếm đoạt"
    decomposed = unicodedata.normalize("NFD", composed)
    assert normalize(decomposed).folded == normalize(composed).folded == "lua dao chiem doat"
    assert normalize(decomposed).nfc == composed


def test_d_with_stroke_folds_to_d():
    assert fold_diacritics("Đăng ký đổi") == "Dang ky doi"


def test_dotted_letters_are_joined():
    assert normalize("l.ừ.a đ.ả.o").folded == "lua dao"
    assert normalize("t.o ta.i kh.oan ta.ng ba.n").folded == "to tai khoan tang ban"


def test_dotted_join_keeps_domains():
    assert "shopee.vn" in normalize("Xem tai shopee.vn").folded
    assert "https://by.tn/x" in normalize("https://by.tn/x").folded


def test_zero_width_and_full_width_characters():
    assert normalize("l\u200bừ\u200ca").folded == "lua"
    assert normalize("Nạp １００k").folded == "nap 100k"


def test_spaced_letters_and_leetspeak():
    assert normalize("v a y t i e n nhanh").folded == "vaytien nhanh"
    assert normalize("V1P nh4n qu@ t0i").folded == "vip nhan qua toi"
    assert normalize("GlAY T0 UyTlN").folded == "giay to uytin"


def test_teen_code_is_expanded():
    assert normalize("ko dc ck vao stk nay").folded == (
        "khong duoc chuyen khoan vao so tai khoan nay"
    )


def test_normal_words_are_not_mangled():
    assert normalize("Hồng đi học").folded == "hong di hoc"
    assert normalize("gói 4G giá 50k").folded == "goi 4g gia 50k"


def test_input_is_bounded():
    assert len(normalize("a" * (MAX_TEXT_CHARS * 3)).original) == MAX_TEXT_CHARS
