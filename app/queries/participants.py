"""Participants: the listing (by name) and one person with aliases, appearances and topics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, or_, select, tuple_
from sqlalchemy.orm import Session

from app import schemas
from app.errors import NotFound
from app.models import (
    Document,
    DocumentParticipant,
    Participant,
    ParticipantAlias,
    Topic,
    Utterance,
    UtteranceTopic,
)
from app.pagination import Page, decode_cursor, encode_cursor, key_int, key_text
from app.queries.documents import SPOKEN
from app.textnorm import name_key
from app.urls import Urls


def _filtered(q: str | None, document_id: int | None, unresolved: bool | None) -> Select[Any]:
    stmt = select(Participant)
    if q:
        key = name_key(q)
        conditions = [func.lower(Participant.name).contains(q.lower(), autoescape=True)]
        if key:
            conditions.append(
                exists().where(
                    ParticipantAlias.participant_id == Participant.id,
                    ParticipantAlias.key.contains(key, autoescape=True),
                )
            )
        stmt = stmt.where(or_(*conditions))
    if document_id is not None:
        stmt = stmt.where(
            exists().where(
                DocumentParticipant.participant_id == Participant.id,
                DocumentParticipant.document_id == document_id,
            )
        )
    if unresolved is not None:
        stmt = stmt.where(Participant.unresolved == unresolved)
    return stmt


def _stats(session: Session, ids: Sequence[int]) -> tuple[dict[int, int], dict[int, int]]:
    turns = {
        int(speaker): n
        for speaker, n in session.execute(
            select(Utterance.speaker_id, func.count())
            .where(Utterance.speaker_id.in_(ids), Utterance.kind.in_(SPOKEN))
            .group_by(Utterance.speaker_id)
        )
        if speaker is not None
    }
    documents = dict(
        session.execute(
            select(
                DocumentParticipant.participant_id,
                func.count(func.distinct(DocumentParticipant.document_id)),
            )
            .where(DocumentParticipant.participant_id.in_(ids))
            .group_by(DocumentParticipant.participant_id)
        ).all()
    )
    return turns, documents


def _summary(p: Participant, turns: int, documents: int, urls: Urls) -> dict[str, Any]:
    return {
        "id": p.slug,
        "name": p.name,
        "names": p.names,
        "description": p.description,
        "unresolved": p.unresolved,
        "turns": turns,
        "documents": documents,
        "url": urls.participant(p.slug),
    }


def list_participants(
    session: Session,
    *,
    q: str | None,
    document_id: int | None,
    unresolved: bool | None,
    echo: dict[str, Any],
    urls: Urls,
    limit: int,
    cursor: str | None,
    count: bool,
) -> Page[schemas.ParticipantSummary]:
    stmt = _filtered(q, document_id, unresolved)
    order = (Participant.name, Participant.id)
    if cursor:
        name, pid = decode_cursor(cursor, echo, (key_text, key_int))
        stmt = stmt.where(tuple_(*order) > tuple_(name, pid))
    people = list(session.scalars(stmt.order_by(*order).limit(limit + 1)))
    more = len(people) > limit
    people = people[:limit]
    turns, documents = _stats(session, [p.id for p in people])
    total = None
    if count:
        total = session.scalar(
            select(func.count()).select_from(_filtered(q, document_id, unresolved).subquery())
        )
    return Page[schemas.ParticipantSummary](
        items=[
            schemas.ParticipantSummary(
                **_summary(p, turns.get(p.id, 0), documents.get(p.id, 0), urls)
            )
            for p in people
        ],
        next_cursor=encode_cursor([people[-1].name, people[-1].id], echo) if more else None,
        total=total,
    )


def get_participant(session: Session, slug: str, *, urls: Urls) -> schemas.Participant:
    person = session.scalar(select(Participant).where(Participant.slug == slug))
    if person is None:
        raise NotFound(f"there is no participant {slug!r}; find people at /v1/participants?q=…")
    turns, documents = _stats(session, [person.id])
    aliases = [
        schemas.Alias(alias=a, lang=lang)
        for a, lang in session.execute(
            select(ParticipantAlias.alias, ParticipantAlias.lang)
            .where(ParticipantAlias.participant_id == person.id)
            .order_by(ParticipantAlias.lang, ParticipantAlias.alias)
        )
    ]
    turns_in: dict[int, int] = dict(
        session.execute(
            select(Utterance.document_id, func.count())
            .where(Utterance.speaker_id == person.id, Utterance.kind.in_(SPOKEN))
            .group_by(Utterance.document_id)
        ).all()
    )
    appearances: dict[int, dict[str, Any]] = {}
    for row in session.execute(
        select(Document.id, Document.slug, Document.title, Document.date, DocumentParticipant.role)
        .join(DocumentParticipant, DocumentParticipant.document_id == Document.id)
        .where(DocumentParticipant.participant_id == person.id)
        .order_by(Document.chronology, Document.id, DocumentParticipant.role)
    ):
        entry = appearances.setdefault(
            row.id,
            {
                "id": row.slug,
                "title": row.title,
                "date": row.date,
                "roles": [],
                "turns": turns_in.get(row.id, 0),
            },
        )
        entry["roles"].append(row.role)
    topic_counts = [
        schemas.TopicCount(id=s, label=label, turns=n)
        for s, label, n in session.execute(
            select(Topic.slug, Topic.label, func.count())
            .join(UtteranceTopic, UtteranceTopic.topic_id == Topic.id)
            .join(Utterance, Utterance.id == UtteranceTopic.utterance_id)
            .where(Utterance.speaker_id == person.id, Utterance.kind.in_(SPOKEN))
            .group_by(Topic.slug, Topic.label)
            .order_by(func.count().desc(), Topic.slug)
        )
    ]
    return schemas.Participant(
        **_summary(person, turns.get(person.id, 0), documents.get(person.id, 0), urls),
        aliases=aliases,
        appearances=[schemas.ParticipantDocument(**a) for a in appearances.values()],
        topics=topic_counts,
    )


# -- for the command line ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParticipantEntry:
    """A row of `parley participants`."""

    id: str
    name: str
    unresolved: bool
    turns: int
    documents: list[str]  # ids of the documents that name them, in id order


@dataclass(frozen=True, slots=True)
class ParticipantRef:
    """A participant as `parley participants merge` names it."""

    row_id: int
    id: str
    name: str
    unresolved: bool


def participant_table(session: Session, *, unresolved_only: bool) -> list[ParticipantEntry]:
    """Everyone (or only the unresolved), unresolved first, with turns and documents."""
    stmt = select(Participant).order_by(Participant.unresolved.desc(), Participant.slug)
    if unresolved_only:
        stmt = stmt.where(Participant.unresolved.is_(True))
    people = list(session.scalars(stmt))
    turns = {
        int(speaker): n
        for speaker, n in session.execute(
            select(Utterance.speaker_id, func.count())
            .where(Utterance.kind.in_(SPOKEN))
            .group_by(Utterance.speaker_id)
        )
        if speaker is not None
    }
    documents: dict[int, list[str]] = {}
    for pid, slug in session.execute(
        select(DocumentParticipant.participant_id, Document.slug)
        .join(Document, Document.id == DocumentParticipant.document_id)
        .distinct()
        .order_by(Document.slug)
    ):
        documents.setdefault(pid, []).append(slug)
    return [
        ParticipantEntry(p.slug, p.name, p.unresolved, turns.get(p.id, 0), documents.get(p.id, []))
        for p in people
    ]


def participants_named(session: Session, *, reference: str) -> list[ParticipantRef]:
    """The participant whose id is `reference`, else everyone holding it as a name or
    alias (several: it is ambiguous; none: nobody is called so)."""
    person = session.scalar(select(Participant).where(Participant.slug == reference))
    if person is not None:
        people = [person]
    else:
        people = list(
            session.scalars(
                select(Participant)
                .where(
                    Participant.id.in_(
                        select(ParticipantAlias.participant_id).where(
                            ParticipantAlias.key == name_key(reference)
                        )
                    )
                )
                .order_by(Participant.slug)
            )
        )
    return [ParticipantRef(p.id, p.slug, p.name, p.unresolved) for p in people]


def count_turns(session: Session, *, participant_row_id: int) -> int:
    """Turns (narration aside) spoken by the participant."""
    return (
        session.scalar(
            select(func.count()).where(
                Utterance.speaker_id == participant_row_id, Utterance.kind.in_(SPOKEN)
            )
        )
        or 0
    )
