import pytest

from canhgiac.detectors.text.links import brands_mentioned, find_hosts
from canhgiac.detectors.text.normalize import normalize
from canhgiac.detectors.text.signals import compute_signals, sender_kind
from canhgiac.indicators.brands import load_brand_registry


@pytest.fixture(scope="module")
def registry():
    return load_brand_registry()


def signals(registry, text, sender=None):
    return compute_signals(normalize(text), sender, registry).values


def test_brand_named_with_foreign_link(registry):
    values = signals(registry, "Vietcombank: tài khoản bị khóa, mở khóa tại vcb-mokhoa.top")
    assert values["url_brand_mismatch"] and values["url_lookalike"] and values["url_cheap_tld"]
    assert "url_official" not in values


def test_brand_named_with_its_official_link(registry):
    values = signals(registry, "VPBank: mở thẻ tại https://www.vpbank.com.vn/the-tin-dung")
    assert values.get("url_official") and "url_brand_mismatch" not in values


def test_subdomain_trick_is_not_official(registry):
    values = signals(registry, "BIDV: xac thuc tai bidv.com.vn-ebank.top/login")
    assert values["url_unofficial"] and values["url_lookalike"]


def test_group_links_are_platform_not_official(registry):
    values = signals(registry, "Vào nhóm zalo.me/g/abc123 nhận tín hiệu")
    assert values.get("url_platform") and "url_official" not in values


def test_bank_reference_is_not_a_link():
    assert find_hosts("So du TK VCB thay doi. Ref IBVCB.0710150170472001.DM MAY") == []
    assert find_hosts("tp.hcm 1.5tr") == []


def test_otp_request_versus_otp_notice(registry):
    request = signals(registry, "Chị đọc giúp em mã OTP vừa gửi về máy để em hủy giao dịch nhé")
    notice = signals(registry, "Mã OTP của bạn là 482913. Tuyệt đối không cung cấp OTP cho ai")
    assert request.get("otp_request") and not request.get("otp_notice")
    assert notice.get("otp_notice") and notice.get("safety_warning")
    assert "otp_request" not in notice


def test_bank_account_with_person_name(registry):
    values = signals(
        registry, "Chuyển giúp mình 2tr vào STK 19027556613011 Techcombank PHAM MINH DUC"
    )
    assert values["bank_account_with_name"] and values["transfer_request"]


def test_phone_number_is_not_a_bank_account(registry):
    values = signals(registry, "Số tài khoản của anh: gọi 0912345678")
    assert "bank_account" not in values


def test_apk_and_remote_access(registry):
    assert signals(registry, "Tải app tại dichvucong-gov.vip/DVC.apk")["apk"]
    assert signals(registry, "Anh cài UltraViewer rồi gửi em ID nhé")["remote_access"]


def test_urgency_and_threat(registry):
    values = signals(registry, "Nộp phạt trước 17h hôm nay nếu không sẽ bị khởi tố")
    assert values["urgency"] and values["threat"]


def test_meeting_is_not_urgency(registry):
    assert "urgency" not in signals(registry, "Em oi gap anh o quan cu nhe")


def test_sender_kinds(registry):
    assert sender_kind(None) == "unknown"
    assert sender_kind("9029") == "shortcode"
    assert sender_kind("+84 912 345 678") == "personal"
    assert sender_kind("Vietcombank") == "brandname"
    assert signals(registry, "Xin chào", "Vietcombank").get("sender_official")
    assert signals(registry, "Xin chào", "0912345678").get("sender_personal")
    assert not signals(registry, "Xin chào", "VCB-KHUYENMAI").get("sender_official")


def test_brands_mentioned_in_folded_text(registry):
    keys = [
        b.key
        for b in brands_mentioned(
            normalize("Chuyen tien qua MB Bank va Vietcombank").folded, registry
        )
    ]
    assert keys == ["mbbank", "vietcombank"]
