"""Dependencies shared by the routers: the session, URLs and the common query parameters."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypedDict, TypeVar

import anyio
import orjson
from fastapi import Depends, Query, Request, Response
from fastapi._compat.shared import field_annotation_is_sequence
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel, BeforeValidator, Field
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseUnavailable, invalid_parameter
from app.ingest.registry import LabelRules
from app.middleware import version_etag
from app.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, RecordPage, RenderedPage, next_link
from app.queries.rendered import Generation, RenderCache, RenderedBody
from app.schemas import Editorial
from app.urls import Urls

_LANG = re.compile(r"^[a-z]{2,3}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

T = TypeVar("T")


# The event-loop rule, stated in ARCHITECTURE.md: whatever touches the database or
# renders a body runs in a worker thread through `Database`; the dependencies here are
# `async def` because they do no I/O.


class Database:
    """The API's only way to the database: `await db(work)` runs `work(session)` in a
    worker thread, with a session opened and closed in that thread.

    At most `slots` requests work at once (the connection pool's size, so none waits
    inside the pool). A request gives up after `deadline` seconds, waiting for a slot
    included, with a 503: a frozen or unreachable database then costs each request a
    bounded wait, never the event loop. The abandoned thread ends on its own, when the
    database answers or its connection times out, and closes its session itself.
    """

    def __init__(self, sessions: sessionmaker[Session], *, slots: int, deadline: float) -> None:
        self.sessions = sessions
        self.limiter = anyio.CapacityLimiter(slots)
        self.deadline = deadline

    async def __call__(self, work: Callable[[Session], T]) -> T:
        def run() -> T:
            with self.sessions() as session:
                return work(session)

        try:
            with anyio.fail_after(self.deadline):
                return await anyio.to_thread.run_sync(
                    run, abandon_on_cancel=True, limiter=self.limiter
                )
        except TimeoutError:
            raise DatabaseUnavailable(
                f"the database did not answer within {self.deadline:g} s; try again shortly"
            ) from None


def database(request: Request) -> Database:
    found: Database = request.app.state.database
    return found


def public_urls(request: Request) -> Urls:
    base = request.app.state.settings.public_url or str(request.base_url)
    return Urls(base.rstrip("/"))


# As dependencies. The busiest routes (a page of turns, a document, its conversation)
# call the functions above instead: FastAPI's solver costs more per dependency than
# either does, a tenth of such a request's time for these two.
async def get_database(request: Request) -> Database:
    return database(request)


async def get_urls(request: Request) -> Urls:
    return public_urls(request)


async def get_labels(request: Request) -> LabelRules:
    return request.app.state.labels  # type: ignore[no-any-return]


DatabaseDep = Annotated[Database, Depends(get_database)]
UrlsDep = Annotated[Urls, Depends(get_urls)]
# Optional for code that builds a query by hand (the reader's pages): no titles dropped.
LabelsDep = Annotated[LabelRules | None, Depends(get_labels)]


class Window(TypedDict):
    """The keyword arguments every listing query takes for its page."""

    limit: int
    cursor: str | None
    count: bool


@dataclass(frozen=True, slots=True)
class Pagination:
    limit: int
    cursor: str | None
    count: bool

    def window(self) -> Window:
        return Window(limit=self.limit, cursor=self.cursor, count=self.count)


LimitQuery = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT})")
]
CursorQuery = Annotated[
    str | None,
    Query(
        min_length=16,  # the shortest cursor this API issues is longer
        max_length=512,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The `next_cursor` of the previous page",
    ),
]


async def pagination(
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    count: Annotated[bool, Query(description="Also return the total over all pages")] = False,
) -> Pagination:
    return Pagination(limit, cursor, count)


PaginationDep = Annotated[Pagination, Depends(pagination)]


# One `lang` value: codes separated by commas (`ru`, `ru,en`).
LangList = Annotated[str, Field(pattern=r"^ *[A-Za-z]{2,3} *(, *[A-Za-z]{2,3} *)*$")]


async def languages(
    lang: Annotated[
        list[LangList] | None,
        Query(
            description="Which languages' texts to return, e.g. `lang=en` or `lang=ru,en`; "
            "default all",
            examples=["en"],
        ),
    ] = None,
) -> list[str] | None:
    if lang is None:
        return None
    codes = [code.strip().lower() for value in lang for code in value.split(",") if code.strip()]
    if not codes:  # `lang=` says nothing; silently meaning "all" would hide a client's bug
        raise invalid_parameter(
            "lang: empty; give language codes such as ru or ru,en, or leave lang out for all",
            reason="empty",
            params={"lang": ""},
        )
    bad = [code for code in codes if not _LANG.match(code)]
    if bad:
        raise invalid_parameter(
            f"lang: {bad[0]!r} is not a language code; use two-letter codes such as ru, en, zh",
            reason="not a language code",
            params={"lang": bad[0]},
        )
    return codes


LangsDep = Annotated[list[str] | None, Depends(languages)]
EditorialDep = Annotated[
    Editorial,
    Query(
        description="keep: texts as published, with [editorial insertions] marked in `spans`; "
        "strip: only the speaker's words, without insertions or the record keeper's asides",
    ),
]


def date_range(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise invalid_parameter(
            f"date_from ({date_from}) is after date_to ({date_to}); give the earlier date first",
            reason="after date_to",
            params={"date_from": str(date_from)},
        )


def _iso_date(value: Any) -> Any:
    """Dates only as YYYY-MM-DD: pydantic would read `0` or `1.5` as Unix timestamps."""
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("expected a date as YYYY-MM-DD, e.g. 1950-01-22")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
DateFrom = Annotated[
    IsoDate | None,
    Query(description="Only records on or after this date (YYYY-MM-DD); never an undated one"),
]
DateTo = Annotated[
    IsoDate | None,
    Query(description="Only records on or before this date (YYYY-MM-DD); never an undated one"),
]


_known: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _query_names(dependant: Dependant) -> tuple[set[str], set[str]]:
    """The query parameters a route takes, and those of them that take several values."""
    names = {param.alias for param in dependant.query_params}
    several = {
        param.alias
        for param in dependant.query_params
        if field_annotation_is_sequence(param.field_info.annotation)
    }
    for sub in dependant.dependencies:
        sub_names, sub_several = _query_names(sub)
        names |= sub_names
        several |= sub_several
    return names, several


async def check_parameters(request: Request) -> None:
    """Refuse what no endpoint can answer: a misspelt filter (`speeker=Mao`) would
    silently widen the query, and a NUL character cannot be stored or searched."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _known.get(id(route))
    if known is None:
        names, takes_several = _query_names(route.dependant)
        known = _known[id(route)] = (frozenset(names), frozenset(takes_several))
    allowed, several = known
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise invalid_parameter(
            f"unknown parameter {unknown[0]!r}; this endpoint takes "
            + (", ".join(sorted(allowed)) or "no parameters"),
            reason="not a parameter of this endpoint",
            params=dict.fromkeys(unknown),
        )
    repeated = sorted(
        name
        for name in set(request.query_params) - several
        if len(request.query_params.getlist(name)) > 1
    )
    if repeated:  # silently taking the last one would answer another question
        raise invalid_parameter(
            f"{repeated[0]}: given more than once; it takes one value",
            reason="repeated",
            params={name: request.query_params.getlist(name) for name in repeated},
        )
    values = [*request.query_params.multi_items(), *request.path_params.items()]
    for name, value in values:
        if "\x00" in value:
            raise invalid_parameter(
                f"{name}: contains a NUL character; send text without control characters",
                reason="NUL character",
                params={name: None},
            )


