"""/v1/utterances: the central query, and single turns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import PlainTextResponse
from sqlalchemy.orm import Session

from app import schemas
from app.api.deps import (
    Database,
    DatabaseDep,
    DateFrom,
    DateTo,
    EditorialDep,
    LabelsDep,
    LangsDep,
    Pagination,
    PaginationDep,
    UrlsDep,
    database,
    date_range,
    echo,
    json_body,
    public_urls,
    rendered,
)
from app.api.docs import problems
from app.api.exports import (
    CITATION_STYLES,
    UTTERANCE_FORMATS,
    CitationStyle,
    UtteranceFormat,
    turns_response,
)
from app.api.negotiation import JSON_ONLY, Format, respond
from app.citations import Style
from app.ingest.registry import LabelRules
from app.pagination import Page
from app.queries import resolve
from app.queries.citations import utterance_citation
from app.queries.rendered import Generation
from app.queries.search import matching_utterances
from app.queries.utterances import UtteranceFilter, get_utterance
from app.search.query import MAX_QUERY_LENGTH
from app.urls import Urls

router = APIRouter(prefix="/v1/utterances", tags=["utterances"])

SpeakerQuery = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Who spoke: a participant id or any spelling of the name in any language, "
        "case-insensitive (`mao-zedong`, `Mao`, `Mao Tse-tung`, `Мао Цзе-дун`)",
        openapi_examples={
            "english": {"summary": "Mao, in English", "value": "Mao"},
            "russian": {"summary": "Mao, as the Russian record spells him", "value": "Мао Цзе-дун"},
            "id": {"summary": "Mao, by id", "value": "mao-zedong"},
        },
    ),
]
TopicQuery = Annotated[
    str | None,
    Query(
        max_length=200,
        description="What about: a topic id or any alias in any language (`kchzhd`, `KChZhD`, "
        "`КЧЖД`, `Chinese Eastern Railway`)",
        openapi_examples={
            "transliterated": {
                "summary": "The railway, as the translation names it",
                "value": "KChZhD",
            },
            "russian": {"summary": "The railway, in Russian", "value": "КЧЖД"},
            "older name": {
                "summary": "The railway's older name",
                "value": "Chinese Eastern Railway",
            },
        },
    ),
]
DocumentQuery = Annotated[
    str | None, Query(max_length=200, description="A document id", examples=["wilson-111245"])
]
UtteranceId = Annotated[
    str,
    Path(max_length=200, description="Document id and position", examples=["wilson-111245.17"]),
]
KindQuery = Annotated[
    schemas.Kind | None,
    Query(description="speech, reported (third-person summary of a turn) or narration"),
]


@dataclass(slots=True)
class FilterQuery:
    """The filters as sent. The route resolves the names (`resolve`), with its other
    queries: a dependency that queried the database would run in a thread of its own."""

    speaker: str | None = None
    topic: str | None = None
    document: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: schemas.Kind | None = None
    q: str | None = None  # words the turns must contain (listing only)
    labels: LabelRules | None = None  # titles and initials a speaker's name may carry

    def resolve(
        self, session: Session, langs: list[str] | None, kept: Generation | None = None
    ) -> UtteranceFilter:
        """Names resolved to ids (kept for the data version when `kept` is given); an
        unknown name is a 422 with suggestions, never an empty page."""

        def memo(key: tuple[str, ...], compute: Callable[[], int]) -> int:
            return compute() if kept is None else kept.memo(key, compute)

        labels = self.labels
        speaker, topic, document = self.speaker, self.topic, self.document
        filters = UtteranceFilter(
            speaker_id=memo(
                ("speaker", speaker, "labels" if labels else ""),
                lambda: resolve.participant_id(session, speaker, "speaker", labels),
            )
            if speaker
            else None,
            topic_id=memo(("topic", topic), lambda: resolve.topic_id(session, topic, "topic"))
            if topic
            else None,
            document_id=memo(
                ("document", document),
                lambda: resolve.document_id(session, document, "document"),
            )
            if document
            else None,
            date_from=self.date_from,
            date_to=self.date_to,
            kind=self.kind,
        )
        filters.echo = echo(
            speaker=filters.speaker_id,
            topic=filters.topic_id,
            document=filters.document_id,
            date_from=self.date_from,
            date_to=self.date_to,
            kind=self.kind,
        )
        if self.q:
            filters.matching = matching_utterances(session, self.q, langs, kept)
            filters.echo.update(q=self.q, lang=langs)
        return filters


async def filter_query(
    speaker: SpeakerQuery = None,
    topic: TopicQuery = None,
    document: DocumentQuery = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    kind: KindQuery = None,
    labels: LabelsDep = None,
) -> FilterQuery:
    date_range(date_from, date_to)
    return FilterQuery(speaker, topic, document, date_from, date_to, kind, labels=labels)


TextFilter = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        description="Only turns containing these words (the syntax of /v1/search); the "
        "order stays chronological. For relevance order and snippets use /v1/search.",
        examples=["free port"],
    ),
]


async def listing_query(
    query: Annotated[FilterQuery, Depends(filter_query)], q: TextFilter = None
) -> FilterQuery:
    query.q = q
    return query


@router.get(
    "",
    operation_id="listUtterances",
    summary="Turns, filtered by speaker, topic, document and date",
    response_model=Page[schemas.Utterance],
    responses=UTTERANCE_FORMATS.responses(),
)
async def list_route(
    request: Request,
    page: PaginationDep,
    langs: LangsDep,
    query: Annotated[FilterQuery, Depends(listing_query)],
    fmt: UtteranceFormat,
    editorial: EditorialDep = schemas.Editorial.KEEP,
) -> Response:
    """Every turn matching the filters, in chronological order (document date, then order
    within the record). Each item carries its text in each requested language with the
    original marked, the editorial insertions as spans, and its topics with the reason each
    was given. As CSV, JSON Lines or a TEI fragment (`Accept` or `format`), the answer is
    every match as one streamed file, without paging."""
    # The busiest route: the database and URLs are read here rather than injected, as
    # FastAPI's solver costs more per dependency than either lookup.
    db, urls = database(request), public_urls(request)
    return await list_(request, db, urls, page, langs, query, fmt, editorial)


async def list_(
    request: Request,
    db: Database,
    urls: Urls,
    page: Pagination,
    langs: list[str] | None,
    query: FilterQuery,
    fmt: Format,
    editorial: schemas.Editorial = schemas.Editorial.KEEP,
) -> Response:
    """The listing's answer (the reader's page of turns starts from it too)."""

    def answer(session: Session) -> Response:
        kept = rendered(request, session)
        return turns_response(
            request,
            fmt,
            session,
            kept,
            filters=query.resolve(session, langs, kept),
            langs=langs,
            editorial=editorial,
            urls=urls,
            page=page,
            name="parley-utterances",
        )

    return await db(answer)


@router.get(
    "/{utterance_id}",
    operation_id="getUtterance",
    dependencies=[Depends(JSON_ONLY.negotiate)],
    summary="One turn, with the ids of its neighbours",
    response_model=schemas.UtteranceDetail,
    responses={**JSON_ONLY.responses(), **problems(404)},
)
async def detail(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    langs: LangsDep,
    utterance_id: UtteranceId,
    editorial: EditorialDep = schemas.Editorial.KEEP,
) -> Response:
    return await db(
        lambda session: json_body(
            request,
            get_utterance(session, utterance_id, langs=langs, editorial=editorial, urls=urls),
        )
    )


@router.get(
    "/{utterance_id}/citation",
    operation_id="getUtteranceCitation",
    summary="A citation of one turn: Chicago, BibTeX, RIS or CSL-JSON",
    response_class=PlainTextResponse,
    responses={**CITATION_STYLES.responses(), **problems(404)},
)
async def citation(
    db: DatabaseDep, urls: UrlsDep, utterance_id: UtteranceId, style: CitationStyle
) -> Response:
    """The record's citation with the speaker and the stable URL of this turn."""
    return await db(
        lambda session: respond(
            style, utterance_citation(session, utterance_id, Style(style.name), urls=urls)
        )
    )
