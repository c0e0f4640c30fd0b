"""Where and when a meeting took place, and the record's footnotes.

FRUS memoranda and Chinese records give the place and the hours of a meeting
(PLACE:, DATE & TIME:, 地点：, 时间：); FRUS keeps numbered footnotes, which
utterance spans of kind "note" refer to by their mark.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("place", sa.Text()))
        batch.add_column(sa.Column("time_of_day", sa.Text()))
        batch.add_column(
            sa.Column("notes", json(), nullable=False, server_default=sa.text("'[]'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("notes")
        batch.drop_column("time_of_day")
        batch.drop_column("place")
