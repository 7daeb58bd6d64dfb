"""Indicators and everything hanging off them: sources, sightings, feeds, allow-list, disputes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from canhgiac.db.base import Base, utcnow

# Lifecycle: reported → verified → listed → delisted | false_positive | expired
STATUSES = ("reported", "verified", "listed", "delisted", "false_positive", "expired")
ACTIVE_STATUSES = ("reported", "verified", "listed")
TLPS = ("clear", "green", "amber", "amber+strict", "red")


class Indicator(Base):
    __tablename__ = "indicators"
    __table_args__ = (
        UniqueConstraint("kind", "value"),
        Index("ix_indicators_status_category", "status", "category"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(2048))
    display: Mapped[str] = mapped_column(String(2048))
    category: Mapped[str | None] = mapped_column(String(64))
    family: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), default="reported")
    confidence: Mapped[int] = mapped_column(Integer, default=50)
    tlp: Mapped[str] = mapped_column(String(16), default="clear")
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    valid_until: Mapped[datetime | None] = mapped_column()
    listed_at: Mapped[datetime | None] = mapped_column()
    report_count: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    sources: Mapped[list[IndicatorSource]] = relationship(
        back_populates="indicator",
        cascade="all, delete-orphan",
        order_by="IndicatorSource.first_seen",
    )


class IndicatorSource(Base):
    """Provenance: which feed, report or analyst said so, when first and last."""

    __tablename__ = "indicator_sources"
    __table_args__ = (UniqueConstraint("indicator_id", "source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE")
    )  # indexed as the prefix of the (indicator_id, source) unique constraint
    source: Mapped[str] = mapped_column(String(128))
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"))
    category: Mapped[str | None] = mapped_column(String(64))
    family: Mapped[str | None] = mapped_column(String(128))
    reference: Mapped[str | None] = mapped_column(String(1024))
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    # False once the entry disappeared from its feed: aged out, never deleted.
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    indicator: Mapped[Indicator] = relationship(back_populates="sources")


class Sighting(Base):
    """An observation of an indicator: in a report, a message, a log, a look-up."""

    __tablename__ = "indicator_sightings"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    source_kind: Mapped[str] = mapped_column(String(32))  # report, message, monitoring, analyst
    reference: Mapped[str | None] = mapped_column(String(255))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    count: Mapped[int] = mapped_column(Integer, default=1)


class Feed(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    url: Mapped[str] = mapped_column(String(1024))
    format: Mapped[str] = mapped_column(String(32))
    category: Mapped[str | None] = mapped_column(String(64))  # default category of its entries
    # Status new entries get: "verified" for curated sources, "reported" for noisy ones.
    # Never "listed": publishing for blocking is an analyst's decision.
    import_status: Mapped[str] = mapped_column(String(16), default="verified")
    category_map: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    columns: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # CSV column mapping
    interval_hours: Mapped[int] = mapped_column(Integer, default=24)
    stale_after_hours: Mapped[int] = mapped_column(Integer, default=72)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column()
    last_success_at: Mapped[datetime | None] = mapped_column()
    last_entries: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(String(255))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AllowlistEntry(Base):
    """Never published for blocking without an explicit, audited override."""

    __tablename__ = "allowlist_entries"
    __table_args__ = (UniqueConstraint("kind", "value", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(2048))
    display: Mapped[str] = mapped_column(String(2048))
    reason: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(64), default="admin")  # admin, tranco, verification
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))  # None = global
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Dispute(Base):
    """An owner contests a listing; contact details are personal data, stored encrypted."""

    __tablename__ = "disputes"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, accepted, rejected
    contact_encrypted: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
    decision_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    indicator: Mapped[Indicator] = relationship(lazy="joined")
