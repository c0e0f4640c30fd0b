"""Whole records as the database holds them (Parley document JSON), for exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app import schemas
from app.exports.document_json import (
    FORMAT,
    VERSION,
    ParleyDocument,
    ParleyParticipant,
    ParleyRole,
    ParleySource,
    ParleyText,
    ParleyTopic,
    ParleyTopicTag,
    ParleyUtterance,
)
from app.models import (
    Document,
    DocumentParticipant,
    Participant,
    ParticipantAlias,
    Topic,
    Utterance,
    UtteranceText,
    UtteranceTopic,
)
from app.queries.resolve import document_id


def get_record(session: Session, slug: str) -> ParleyDocument:
    return build_record(session, document_id(session, slug))


def count_records(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Document)) or 0


def iter_records(session: Session) -> Iterator[ParleyDocument]:
    """Every record, in date order; one at a time, so memory holds one record."""
    for doc_id in session.scalars(
        select(Document.id).order_by(Document.chronology, Document.id)
    ).all():
        yield build_record(session, doc_id)
        session.expunge_all()  # the Document rows


def _participants(session: Session, doc_id: int) -> list[ParleyParticipant]:
    people: dict[int, dict[str, Any]] = {}
    role_order = case({"speaker": 0, "present": 1, "mentioned": 2}, value=DocumentParticipant.role)
    for row in session.execute(
        select(
            Participant.id,
            Participant.slug,
            Participant.name,
            Participant.names,
            Participant.description,
            Participant.unresolved,
            DocumentParticipant.role,
            DocumentParticipant.labels,
            DocumentParticipant.description.label("role_description"),
        )
        .join(Participant, Participant.id == DocumentParticipant.participant_id)
        .where(DocumentParticipant.document_id == doc_id)
        .order_by(role_order, DocumentParticipant.id)  # speakers first, as they appear
    ):
        entry = people.setdefault(
            row.id,
            {
                "id": row.slug,
                "name": row.name,
                "names": row.names,
                "description": row.description,
                "unresolved": row.unresolved,
                "aliases": [],
                "roles": [],
            },
        )
        entry["roles"].append(
            ParleyRole(role=row.role, labels=row.labels or {}, description=row.role_description)
        )
    for participant_id, alias, lang in session.execute(
        select(ParticipantAlias.participant_id, ParticipantAlias.alias, ParticipantAlias.lang)
        .where(ParticipantAlias.participant_id.in_(people))
        .order_by(ParticipantAlias.participant_id, ParticipantAlias.id)
    ):
        people[participant_id]["aliases"].append(schemas.Alias(alias=alias, lang=lang))
    return [ParleyParticipant(**p) for p in people.values()]


# Plain rows throughout, not ORM objects: a dump reads every row of the database, and
# identity-map bookkeeping was most of its time.


def _texts(session: Session, doc_id: int) -> dict[int, dict[str, ParleyText]]:
    """Each utterance's texts by language, keyed by the utterance's row id."""
    texts: dict[int, dict[str, ParleyText]] = {}
    for text in session.execute(
        select(
            UtteranceText.utterance_id,
            UtteranceText.lang,
            UtteranceText.is_original,
            UtteranceText.label,
            UtteranceText.text,
            UtteranceText.spans,
            UtteranceText.page,
            UtteranceText.page_breaks,
            UtteranceText.line_start,
            UtteranceText.line_end,
        )
        .join(Utterance, Utterance.id == UtteranceText.utterance_id)
        .where(Utterance.document_id == doc_id)
        .order_by(UtteranceText.utterance_id, UtteranceText.is_original.desc(), UtteranceText.lang)
    ):
        texts.setdefault(text.utterance_id, {})[text.lang] = ParleyText(
            original=text.is_original,
            label=text.label,
            text=text.text,
            spans=[schemas.Span(start=s, end=e, kind=k) for s, e, k in text.spans or []],
            page=text.page,
            page_breaks=[schemas.PageBreak(offset=o, page=p) for o, p in text.page_breaks or []],
            line_start=text.line_start,
            line_end=text.line_end,
        )
    return texts


def _tags(
    session: Session, doc_id: int
) -> tuple[dict[int, list[ParleyTopicTag]], dict[str, ParleyTopic]]:
    """Each utterance's topic tags by row id, and the topics they name by slug."""
    tags: dict[int, list[ParleyTopicTag]] = {}
    topics: dict[str, ParleyTopic] = {}
    for tag in session.execute(
        select(
            UtteranceTopic.utterance_id,
            UtteranceTopic.reason,
            UtteranceTopic.matched,
            UtteranceTopic.opened_at,
            Topic.slug,
            Topic.label,
            Topic.description,
        )
        .join(Topic, Topic.id == UtteranceTopic.topic_id)
        .join(Utterance, Utterance.id == UtteranceTopic.utterance_id)
        .where(Utterance.document_id == doc_id)
        .order_by(UtteranceTopic.utterance_id, Topic.slug)
    ):
        tags.setdefault(tag.utterance_id, []).append(
            ParleyTopicTag(
                topic=tag.slug, reason=tag.reason, matched=tag.matched, opened_at=tag.opened_at
            )
        )
        topics.setdefault(
            tag.slug, ParleyTopic(id=tag.slug, label=tag.label, description=tag.description)
        )
    return tags, topics


def build_record(session: Session, doc_id: int) -> ParleyDocument:
    doc = session.get_one(Document, doc_id)
    utterances = session.execute(
        select(Utterance.id, Utterance.position, Utterance.kind, Participant.slug)
        .outerjoin(Participant, Participant.id == Utterance.speaker_id)
        .where(Utterance.document_id == doc_id)
        .order_by(Utterance.position)
    ).all()
    texts = _texts(session, doc_id)
    tags, topics = _tags(session, doc_id)
    return ParleyDocument(
        format=FORMAT,
        version=VERSION,
        id=doc.slug,
        title=doc.title,
        date=doc.date,
        record_type=doc.record_type,
        layout=doc.layout,
        collection=doc.collection,
        reference=schemas.ArchivalReference(
            archive=doc.archive, fond=doc.fond, opis=doc.opis, delo=doc.delo, folios=doc.folios
        ),
        translator=doc.translator,
        source_url=doc.source_url,
        source_id=doc.source_id,
        publisher_citation=doc.citation,
        summary=doc.summary,
        place=doc.place,
        time_of_day=doc.time_of_day,
        original_language=doc.original_language,
        languages=doc.languages,
        titles=doc.titles,
        debris=[schemas.Debris(**d) for d in doc.debris],
        notes=[schemas.Note(**n) for n in doc.notes],
        source=ParleySource(file=doc.source_file, sha256=doc.content_hash),
        participants=_participants(session, doc_id),
        topics=sorted(topics.values(), key=lambda t: t.id),
        utterances=[
            ParleyUtterance(
                position=u.position,
                kind=schemas.Kind(u.kind),
                speaker=u.slug,
                texts=texts.get(u.id, {}),
                topics=tags.get(u.id, []),
            )
            for u in utterances
        ],
    )
