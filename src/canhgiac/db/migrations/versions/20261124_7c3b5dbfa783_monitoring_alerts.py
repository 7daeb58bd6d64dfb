"""monitoring alerts

Revision ID: 7c3b5dbfa783
Revises: 8bf2b8ce23ce
Create Date: 2026-11-24 04:25:20.082157
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import canhgiac.db.base

revision: str = "7c3b5dbfa783"
down_revision: str | None = "8bf2b8ce23ce"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "monitoring_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("src_host", sa.String(length=64), nullable=False),
        sa.Column("indicator_kind", sa.String(length=16), nullable=False),
        sa.Column("indicator_value", sa.String(length=1024), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("family", sa.String(length=128), nullable=False),
        sa.Column("source", sa.String(length=128), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("first_seen", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("example", sa.String(length=1024), nullable=True),
        sa.Column("sensor", sa.String(length=128), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("triage_reason", sa.Text(), nullable=True),
        sa.Column("triaged_by_id", sa.Integer(), nullable=True),
        sa.Column("triaged_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_monitoring_alerts_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["triaged_by_id"], ["users.id"], name=op.f("fk_monitoring_alerts_triaged_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_alerts")),
        sa.UniqueConstraint(
            "src_host",
            "indicator_kind",
            "indicator_value",
            name=op.f("uq_monitoring_alerts_src_host_indicator_kind_indicator_value"),
        ),
    )
    with op.batch_alter_table("monitoring_alerts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_monitoring_alerts_agency_status", ["agency_id", "status"], unique=False
        )
        batch_op.create_index("ix_monitoring_alerts_last_seen", ["last_seen"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("monitoring_alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_monitoring_alerts_last_seen")
        batch_op.drop_index("ix_monitoring_alerts_agency_status")

    op.drop_table("monitoring_alerts")
