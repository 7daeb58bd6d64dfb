"""indicators

Revision ID: 18b15702714c
Revises: ecc8db7a70b3
Create Date: 2026-11-24 03:52:39.731420
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import canhgiac.db.base

revision: str = "18b15702714c"
down_revision: str | None = "ecc8db7a70b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("url", sa.String(length=1024), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("import_status", sa.String(length=16), nullable=False),
        sa.Column("category_map", sa.JSON(), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("interval_hours", sa.Integer(), nullable=False),
        sa.Column("stale_after_hours", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("last_attempt_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_success_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_entries", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("etag", sa.String(length=255), nullable=True),
        sa.Column("last_modified", sa.String(length=64), nullable=True),
        sa.Column("created_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("name", name=op.f("uq_feeds_name")),
    )
    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=2048), nullable=False),
        sa.Column("display", sa.String(length=2048), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("family", sa.String(length=128), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("confidence", sa.Integer(), nullable=False),
        sa.Column("tlp", sa.String(length=16), nullable=False),
        sa.Column("first_seen", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("valid_until", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("listed_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("created_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["indicators.id"],
            name=op.f("fk_indicators_merged_into_id_indicators"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
        sa.UniqueConstraint("kind", "value", name=op.f("uq_indicators_kind_value")),
    )
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.create_index("ix_indicators_status_category", ["status", "category"], unique=False)

    op.create_table(
        "allowlist_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=2048), nullable=False),
        sa.Column("display", sa.String(length=2048), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("created_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_allowlist_entries_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allowlist_entries")),
        sa.UniqueConstraint(
            "kind", "value", "agency_id", name=op.f("uq_allowlist_entries_kind_value_agency_id")
        ),
    )
    op.create_table(
        "indicator_sightings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("source_kind", sa.String(length=32), nullable=False),
        sa.Column("reference", sa.String(length=255), nullable=True),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_indicator_sightings_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_indicator_sightings_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_sightings")),
    )
    with op.batch_alter_table("indicator_sightings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_sightings_indicator_id"), ["indicator_id"], unique=False
        )

    op.create_table(
        "indicator_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=128), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("family", sa.String(length=128), nullable=True),
        sa.Column("reference", sa.String(length=1024), nullable=True),
        sa.Column("first_seen", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["feed_id"],
            ["feeds.id"],
            name=op.f("fk_indicator_sources_feed_id_feeds"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_indicator_sources_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_sources")),
        sa.UniqueConstraint(
            "indicator_id", "source", name=op.f("uq_indicator_sources_indicator_id_source")
        ),
    )
    op.create_table(
        "disputes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("contact_encrypted", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("created_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_disputes_decided_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicators.id"], name=op.f("fk_disputes_indicator_id_indicators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputes")),
    )
    with op.batch_alter_table("disputes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disputes_indicator_id"), ["indicator_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("disputes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disputes_indicator_id"))

    op.drop_table("disputes")
    op.drop_table("indicator_sources")
    with op.batch_alter_table("indicator_sightings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_sightings_indicator_id"))

    op.drop_table("indicator_sightings")
    op.drop_table("allowlist_entries")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index("ix_indicators_status_category")

    op.drop_table("indicators")
    op.drop_table("feeds")
