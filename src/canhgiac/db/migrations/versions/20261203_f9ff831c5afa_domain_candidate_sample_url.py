"""domain candidate sample url: the link seen on a queued name, captured first

Revision ID: f9ff831c5afa
Revises: a0773f8e8fd1
Create Date: 2026-12-03 18:52:13.860957
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f9ff831c5afa"
down_revision: str | None = "a0773f8e8fd1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("domain_candidates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sample_url", sa.String(length=2048), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("domain_candidates", schema=None) as batch_op:
        batch_op.drop_column("sample_url")
