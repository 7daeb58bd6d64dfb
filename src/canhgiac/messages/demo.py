"""Demo checked messages, some already labelled by the demo analyst."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import User
from canhgiac.detectors.text.classifier import load_text_classifier
from canhgiac.messages.models import CheckedMessage
from canhgiac.messages.service import check_and_store, label_message

DEMO_MESSAGES: tuple[tuple[str, str | None, str | None], ...] = (
    (
        "[BIDV] Tai khoan cua quy khach se bi tam khoa do chua cap nhat sinh trac hoc. Cap nhat ngay tai "
        "bidv.com.vn-ebank.top truoc 17h hom nay.",
        "0902118822",
        "fraud.impersonation.bank",
    ),
    (
        "Ma xac thuc (OTP) cua quy khach la 739201. Khong chia se ma nay cho bat ky ai. LH 1900558868",
        "BIDV",
        "legit",
    ),
    (
        "Cong an phuong thong bao: so dien thoai cua ban lien quan den vu an rua tien. Lien he ngay 0878123456 "
        "de phoi hop dieu tra, neu khong se bi khoi to.",
        "0878123456",
        "fraud.impersonation.authority",
    ),
    (
        "Tuyen CTV lam viec tai nha, thu nhap 500k-2tr/ngay, chi can dien thoai. Nhan tin Zalo 0567889900.",
        "0567889900",
        None,
    ),
    (
        "Viettel tang 50% gia tri the nap hom nay 24/11. Chi tiet LH 198. Tu choi QC soan TC gui 199.",
        "VIETTEL",
        None,
    ),
    ("Me oi con den nha ba ngoai roi nhe, toi con ve an com.", "0912345678", None),
)


def load_demo_messages(session: Session) -> dict[str, int]:
    if session.scalar(select(func.count()).select_from(CheckedMessage)):
        return {}
    analyst = session.scalar(select(User).where(User.username == "analyst"))
    classifier = load_text_classifier()
    for text, sender, label in DEMO_MESSAGES:
        message, _ = check_and_store(
            session,
            classifier,
            text=text,
            sender=sender,
            source="web",
            checked_by_id=analyst.id if analyst else None,
        )
        if label and analyst is not None:
            label_message(session, message, category=label, labelled_by_id=analyst.id)
    return {"messages": len(DEMO_MESSAGES)}
