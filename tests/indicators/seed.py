"""Indicator records for front-door tests, made through the real services."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from canhgiac.accounts.personal_data import PersonalDataCipher
from canhgiac.indicators import disputes, store
from canhgiac.indicators.models import Indicator
from canhgiac.settings import Settings

# A private reporter's tag; it must never reach a public answer.
REPORTER_SOURCE = "tip:nguyen-thi-hoa-0905111222"


@dataclass
class Seeded:
    listed_domain: Indicator
    reported_phone: Indicator
    disputed_account: Indicator
    delisted_domain: Indicator


def seed_answers(db: Session, settings: Settings) -> Seeded:
    """One record for each public answer: verified, reported, disputed and delisted."""
    listed = store.record_indicator(
        db, raw="vcb-xacminh.top", source="analyst:test", category="fraud.impersonation.bank"
    )
    store.change_status(db, listed, status="listed", reason="Trang giả mạo Vietcombank")
    phone = None
    for _ in range(3):
        phone = store.record_indicator(
            db,
            raw="0987 654 321",
            source=REPORTER_SOURCE,
            category="fraud.impersonation.authority",
            count_as_report=True,
        )
    assert phone is not None
    account = store.record_indicator(
        db, raw="9704 1234 5678", kind="bank_account", source="tip:x", count_as_report=True
    )
    disputes.file_dispute(
        db,
        cipher=PersonalDataCipher(settings),
        value=account.value,
        contact="Chủ cửa hàng, 0905 000 111",
        explanation="Tài khoản của cửa hàng tôi",
    )
    delisted = store.record_indicator(db, raw="shop-da-go.vn", source="feed:x", category="phishing")
    store.change_status(db, delisted, status="listed", reason="Lừa đảo")
    store.change_status(db, delisted, status="delisted", reason="Chủ sở hữu đã khắc phục")
    db.commit()
    return Seeded(listed, phone, account, delisted)
