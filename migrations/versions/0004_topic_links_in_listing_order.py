"""Topic links carry their turn's speaker, document, date and position.

The central query (turns by a speaker on a topic, in chronological order, a keyset
page at a time) becomes one range scan of one index, at any depth and whatever
share of the speaker's turns the topic has. The copies are kept by the loader
(written with the link) and by participant merges.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COPIED = ("speaker_id", "document_id", "document_date", "position")


def upgrade() -> None:
    op.add_column("utterance_topics", sa.Column("speaker_id", sa.Integer()))
    op.add_column("utterance_topics", sa.Column("document_id", sa.Integer()))
    op.add_column("utterance_topics", sa.Column("document_date", sa.Date()))
    op.add_column("utterance_topics", sa.Column("position", sa.Integer()))
    for name in COPIED:
        op.execute(
            f"UPDATE utterance_topics SET {name} = "
            f"(SELECT u.{name} FROM utterances u WHERE u.id = utterance_topics.utterance_id)"
        )
    with op.batch_alter_table("utterance_topics") as batch:
        for name in ("document_id", "document_date", "position"):
            batch.alter_column(name, existing_type=batch_type(name), nullable=False)
    op.drop_index("ix_utterance_topics_topic", table_name="utterance_topics")
    op.create_index(
        "ix_utterance_topics_topic_chronology",
        "utterance_topics",
        ["topic_id", "document_date", "document_id", "position"],
    )
    op.create_index(
        "ix_utterance_topics_topic_speaker_chronology",
        "utterance_topics",
        ["topic_id", "speaker_id", "document_date", "document_id", "position"],
    )


def batch_type(name: str) -> sa.types.TypeEngine[object]:
    return sa.Date() if name == "document_date" else sa.Integer()


def downgrade() -> None:
    op.drop_index("ix_utterance_topics_topic_speaker_chronology", table_name="utterance_topics")
    op.drop_index("ix_utterance_topics_topic_chronology", table_name="utterance_topics")
    op.create_index("ix_utterance_topics_topic", "utterance_topics", ["topic_id", "utterance_id"])
    with op.batch_alter_table("utterance_topics") as batch:
        for name in reversed(COPIED):
            batch.drop_column(name)