def rendered(request: Request, session: Session) -> Generation:
    """What this process keeps rendered for the database's current data version; call it
    before reading the data a response is built from."""
    cache: RenderCache = request.app.state.rendered
    return cache.at(session.connection())


def json_body(
    request: Request,
    model: BaseModel | RecordPage | RenderedPage | RenderedBody | dict[str, Any],
    headers: dict[str, str] | None = None,
) -> Response:
    """The read model's own JSON, sent as is. Returned as a model, FastAPI would
    validate it again and re-encode it, which costs more than building it did; the
    route's `response_model` still documents the body, and the schema tests hold the
    bodies to it."""
    headers = dict(headers or {})
    if getattr(request.state, "negotiated", False):
        headers["Vary"] = "Accept"
    body: str | bytes
    if isinstance(model, BaseModel):
        body = model.model_dump_json()
    elif isinstance(model, RenderedPage | RenderedBody):
        body = model.json()
        # The data version and the URL name this body: no need to hash it.
        headers["ETag"] = version_etag(request, model.version)
    elif isinstance(model, RecordPage):
        body = model.json()
    else:  # plain data already shaped like the documented read model
        body = orjson.dumps(model)
    return Response(body, media_type="application/json", headers=headers)


def page_response(
    request: Request, page: Page[Any] | RecordPage | RenderedPage | dict[str, Any]
) -> Response:
    """A page as JSON, with the RFC 8288 `Link: <…>; rel="next"` header when a page
    follows."""
    cursor = page["next_cursor"] if isinstance(page, dict) else page.next_cursor
    headers = {"Link": next_link(request.url, cursor)} if cursor else None
    return json_body(request, page, headers)


def echo(**filters: Any) -> dict[str, Any]:
    """The filters as sent, for cursor fingerprints (None values dropped)."""
    return {k: v for k, v in filters.items() if v not in (None, [], "")}
