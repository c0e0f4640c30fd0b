"""/v1/documents: records, their metadata and their conversations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app import schemas
from app.api.deps import (
    DateFrom,
    DateTo,
    EditorialDep,
    LangsDep,
    PaginationDep,
    SessionDep,
    UrlsDep,
    date_range,
    echo,
    with_next_link,
)
from app.api.docs import problems
from app.pagination import Page
from app.queries import resolve
from app.queries.documents import DocumentFilter, get_document, list_documents
from app.queries.search import matching_documents
from app.queries.utterances import UtteranceFilter, list_utterances
from app.search.query import MAX_QUERY_LENGTH

router = APIRouter(prefix="/v1/documents", tags=["documents"])

DocumentId = Annotated[
    str, Path(max_length=200, description="Document id", examples=["wilson-111245"])
]


@router.get(
    "",
    summary="Records, filtered by participant, topic, date and language",
    response_model=Page[schemas.DocumentSummary],
)
def list_(
    request: Request,
    response: Response,
    session: SessionDep,
    urls: UrlsDep,
    page: PaginationDep,
    participant: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Someone who spoke, was present or is mentioned: id or any alias",
            examples=["Zhou Enlai"],
        ),
    ] = None,
    topic: Annotated[
        str | None,
        Query(max_length=200, description="A topic id or alias", examples=["Port Arthur"]),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    language: Annotated[
        str | None,
        Query(pattern=r"^[a-z]{2,3}$", description="Records with a version in this language"),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_QUERY_LENGTH,
            description="Records whose title, summary or turns contain these words "
            "(the syntax of /v1/search)",
            examples=["Tibet"],
        ),
    ] = None,
) -> Page[schemas.DocumentSummary]:
    """Records in date order."""
    date_range(date_from, date_to)
    filters = DocumentFilter(
        participant_id=resolve.participant_id(session, participant, "participant")
        if participant
        else None,
        topic_id=resolve.topic_id(session, topic, "topic") if topic else None,
        date_from=date_from,
        date_to=date_to,
        language=language,
        matching=matching_documents(session, q) if q else None,
    )
    filters.echo = echo(
        q=q,
        participant=filters.participant_id,
        topic=filters.topic_id,
        date_from=date_from,
        date_to=date_to,
        language=language,
    )
    result = list_documents(
        session, filters=filters, urls=urls, limit=page.limit, cursor=page.cursor, count=page.count
    )
    return with_next_link(request, response, result)


@router.get(
    "/{document_id}",
    summary="One record: metadata, archival reference, citation, participants, topics",
    response_model=schemas.Document,
    responses=problems(404),
)
def detail(session: SessionDep, urls: UrlsDep, document_id: DocumentId) -> schemas.Document:
    return get_document(session, document_id, urls=urls)


@router.get(
    "/{document_id}/utterances",
    summary="The whole conversation in order, narration included",
    response_model=Page[schemas.Utterance],
    responses=problems(404),
)
def conversation(
    request: Request,
    response: Response,
    session: SessionDep,
    urls: UrlsDep,
    page: PaginationDep,
    langs: LangsDep,
    document_id: DocumentId,
    editorial: EditorialDep = schemas.Editorial.KEEP,
) -> Page[schemas.Utterance]:
    doc = resolve.document_id(session, document_id)
    filters = UtteranceFilter(document_id=doc, echo={"document": doc})
    result = list_utterances(
        session,
        filters=filters,
        langs=langs,
        editorial=editorial,
        urls=urls,
        limit=page.limit,
        cursor=page.cursor,
        count=page.count,
    )
    return with_next_link(request, response, result)
