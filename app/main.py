"""The FastAPI application: routers, middleware and error handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy import Engine

from app import errors, web
from app.api import (
    documents,
    files,
    health,
    openapi,
    participants,
    search,
    topics,
    utterances,
)
from app.api.deps import check_parameters
from app.api.docs import problems
from app.config import Settings, get_settings
from app.db import make_engine, session_factory
from app.exports.document_json import ParleyDocument
from app.ingest.registry import load_label_rules
from app.middleware import ConditionalGetMiddleware

DESCRIPTION = """
Records of diplomatic conversations — documents, participants, utterances and
topics — with the original beside the translation.

Start with **every statement by Mao on the KChZhD**:
`GET /v1/utterances?speaker=Mao&topic=KChZhD`. Names and topics accept any
spelling in any language (`Мао Цзе-дун`, `Mao Tse-tung`, `КЧЖД`, `Chinese
Eastern Railway`); a name that matches nobody is a 422 with suggestions, so
an empty page always means "none".

Lists are keyset-paginated: follow `next_cursor` (or the `Link` header).
Errors are RFC 9457 `application/problem+json`. Files (CSV, JSON Lines, TEI,
JSON-LD, Parley document JSON) and citations in other styles are operations of
their own under `/v1/exports`.

The same URLs are a reader for people: a browser (`Accept: text/html`, or
`?format=html`) gets the page, everything else the JSON described here.
"""


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()
    owns_engine = engine is None
    engine = engine or make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_engine:
            engine.dispose()

    # Read routes are `async def` and query inline: a page costs milliseconds of CPU,
    # and handing each to the thread pool made concurrent requests fight over the GIL
    # (sync routes served half as many pages at concurrency 8). Search, whose broad
    # queries take longer, and streamed exports still run in worker threads.
    app = FastAPI(
        title="Parley",
        version="0.1.0",
        summary="A REST API for historical records of conversations",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by app.web.explorer, without a CDN
        redoc_url=None,
        dependencies=[Depends(check_parameters)],
        # Any endpoint refuses an unknown or invalid parameter.
        responses=problems(422),
    )
    app.state.settings = settings
    # Titles and initials that name resolution drops, as the loader does for labels.
    app.state.labels = load_label_rules(settings.seed_dir)
    app.state.engine = engine
    app.state.sessions = session_factory(engine)

    errors.install(app)
    web.install(app)  # before the API's routers: the reader's routes are tried first
    openapi.install(app, extra_models=[ParleyDocument])
    routers = [m.router for m in (documents, utterances, search, participants, topics, health)]
    for router in routers:
        app.include_router(router)
    app.include_router(files.export_router(routers))

    app.add_middleware(ConditionalGetMiddleware, max_age=settings.cache_max_age)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["ETag", "Link", "Content-Disposition", search.CAPPED_HEADER],
    )
    return app
