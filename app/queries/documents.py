"""Documents: the filtered listing and one document with its people and topics."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, String, case, cast, exists, func, select, tuple_
from sqlalchemy.orm import Session

from app import schemas
from app.citations import chicago_note
from app.models import (
    Document,
    DocumentParticipant,
    Participant,
    Topic,
    Utterance,
    UtteranceTopic,
)
from app.pagination import Page, decode_cursor, encode_cursor, key_date, key_int
from app.queries import dates
from app.queries.rendered import (
    PLACEHOLDER_URLS,
    Fragment,
    Generation,
    RenderedBody,
    json_base,
)
from app.queries.resolve import document_id
from app.urls import Urls

SPOKEN = ("speech", "reported")


@dataclass(slots=True)
class DocumentFilter:
    participant_id: int | None = None
    topic_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str | None = None
    matching: Select[Any] | None = None  # ids of documents a full-text query found
    echo: dict[str, Any] = field(default_factory=dict)

    def apply(self, stmt: Select[Any]) -> Select[Any]:
        if self.participant_id is not None:
            stmt = stmt.where(
                exists().where(
                    DocumentParticipant.document_id == Document.id,
                    DocumentParticipant.participant_id == self.participant_id,
                )
            )
        if self.topic_id is not None:
            stmt = stmt.where(
                exists().where(
                    Utterance.document_id == Document.id,
                    UtteranceTopic.utterance_id == Utterance.id,
                    UtteranceTopic.topic_id == self.topic_id,
                )
            )
        stmt = stmt.where(*dates.within(Document.chronology, self.date_from, self.date_to))
        if self.language is not None:
            # `languages` is a JSON list of two-letter codes on both backends; its text
            # form contains "xx" exactly when the code is in the list.
            stmt = stmt.where(cast(Document.languages, String).like(f'%"{self.language}"%'))
        if self.matching is not None:
            stmt = stmt.where(Document.id.in_(self.matching))
        return stmt


def _counts(session: Session, ids: Sequence[int]) -> dict[int, schemas.Counts]:
    turns: dict[int, int] = defaultdict(int)
    narration: dict[int, int] = defaultdict(int)
    for doc, kind, n in session.execute(
        select(Utterance.document_id, Utterance.kind, func.count())
        .where(Utterance.document_id.in_(ids))
        .group_by(Utterance.document_id, Utterance.kind)
    ):
        if kind in SPOKEN:
            turns[doc] += n
        else:
            narration[doc] += n
    people = dict(
        session.execute(
            select(
                DocumentParticipant.document_id,
                func.count(func.distinct(DocumentParticipant.participant_id)),
            )
            .where(
                DocumentParticipant.document_id.in_(ids),
                DocumentParticipant.role.in_(["speaker", "present"]),
            )
            .group_by(DocumentParticipant.document_id)
        ).all()
    )
    return {
        doc: schemas.Counts(
            turns=turns[doc], narration=narration[doc], participants=people.get(doc, 0)
        )
        for doc in ids
    }


def _reference(doc: Document) -> schemas.ArchivalReference:
    return schemas.ArchivalReference(
        archive=doc.archive, fond=doc.fond, opis=doc.opis, delo=doc.delo, folios=doc.folios
    )


def _summary(doc: Document, counts: schemas.Counts, urls: Urls) -> dict[str, Any]:
    return {
        "id": doc.slug,
        "title": doc.title,
        "date": doc.date,
        "record_type": doc.record_type,
        "languages": doc.languages,
        "original_language": doc.original_language,
        "reference": _reference(doc),
        "counts": counts,
        "url": urls.document(doc.slug),
    }


# Undated records last (app.models.UNDATED); the order ix_documents_chronology keeps.
_ORDER = (Document.chronology, Document.id)


def list_documents(
    session: Session,
    *,
    filters: DocumentFilter,
    urls: Urls,
    limit: int,
    cursor: str | None,
    count: bool,
) -> Page[schemas.DocumentSummary]:
    stmt = filters.apply(select(Document))
    if cursor:
        day, doc_id = decode_cursor(cursor, filters.echo, (key_date, key_int))
        # The plain bound on the key is implied by the row comparison, but SQLite seeks an
        # index on an expression only with a plain bound.
        stmt = stmt.where(Document.chronology >= day, tuple_(*_ORDER) > tuple_(day, doc_id))
    docs = list(session.scalars(stmt.order_by(*_ORDER).limit(limit + 1)))
    more = len(docs) > limit
    docs = docs[:limit]
    counts = _counts(session, [d.id for d in docs])
    total = (
        session.scalar(filters.apply(select(func.count()).select_from(Document))) if count else None
    )
    return Page[schemas.DocumentSummary](
        items=[schemas.DocumentSummary(**_summary(d, counts[d.id], urls)) for d in docs],
        next_cursor=encode_cursor([docs[-1].chronology.isoformat(), docs[-1].id], filters.echo)
        if more
        else None,
        total=total,
    )


def rendered_document(session: Session, kept: Generation, slug: str, *, urls: Urls) -> RenderedBody:
    """`get_document` as JSON, rendered once per data version."""
    fragment = kept.get(("document-json", slug))
    if fragment is None:
        document = get_document(session, slug, urls=PLACEHOLDER_URLS)
        fragment = Fragment.of(document.model_dump_json().encode())
        kept.put(("document-json", slug), fragment, fragment.size)
    return RenderedBody(fragment.bind(json_base(urls)), kept.version)


def get_document(session: Session, slug: str, *, urls: Urls) -> schemas.Document:
    doc = session.get_one(Document, document_id(session, slug))
    counts = _counts(session, [doc.id])[doc.id]

    turns_by_speaker = dict(
        session.execute(
            select(Utterance.speaker_id, func.count())
            .where(Utterance.document_id == doc.id, Utterance.kind.in_(SPOKEN))
            .group_by(Utterance.speaker_id)
        ).all()
    )
    people: dict[int, dict[str, Any]] = {}
    role_order = case({"speaker": 0, "present": 1, "mentioned": 2}, value=DocumentParticipant.role)
    for row in session.execute(
        select(
            DocumentParticipant.participant_id,
            DocumentParticipant.role,
            DocumentParticipant.labels,
            DocumentParticipant.description,
            Participant.slug,
            Participant.name,
        )
        .join(Participant, Participant.id == DocumentParticipant.participant_id)
        .where(DocumentParticipant.document_id == doc.id)
        .order_by(role_order, DocumentParticipant.id)
    ):
        entry = people.setdefault(
            row.participant_id,
            {
                "id": row.slug,
                "name": row.name,
                "roles": [],
                "labels": {},
                "description": None,
                "turns": turns_by_speaker.get(row.participant_id, 0),
            },
        )
        entry["roles"].append(row.role)
        for lang, label in (row.labels or {}).items():
            entry["labels"].setdefault(lang, label)
        entry["description"] = entry["description"] or row.description

    topics = [
        schemas.TopicCount(id=slug, label=label, turns=n)
        for slug, label, n in session.execute(
            select(Topic.slug, Topic.label, func.count())
            .join(UtteranceTopic, UtteranceTopic.topic_id == Topic.id)
            .join(Utterance, Utterance.id == UtteranceTopic.utterance_id)
            .where(Utterance.document_id == doc.id)
            .group_by(Topic.slug, Topic.label)
            .order_by(func.count().desc(), Topic.slug)
        )
    ]
    return schemas.Document(
        **_summary(doc, counts, urls),
        titles=doc.titles,
        layout=doc.layout,
        place=doc.place,
        time_of_day=doc.time_of_day,
        collection=doc.collection,
        translator=doc.translator,
        source_url=doc.source_url,
        summary=doc.summary,
        citation=chicago_note(doc),
        publisher_citation=doc.citation,
        participants=[schemas.DocumentParticipant(**p) for p in people.values()],
        topics=topics,
        debris=[schemas.Debris(**d) for d in doc.debris],
        notes=[schemas.Note(**n) for n in doc.notes],
    )
