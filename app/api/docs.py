"""OpenAPI response documentation shared by the routers."""

from __future__ import annotations

from typing import Any

from app.errors import PROBLEM_JSON, Problem

_DESCRIPTIONS = {
    400: "The request is malformed",
    404: "No such resource",
    406: "None of the accepted formats can be produced",
    422: "A parameter is invalid, or a name matches nobody (with suggestions)",
    503: "The database cannot be reached",
}


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries for problem+json errors."""
    return {
        code: {
            "model": Problem,
            "description": _DESCRIPTIONS[code],
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for code in codes
    }
