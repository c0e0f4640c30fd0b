"""ORM tables. Alembic migrations own the DDL; these classes only describe it.

Relationships are lazy="raise" so every query states the joins it needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    literal_column,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: Json, list[Any]: Json}


# The chronology key of an undated record (one that states no date): listings order by
# the date, and undated records come after every dated one, on both backends alike
# (SQLite sorts NULL first, PostgreSQL last). Turns and topic links keep the key itself
# in their NOT NULL `document_date` copies; a document keeps NULL and is ordered by
# `Document.chronology`. No record may be dated on it (the loader refuses one), so a date
# filter excludes undated records by stopping short of it.
UNDATED = dt.date(9999, 12, 31)


def chronology_key(day: dt.date | None) -> dt.date:
    """Where a record dated `day` (None: undated) sorts."""
    return UNDATED if day is None else day


# As SQL, written out rather than bound: an index on an expression serves only queries
# that repeat the expression as the index has it (migration 0005).
_UNDATED_SQL = f"'{UNDATED.isoformat()}'"


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        # The listing order, (chronology, id): keyset pages of documents and date ranges.
        Index("ix_documents_chronology", text(f"coalesce(date, {_UNDATED_SQL})"), "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)  # None: the record states no date
    record_type: Mapped[str] = mapped_column(String(64))
    layout: Mapped[str] = mapped_column(String(32))
    collection: Mapped[str | None] = mapped_column(Text)
    archive: Mapped[str | None] = mapped_column(Text)
    fond: Mapped[str | None] = mapped_column(String(64))
    opis: Mapped[str | None] = mapped_column(String(64))
    delo: Mapped[str | None] = mapped_column(String(64))
    folios: Mapped[str | None] = mapped_column(String(64))
    translator: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(String(64))
    citation: Mapped[str | None] = mapped_column(Text)  # as the publisher printed it
    summary: Mapped[str | None] = mapped_column(Text)
    original_language: Mapped[str] = mapped_column(String(8))
    languages: Mapped[list[Any]] = mapped_column()  # original first
    titles: Mapped[dict[str, Any]] = mapped_column()  # lang -> heading of that version
    debris: Mapped[list[Any]] = mapped_column()  # page numbers and stamps removed from the text
    place: Mapped[str | None] = mapped_column(Text)  # "Chairman Mao's Residence, Peking"
    time_of_day: Mapped[str | None] = mapped_column(Text)  # as written: "2:50–3:55 p.m."
    # Footnotes, [{"mark", "text", "lang", "line"}]; spans of kind "note" refer to them by mark.
    notes: Mapped[list[Any]] = mapped_column(server_default=text("'[]'"))
    source_file: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    utterances: Mapped[list[Utterance]] = relationship(
        back_populates="document", lazy="raise", order_by="Utterance.position"
    )
    participants: Mapped[list[DocumentParticipant]] = relationship(
        back_populates="document", lazy="raise"
    )

    @hybrid_property
    def chronology(self) -> dt.date:
        """The date, or UNDATED: where the record sorts."""
        return chronology_key(self.date)

    @chronology.inplace.expression
    @classmethod
    def _chronology(cls) -> ColumnElement[dt.date]:
        return func.coalesce(cls.date, literal_column(_UNDATED_SQL, Date))


class Participant(Base):
    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(Text)
    names: Mapped[dict[str, Any]] = mapped_column()  # lang -> standard form
    description: Mapped[str | None] = mapped_column(Text)
    # A speaker label no reference entry covers: kept (never dropped) until merged.
    unresolved: Mapped[bool] = mapped_column(Boolean, default=False)

    aliases: Mapped[list[ParticipantAlias]] = relationship(
        back_populates="participant", lazy="raise"
    )


class ParticipantAlias(Base):
    __tablename__ = "participant_aliases"
    __table_args__ = (UniqueConstraint("participant_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8))
    # textnorm.name_key(alias). The loader keeps each key to one person, so a name
    # resolves unambiguously; variants that fold alike (Цзэ/Цзе) are still all kept.
    key: Mapped[str] = mapped_column(String(200), index=True)

    participant: Mapped[Participant] = relationship(back_populates="aliases", lazy="raise")


class DocumentParticipant(Base):
    __tablename__ = "document_participants"
    __table_args__ = (UniqueConstraint("document_id", "participant_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))  # speaker | present | mentioned
    labels: Mapped[dict[str, Any]] = mapped_column()  # lang -> the name as the record writes it
    description: Mapped[str | None] = mapped_column(Text)  # bracketed note in the attendance list

    document: Mapped[Document] = relationship(back_populates="participants", lazy="raise")
    participant: Mapped[Participant] = relationship(lazy="raise")


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    label: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)

    aliases: Mapped[list[TopicAlias]] = relationship(back_populates="topic", lazy="raise")


class TopicAlias(Base):
    __tablename__ = "topic_aliases"
    __table_args__ = (UniqueConstraint("topic_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(String(200), index=True)

    topic: Mapped[Topic] = relationship(back_populates="aliases", lazy="raise")


class Utterance(Base):
    __tablename__ = "utterances"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        # The listing order is (document_date, document_id, position); these serve
        # keyset pages overall and per speaker.
        Index("ix_utterances_chronology", "document_date", "document_id", "position"),
        Index(
            "ix_utterances_speaker_chronology",
            "speaker_id",
            "document_date",
            "document_id",
            "position",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 1-based, narration included
    kind: Mapped[str] = mapped_column(String(16))  # speech | reported | narration
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id"))
    # The document's chronology key, copied for ordering (UNDATED when it has no date).
    document_date: Mapped[dt.date] = mapped_column(Date)

    document: Mapped[Document] = relationship(back_populates="utterances", lazy="raise")
    speaker: Mapped[Participant | None] = relationship(lazy="raise")
    texts: Mapped[list[UtteranceText]] = relationship(back_populates="utterance", lazy="raise")
    topics: Mapped[list[UtteranceTopic]] = relationship(lazy="raise")


class UtteranceText(Base):
    __tablename__ = "utterance_texts"
    __table_args__ = (UniqueConstraint("utterance_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    utterance_id: Mapped[int] = mapped_column(ForeignKey("utterances.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8))
    is_original: Mapped[bool] = mapped_column(Boolean)
    label: Mapped[str | None] = mapped_column(Text)  # the speaker label as written
    text: Mapped[str] = mapped_column(Text)  # editorial insertions included, see spans
    spans: Mapped[list[Any]] = mapped_column()  # [[start, end, "editorial"|"aside"|"note"], ...]
    page: Mapped[str | None] = mapped_column(String(16))
    page_breaks: Mapped[list[Any]] = mapped_column()  # [[offset, page], ...]
    line_start: Mapped[int] = mapped_column(Integer)
    line_end: Mapped[int] = mapped_column(Integer)

    utterance: Mapped[Utterance] = relationship(back_populates="texts", lazy="raise")


class UtteranceTopic(Base):
    __tablename__ = "utterance_topics"
    __table_args__ = (
        # Turns on a topic (by a speaker) in listing order: one range scan per page.
        Index(
            "ix_utterance_topics_topic_chronology",
            "topic_id",
            "document_date",
            "document_id",
            "position",
        ),
        Index(
            "ix_utterance_topics_topic_speaker_chronology",
            "topic_id",
            "speaker_id",
            "document_date",
            "document_id",
            "position",
        ),
    )

    utterance_id: Mapped[int] = mapped_column(
        ForeignKey("utterances.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    reason: Mapped[str] = mapped_column(String(16))  # named | agenda
    matched: Mapped[list[Any]] = mapped_column()  # the words in the turn, or the agenda opening
    opened_at: Mapped[int | None] = mapped_column(Integer)  # position of the opening turn
    # Copies of the turn's columns (see migration 0004), kept by the loader and merges.
    speaker_id: Mapped[int | None] = mapped_column(Integer)
    document_id: Mapped[int] = mapped_column(Integer)
    document_date: Mapped[dt.date] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer)

    topic: Mapped[Topic] = relationship(lazy="raise")
