from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from canhgiac.indicators.brands import (
    SECTORS,
    BrandDataError,
    build_registry,
    fold,
    load_brand_registry,
)
from tests.datasets_path import require_dataset


@pytest.fixture(scope="module")
def reg():
    return load_brand_registry()


def test_loads_all_sectors_and_is_cached(reg):
    assert load_brand_registry() is reg
    assert {b.sector for b in reg.brands} == SECTORS
    assert len(reg.by_sector("bank")) >= 50


@pytest.mark.parametrize(
    ("bin_", "key"),
    [
        ("970436", "vietcombank"),
        ("970415", "vietinbank"),
        ("970418", "bidv"),
        ("970405", "agribank"),
        ("970407", "techcombank"),
        ("970422", "mbbank"),
        ("970416", "acb"),
        ("970432", "vpbank"),
        ("970423", "tpbank"),
        ("970403", "sacombank"),
    ],
)
def test_bank_by_bin(reg, bin_, key):
    assert reg.bank_by_bin(bin_).key == key


def test_bank_by_bin_unknown(reg):
    assert reg.bank_by_bin("123456") is None
    assert reg.bank_by_bin("") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Vietcombank", "vietcombank"),
        ("VCB", "vietcombank"),
        ("Ngân hàng TMCP Ngoại thương Việt Nam", "vietcombank"),
        ("ngan hang tmcp ngoai thuong viet nam", "vietcombank"),
        ("NH Ngoại Thương", "vietcombank"),
        ("Ngân hàng Á Châu", "acb"),
        ("á châu", "acb"),
        ("MB Bank", "mbbank"),
        ("mb", "mbbank"),
        ("Ngân hàng Quân đội", "mbbank"),
        ("Vietin Bank", "vietinbank"),
        ("CTG", "vietinbank"),
        ("LienVietPostBank", "lpbank"),
        ("Maritime Bank", "msb"),
        ("Bản Việt", "bvbank"),
        ("Viet Capital Bank", "bvbank"),
        ("ngân hàng đông á", "dongabank"),
        ("OceanBank", "oceanbank"),
        ("tp bank", "tpbank"),
        ("Techcom Bank", "techcombank"),
        ("970436", "vietcombank"),
    ],
)
def test_bank_by_name(reg, text, key):
    brand = reg.bank_by_name(text)
    assert brand is not None, text
    assert brand.key == key


@pytest.mark.parametrize("text", ["", "Shopee", "MoMo", "ngân hàng ma", "abc"])
def test_bank_by_name_not_a_bank(reg, text):
    assert reg.bank_by_name(text) is None


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("vietcombank.com.vn", "vietcombank"),
        ("vcbdigibank.vietcombank.com.vn", "vietcombank"),
        ("WWW.Vietcombank.com.vn.", "vietcombank"),
        ("vietcombank.com.vn:443", "vietcombank"),
        ("ebank.tpb.vn", "tpbank"),
        ("techcombank.com", "techcombank"),
        ("shopee.vn", "shopee"),
        ("canhbao.khonggianmang.vn", "ncsc"),
        ("thuedientu.gdt.gov.vn", "thue"),
    ],
)
def test_official_brand_for_host(reg, host, key):
    assert reg.official_brand_for_host(host).key == key


@pytest.mark.parametrize(
    "host",
    [
        "vietcombank.com.vn.evil.xyz",
        "fakevietcombank.com.vn",
        "vietcombank-com.vn",
        "vietcombank.com",
        "com.vn",
        "",
        "xn--vietcmbank-xyz.com",
    ],
)
def test_lookalike_hosts_are_not_official(reg, host):
    assert reg.official_brand_for_host(host) is None
    assert not reg.is_official_host(host)


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("sites.google.com", "google"),
        ("docs.google.com", "google"),
        ("forms.gle", "google"),
        ("oa.zalo.me", "zalo"),
        ("t.me", "telegram"),
        ("www.facebook.com", "facebook"),
        ("testflight.apple.com", "apple"),
        ("www.chotot.com", "chotot"),
    ],
)
def test_user_content_hosts_are_owned_but_not_official(reg, host, key):
    assert reg.official_brand_for_host(host).key == key
    assert reg.is_user_content_host(host)
    assert not reg.is_official_host(host)


def test_brand_own_hosts_stay_official(reg):
    for host in ("accounts.google.com", "www.apple.com", "id.zalo.me.evil.vn"):
        assert not reg.is_user_content_host(host)
    assert reg.is_official_host("accounts.google.com")
    assert not reg.is_official_host("id.zalo.me.evil.vn")


