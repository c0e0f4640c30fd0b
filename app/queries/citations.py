"""Citations of a document or of one turn, in any style (see app/citations.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.citations import Style, Turn, cite
from app.models import Document, Participant, Utterance
from app.queries.resolve import document_id
from app.queries.utterances import locate_utterance
from app.urls import Urls, utterance_id


def document_citation(session: Session, slug: str, style: Style) -> str:
    return cite(session.get_one(Document, document_id(session, slug)), style)


def utterance_citation(session: Session, public_id: str, style: Style, *, urls: Urls) -> str:
    row_id, doc_id, slug, position = locate_utterance(session, public_id)
    speaker = session.scalar(
        select(Participant.name)
        .join(Utterance, Utterance.speaker_id == Participant.id)
        .where(Utterance.id == row_id)
    )
    turn_id = utterance_id(slug, position)  # spelt as the API spells it: "x.017" is x.17
    turn = Turn(id=turn_id, url=urls.utterance(turn_id), speaker=speaker)
    return cite(session.get_one(Document, doc_id), style, turn=turn)
