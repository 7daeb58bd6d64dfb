from __future__ import annotations

import pytest

from canhgiac.accounts.audit import list_events
from canhgiac.accounts.personal_data import PersonalDataCipher
from canhgiac.errors import Conflict, NotFound, ValidationFailed
from canhgiac.indicators import disputes, store
from canhgiac.indicators.allowlist import add_allowlist_entry, parent_domains
from canhgiac.indicators.lookup import lookup

pytestmark = pytest.mark.db


def test_parent_domains_stop_at_the_registrable_domain():
    assert parent_domains("a.b.evil.com.vn") == ["a.b.evil.com.vn", "b.evil.com.vn", "evil.com.vn"]


def test_official_brand_domains_phones_and_senders(db):
    answer = lookup(db, "https://vcbdigibank.vietcombank.com.vn/login")
    assert answer.status == "official" and answer.brand["key"] == "vietcombank"
    assert lookup(db, "dichvucong.gov.vn").status == "official"
    assert lookup(db, "vietcombank.com.vn.xacminh-tk.top").status == "unknown"


def test_verified_scam_answers_for_subdomains_and_urls(db):
    ind = store.record_indicator(
        db, raw="evil-vcb.top", source="analyst", category="fraud.impersonation.bank"
    )
    store.change_status(db, ind, status="listed", reason="Trang giả Vietcombank")
    for query in (
        "evil-vcb.top",
        "login.evil-vcb.top",
        "hxxps://secure.login.evil-vcb[.]top/otp?id=1",
    ):
        answer = lookup(db, query)
        assert answer.status == "verified", query
        assert answer.matched == "evil-vcb.top"
        assert answer.category == "fraud.impersonation.bank" and answer.since is not None
        assert "OTP" in answer.advice[0]


def test_reported_counts_and_unknown(db):
    for _ in range(3):
        store.record_indicator(db, raw="0987 654 321", source="tip", count_as_report=True)
    answer = lookup(db, "+84987654321")
    assert answer.status == "reported" and answer.report_count == 3
    assert lookup(db, "0911 222 333").status == "unknown"
    with pytest.raises(ValidationFailed):
        lookup(db, "xin chào")


def test_allowlist_marks_official(db):
    store.record_indicator(db, raw="mycompany.vn", source="feed", category="phishing")
    add_allowlist_entry(db, raw="mycompany.vn", reason="Doanh nghiệp xác nhận chủ sở hữu")
    answer = lookup(db, "shop.mycompany.vn")
    assert answer.status == "official" and answer.allowlist_source == "admin"


def test_dispute_flow(db, settings, factories):
    cipher = PersonalDataCipher(settings)
    ind = store.record_indicator(
        db, raw="9704 1234 5678", kind="bank_account", source="tip", count_as_report=True
    )
    assert lookup(db, ind.value).status == "reported"
    with pytest.raises(NotFound):
        disputes.file_dispute(db, cipher=cipher, value="0900 000 000", contact="x", explanation="y")
    dispute = disputes.file_dispute(
        db,
        cipher=cipher,
        value=ind.value,
        contact="Chủ tài khoản, 0905 111 222",
        explanation="Tài khoản của cửa hàng tôi, bị báo nhầm",
    )
    assert "0905" not in dispute.contact_encrypted
    assert lookup(db, ind.value).status == "disputed"
    with pytest.raises(Conflict):
        disputes.file_dispute(db, cipher=cipher, value=ind.value, contact="x", explanation="again")
    assert (
        disputes.reveal_contact(db, cipher=cipher, dispute=dispute) == "Chủ tài khoản, 0905 111 222"
    )
    assert list_events(db, action="personal_data.view", entity_id=str(dispute.id))
    analyst = factories.user()
    disputes.decide_dispute(
        db, dispute=dispute, accept=True, reason="Đã xác minh giấy tờ", decided_by_id=analyst.id
    )
    assert lookup(db, ind.value).status == "delisted"
    with pytest.raises(Conflict):
        disputes.decide_dispute(
            db, dispute=dispute, accept=False, reason="x", decided_by_id=analyst.id
        )


def test_user_content_hosts_and_hotlines(db):
    assert lookup(db, "https://sites.google.com/view/vietcombank-hotro").status == "unknown"
    answer = lookup(db, "1900 54 54 13")  # Vietcombank's hotline, written the local way
    assert answer.status == "official" and answer.brand["key"] == "vietcombank"


def test_unrecorded_look_alike_names_get_the_scorer_view(db):
    answer = lookup(db, "https://vietcombank-xacminh-taikhoan-online.xyz/login")
    assert answer.status == "unknown"
    assert answer.suspicion is not None and answer.suspicion["brand"] == "vietcombank"
    assert answer.to_dict()["suspicion"]["reasons"]
    assert lookup(db, "vnexpress.net").suspicion is None
