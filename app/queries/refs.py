"""Ids and names of resolved filters, for pages that say what they are filtered by."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import schemas
from app.models import Document, Participant, Topic


def participant_ref(session: Session, row_id: int) -> schemas.Ref:
    slug, name = session.execute(
        select(Participant.slug, Participant.name).where(Participant.id == row_id)
    ).one()
    return schemas.Ref(id=slug, name=name)


def topic_ref(session: Session, row_id: int) -> schemas.Ref:
    slug, label = session.execute(select(Topic.slug, Topic.label).where(Topic.id == row_id)).one()
    return schemas.Ref(id=slug, name=label)


def document_ref(session: Session, row_id: int) -> schemas.DocumentRef:
    slug, title, date = session.execute(
        select(Document.slug, Document.title, Document.date).where(Document.id == row_id)
    ).one()
    return schemas.DocumentRef(id=slug, title=title, date=date)
