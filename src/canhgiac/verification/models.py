"""Suspicious domain names waiting for an analyst: name, reasons, capture, decision."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from canhgiac.db.base import Base, utcnow

CANDIDATE_STATUSES = ("pending", "confirmed", "rejected")


class DomainCandidate(Base):
    __tablename__ = "domain_candidates"
    __table_args__ = (Index("ix_domain_candidates_status_score", "status", "score"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(253), unique=True)
    score: Mapped[float] = mapped_column(Float)
    brand: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(64))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(64))  # ct, nrd, list, message, monitoring…
    seen_count: Mapped[int] = mapped_column(default=1)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    # A link on this name as first seen (a message's), checked first by the page capture:
    # phishing kits often sit at a path while the name's home page shows nothing.
    sample_url: Mapped[str | None] = mapped_column(String(2048))
    # The last page check (final URL, forms, brands, page score, evidence hashes).
    capture: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    captured_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), default="pending")
    decided_category: Mapped[str | None] = mapped_column(String(64))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id"))
