"""Disputes: the owner of a listed number, account or site asks for it to be lifted."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from canhgiac.accounts.audit import record_personal_data_view
from canhgiac.accounts.personal_data import PersonalDataCipher
from canhgiac.db.base import utcnow
from canhgiac.errors import Conflict, NotFound, ValidationFailed
from canhgiac.indicators.lookup import _records, _resolve
from canhgiac.indicators.models import Dispute
from canhgiac.indicators.store import change_status

MAX_TEXT = 5000


def _bounded(value: str, field: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationFailed(
            f"Trường {field} không được để trống / {field} is required", field=field
        )
    if len(value) > limit:
        raise ValidationFailed(
            f"{field} quá dài (tối đa {limit} ký tự) / {field} too long", field=field
        )
    return value


def file_dispute(
    session: Session,
    *,
    cipher: PersonalDataCipher,
    value: str,
    contact: str,
    explanation: str,
    evidence: str = "",
) -> Dispute:
    """Anyone may dispute a record the look-up reports; the listing shows as disputed meanwhile."""
    ind, digits = _resolve(value)
    contact = _bounded(contact, "contact", limit=500)
    explanation = _bounded(explanation, "explanation")
    evidence = _bounded(evidence, "evidence", required=False)
    rows, order = _records(session, ind, digits)
    listed = [r for r in rows if r.status in ("reported", "verified", "listed")]
    target = min(listed, key=lambda r: order.get((r.kind, r.value), len(order))) if listed else None
    if target is None or target.status not in ("reported", "verified", "listed"):
        raise NotFound(
            "Giá trị này không có trong danh sách cảnh báo / this value is not listed",
            field="value",
        )
    if session.scalar(
        select(Dispute.id).where(Dispute.indicator_id == target.id, Dispute.status == "open")
    ):
        raise Conflict(
            "Đã có khiếu nại đang chờ xử lý cho giá trị này / a dispute is already pending",
            field="value",
        )
    dispute = Dispute(
        indicator_id=target.id,
        contact_encrypted=cipher.encrypt(contact),
        explanation=explanation,
        evidence=evidence or None,
    )
    session.add(dispute)
    session.flush()
    return dispute


def list_disputes(
    session: Session,
    *,
    status: str | None = "open",
    indicator_id: int | None = None,
    limit: int = 100,
) -> list[Dispute]:
    query = select(Dispute).order_by(Dispute.created_at)
    if status:
        query = query.where(Dispute.status == status)
    if indicator_id is not None:
        query = query.where(Dispute.indicator_id == indicator_id)
    return list(session.scalars(query.limit(limit)))


def get_dispute(session: Session, dispute_id: int) -> Dispute:
    dispute = session.get(Dispute, dispute_id)
    if dispute is None:
        raise NotFound(f"Không có khiếu nại #{dispute_id} / dispute not found", field="dispute")
    return dispute


def reveal_contact(session: Session, *, cipher: PersonalDataCipher, dispute: Dispute) -> str:
    """Decrypt the disputant's contact; the view is audited."""
    record_personal_data_view(
        session, entity_type="disputes", entity_id=dispute.id, fields=["contact"]
    )
    return cipher.decrypt(dispute.contact_encrypted)


def decide_dispute(
    session: Session, *, dispute: Dispute, accept: bool, reason: str, decided_by_id: int | None
) -> Dispute:
    """Accept (the indicator is delisted) or reject, always with a reason; both audited."""
    if dispute.status != "open":
        raise Conflict("Khiếu nại đã được xử lý / dispute already decided", field="dispute")
    reason = _bounded(reason, "reason")
    dispute.status = "accepted" if accept else "rejected"
    dispute.decision_reason = reason
    dispute.decided_by_id = decided_by_id
    dispute.decided_at = utcnow()
    if accept:
        indicator = dispute.indicator
        target = "delisted" if indicator.status == "listed" else "false_positive"
        change_status(
            session,
            indicator,
            status=target,
            reason=f"Khiếu nại #{dispute.id} được chấp nhận: {reason}",
        )
    session.flush()
    return dispute
