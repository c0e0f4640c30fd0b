"""Initial schema: documents, participants, utterances, topics.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("record_type", sa.String(64), nullable=False),
        sa.Column("layout", sa.String(32), nullable=False),
        sa.Column("collection", sa.Text()),
        sa.Column("archive", sa.Text()),
        sa.Column("fond", sa.String(64)),
        sa.Column("opis", sa.String(64)),
        sa.Column("delo", sa.String(64)),
        sa.Column("folios", sa.String(64)),
        sa.Column("translator", sa.Text()),
        sa.Column("source_url", sa.Text()),
        sa.Column("source_id", sa.String(64)),
        sa.Column("citation", sa.Text()),
        sa.Column("summary", sa.Text()),
        sa.Column("original_language", sa.String(8), nullable=False),
        sa.Column("languages", json(), nullable=False),
        sa.Column("titles", json(), nullable=False),
        sa.Column("debris", json(), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("slug", name="uq_documents_slug"),
    )
    op.create_index("ix_documents_date", "documents", ["date"])

    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("names", json(), nullable=False),
        sa.Column("description", sa.Text()),
        sa.Column("unresolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_participants"),
        sa.UniqueConstraint("slug", name="uq_participants_slug"),
    )
    op.create_table(
        "participant_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(8)),
        sa.Column("key", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["participants.id"], ondelete="CASCADE",
            name="fk_participant_aliases_participant_id_participants",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_participant_aliases"),
        sa.UniqueConstraint(
            "participant_id", "alias", name="uq_participant_aliases_participant_id_alias"
        ),
    )
    op.create_index(
        "ix_participant_aliases_participant_id", "participant_aliases", ["participant_id"]
    )
    op.create_index("ix_participant_aliases_key", "participant_aliases", ["key"])

    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("description", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_topics"),
        sa.UniqueConstraint("slug", name="uq_topics_slug"),
    )
    op.create_table(
        "topic_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(8)),
        sa.Column("key", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topics.id"], ondelete="CASCADE",
            name="fk_topic_aliases_topic_id_topics",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_topic_aliases"),
        sa.UniqueConstraint("topic_id", "alias", name="uq_topic_aliases_topic_id_alias"),
    )
    op.create_index("ix_topic_aliases_topic_id", "topic_aliases", ["topic_id"])
    op.create_index("ix_topic_aliases_key", "topic_aliases", ["key"])

    op.create_table(
        "document_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("labels", json(), nullable=False),
        sa.Column("description", sa.Text()),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], ondelete="CASCADE",
            name="fk_document_participants_document_id_documents",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["participants.id"], ondelete="CASCADE",
            name="fk_document_participants_participant_id_participants",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_document_participants"),
        sa.UniqueConstraint(
            "document_id", "participant_id", "role",
            name="uq_document_participants_document_id_participant_id_role",
        ),
    )
    op.create_index(
        "ix_document_participants_participant_id", "document_participants", ["participant_id"]
    )

    op.create_table(
        "utterances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("speaker_id", sa.Integer()),
        sa.Column("document_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], ondelete="CASCADE",
            name="fk_utterances_document_id_documents",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["participants.id"], name="fk_utterances_speaker_id_participants"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_utterances"),
        sa.UniqueConstraint("document_id", "position", name="uq_utterances_document_id_position"),
    )
    op.create_index(
        "ix_utterances_chronology", "utterances", ["document_date", "document_id", "position"]
    )
    op.create_index(
        "ix_utterances_speaker_chronology",
        "utterances",
        ["speaker_id", "document_date", "document_id", "position"],
    )

    op.create_table(
        "utterance_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("utterance_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("is_original", sa.Boolean(), nullable=False),
        sa.Column("label", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("spans", json(), nullable=False),
        sa.Column("page", sa.String(16)),
        sa.Column("page_breaks", json(), nullable=False),
        sa.Column("line_start", sa.Integer(), nullable=False),
        sa.Column("line_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["utterance_id"], ["utterances.id"], ondelete="CASCADE",
            name="fk_utterance_texts_utterance_id_utterances",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_utterance_texts"),
        sa.UniqueConstraint("utterance_id", "lang", name="uq_utterance_texts_utterance_id_lang"),
    )

    op.create_table(
        "utterance_topics",
        sa.Column("utterance_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("matched", json(), nullable=False),
        sa.Column("opened_at", sa.Integer()),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topics.id"], ondelete="CASCADE",
            name="fk_utterance_topics_topic_id_topics",
        ),
        sa.ForeignKeyConstraint(
            ["utterance_id"], ["utterances.id"], ondelete="CASCADE",
            name="fk_utterance_topics_utterance_id_utterances",
        ),
        sa.PrimaryKeyConstraint("utterance_id", "topic_id", name="pk_utterance_topics"),
    )
    op.create_index("ix_utterance_topics_topic", "utterance_topics", ["topic_id", "utterance_id"])


def downgrade() -> None:
    for table in (
        "utterance_topics",
        "utterance_texts",
        "utterances",
        "document_participants",
        "topic_aliases",
        "topics",
        "participant_aliases",
        "participants",
        "documents",
    ):
        op.drop_table(table)
