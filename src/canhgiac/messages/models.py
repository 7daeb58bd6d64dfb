"""Messages checked by the scam-message detector, and analysts' verdicts on them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from canhgiac.db.base import Base, utcnow


class CheckedMessage(Base):
    __tablename__ = "checked_messages"
    __table_args__ = (Index("ix_checked_messages_label", "label_category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    sender: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(32))  # web, api, report, import
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    category: Mapped[str] = mapped_column(String(64))
    is_scam: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    model_version: Mapped[str] = mapped_column(String(64))
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The analyst's verdict: training data for the next model.
    label_category: Mapped[str | None] = mapped_column(String(64))
    label_is_scam: Mapped[bool | None] = mapped_column(Boolean)
    labelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    labelled_at: Mapped[datetime | None] = mapped_column()
    label_note: Mapped[str | None] = mapped_column(Text)

    def verdict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "is_scam": self.is_scam,
            "score": self.score,
            "reasons": self.reasons,
        }
