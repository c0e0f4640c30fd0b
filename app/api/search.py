"""/v1/search: ranked full-text search over turns, with snippets and facets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session

from app import schemas
from app.api.deps import (
    CursorQuery,
    DatabaseDep,
    EditorialDep,
    LangsDep,
    LimitQuery,
    UrlsDep,
    page_response,
    rendered,
)
from app.api.exports import UTTERANCE_FORMATS, UtteranceFormat, utterance_file
from app.api.negotiation import JSON
from app.api.utterances import FilterQuery, filter_query
from app.pagination import DEFAULT_LIMIT
from app.queries.search import iter_search_hits, rank, search
from app.queries.utterances import export_languages
from app.search.query import MAX_QUERY_LENGTH

# On a search file: the hits are from the first N matching texts (N, the header's value).
CAPPED_HEADER = "Parley-Search-Capped"

router = APIRouter(prefix="/v1", tags=["search"])

SearchText = Annotated[
    str,
    Query(
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        description='Words to find, in any language and inflection. `"a phrase"`, `a OR b`, '
        "`-exclude`, `prefix*`. Names of topics and people also find their other spellings "
        "(`КЧЖД` finds `KChZhD`).",
        openapi_examples={
            "phrase": {"summary": "Dalny's free port", "value": "free port"},
            "russian": {"summary": "A Russian stem: дорога finds дорогой", "value": "дорога"},
            "alias": {"summary": "A topic alias in Russian", "value": "КЧЖД"},
            "operators": {
                "summary": "Either word, not about Dalny",
                "value": "railway OR railroad -Dalny",
            },
        },
    ),
]


@router.get(
    "/search",
    operation_id="searchUtterances",
    summary="Full-text search over turns, ranked, with snippets and facets",
    response_model=schemas.SearchPage,
    responses=UTTERANCE_FORMATS.responses(),
)
async def search_(
    request: Request,
    db: DatabaseDep,
    urls: UrlsDep,
    q: SearchText,
    langs: LangsDep,
    query: Annotated[FilterQuery, Depends(filter_query)],
    fmt: UtteranceFormat,
    editorial: EditorialDep = schemas.Editorial.KEEP,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
) -> Response:
    """Turns that contain the words, best first (bm25 on SQLite, ts_rank on PostgreSQL),
    each with a snippet around the hit in the language it matched, plus counts by speaker,
    topic, document, year and language over the whole result. Filters as on
    `/v1/utterances`; `lang` also limits the languages searched. As CSV, JSON Lines or a
    TEI fragment (`Accept` or `format`), every hit, best first, in one streamed file; when
    the words match more texts than a search reads, the file holds the hits among the
    first of them and says so in a `Parley-Search-Capped` header (the window's size)."""

    def answer(session: Session) -> Response:
        kept = rendered(request, session)
        filters = query.resolve(session, langs, kept)
        if fmt.name != JSON.name:
            ranking = rank(session, q, filters, langs, kept)  # a bad query fails before the stream
            file = utterance_file(
                request,
                fmt,
                lambda stream: iter_search_hits(
                    stream, kept, ranking, langs=langs, editorial=editorial, urls=urls
                ),
                languages=export_languages(session, filters, langs),
                urls=urls,
                name="parley-search",
            )
            if ranking.capped:
                file.headers[CAPPED_HEADER] = str(ranking.window)
            return file
        found = search(
            session,
            q=q,
            filters=filters,
            langs=langs,
            editorial=editorial,
            urls=urls,
            limit=limit,
            cursor=cursor,
            kept=kept,
        )
        return page_response(request, found)

    return await db(answer)
