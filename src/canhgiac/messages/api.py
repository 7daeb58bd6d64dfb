"""JSON API: classify a message (``POST /api/v1/detect/text``), review and label checked messages."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from canhgiac.accounts.principal import require_analyst, require_scope
from canhgiac.accounts.roles import Scope
from canhgiac.detectors.text.classifier import load_text_classifier
from canhgiac.messages import service
from canhgiac.messages.models import CheckedMessage
from canhgiac.web.deps import ApiPrincipal, DbSession

router = APIRouter(tags=["detect"])


class DetectTextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=service.MAX_MESSAGE_CHARS)
    sender: str | None = Field(default=None, max_length=service.MAX_SENDER_CHARS)
    store: bool = Field(
        default=False, description="Lưu để phân tích viên gán nhãn / keep for analysts to label"
    )


class LabelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: str = Field(min_length=1, max_length=64)
    note: str = Field(default="", max_length=2000)


def message_out(message: CheckedMessage) -> dict[str, Any]:
    return {
        "id": message.id,
        "text": message.text,
        "sender": message.sender,
        "source": message.source,
        "category": message.category,
        "is_scam": message.is_scam,
        "score": round(message.score, 4),
        "reasons": message.reasons,
        "model_version": message.model_version,
        "checked_at": message.checked_at.isoformat(),
        "label_category": message.label_category,
        "label_is_scam": message.label_is_scam,
        "labelled_at": message.labelled_at.isoformat() if message.labelled_at else None,
    }


@router.post("/detect/text", summary="Phân loại tin nhắn lừa đảo / classify a message")
def detect_text(body: DetectTextIn, db: DbSession, principal: ApiPrincipal) -> dict[str, Any]:
    require_scope(principal, Scope.DETECT)
    classifier = load_text_classifier()
    if not body.store:
        verdict = service.check_text(classifier, text=body.text, sender=body.sender)
        return {**verdict.to_dict(), "id": None, "model_version": classifier.version}
    message, verdict = service.check_and_store(
        db,
        classifier,
        text=body.text,
        sender=body.sender,
        source="api",
        checked_by_id=principal.user_id,
        agency_id=principal.agency_id,
    )
    return {**verdict.to_dict(), "id": message.id, "model_version": classifier.version}


@router.get("/messages", summary="Tin nhắn đã kiểm tra / checked messages")
def list_messages(
    db: DbSession,
    principal: ApiPrincipal,
    labelled: bool | None = None,
    is_scam: bool | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    require_analyst(principal)
    page = service.list_messages(db, labelled=labelled, is_scam=is_scam, limit=limit, offset=offset)
    return {"total": page.total, "items": [message_out(m) for m in page.items]}


@router.post(
    "/messages/{message_id}/label", summary="Gán nhãn của phân tích viên / analyst's verdict"
)
def label(message_id: int, body: LabelIn, db: DbSession, principal: ApiPrincipal) -> dict[str, Any]:
    require_analyst(principal)
    message = service.label_message(
        db,
        service.get_message(db, message_id),
        category=body.category,
        labelled_by_id=principal.user_id,
        note=body.note,
    )
    return message_out(message)
