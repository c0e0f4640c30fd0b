"""Full-text search: FTS5 tables on SQLite, tsvector columns with GIN indexes on PostgreSQL.

SQLite has no Russian stemmer, so its index holds Snowball stems computed by the
loader (app.search.index); rows leave the index through triggers when their text
is deleted. PostgreSQL stems with its english and russian configurations in
generated columns, after the same folding the application applies (ё -> е, the
hard sign written as a quote -> ъ).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONSONANTS = "бвгджзклмнпрстфхцчшщБВГДЖЗКЛМНПРСТФХЦЧШЩ"
HAN = "一-鿿"


def folded(column: str) -> str:
    """SQL for textnorm.fold(column)."""
    return (
        f"translate(regexp_replace({column}, '([{CONSONANTS}])[\"''’]([еёюяЕЁЮЯ])', '\\1ъ\\2', 'g'),"
        " 'ёЁ', 'еЕ')"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
        return
    op.execute(
        f"""
        ALTER TABLE utterance_texts ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
            CASE lang
                WHEN 'ru' THEN to_tsvector('russian', {folded("text")})
                WHEN 'en' THEN to_tsvector('english', {folded("text")})
                ELSE to_tsvector('simple', regexp_replace(text, '([{HAN}])', ' \\1 ', 'g'))
            END
        ) STORED
        """
    )
    op.execute("CREATE INDEX ix_utterance_texts_tsv ON utterance_texts USING gin (tsv)")
    op.execute(
        f"""
        ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
            to_tsvector('english', title || ' ' || coalesce(summary, ''))
            || to_tsvector('russian', {folded("coalesce(titles ->> 'ru', '')")})
        ) STORED
        """
    )
    op.execute("CREATE INDEX ix_documents_tsv ON documents USING gin (tsv)")


def _sqlite_upgrade() -> None:
    for table in ("utterance_fts", "document_fts"):
        op.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5(stems, tokenize='unicode61 remove_diacritics 0')"
        )
    op.execute(
        "CREATE TRIGGER utterance_texts_unindex AFTER DELETE ON utterance_texts "
        "BEGIN DELETE FROM utterance_fts WHERE rowid = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER documents_unindex AFTER DELETE ON documents "
        "BEGIN DELETE FROM document_fts WHERE rowid = old.id; END"
    )
    # Index what is already loaded.
    from app.search.index import document_stems, stems

    bind = op.get_bind()
    texts = bind.execute(sa.text("SELECT id, text FROM utterance_texts")).all()
    if texts:
        bind.execute(
            sa.text("INSERT INTO utterance_fts (rowid, stems) VALUES (:id, :stems)"),
            [{"id": i, "stems": stems(t)} for i, t in texts],
        )
    documents = bind.execute(sa.text("SELECT id, title, summary, titles FROM documents")).all()
    if documents:
        import json

        bind.execute(
            sa.text("INSERT INTO document_fts (rowid, stems) VALUES (:id, :stems)"),
            [
                {"id": i, "stems": document_stems(title, summary, json.loads(titles or "{}"))}
                for i, title, summary, titles in documents
            ],
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER documents_unindex")
        op.execute("DROP TRIGGER utterance_texts_unindex")
        op.execute("DROP TABLE document_fts")
        op.execute("DROP TABLE utterance_fts")
        return
    op.execute("DROP INDEX ix_documents_tsv")
    op.execute("ALTER TABLE documents DROP COLUMN tsv")
    op.execute("DROP INDEX ix_utterance_texts_tsv")
    op.execute("ALTER TABLE utterance_texts DROP COLUMN tsv")
