"""/v1/topics: subjects of discussion, their names and who spoke on them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from app import schemas
from app.api.deps import PaginationDep, SessionDep, UrlsDep, echo, json_body, page_response
from app.api.docs import problems
from app.api.negotiation import JSON_ONLY
from app.pagination import Page
from app.queries import resolve
from app.queries.topics import get_topic, list_topics

router = APIRouter(prefix="/v1/topics", tags=["topics"])

LabelQuery = Annotated[
    str | None,
    Query(
        max_length=200, description="Part of a label or alias, any language", examples=["railway"]
    ),
]
InDocumentQuery = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Only topics discussed in this document",
        examples=["wilson-111245"],
    ),
]


@router.get(
    "",
    operation_id="listTopics",
    dependencies=[Depends(JSON_ONLY.negotiate)],
    summary="Topics, by label",
    response_model=Page[schemas.TopicSummary],
    responses=JSON_ONLY.responses(),
)
async def list_(
    request: Request,
    session: SessionDep,
    urls: UrlsDep,
    page: PaginationDep,
    q: LabelQuery = None,
    document: InDocumentQuery = None,
) -> Response:
    doc = resolve.document_id(session, document, "document") if document else None
    result = list_topics(
        session,
        q=q,
        document_id=doc,
        echo=echo(q=q, document=doc),
        urls=urls,
        limit=page.limit,
        cursor=page.cursor,
        count=page.count,
    )
    return page_response(request, result)


@router.get(
    "/{topic_id}",
    operation_id="getTopic",
    dependencies=[Depends(JSON_ONLY.negotiate)],
    summary="One topic: labels, aliases, turns and who spoke on it",
    response_model=schemas.Topic,
    responses={**JSON_ONLY.responses(), **problems(404)},
)
async def detail(
    request: Request,
    session: SessionDep,
    urls: UrlsDep,
    topic_id: Annotated[str, Path(max_length=200, description="Topic id", examples=["kchzhd"])],
) -> Response:
    return json_body(request, get_topic(session, topic_id, urls=urls))
