"""Check messages with the detector, keep them for review, and learn from analysts' labels."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.categories import BY_CODE, SCAM_CODES
from canhgiac.db.base import utcnow
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.detectors.text.classifier import TextClassifier, TextVerdict
from canhgiac.errors import NotFound, ValidationFailed
from canhgiac.messages.models import CheckedMessage
from canhgiac.verification.links import link_hosts, link_samples
from canhgiac.verification.service import enqueue_names

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 5_000
MAX_SENDER_CHARS = 64


def check_text(classifier: TextClassifier, *, text: str, sender: str | None = None) -> TextVerdict:
    """Classify without storing (the public look-up box keeps nothing a citizen pastes)."""
    text = (text or "").strip()
    if not text:
        raise ValidationFailed(
            "Nội dung tin nhắn không được để trống / the message text is required", field="text"
        )
    if len(text) > MAX_MESSAGE_CHARS:
        raise ValidationFailed(
            f"Tin nhắn quá dài (tối đa {MAX_MESSAGE_CHARS} ký tự) / message too long", field="text"
        )
    sender = (sender or "").strip() or None
    if sender and len(sender) > MAX_SENDER_CHARS:
        raise ValidationFailed("Người gửi quá dài / sender too long", field="sender")
    return classifier.classify(text, sender=sender)


def check_and_store(
    session: Session,
    classifier: TextClassifier,
    *,
    text: str,
    sender: str | None = None,
    source: str,
    checked_by_id: int | None = None,
    agency_id: int | None = None,
) -> tuple[CheckedMessage, TextVerdict]:
    verdict = check_text(classifier, text=text, sender=sender)
    message = CheckedMessage(
        text=text.strip(),
        sender=(sender or "").strip() or None,
        source=source,
        checked_by_id=checked_by_id,
        agency_id=agency_id,
        category=verdict.category,
        is_scam=verdict.is_scam,
        score=verdict.score,
        reasons=list(verdict.reasons),
        model_version=classifier.version,
    )
    session.add(message)
    session.flush()
    _queue_names(session, verdict.indicators)
    return message, verdict


def _queue_names(session: Session, indicators: Iterable[Mapping[str, Any]]) -> None:
    """Suspicious names in the message's links (the indicators the detector already found)
    join the verification queue (source "message"); the check itself never fails for it."""
    indicators = list(indicators)
    names = link_hosts(indicators)
    if not names:
        return
    savepoint = session.begin_nested()
    try:
        enqueue_names(
            session,
            load_domain_scorer(),
            names,
            source="message",
            links=link_samples(indicators),
        )
        savepoint.commit()
    except Exception:  # the queue is a by-product: a failing scorer never loses the message
        savepoint.rollback()
        log.warning("names of a checked message could not be queued", exc_info=True)


def get_message(session: Session, message_id: int) -> CheckedMessage:
    message = session.get(CheckedMessage, message_id)
    if message is None:
        raise NotFound(f"Không có tin nhắn #{message_id} / message not found", field="message")
    return message


def label_message(
    session: Session,
    message: CheckedMessage,
    *,
    category: str,
    labelled_by_id: int | None,
    note: str = "",
) -> CheckedMessage:
    """The analyst's verdict (scam with its category, or spam.ads / legit)."""
    if category not in BY_CODE:
        raise ValidationFailed(
            f"Loại không hợp lệ: {category!r} / unknown category", field="category"
        )
    message.label_category = category
    message.label_is_scam = category in SCAM_CODES
    message.labelled_by_id = labelled_by_id
    message.labelled_at = utcnow()
    message.label_note = note.strip()[:2000] or None
    session.flush()
    return message


@dataclass
class MessagePage:
    items: list[CheckedMessage]
    total: int


def list_messages(
    session: Session,
    *,
    labelled: bool | None = None,
    is_scam: bool | None = None,
    limit: int = 50,
    offset: int = 0,
) -> MessagePage:
    query = select(CheckedMessage)
    if labelled is not None:
        query = query.where(
            CheckedMessage.label_category.is_not(None)
            if labelled
            else CheckedMessage.label_category.is_(None)
        )
    if is_scam is not None:
        query = query.where(CheckedMessage.is_scam.is_(is_scam))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = list(
        session.scalars(
            query.order_by(CheckedMessage.id.desc()).limit(min(limit, 500)).offset(offset)
        )
    )
    return MessagePage(items, total)


def labelled_examples(session: Session) -> Iterator[tuple[str, str]]:
    """(text, category) pairs analysts confirmed: the platform's own training data."""
    query = (
        select(CheckedMessage.text, CheckedMessage.label_category)
        .where(CheckedMessage.label_category.is_not(None))
        .order_by(CheckedMessage.id)
    )
    return ((text, category) for text, category in session.execute(query))
