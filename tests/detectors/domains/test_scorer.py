import pytest

from canhgiac.detectors.domains.hostnames import split_host
from canhgiac.detectors.domains.scorer import (
    DomainScorerConfig,
    build_scorer,
    load_domain_scorer,
)
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.brands import load_brand_registry


@pytest.fixture(scope="module")
def scorer():
    return load_domain_scorer()


def puny(host):
    return ".".join(
        label.encode("idna").decode("ascii") if not label.isascii() else label
        for label in host.split(".")
    )


@pytest.mark.parametrize(
    ("name", "brand"),
    [
        ("vaytinchap-tpbank.xyz", "tpbank"),
        ("acb.vn-home.xyz", "acb"),
        ("vietcombank.com.vn.xacminh-taikhoan.top", "vietcombank"),
        ("vietc0mbank-hotro.com", "vietcombank"),
        (puny("vietcombạnk.com"), "vietcombank"),
    ],
)
def test_brand_scams_from_the_issue_are_flagged(scorer, name, brand):
    result = scorer.score(name)
    assert result.is_suspicious, result
    assert result.brand == brand
    assert result.category is not None
    assert result.reasons and " / " in result.reasons[0]


@pytest.mark.parametrize(
    "name", ["789bet-vip.club", puny("shọpmobaviet.vn"), "nhanquatrian-khachhang.xyz"]
)
def test_brandless_scams_are_flagged(scorer, name):
    assert scorer.score(name).is_suspicious


def test_gambling_category(scorer):
    result = scorer.score("789bet-vip.club")
    assert result.category == "gambling"


def test_every_official_domain_and_gov_vn_is_never_flagged(scorer):
    registry = load_brand_registry()
    names = []
    for domain in registry.all_official_domains():
        names += [domain, f"www.{domain}"]
        if split_host(f"x.{domain}").private_suffix != domain:  # blogs are not Google's
            names += [f"ebank.{domain}", f"xacminh-login.{domain}"]
    names += ["dichvucong.gov.vn", "vaytien-xacminh.bocongan.gov.vn", "abc.quangninh.gov.vn"]
    results = scorer.score_many(names)
    flagged = [r.domain for r in results if r.is_suspicious]
    assert flagged == []
    assert all(r.score == 0.0 for r in results)
    assert results[0].reasons[0].startswith("Tên miền chính thức")


@pytest.mark.parametrize(
    "name",
    [
        "google.com",
        "wikipedia.org",
        "vnexpress.net",
        "thptchuyenlequydon.edu.vn",
        "nhakhoaminhan.vn",
    ],
)
def test_common_legitimate_names_pass(scorer, name):
    assert not scorer.score(name).is_suspicious


def test_allow_list_wins(scorer):
    name = "vaytinchap-tpbank.xyz"
    allowed = build_scorer(DomainScorerConfig(allow_list=frozenset({"tpbank.xyz", name})))
    result = allowed.score("sub." + name)
    assert not result.is_suspicious and result.score == 0.0
    assert allowed.is_official_host(name)
    assert scorer.score(name).is_suspicious


def test_score_many_keeps_order_and_matches_score(scorer):
    names = ["acb.vn-home.xyz", "google.com", "not a domain", "789bet-vip.club"]
    results = scorer.score_many(names)
    assert [r.domain for r in results] == ["acb.vn-home.xyz", "google.com", "", "789bet-vip.club"]
    assert results[2].error and not results[2].is_suspicious
    assert results[0].score == pytest.approx(scorer.score(names[0]).score)


def test_bad_single_name_raises(scorer):
    with pytest.raises(ValidationFailed) as info:
        scorer.score("http://")
    assert info.value.field == "domain"
    with pytest.raises(ValidationFailed):
        scorer.score_many(["ok.com", "bad name"], errors="raise")


def test_urls_and_case_are_normalised(scorer):
    a = scorer.score("HTTPS://ACB.VN-HOME.XYZ/login?x=1")
    assert a.domain == "acb.vn-home.xyz" and a.is_suspicious


def test_to_dict_has_the_cli_fields(scorer):
    data = scorer.score("acb.vn-home.xyz").to_dict()
    assert {"domain", "score", "is_suspicious", "brand", "reasons", "category"} <= data.keys()
    assert 0.0 <= data["score"] <= 1.0


