from canhgiac.detectors.domains.homoglyphs import decode_host, fold_host, strip_diacritics, unleet


def test_vietnamese_letters_fold_to_ascii():
    assert strip_diacritics("khóa tài khoản") == "khoa tai khoan"
    assert strip_diacritics("Đăng nhập hỗ trợ") == "dang nhap ho tro"
    assert strip_diacritics("ọạươđ") == "oauod"


def test_punycode_label_is_decoded_and_folded():
    host = "shọpmobaviet.vn".encode("idna").decode("ascii")
    assert host.startswith("xn--")
    folded = fold_host(host)
    assert folded.unicode == "shọpmobaviet.vn"
    assert folded.ascii == "shopmobaviet.vn"
    assert folded.is_idn and folded.diacritic_count == 1 and folded.confusable_count == 0


def test_cyrillic_confusables_map_to_latin():
    folded = fold_host("vіеtcombаnk.com")  # Cyrillic і, е, а
    assert folded.ascii == "vietcombank.com"
    assert folded.confusable_count == 3


def test_other_scripts_are_counted_not_guessed():
    folded = fold_host("银行.com")
    assert folded.unmapped_count == 2
    assert folded.ascii == ".com"


def test_invalid_punycode_is_left_alone():
    assert decode_host("xn--zz.com") == "xn--zz.com"
    assert decode_host("xn--99999999999.vn") == "xn--99999999999.vn"
    assert decode_host("plain.com") == "plain.com"


def test_unleet():
    assert unleet("vietc0mbank") == "vietcombank"
    assert unleet("4gr1b4nk") == "agrlbank"
