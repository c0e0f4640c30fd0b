"""/v1/exports: every format of a negotiated route as an operation of its own.

`GET /v1/exports/utterances.csv?speaker=Mao` answers exactly what
`GET /v1/utterances?speaker=Mao&format=csv` does: the route's own function is
called with its format fixed. One media type per operation is what lets the
explorer and generated clients call each format (a client reads CSV as text, not
as JSON), and an export declares no paging parameters, so nothing a client sends
by default is refused.

The path is the route's, under /v1/exports, with the format's extension:
/v1/exports/documents/{document_id}.tei.xml,
/v1/exports/utterances/{utterance_id}/citation.bib.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import Annotated, Any, get_args, get_origin

from fastapi import APIRouter, Response
from fastapi.dependencies.utils import get_typed_signature
from fastapi.routing import APIRoute

from app.api.deps import Pagination
from app.api.exports import PAGING
from app.api.negotiation import OFFERS, Format, Offer
from app.pagination import DEFAULT_LIMIT

PREFIX = "/v1/exports"

_NO_PAGING = Pagination(DEFAULT_LIMIT, None, False)  # what a file ignores


def export_router(routers: Iterable[APIRouter]) -> APIRouter:
    """A route for each format, besides the default, of every negotiated route."""
    exports = APIRouter(prefix=PREFIX)
    for route in (route for router in routers for route in router.routes):
        if isinstance(route, APIRoute) and (found := _offer(route)):
            param, offer = found
            for fmt in offer.others():
                _add_export(exports, route, param, offer.param, fmt)
    return exports


def operation_id(route: APIRoute, fmt: Format) -> str:
    """listUtterances + csv -> exportUtterancesCsv; searchUtterances -> exportSearchUtterances…"""
    assert route.operation_id, route.path  # every route names its operation
    subject = route.operation_id.removeprefix("list").removeprefix("get")
    words = [subject[0].upper() + subject[1:], *(w.capitalize() for w in fmt.name.split("-"))]
    return "export" + "".join(words)


def _offer(route: APIRoute) -> tuple[str, Offer] | None:
    """The name of the route's format parameter, and its Offer."""
    for dependency in route.dependant.dependencies:
        if dependency.call in OFFERS and dependency.name:
            return dependency.name, OFFERS[dependency.call]
    return None


def _is_pagination(annotation: Any) -> bool:
    return get_origin(annotation) is Annotated and get_args(annotation)[0] is Pagination


def _add_export(router: APIRouter, route: APIRoute, param: str, query: str, fmt: Format) -> None:
    """`param`: the route function's argument for the format; `query`: its query parameter."""
    signature = get_typed_signature(route.endpoint)
    fixed: dict[str, Any] = {param: fmt}
    for name, parameter in signature.parameters.items():
        if _is_pagination(parameter.annotation):
            fixed[name] = _NO_PAGING
    kept = [
        p for name, p in signature.parameters.items() if name not in fixed and name not in PAGING
    ]
    router.add_api_route(
        route.path.removeprefix("/v1") + fmt.extension,
        _bound(route.endpoint, fixed, signature.replace(parameters=kept)),
        methods=["GET"],
        operation_id=operation_id(route, fmt),
        summary=f"{route.summary}, as {fmt.title}",
        description=f"{fmt.description[0].upper()}{fmt.description[1:]}. The same answer as "
        f"`GET {route.path}?{query}={fmt.name}`.",
        tags=list(route.tags),
        response_class=Response,
        responses={
            200: {
                "description": f"{fmt.media_type}: {fmt.description}",
                "content": {fmt.media_type: {"schema": fmt.schema}},
            },
            **{code: r for code, r in route.responses.items() if str(code) not in {"200", "406"}},
        },
    )


def _bound(
    endpoint: Callable[..., Any], fixed: dict[str, Any], signature: inspect.Signature
) -> Callable[..., Any]:
    """`endpoint` with some arguments fixed; FastAPI reads the rest from `signature`. A
    plain `def` stays one, so FastAPI still runs it in the thread pool."""

    async def bound_async(**kwargs: Any) -> Response:
        response: Response = await endpoint(**kwargs, **fixed)
        return response

    def bound_sync(**kwargs: Any) -> Response:
        response: Response = endpoint(**kwargs, **fixed)
        return response

    bound: Callable[..., Any] = bound_async if inspect.iscoroutinefunction(endpoint) else bound_sync
    bound.__signature__ = signature  # type: ignore[attr-defined]
    return bound