def test_user_content_must_be_under_the_brand_domains():
    entry = GOOD + "    user_content: [sites.other.vn]\n"
    with pytest.raises(BrandDataError, match="user_content"):
        build_registry([("t.yaml", _yaml(entry))])


def test_any_gov_vn_host_is_official(reg):
    assert reg.is_official_host("hanoi.gov.vn")
    assert reg.is_official_host("dichvucong.quangninh.gov.vn")
    assert not reg.is_official_host("gov.vn")
    assert not reg.is_official_host("gov.vn.evil.com")
    assert not reg.is_official_host("dichvucong-gov.vn")


def test_sms_sender(reg):
    assert reg.brand_for_sms_sender("Vietcombank").key == "vietcombank"
    assert reg.brand_for_sms_sender("VIETCOMBANK").key == "vietcombank"
    assert reg.brand_for_sms_sender("MBBANK").key == "mbbank"
    assert reg.brand_for_sms_sender("MB Bank").key == "mbbank"
    assert reg.brand_for_sms_sender("VIETTEL").key == "viettel"
    assert reg.brand_for_sms_sender("9090").key == "mobifone"
    assert reg.brand_for_sms_sender("Vietcombank1") is None
    assert reg.brand_for_sms_sender("+84912345678") is None


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("+841900545413", "vietcombank"),
        ("1900 54 54 13", "vietcombank"),
        ("1900.545.413", "vietcombank"),
        ("028 3824 7247", "acb"),
        ("+84 28 3824 7247", "acb"),
        ("198", "viettel"),
        ("9090", "mobifone"),
        ("1900 6060", "hdbank"),
    ],
)
def test_brand_for_hotline(reg, number, key):
    assert reg.brand_for_hotline(number).key == key


@pytest.mark.parametrize("number", ["", "0912345678", "1900545414", "abc", "+1 900 545 413"])
def test_brand_for_hotline_unknown(reg, number):
    assert reg.brand_for_hotline(number) is None


def test_brands_mentioned_whole_words(reg):
    text = (
        "Tài khoản VCB của quý khách bị khoá, vui lòng đăng nhập vcb-digibank để xác minh. "
        "Chuyển khoản qua Momo hoặc MB Bank. Liên hệ Ngân hàng Á Châu."
    )
    keys = [b.key for b in reg.brands_mentioned(text)]
    assert keys == ["vietcombank", "momo", "mbbank", "acb"]


@pytest.mark.parametrize(
    "text",
    [
        "tệp 5 MB đã tải xong",
        "bé đi học về",
        "macbook giá rẻ",
        "Đông Nam Á và quốc tế",
        "acbd acbx xacb",
        "Giao hàng nhanh, đóng gói cẩn thận",
        "mình đang kiếm kem dưỡng",
        "hàng VN/A chính hãng",
        "khóc tè le",
        "cho tốt hơn",
        "",
    ],
)
def test_brands_mentioned_no_false_hits(reg, text):
    assert reg.brands_mentioned(text) == []


def test_brands_mentioned_diacritic_insensitive(reg):
    assert [b.key for b in reg.brands_mentioned("nhan tien tu Cong an phuong")] == ["bocongan"]
    assert [b.key for b in reg.brands_mentioned("ĐIỆN LỰC thông báo cắt điện")] == ["evn"]


def test_similar_to_is_symmetric_and_resolves(reg):
    for brand in reg.brands:
        for other in brand.similar_to:
            assert reg.get(other) is not None
            assert brand.key in reg.get(other).similar_to
    assert "gpbank" in reg.get("vpbank").similar_to
    assert "vib" in reg.get("vietcombank").similar_to
    assert {"scb", "ocb"} <= set(reg.get("acb").similar_to)
    assert "msb" in reg.get("mbbank").similar_to
    assert "shbfinance" in reg.get("shb").similar_to


def test_data_invariants(reg):
    domains = reg.all_official_domains()
    assert "vietcombank.com.vn" in domains
    for brand in reg.brands:
        assert brand.sources, brand.key
        for domain in brand.domains:
            assert domain == domain.lower()
            assert not domain.startswith("www.")
        for alias in brand.aliases:
            assert alias == alias.lower()
        for hotline in brand.hotlines:
            assert hotline.startswith("+84") or hotline.isdigit()
        if brand.sector != "bank":
            assert brand.bin is None or brand.key.endswith("-bank")


def test_fold():
    assert fold("Ngân hàng Đông Á") == "ngan hang dong a"


def _yaml(entries: str, sector: str = "bank") -> str:
    return f"sector: {sector}\nbrands:\n{entries}"


GOOD = """\
  - key: alpha
    name: Ngân hàng Alpha
    short_name: Alpha
    bin: "999001"
    domains: [alpha.vn]
    sources: [https://alpha.vn/]
"""


