"""Where and when a meeting took place, and the record's footnotes.

FRUS memoranda and Chinese records give the place and the hours of a meeting
(PLACE:, DATE & TIME:, 地点：, 时间：); FRUS keeps numbered footnotes, which
utterance spans of kind "note" refer to by their mark.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: a batch rebuild of the table on SQLite would
    # drop the search trigger migration 0002 put on it.
    op.add_column("documents", sa.Column("place", sa.Text()))
    op.add_column("documents", sa.Column("time_of_day", sa.Text()))
    op.add_column(
        "documents", sa.Column("notes", json(), nullable=False, server_default=sa.text("'[]'"))
    )


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("notes")
        batch.drop_column("time_of_day")
        batch.drop_column("place")
    if op.get_bind().dialect.name == "sqlite":  # the rebuilt table lost 0002's trigger
        op.execute(
            "CREATE TRIGGER IF NOT EXISTS documents_unindex AFTER DELETE ON documents "
            "BEGIN DELETE FROM document_fts WHERE rowid = old.id; END"
        )
