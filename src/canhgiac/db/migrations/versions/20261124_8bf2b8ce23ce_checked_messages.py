"""checked messages

Revision ID: 8bf2b8ce23ce
Revises: 18b15702714c
Create Date: 2026-11-24 04:22:22.654267
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import canhgiac.db.base

revision: str = "8bf2b8ce23ce"
down_revision: str | None = "18b15702714c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "checked_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sender", sa.String(length=64), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("is_scam", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("model_version", sa.String(length=64), nullable=False),
        sa.Column("checked_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("label_category", sa.String(length=64), nullable=True),
        sa.Column("label_is_scam", sa.Boolean(), nullable=True),
        sa.Column("labelled_by_id", sa.Integer(), nullable=True),
        sa.Column("labelled_at", canhgiac.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("label_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_checked_messages_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["checked_by_id"], ["users.id"], name=op.f("fk_checked_messages_checked_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["labelled_by_id"], ["users.id"], name=op.f("fk_checked_messages_labelled_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checked_messages")),
    )
    with op.batch_alter_table("checked_messages", schema=None) as batch_op:
        batch_op.create_index("ix_checked_messages_label", ["label_category"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("checked_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_checked_messages_label")

    op.drop_table("checked_messages")
