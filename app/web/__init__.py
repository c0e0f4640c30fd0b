"""The reader (server-rendered pages for people at the API's own URLs) and the offline
API explorer. `install` adds both to the app; it runs before the API's routers are
included, so the reader's routes are tried first (see routing.py)."""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from app.errors import PROBLEM_JSON
from app.web import explorer, pages
from app.web.render import page
from app.web.routing import wants_html

Handler = Callable[[Request, Any], Response | Awaitable[Response]]


def install(app: FastAPI) -> None:
    # The more specific mount first: /static would otherwise take /static/explorer/….
    app.mount(explorer.ASSETS_URL, StaticFiles(directory=explorer.ASSETS), name="explorer")
    app.mount("/static", StaticFiles(packages=[("app.web", "static")]), name="static")
    app.include_router(explorer.router)
    app.include_router(pages.front)
    app.include_router(pages.router)
    for kind, handler in list(app.exception_handlers.items()):
        app.exception_handlers[kind] = _or_page(handler)


def _or_page(handler: Handler) -> Handler:
    """The API's problem, shown as a page to a browser (its suggestions as links)."""

    async def handle(request: Request, exc: Exception) -> Response:
        response = handler(request, exc)
        if inspect.isawaitable(response):
            response = await response
        if response.media_type != PROBLEM_JSON or not wants_html(request.scope):
            return response
        problem = json.loads(bytes(response.body))
        shown = page(
            request,
            "problem.html",
            status=response.status_code,
            problem=problem,
            params=pages.sent_params(request),
        )
        for name, value in response.headers.items():
            if name not in {"content-length", "content-type"}:
                shown.headers.setdefault(name, value)
        return shown

    return handle
