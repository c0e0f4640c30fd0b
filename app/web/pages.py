"""The reader's pages: the API's URLs rendered for people (see app/web/routing.py).

Each page takes the parameters of the API route it shares a URL with, so a link
copied from the browser is also the API query, and reads through the same query
functions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from app import schemas
from app.api import documents as documents_api
from app.api import participants as participants_api
from app.api import search as search_api
from app.api import topics as topics_api
from app.api import utterances as utterances_api
from app.api.deps import (
    CursorQuery,
    Database,
    DatabaseDep,
    EditorialDep,
    LangsDep,
    LimitQuery,
    Pagination,
    PaginationDep,
    UrlsDep,
)
from app.api.documents import DocumentId, DocumentQuery
from app.api.negotiation import JSON
from app.api.participants import InDocumentQuery, NameQuery, UnresolvedQuery
from app.api.topics import InDocumentQuery as TopicInDocumentQuery
from app.api.topics import LabelQuery
from app.api.utterances import FilterQuery, UtteranceId, filter_query, listing_query
from app.citations import Style
from app.pagination import DEFAULT_LIMIT
from app.queries import resolve
from app.queries.citations import utterance_citation
from app.queries.documents import get_document, list_documents
from app.queries.participants import get_participant, list_participants
from app.queries.refs import document_ref, participant_ref, topic_ref
from app.queries.topics import get_topic, list_topics
from app.queries.utterances import (
    UtteranceFilter,
    get_utterance,
    iter_utterances,
    list_utterances,
)
from app.search.query import MAX_QUERY_LENGTH
from app.urls import Urls
from app.web.render import page
from app.web.routing import ReaderRoute

PREVIEW = 20  # turns shown on a person's or a topic's page, before "every turn"
FRONT_LIST = 50  # records, people and topics listed on the front page


async def html_format(
    format: Annotated[
        str | None, Query(description="`html` forces this page; `json` gives the API's answer")
    ] = None,
) -> None:
    """Declares `format`, which reader routes match on (app/web/routing.py)."""


router = APIRouter(
    route_class=ReaderRoute, include_in_schema=False, dependencies=[Depends(html_format)]
)
front = APIRouter(include_in_schema=False)
KEEP = schemas.Editorial.KEEP


@front.get("/", response_class=HTMLResponse)
async def front_page(request: Request, db: DatabaseDep, urls: UrlsDep) -> HTMLResponse:
    """Records, people and topics, and a search box. Always HTML: `/` is no API resource."""
    common: dict[str, Any] = {"urls": urls, "limit": FRONT_LIST, "cursor": None, "count": True}

    def show(session: Session) -> HTMLResponse:
        return page(
            request,
            "front.html",
            json=False,
            documents=list_documents(session, filters=DocumentQuery().resolve(session), **common),
            people=list_participants(
                session, q=None, document_id=None, unresolved=None, echo={}, **common
            ),
            topics=list_topics(session, q=None, document_id=None, echo={}, **common),
        )

    return await db(show)


@router.get("/v1/documents")
async def documents_page(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    page_: PaginationDep,
    query: Annotated[DocumentQuery, Depends()],
) -> Response:
    answer = await documents_api.list_(request, db, urls, _counted(page_), query)
    return await _listing(db, request, answer, "documents.html", q=query.q or "")


@router.get("/v1/documents/{document_id}")
async def document_page(
    request: Request, db: DatabaseDep, urls: UrlsDep, document_id: DocumentId
) -> Response:
    def show(session: Session) -> Response:
        document = get_document(session, document_id, urls=urls)
        utterances = list(
            iter_utterances(
                session,
                filters=UtteranceFilter(document_id=resolve.document_id(session, document_id)),
                langs=None,
                editorial=KEEP,
                urls=urls,
            )
        )
        return page(
            request,
            "document.html",
            document=document,
            utterances=utterances,
            page_starts=_page_starts(utterances),
            citation_urls=_citation_urls(f"/v1/documents/{document_id}/citation"),
        )

    return await db(show)


@router.get("/v1/documents/{document_id}/utterances")
async def conversation_page(document_id: DocumentId) -> Response:
    """The conversation is on the record's page."""
    return RedirectResponse(
        f"/v1/documents/{document_id}#conversation", status_code=303, headers={"Vary": "Accept"}
    )


@router.get("/v1/utterances")
async def utterances_page(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    page_: PaginationDep,
    langs: LangsDep,
    query: Annotated[FilterQuery, Depends(listing_query)],
    editorial: EditorialDep = KEEP,
) -> Response:
    listing = utterances_api.list_
    answer = await listing(request, db, urls, _counted(page_), langs, query, JSON, editorial)
    return await _listing(
        db,
        request,
        answer,
        "utterances.html",
        narrowing=lambda session: _narrowing(session, query.resolve(session, langs), urls),
    )


@router.get("/v1/utterances/{utterance_id}")
async def utterance_page(
    request: Request, db: DatabaseDep, urls: UrlsDep, utterance_id: UtteranceId
) -> Response:
    def show(session: Session) -> Response:
        turn = get_utterance(session, utterance_id, langs=None, editorial=KEEP, urls=urls)
        neighbours = [
            get_utterance(session, public_id, langs=None, editorial=KEEP, urls=urls)
            if public_id
            else None
            for public_id in (turn.previous, turn.next)
        ]
        citations = {
            style: utterance_citation(session, utterance_id, style, urls=urls) for style in Style
        }
        return page(
            request,
            "utterance.html",
            turn=turn,
            previous=neighbours[0],
            next=neighbours[1],
            citations=citations,
            citation_urls=_citation_urls(f"/v1/utterances/{utterance_id}/citation"),
        )

    return await db(show)


