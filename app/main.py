"""The FastAPI application: routers, middleware and error handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy import Engine
from starlette.middleware.gzip import GZipMiddleware

from app import errors, logs, web
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
from app.api.deps import Database, check_parameters
from app.api.docs import problems
from app.api.exports import ExportSlots
from app.config import Settings, get_settings
from app.db import make_engine, read_session_factory, session_factory
from app.exports.document_json import ParleyDocument
from app.ingest.registry import load_label_rules
from app.metrics import Metrics
from app.middleware import ConditionalGetMiddleware, HeadAsGet, HostCheck, RateLimit, RequestLog
from app.queries.rendered import RenderCache

# Bodies smaller than this are sent as they are: compressing them saves less than it costs.
GZIP_ABOVE = 1024

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
    logs.configure(settings.log_level)
    owns_engine = engine is None
    # A connection for each request that may work at once, and one for each export.
    engine = engine or make_engine(
        settings.database_url,
        pool_size=settings.pool_size + settings.max_exports,
        pool_timeout=settings.pool_timeout,
        statement_timeout=settings.statement_timeout,
        lock_timeout=settings.statement_timeout,
        application_name="parley serve",
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_engine:
            engine.dispose()

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
    app.state.database = Database(
        read_session_factory(engine), slots=settings.pool_size, deadline=settings.statement_timeout
    )
    app.state.exports = ExportSlots(settings.max_exports)
    app.state.rendered = RenderCache(settings.render_cache_mb * 1024 * 1024)
    metrics = Metrics(engine)

    errors.install(app)
    web.install(app)  # before the API's routers: the reader's routes are tried first
    openapi.install(app, extra_models=[ParleyDocument])
    routers = [m.router for m in (documents, utterances, search, participants, topics, health)]
    for router in routers:
        app.include_router(router)
    app.include_router(files.export_router(routers))

    app.add_route("/metrics", metrics.endpoint, include_in_schema=False)

    # Outermost last: a request meets RequestLog first and ConditionalGetMiddleware last.
    app.add_middleware(
        ConditionalGetMiddleware,
        max_age=settings.cache_max_age,
        vary_host=settings.public_url is None,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=[
            "ETag",
            "Link",
            "Content-Disposition",
            "Retry-After",
            "X-Request-ID",
            search.CAPPED_HEADER,
        ],
    )
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_ABOVE)
    app.add_middleware(HeadAsGet)
    if settings.rate_limit.strip().lower() != "none":
        app.add_middleware(RateLimit, rate=settings.rate_limit)
    public_host = [settings.public_host] if settings.public_host else []
    app.add_middleware(HostCheck, allowed=[*settings.allowed_hosts, *public_host])
    app.add_middleware(RequestLog, metrics=metrics)
    return app
