"""Undated records: `documents.date` may be NULL.

A record that states no date loads without one. Listings still order by date, with
undated records after every dated one, through a chronology key: the date, or
9999-12-31 when there is none (app.models.UNDATED).

- `utterances.document_date` and `utterance_topics.document_date`, the copies that
  order turns, stay NOT NULL and hold the key itself. With NULLs there, SQLite (NULL
  first) and PostgreSQL (NULL last) would order turns differently, and a keyset
  predicate would need an `IS NULL` branch that no single index range serves; the key
  keeps each page one range scan of the existing indexes, on both backends, and leaves
  the largest tables untouched.
- `documents.date` holds NULL, and `ix_documents_date` gives way to an index on
  (coalesce(date, '9999-12-31'), id), which serves the documents listing, its keyset
  cursors and its date ranges.

Upgrading changes the column in place, without moving a row. On SQLite the only way
to drop a NOT NULL constraint otherwise is to rebuild the table, and dropping the old
`documents` cascades (foreign keys on) to every turn, text and topic link, and drops
the search trigger. So the column's declaration is edited in the schema table, the
procedure SQLite documents for removing a NOT NULL constraint
(https://sqlite.org/lang_altertable.html#otheralter); the rows already satisfy the
looser schema.

Downgrading must make the column NOT NULL again, so an undated document is given the
chronology key as its date (9999-12-31), where it keeps its place in every listing; a
later upgrade reads that date as "undated" again. No row is deleted either way.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNDATED = "'9999-12-31'"
CHRONOLOGY = f"coalesce(date, {UNDATED})"


def upgrade() -> None:
    if _sqlite():
        _declare_date(nullable=True)
    else:
        op.alter_column("documents", "date", existing_type=sa.Date(), nullable=True)
    op.execute(f"UPDATE documents SET date = NULL WHERE date = {UNDATED}")  # see downgrade
    op.drop_index("ix_documents_date", table_name="documents")
    op.create_index("ix_documents_chronology", "documents", [sa.text(CHRONOLOGY), "id"])


def downgrade() -> None:
    op.drop_index("ix_documents_chronology", table_name="documents")
    op.create_index("ix_documents_date", "documents", ["date"])
    op.execute(f"UPDATE documents SET date = {UNDATED} WHERE date IS NULL")
    if _sqlite():
        _declare_date(nullable=False)
    else:
        op.alter_column("documents", "date", existing_type=sa.Date(), nullable=False)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


# `date DATE NOT NULL` in the CREATE TABLE statement SQLAlchemy wrote, never the end of
# `document_date`.
_DATE_COLUMN = re.compile(r'(?<![\w"])("?date"?\s+DATE)(\s+NOT\s+NULL)?(?=\s*,)', re.IGNORECASE)


def _declare_date(*, nullable: bool) -> None:
    """Rewrite the declaration of documents.date in SQLite's schema table, inside the
    migration's transaction (sqlite.org/lang_altertable.html#otheralter)."""
    bind = op.get_bind()
    create = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'"
    ).scalar_one()
    declared, found = _DATE_COLUMN.subn(
        lambda m: m.group(1) + ("" if nullable else " NOT NULL"), create
    )
    if found != 1:
        raise RuntimeError(f"documents.date is not declared as expected in: {create}")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'documents'",
        (declared,),
    )
    # A new schema version makes every connection, this one included, read the schema again.
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")