@router.get("/v1/search")
async def search_page(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    langs: LangsDep,
    query: Annotated[FilterQuery, Depends(filter_query)],
    q: Annotated[str | None, Query(max_length=MAX_QUERY_LENGTH)] = None,
    editorial: EditorialDep = KEEP,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Response:
    """The search form, and with `q` the ranked hits, their facets as narrowing links."""
    if not (q and q.strip()):
        return await _listing(db, request, None, "search.html", q="")
    answer = await search_api.search_(
        request, db, urls, q, langs, query, JSON, editorial, limit, cursor
    )
    return await _listing(
        db,
        request,
        answer,
        "search.html",
        q=q,
        narrowing=lambda session: _narrowing(
            session, query.resolve(session, langs), urls, related=False
        ),
    )


@router.get("/v1/participants")
async def participants_page(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    page_: PaginationDep,
    q: NameQuery = None,
    document: InDocumentQuery = None,
    unresolved: UnresolvedQuery = None,
) -> Response:
    listing = participants_api.list_
    answer = await listing(request, db, urls, _counted(page_), q, document, unresolved)
    return await _listing(db, request, answer, "participants.html", q=q or "")


@router.get("/v1/participants/{participant_id}")
async def participant_page(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    participant_id: Annotated[str, Path(max_length=200)],
) -> Response:
    def show(session: Session) -> Response:
        person = get_participant(session, participant_id, urls=urls)
        speaker = resolve.participant_id(session, person.id)
        turns = _preview(session, UtteranceFilter(speaker_id=speaker), urls)
        return page(request, "participant.html", person=person, turns=turns)

    return await db(show)


@router.get("/v1/topics")
async def topics_page(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    page_: PaginationDep,
    q: LabelQuery = None,
    document: TopicInDocumentQuery = None,
) -> Response:
    answer = await topics_api.list_(request, db, urls, _counted(page_), q, document)
    return await _listing(db, request, answer, "topics.html", q=q or "")


@router.get("/v1/topics/{topic_id}")
async def topic_page(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    topic_id: Annotated[str, Path(max_length=200)],
) -> Response:
    def show(session: Session) -> Response:
        topic = get_topic(session, topic_id, urls=urls)
        filters = UtteranceFilter(topic_id=resolve.topic_id(session, topic.id))
        return page(request, "topic.html", topic=topic, turns=_preview(session, filters, urls))

    return await db(show)


async def _listing(
    db: Database,
    request: Request,
    answer: Response | None,
    template: str,
    *,
    narrowing: Callable[[Session], dict[str, Any]] | None = None,
    **context: Any,
) -> Response:
    """A listing page: the API route's own `answer` (what its URL answers a program),
    shown with what `narrowing` finds. Reading the answer, the narrowing queries and the
    template all run in a worker thread (the event-loop rule, ARCHITECTURE.md)."""

    def show(session: Session) -> Response:
        return page(
            request,
            template,
            found=_answer(answer) if answer is not None else None,
            params=sent_params(request),
            **(narrowing(session) if narrowing else {}),
            **context,
        )

    return await db(show)


def _answer(response: Response) -> Any:
    """The body of the API's own answer, as data for a template."""
    return orjson.loads(response.body)


def _counted(page_: Pagination) -> Pagination:
    """The page as asked for, with its total: a listing page shows how many match."""
    return dataclasses.replace(page_, count=True)


def sent_params(request: Request) -> dict[str, Any]:
    """The query as sent, without the format and the cursor: what narrowing links keep."""
    params: dict[str, Any] = {}
    for name, value in request.query_params.multi_items():
        if name not in {"format", "cursor"}:
            params.setdefault(name, []).append(value)
    return {name: values if len(values) > 1 else values[0] for name, values in params.items()}


def _page_starts(utterances: list[schemas.Utterance]) -> dict[str, dict[str, str]]:
    """Where, between texts, a page of the original begins: by utterance id, the language
    and page of each text that starts on another page than the one before it."""
    last: dict[str, str] = {}
    starts: dict[str, dict[str, str]] = {}
    for utterance in utterances:
        for lang, text in utterance.texts.items():
            if text.page and last.get(lang) != text.page:
                starts.setdefault(utterance.id, {})[lang] = text.page
            for page_break in text.page_breaks:
                last[lang] = page_break.page
            if text.page and not text.page_breaks:
                last[lang] = text.page
    return starts


def _citation_urls(base: str) -> dict[Style, str]:
    return {style: f"{base}?style={style.value}" for style in Style}


def _preview(session: Session, filters: UtteranceFilter, urls: Urls) -> Any:
    return list_utterances(
        session,
        filters=filters,
        langs=None,
        editorial=KEEP,
        urls=urls,
        limit=PREVIEW,
        cursor=None,
        count=True,
    )


def _narrowing(
    session: Session, filters: UtteranceFilter, urls: Urls, *, related: bool = True
) -> dict[str, Any]:
    """Who and what a page of turns is filtered by and, with `related`, what would narrow
    it further: the person's topics, or the topic's speakers."""
    speaker = participant_ref(session, filters.speaker_id) if filters.speaker_id else None
    topic = topic_ref(session, filters.topic_id) if filters.topic_id else None
    document = document_ref(session, filters.document_id) if filters.document_id else None
    topics: list[schemas.TopicCount] = []
    speakers: list[schemas.SpeakerCount] = []
    if related and speaker and not topic:
        topics = get_participant(session, speaker.id, urls=urls).topics
    if related and topic and not speaker:
        speakers = get_topic(session, topic.id, urls=urls).speakers
    return {
        "speaker": speaker,
        "topic": topic,
        "document": document,
        "related_topics": topics,
        "related_speakers": speakers,
    }
