"""domain verification queue

Revision ID: a0773f8e8fd1
Revises: 7c3b5dbfa783
Create Date: 2026-11-24 04:48:33.884700
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import canhgiac.db.base

revision: str = "a0773f8e8fd1"
down_revision: str | None = "7c3b5dbfa783"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "domain_candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=253), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("brand", sa.String(length=64), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("seen_count", sa.Integer(), nullable=False),
        sa.Column("first_seen", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("capture", sa.JSON(), nullable=True),
        sa.Column("captured_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_category", sa.String(length=64), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_domain_candidates_decided_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_domain_candidates_indicator_id_indicators"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_domain_candidates")),
        sa.UniqueConstraint("name", name=op.f("uq_domain_candidates_name")),
    )
    with op.batch_alter_table("domain_candidates", schema=None) as batch_op:
        batch_op.create_index(
            "ix_domain_candidates_status_score", ["status", "score"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("domain_candidates", schema=None) as batch_op:
        batch_op.drop_index("ix_domain_candidates_status_score")

    op.drop_table("domain_candidates")
