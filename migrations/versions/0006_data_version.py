"""The data version: one number that changes whenever a write commits.

Serving processes keep rendered JSON (turns, documents) and resolved names for as
long as the data they came from is unchanged; they read this number before each
request's data and drop what they kept when it differs. Every transaction that
writes through Parley's engine (app.db) increments it as it commits. It starts at
the migration's clock in microseconds, so a database dropped and created again does
not repeat the numbers of the one before it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.bulk_insert(table, [{"id": 1, "version": time.time_ns() // 1000}])


def downgrade() -> None:
    op.drop_table("data_version")