def test_threshold_config(scorer):
    strict = build_scorer(DomainScorerConfig(threshold=0.999))
    lenient = build_scorer(DomainScorerConfig(threshold=0.001))
    name = "shopkimcuong247.com"
    base = scorer.score(name).score
    assert strict.score(name).score == pytest.approx(base)
    assert lenient.score(name).is_suspicious
    with pytest.raises(ValidationFailed):
        build_scorer(DomainScorerConfig(threshold=1.5))


def test_loader_is_cached():
    assert load_domain_scorer() is load_domain_scorer()


def test_hostile_input_is_marked_not_crashing(scorer):
    names = ["\x00bad.com", "a" * 5000, "ạ" * 70 + ".vn", "..", "-", "xn--.com", "😀.com"]
    results = scorer.score_many(names)
    assert len(results) == len(names)
    assert all(not r.is_suspicious for r in results if r.error)
    assert results[0].error and results[1].error and results[2].error


@pytest.mark.datasets
def test_shipped_model_on_vietnamese_legit_list(scorer):
    from tests.datasets_path import require_dataset

    path = require_dataset("domains/legit_vn_whitelist_part.txt")
    names = [n for n in path.read_text(encoding="utf-8").split() if n]
    flagged = [r.domain for r in scorer.score_many(names) if r.is_suspicious]
    assert len(flagged) / len(names) < 0.01, flagged


@pytest.mark.parametrize("name", ["chanlemomo-vip.com", "alonhacai.com", "nohu52.com"])
def test_vietnamese_gambling_words_are_flagged_as_gambling(scorer, name):
    result = scorer.score(name)
    assert result.is_suspicious and result.category == "gambling"
    assert "gambling_words" in result.rules


def test_foreign_words_that_look_like_gambling_words_pass(scorer):
    # "banca" (Italian: bank), "mercado" (cá độ), "explode" (lô đề) are not Vietnamese gambling.
    for name in ["bancamediolanum.it", "mercadolibre.com", "superlistexplode.com"]:
        assert not scorer.score(name).is_suspicious


def test_exact_brand_name_on_mainstream_suffix_is_not_flagged_by_the_model(scorer):
    # Brands hold their own name on .com/.vn (vietcombank.com); scam names with the exact
    # brand name take cheap suffixes (bidv.xyz) and stay flagged.
    for name in ["vietcombank.com", "vietcombank.vn", "techcombank.vn"]:
        result = scorer.score(name)
        assert not result.is_suspicious and result.brand is not None, result
        assert "mainstream suffix" in result.reasons[0]
    assert scorer.score("bidv.xyz").is_suspicious
    # Government services live on .gov.vn only: their name on .com is not a home.
    assert "mainstream suffix" not in " ".join(scorer.score("vneid.com").reasons)
    assert "mainstream suffix" not in " ".join(scorer.score("bidv.xyz").reasons)


@pytest.mark.parametrize(
    "name",
    [
        "nhantien-kieuhoi-quocte.weebly.com",
        "binhchon-thisinh-2025.weeblysite.com",
        "xacnhan-chuyenkhoan24h.000webhostapp.com",
        "shopaccfreefire247.vn",
        "banaccrobux.site",
        "kubet-vn.com",
    ],
)
def test_site_builder_lures_game_shops_and_betting_names_are_flagged(scorer, name):
    assert scorer.score(name).is_suspicious


@pytest.mark.parametrize(
    "name", ["nhahangdanang.weebly.com", "mypham-hanoi.weebly.com", "shopgiaysaigon.vn"]
)
def test_plain_small_sites_and_shops_are_not_flagged(scorer, name):
    assert not scorer.score(name).is_suspicious


def test_sites_on_an_official_shared_host_are_the_publishers_not_the_brands(scorer):
    # blogspot.com is Google's, the blogs under it are anyone's: scored like other names,
    # and the platform's own name is no brand hit.
    official = scorer.score_many(["blogspot.com", "m.youtube.com", "accounts.google.com"])
    assert [r.score for r in official] == [0.0, 0.0, 0.0]
    assert all(r.reasons[0].startswith("Tên miền chính thức") for r in official)
    blog = scorer.score("nhatkyduhanh.blogspot.com")
    assert blog.brand is None and not blog.is_suspicious
    assert not any(r.startswith("Tên miền chính thức") for r in blog.reasons)
    scam = scorer.score("vietcombank-xacminh.blogspot.com")
    assert scam.is_suspicious and scam.brand == "vietcombank"


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("agribank.info", "local_brand_elsewhere"),
        ("hdsaison.me", "local_brand_elsewhere"),
        ("eximbank.club", "local_brand_elsewhere"),
        ("chongluadao.info", "local_brand_elsewhere"),  # recovery scams borrow its name
    ],
)
def test_vietnamese_brand_names_where_the_brand_is_not(scorer, name, rule):
    result = scorer.score(name)
    assert result.is_suspicious and rule in result.rules, result


