"""Which requests the reader answers: the same URLs as the API, asked for HTML.

A reader route sits at the same path as an API route and is tried first; it matches
only a request that wants HTML (`?format=html`, or an Accept header that ranks
text/html above application/json, as browsers send), so every other request falls
through to the API route untouched. The API's routes, parameters and OpenAPI
document stay as they are, and JSON clients see no difference (every API route the
reader shares negotiates, so its JSON says `Vary: Accept` too).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi.routing import APIRoute
from starlette.datastructures import Headers
from starlette.routing import Match
from starlette.types import Scope

from app.api.negotiation import prefers

HTML = "text/html"


def wants_html(scope: Scope) -> bool:
    """`?format=` decides when present (only `html` is HTML); else Accept does."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if "format" in query:
        return bool(query["format"][0] == "html")
    accept = Headers(scope=scope).get("accept")
    return prefers(accept, HTML, "application/json") or prefers(
        accept, "application/xhtml+xml", "application/json"
    )


class ReaderRoute(APIRoute):
    """A route that matches only requests that want HTML."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        if match is not Match.NONE and not wants_html(scope):
            return Match.NONE, {}
        return match, child