def test_build_registry_accepts_minimal_entry():
    reg = build_registry([("t.yaml", _yaml(GOOD))])
    assert reg.bank_by_bin("999001").name == "Ngân hàng Alpha"


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (GOOD + GOOD, "duplicate key"),
        (GOOD.replace("alpha.vn]", "Alpha.VN]"), "lower-case host"),
        (GOOD.replace("    sources: [https://alpha.vn/]\n", ""), "sources"),
        (GOOD.replace('"999001"', '"99900"'), "6 digits"),
        (GOOD + GOOD.replace("key: alpha", "key: beta").replace("Alpha", "Beta"), "BIN 999001"),
        (GOOD + "    similar_to: [nobody]\n", "unknown brand"),
        (GOOD + "    hotlines: ['0912345678']\n", "E.164"),
        (GOOD + "    colour: red\n", "unknown fields"),
        (GOOD + "    aliases: [Alpha]\n", "lower-case"),
        (GOOD + "    market: world\n", "'market' must be one of"),
    ],
)
def test_build_registry_rejects_bad_data_naming_file_and_entry(entries, message):
    with pytest.raises(BrandDataError) as excinfo:
        build_registry([("banks-test.yaml", _yaml(entries))])
    assert "banks-test.yaml" in str(excinfo.value)
    assert message in str(excinfo.value)


def test_market_defaults_to_vietnam_and_global_brands_are_marked(reg):
    beta = GOOD.replace("alpha", "beta").replace("Alpha", "Beta").replace("999001", "999002")
    beta += "    market: global\n"
    built = build_registry([("t.yaml", _yaml(GOOD + beta))])
    assert [b.market for b in built.brands] == ["vn", "global"]
    markets = {b.key: b.market for b in reg.brands}
    assert markets["vietcombank"] == markets["shopee"] == markets["dichvucong"] == "vn"
    assert markets["google"] == markets["amazon"] == markets["hsbc"] == "global"


def test_build_registry_rejects_unknown_sector():
    with pytest.raises(BrandDataError, match="unknown sector"):
        build_registry([("x.yaml", _yaml(GOOD, sector="casino"))])


@pytest.mark.datasets
def test_no_listed_scam_host_is_official():
    path: Path = require_dataset("domains/scam_chongluadao_2022-12-31.txt")
    reg = load_brand_registry()
    with path.open(encoding="utf-8") as handle:
        hosts = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    assert len(hosts) > 10_000
    assert [h for h in hosts if reg.is_official_host(h)] == []


@pytest.mark.datasets
def test_every_dataset_bin_is_known_and_names_agree():
    path: Path = require_dataset("brands/vn-banks/vn-banks.json")
    reg = load_brand_registry()
    banks = json.loads(path.read_text(encoding="utf-8"))["banks"]
    missing = [(b["bin"], b["name"]) for b in banks if reg.bank_by_bin(b["bin"]) is None]
    assert missing == []
    disagree = []
    for bank in banks:
        by_name = reg.bank_by_name(bank["fullName"]["vi"]) or reg.bank_by_name(bank["name"])
        if by_name is not None and by_name != reg.bank_by_bin(bank["bin"]):
            disagree.append((bank["bin"], bank["name"], by_name.key))
    assert disagree == []


@pytest.mark.datasets
def test_confirmed_dataset_domains_are_official():
    path: Path = require_dataset("brands/vn-banks/banks_extracted_from_legianguyenit_banks.ts.csv")
    reg = load_brand_registry()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["check_in_cld_whitelist"] == "1"]
    assert rows
    unknown = [r["website"] for r in rows if not reg.is_official_host(r["website"])]
    assert unknown == []


@pytest.mark.datasets
def test_every_dataset_bank_name_resolves():
    path: Path = require_dataset("brands/vn-banks/banks_extracted_from_legianguyenit_banks.ts.csv")
    reg = load_brand_registry()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 40
    unresolved = [
        r["brandName"]
        for r in rows
        if reg.bank_by_name(r["brandName"]) is None and reg.bank_by_name(r["fullName"]) is None
    ]
    assert unresolved == []


@pytest.mark.datasets
def test_every_dataset_ewallet_is_known():
    path: Path = require_dataset("brands/vn-banks/vn-ewallet.json")
    reg = load_brand_registry()
    wallets = json.loads(path.read_text(encoding="utf-8"))["ewallets"]
    assert wallets
    unknown = [
        w["name"]
        for w in wallets
        if not any(b.sector == "ewallet" for b in reg.brands_mentioned(w["name"]))
    ]
    assert unknown == []