def test_vietnamese_brand_rules_spare_official_edu_and_global_names(scorer):
    for name in ["agribank.com.vn", "chungcuvinhomes.vn", "amazon.ae", "google.com.vn",
                 "garena.ph", "customs.go.jp"]:  # fmt: skip
        result = scorer.score(name)
        assert "local_brand_elsewhere" not in result.rules, result


@pytest.mark.parametrize(
    "name",
    ["hdbanks.com", "tpbank-hanoi.com", "my-acb-bank.com", "vib-bank.com", "hdbankcareer.com",
     "bvietcombank.com", "tindungtechcombank247.online", "hotro.agribanks.link"],
)  # fmt: skip
def test_a_vietnamese_banks_name_inside_another_domain_is_flagged(scorer, name):
    result = scorer.score(name)
    assert result.is_suspicious and "bank_name_in_name" in result.rules, result
    assert result.category is not None and result.category.startswith("fraud.")
    assert any("not the bank's" in reason for reason in result.reasons)


def test_bank_name_rule_spares_other_banks_codes_and_the_banks_own_sites(scorer):
    # OTP Bank is Hungarian, "vietinfo" is "viet info", ACB and VIB alone are many things
    # abroad; the banks' own domains and their sub-domains are official; on .vn the banks'
    # subsidiaries use their names (VPBank Securities).
    for name in ["otpbank.ru", "otpbankdirekt.hu", "vietinfo.eu", "acbtravel.com",
                 "vibes.com", "vietcombank.com.vn", "ebank.tpbank.com.vn", "hdbank.com.vn",
                 "hocvienbank.edu.vn", "vpbanks.com.vn", "vietinbankcapital.vn"]:  # fmt: skip
        assert "bank_name_in_name" not in scorer.score(name).rules, name


@pytest.mark.parametrize("name", ["vcbdiabrnk.com", "vcbayvbink.com", "bidvsmort.com"])
def test_vietcombanks_and_bidvs_codes_starting_a_name_are_the_bank(scorer, name):
    result = scorer.score(name)
    assert result.is_suspicious and "bank_name_in_name" in result.rules, result
    assert result.brand in ("vietcombank", "bidv")


@pytest.mark.parametrize(
    "name",
    ["shopee-deal.com", "dichvushopee.com", "garenavns.com", "garena-center.com",
     "mallslazada.com", "cskh-dienmayxanh.com", "vaynhanhzalopay.net"],
)  # fmt: skip
def test_a_wallets_shops_or_garenas_name_inside_another_domain_is_flagged(scorer, name):
    result = scorer.score(name)
    assert result.is_suspicious and "brand_name_in_name" in result.rules, result
    assert any("not theirs" in reason for reason in result.reasons)


def test_wallet_and_shop_name_rule_spares_their_sites_words_dealers_and_vn(scorer):
    # Garena's own sites abroad are official; "arena" after other letters, "cellphones"
    # and "sendo…" are words; car dealers use VinFast's name; on .vn the rule stays out.
    for name in ["garena.tw", "garenaworld.com", "shopee.co.id", "buildingarena.co.uk",
                 "cgarena.com", "cellphoneshop.net", "sendorder.com", "vinfast-hanoi.com",
                 "garenagift.vn", "shopeefood.vn"]:  # fmt: skip
        assert "brand_name_in_name" not in scorer.score(name).rules, name


@pytest.mark.parametrize(
    "name", ["2282vn.com", "vn5508.xyz", "vn-100.com", "1975vn.net", "0840113vn.org"]
)
def test_a_number_and_vn_alone_is_a_betting_mirror_name(scorer, name):
    result = scorer.score(name)
    assert result.is_suspicious and "vietnam_number_name" in result.rules, result
    assert result.category == "gambling"


def test_number_and_vn_rule_spares_vn_suffixes_one_digit_and_words(scorer):
    for name in ["vn30.com.vn", "123vn.vn", "4vn.eu", "vietnam2024.com", "abc123vn.com"]:
        assert "vietnam_number_name" not in scorer.score(name).rules, name


