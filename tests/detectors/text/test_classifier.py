import csv
from pathlib import Path

import pytest

from canhgiac.categories import BY_CODE, SCAM_CODES
from canhgiac.detectors.text.classifier import TextVerdict, load_text_classifier
from canhgiac.detectors.text.normalize import fold_diacritics
from canhgiac.errors import ValidationFailed

DEV = Path(__file__).parent / "data" / "dev_messages.csv"

GENUINE = [
    ("BIDV: Ma OTP cua Quy khach la 482913. Tuyet doi KHONG cung cap OTP cho bat ky ai.", "BIDV"),
    ("Mã OTP của bạn là 3907. Không chia sẻ mã này cho bất kỳ ai.", None),
    (
        "VCB: TK 0011004xxx245 +2,500,000VND luc 14-05-2025 09:21. SD 18,460,112VND. "
        "Ref NGUYEN THI LAN chuyen tien",
        "Vietcombank",
    ),
    (
        "(QC) Viettel tặng 50% giá trị thẻ nạp ngày 25/6 cho thuê bao trả trước. "
        "Từ chối QC soạn TC gửi 199.",
        "VIETTEL",
    ),
    ("MobiFone: Bạn đã dùng 80% data gói C120N. Soạn MUA1 gửi 999 để mua thêm 1GB.", "MobiFone"),
    ("GHTK: Đơn hàng S1928 sẽ được giao hôm nay, shipper Lực 0912 331 005.", "GHTK"),
    ("Mẹ ơi tối nay con về muộn, không phải chờ cơm nhé.", None),
    ("Nha khoa xin nhắc lịch hẹn lấy cao răng lúc 17h thứ 6.", None),
]

SCAMS = [
    (
        "Vietcombank: Tài khoản của Quý khách bị tạm khóa do chưa cập nhật sinh trắc học. "
        "Truy cập vcb-xacthuc.top trước 17h hôm nay.",
        "fraud.impersonation.bank",
    ),
    (
        "Cục CSGT: xe của bạn có lỗi phạt nguội chưa nộp. Tra cứu và nộp phạt tại "
        "phatnguoi-csgt.online để tránh bị tước bằng.",
        "fraud.impersonation.authority",
    ),
    (
        "Tuyen CTV lam online tai nha, thu nhap 500k-1tr/ngay, chi can dien thoai. "
        "Lien he Zalo 0397225814",
        "fraud.task_job",
    ),
    (
        "Nha cai KUBET uy tin so 1, tang 150% nap dau, no hu rut tien 1-1. Dang ky ku11.vip",
        "gambling",
    ),
]


@pytest.fixture(scope="module")
def classifier():
    return load_text_classifier()


@pytest.mark.parametrize(("text", "sender"), GENUINE)
def test_genuine_messages_are_not_scams(classifier, text, sender):
    verdict = classifier.classify(text, sender)
    assert not verdict.is_scam, verdict.reasons
    assert verdict.category in {"legit", "spam.ads"}
    assert verdict.score < 0.5


@pytest.mark.parametrize(("text", "category"), SCAMS)
def test_scams_are_flagged_with_their_category(classifier, text, category):
    verdict = classifier.classify(text)
    assert verdict.is_scam and verdict.category in SCAM_CODES
    assert verdict.category == category
    assert verdict.score >= 0.5


def test_reasons_are_vietnamese_then_english(classifier):
    verdict = classifier.classify(SCAMS[0][0])
    assert verdict.reasons[0].startswith("Loại: " + BY_CODE[verdict.category].label_vi)
    assert all(" / " in reason for reason in verdict.reasons)
    assert any("tên miền" in reason for reason in verdict.reasons)


def test_verdict_serialises(classifier):
    data = classifier.classify(SCAMS[0][0]).to_dict()
    assert {"category", "is_scam", "score", "reasons", "signals", "indicators"} <= data.keys()
    assert any(i["kind"] == "domain" for i in data["indicators"])
    assert isinstance(data["reasons"], list)


def test_diacritics_do_not_change_the_verdict(classifier):
    for text, _ in SCAMS + [(t, None) for t, _ in GENUINE]:
        with_marks = classifier.classify(text)
        without = classifier.classify(fold_diacritics(text))
        assert with_marks.is_scam == without.is_scam, text


def test_official_sender_never_turns_otp_into_scam(classifier):
    text = "Vietcombank: Ma OTP cua Quy khach la 771204. Khong cung cap OTP cho bat ky ai."
    assert not classifier.classify(text, "Vietcombank").is_scam


def test_spoofed_brandname_with_foreign_link_is_still_a_scam(classifier):
    text = "Vietcombank: Tai khoan cua Quy khach bi khoa. Mo khoa tai vietcombank-xacminh.xyz"
    assert classifier.classify(text, "Vietcombank").is_scam


def test_classify_many_keeps_order(classifier):
    texts = [SCAMS[0][0], GENUINE[1][0], SCAMS[3][0]]
    verdicts = classifier.classify_many(texts)
    assert [v.is_scam for v in verdicts] == [True, False, True]
    assert all(isinstance(v, TextVerdict) for v in verdicts)
    assert classifier.classify_many([]) == []


def test_bad_input_is_rejected(classifier):
    with pytest.raises(ValidationFailed) as err:
        classifier.classify_many(["a", "b"], ["x"])
    assert err.value.field == "senders"
    with pytest.raises(ValidationFailed):
        classifier.classify_many([None])  # type: ignore[list-item]


def test_hostile_input_is_bounded(classifier):
    verdict = classifier.classify("a." * 50_000 + "\u200b" * 1000 + "0" * 10_000)
    assert 0.0 <= verdict.score <= 1.0


def test_loader_is_cached():
    assert load_text_classifier() is load_text_classifier()


def test_own_development_messages(classifier):
    """Messages written apart from the seed corpus, in styles the templates do not use."""
    with DEV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    verdicts = classifier.classify_many([r["text"] for r in rows])
    tp = sum(v.is_scam and r["is_scam"] == "1" for v, r in zip(verdicts, rows, strict=True))
    fp = sum(v.is_scam and r["is_scam"] == "0" for v, r in zip(verdicts, rows, strict=True))
    fn = sum(not v.is_scam and r["is_scam"] == "1" for v, r in zip(verdicts, rows, strict=True))
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.85, (tp, fp, fn)
    assert fp <= 1


def test_carrier_promotion_with_opt_out_is_never_a_scam(classifier):
    text = (
        "Chúc mừng thuê bao vừa nạp thẻ! Bạn có 10 cơ hội trúng xe SH từ VinaPhone, "
        "soạn DK gửi 9123 (3.000đ/ngày). Từ chối QC soạn TC gửi 18001091"
    )
    verdict = classifier.classify(text)
    assert not verdict.is_scam and verdict.score <= 0.3


def test_opt_out_syntax_does_not_hide_a_phishing_link(classifier):
    text = "(QC) Vietcombank: nhan qua tri an tai vcb-quatang.top. Tu choi QC soan TC gui 1551"
    assert classifier.classify(text).is_scam
