"""/v1/documents: records, their metadata and their conversations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import PlainTextResponse
from sqlalchemy.orm import Session

from app import schemas
from app.api.deps import (
    DatabaseDep,
    DateFrom,
    DateTo,
    EditorialDep,
    LabelsDep,
    LangsDep,
    PaginationDep,
    UrlsDep,
    database,
    date_range,
    echo,
    json_body,
    page_response,
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
from app.api.negotiation import JSON, JSON_ONLY, JSONLD, PARLEY, TEI, Format, Offer, respond
from app.citations import Style
from app.exports import document_json, jsonld, tei
from app.pagination import Page
from app.queries import resolve
from app.queries.citations import document_citation
from app.queries.documents import (
    DocumentFilter,
    get_document,
    list_documents,
    rendered_document,
)
from app.queries.records import get_record
from app.queries.search import matching_documents
from app.queries.utterances import UtteranceFilter
from app.search.query import MAX_QUERY_LENGTH

router = APIRouter(prefix="/v1/documents", tags=["documents"])

DocumentId = Annotated[
    str, Path(max_length=200, description="Document id", examples=["wilson-111245"])
]


class DocumentQuery:
    """The filters of the record listing, as sent; `resolve` turns names into ids (an
    unknown name is a 422 with suggestions)."""

    def __init__(
        self,
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
        labels: LabelsDep = None,
    ) -> None:
        date_range(date_from, date_to)
        self.participant, self.topic, self.q = participant, topic, q
        self.date_from, self.date_to, self.language = date_from, date_to, language
        self.labels = labels

    def resolve(self, session: Session) -> DocumentFilter:
        filters = DocumentFilter(
            participant_id=resolve.participant_id(
                session, self.participant, "participant", self.labels
            )
            if self.participant
            else None,
            topic_id=resolve.topic_id(session, self.topic, "topic") if self.topic else None,
            date_from=self.date_from,
            date_to=self.date_to,
            language=self.language,
            matching=matching_documents(session, self.q) if self.q else None,
        )
        filters.echo = echo(
            q=self.q,
            participant=filters.participant_id,
            topic=filters.topic_id,
            date_from=self.date_from,
            date_to=self.date_to,
            language=self.language,
        )
        return filters


DOCUMENT_FORMATS = Offer(
    JSON,
    JSONLD.described("schema.org ArchiveComponent, with its people and topics"),
    TEI.described("the whole record as a TEI P5 document"),
    PARLEY,
)


@router.get(
    "",
    operation_id="listDocuments",
    dependencies=[Depends(JSON_ONLY.negotiate)],
    summary="Records, filtered by participant, topic, date and language",
    response_model=Page[schemas.DocumentSummary],
    responses=JSON_ONLY.responses(),
)
async def list_(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    page: PaginationDep,
    query: Annotated[DocumentQuery, Depends()],
) -> Response:
    """Records in date order."""

    def answer(session: Session) -> Response:
        result = list_documents(
            session,
            filters=query.resolve(session),
            urls=urls,
            **page.window(),
        )
        return page_response(request, result)

    return await db(answer)


@router.get(
    "/{document_id}",
    operation_id="getDocument",
    summary="One record: metadata, archival reference, citation, participants, topics",
    response_model=schemas.Document,
    responses={**DOCUMENT_FORMATS.responses(), **problems(404)},
)
async def detail(
    request: Request,
    document_id: DocumentId,
    fmt: Annotated[Format, Depends(DOCUMENT_FORMATS.negotiate)],
) -> Response:
    """The read model by default; as schema.org JSON-LD, as a TEI P5 document, or as
    Parley document JSON (everything needed to rebuild the record) on request."""
    db, urls = database(request), public_urls(request)

    def answer(session: Session) -> Response:
        if fmt.name == JSON.name:
            kept = rendered(request, session)
            return json_body(request, rendered_document(session, kept, document_id, urls=urls))
        if fmt.name == JSONLD.name:
            graph = jsonld.document(get_document(session, document_id, urls=urls), urls)
            return respond(fmt, jsonld.dumps(graph))
        record = get_record(session, document_id)
        if fmt.name == TEI.name:
            return respond(fmt, tei.document_bytes(record, urls))
        return respond(fmt, document_json.dumps(record))

    return await db(answer)


@router.get(
    "/{document_id}/citation",
    operation_id="getDocumentCitation",
    summary="A citation of the record: Chicago, BibTeX, RIS or CSL-JSON",
    response_class=PlainTextResponse,
    responses={**CITATION_STYLES.responses(), **problems(404)},
)
async def citation(db: DatabaseDep, document_id: DocumentId, style: CitationStyle) -> Response:
    """A Chicago note for an archival item by default (title, date, archive with fond,
    opis, delo and folios, translator, collection, URL)."""
    return await db(
        lambda session: respond(style, document_citation(session, document_id, Style(style.name)))
    )


@router.get(
    "/{document_id}/utterances",
    operation_id="listDocumentUtterances",
    summary="The whole conversation in order, narration included",
    response_model=Page[schemas.Utterance],
    responses={**UTTERANCE_FORMATS.responses(), **problems(404)},
)
async def conversation(
    request: Request,
    page: PaginationDep,
    langs: LangsDep,
    document_id: DocumentId,
    fmt: UtteranceFormat,
    editorial: EditorialDep = schemas.Editorial.KEEP,
) -> Response:
    """A JSON page by default; the whole conversation as CSV, JSON Lines or a TEI
    fragment on request (no paging then)."""
    db, urls = database(request), public_urls(request)

    def answer(session: Session) -> Response:
        kept = rendered(request, session)
        doc = kept.memo(
            ("document", document_id), lambda: resolve.document_id(session, document_id)
        )
        return turns_response(
            request,
            fmt,
            session,
            kept,
            filters=UtteranceFilter(document_id=doc, echo={"document": doc}),
            langs=langs,
            editorial=editorial,
            urls=urls,
            page=page,
            name=f"{document_id}-utterances",
        )

    return await db(answer)
