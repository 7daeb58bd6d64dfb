"""Monitoring alerts: one per (source host, matched indicator), attributed to an agency."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from canhgiac.db.base import Base, utcnow

ALERT_STATUSES = ("new", "confirmed", "false_positive")


class Alert(Base):
    __tablename__ = "monitoring_alerts"
    __table_args__ = (
        UniqueConstraint("src_host", "indicator_kind", "indicator_value"),
        Index("ix_monitoring_alerts_agency_status", "agency_id", "status"),
        Index("ix_monitoring_alerts_last_seen", "last_seen"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))  # None: unattributed
    src_host: Mapped[str] = mapped_column(String(64))
    indicator_kind: Mapped[str] = mapped_column(String(16))
    indicator_value: Mapped[str] = mapped_column(String(1024))
    category: Mapped[str] = mapped_column(String(64))
    family: Mapped[str] = mapped_column(String(128), default="")
    source: Mapped[str] = mapped_column(String(128), default="")
    hits: Mapped[int] = mapped_column(Integer, default=0)
    first_seen: Mapped[datetime] = mapped_column()
    last_seen: Mapped[datetime] = mapped_column()
    example: Mapped[str | None] = mapped_column(String(1024))  # e.g. the queried name
    sensor: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), default="new")
    triage_reason: Mapped[str | None] = mapped_column(Text)
    triaged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    triaged_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