@pytest.mark.parametrize("name", ["gareena.vn", "garerna.vn", "gazena.vn", "shopse.vn"])
def test_a_one_letter_typo_of_a_brand_on_its_own_suffix_is_flagged(scorer, name):
    result = scorer.score(name)
    assert result.is_suspicious and "brand_typo_own_suffix" in result.rules, result
    assert result.brand is not None


def test_typo_rule_spares_a_dropped_double_letter_com_and_the_brand_itself(scorer):
    # Firms register their name with one of a doubled letter dropped (Viettel's vietel);
    # on .com global brands hold their own typo names.
    for name in ["vietel.com.vn", "gareena.com", "garena.vn", "shopee.vn"]:
        assert "brand_typo_own_suffix" not in scorer.score(name).rules, name


def test_vietnamese_marks_on_a_latin_word_are_flagged_but_vietnamese_words_are_not(scorer):
    result = scorer.score("shọpmobaviet.vn")
    assert result.is_suspicious and "latin_lookalike_letters" in result.rules
    for name in ["hoàngmai.vn", "càphêsàigòn.vn", "bánhmì.com"]:
        assert "latin_lookalike_letters" not in scorer.score(name).rules


@pytest.mark.parametrize(
    ("name", "brand"),
    [
        ("dichvuconggov.com", "dichvucong"),
        ("dichvucong.bcaddgov.com", "dichvucong"),
        ("vneidquocgia.com", "vneid"),
        ("tongcucthuevitegov.cc", "thue"),
        ("vietgov22.cc", None),
        ("vieteid.com", "vneid"),
        # Ministries and services whose names count outside .vn only.
        ("bocongthuong-online.com", None),
        ("cucquanlythitruong.com", None),
        ("bogtvt.net", None),
        ("dangkiemxe.com", "dangkiem"),
        ("tracuuphatnguoi.com", "csgt"),
        ("nganhangnhanuoc.com", "sbv"),
        ("congan-hanoi.com", "bocongan"),
    ],
)
def test_government_services_outside_gov_vn_are_flagged(scorer, name, brand):
    result = scorer.score(name)
    assert result.is_suspicious and "government_service_elsewhere" in result.rules, result
    assert result.brand == brand
    assert result.category == "fraud.impersonation.authority"
    assert any(".gov.vn" in reason for reason in result.reasons)


def test_government_rule_spares_official_hosts_and_ordinary_services(scorer):
    for name in ["dichvucong.gov.vn", "vneid.gov.vn", "thuedientu.gdt.gov.vn", "chinhphu.vn",
                 "baochinhphu.vn", "congan.com.vn", "dichvucongchung.vn", "chinhphucielts.com",
                 "yougov.com",
                 # On .vn: newspapers, magazines and private look-up sites use these names.
                 "baocongthuong.vn", "quanlythitruong.vn", "phatnguoi.vn", "dangkiem.vn",
                 "robotaichinh.com", "dangkiemviec.net"]:  # fmt: skip
        result = scorer.score(name)
        assert "government_service_elsewhere" not in result.rules, result
        assert not result.is_suspicious, result


def test_brand_owned_services_and_a_payment_standard_are_not_fakes(scorer):
    # ShopeeFood is Shopee's; VietQR is NAPAS's standard that other firms build on.
    for name in ["shopeefood.vn", "foody.vn", "vietqr.io"]:
        result = scorer.score(name)
        assert not result.is_suspicious, result
    assert scorer.score("shopee-food-hoantien.xyz").is_suspicious


@pytest.mark.parametrize(
    "name", ["hotrovaynganhang.com", "shoptaikhoangame.com", "tuvanruttien.com", "vongquay-tet.net"]
)
def test_vietnamese_lure_words_outside_vn_are_flagged(scorer, name):
    result = scorer.score(name)
    assert result.is_suspicious and "vietnamese_lure_elsewhere" in result.rules, result
    assert any("outside .vn" in reason for reason in result.reasons)


def test_vietnamese_lure_rule_spares_vn_sites_pages_and_everyday_words(scorer):
    # Vietnamese sites with such words sit on .vn; a page of a site keeps the site's
    # standing; words with everyday business uses (gifts, events, free lessons, football)
    # are left to the model; "chinhphu" in "chinhphuc" is another word.
    for name in ["nhanqua.vn", "taimienphi.vn", "sukien.example.net", "quatangdoanhnghiep.com",
                 "tochucsukien.com", "hoctienganhmienphi.com", "tructiepbongda.com",
                 "chinhphucielts.com"]:  # fmt: skip
        assert "vietnamese_lure_elsewhere" not in scorer.score(name).rules, name
