"""/v1/participants: people, their names in every language, their turns and topics."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from app import schemas
from app.api.deps import PaginationDep, SessionDep, UrlsDep, echo, json_body, page_response
from app.api.docs import problems
from app.api.negotiation import JSON, JSON_ONLY, JSONLD, Format, Offer, respond
from app.exports import jsonld
from app.pagination import Page
from app.queries import resolve
from app.queries.participants import get_participant, list_participants

router = APIRouter(prefix="/v1/participants", tags=["participants"])

NameQuery = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Part of a name or alias, in any language and spelling",
        examples=["Chou"],
    ),
]
InDocumentQuery = Annotated[
    str | None,
    Query(
        max_length=200, description="Only people named in this document", examples=["wilson-111245"]
    ),
]
UnresolvedQuery = Annotated[
    bool | None, Query(description="true: only speaker labels no reference entry covers yet")
]

PARTICIPANT_FORMATS = Offer(
    JSON, JSONLD.described("schema.org Person, every spelling an alternateName")
)


@router.get(
    "",
    operation_id="listParticipants",
    dependencies=[Depends(JSON_ONLY.negotiate)],
    summary="People, by name",
    response_model=Page[schemas.ParticipantSummary],
    responses=JSON_ONLY.responses(),
)
async def list_(
    request: Request,
    session: SessionDep,
    urls: UrlsDep,
    page: PaginationDep,
    q: NameQuery = None,
    document: InDocumentQuery = None,
    unresolved: UnresolvedQuery = None,
) -> Response:
    doc = resolve.document_id(session, document, "document") if document else None
    result = list_participants(
        session,
        q=q,
        document_id=doc,
        unresolved=unresolved,
        echo=echo(q=q, document=doc, unresolved=unresolved),
        urls=urls,
        limit=page.limit,
        cursor=page.cursor,
        count=page.count,
    )
    return page_response(request, result)


@router.get(
    "/{participant_id}",
    operation_id="getParticipant",
    summary="One person: names and aliases, documents, turns, topics",
    response_model=schemas.Participant,
    responses={**PARTICIPANT_FORMATS.responses(), **problems(404)},
)
async def detail(
    request: Request,
    session: SessionDep,
    urls: UrlsDep,
    participant_id: Annotated[
        str, Path(max_length=200, description="Participant id", examples=["mao-zedong"])
    ],
    fmt: Annotated[Format, Depends(PARTICIPANT_FORMATS.negotiate)],
) -> Response:
    person = get_participant(session, participant_id, urls=urls)
    if fmt.name == JSONLD.name:
        return respond(fmt, jsonld.dumps(jsonld.participant(person, urls)))
    return json_body(request, person)
