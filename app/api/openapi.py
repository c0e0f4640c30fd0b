"""The OpenAPI document: problem responses as application/problem+json only, the
caching headers every read sends, and a recorded example for every operation and
every error status (examples.json beside this module)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from app.errors import PROBLEM_JSON

# Recorded from the seed by `python -m tests.api.test_openapi`; a test keeps them equal
# to the live answers.
EXAMPLES_FILE = "examples.json"

_CACHING = {
    "ETag": {
        "description": "A strong validator of the body; send it back in If-None-Match "
        "(files over 4 MB stream without one)",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "How long the answer may be reused",
        "schema": {"type": "string", "examples": ["public, max-age=300"]},
    },
}
_LINK = {
    "Link": {
        "description": 'RFC 8288 `<…>; rel="next"`: the next page, when there is one',
        "schema": {"type": "string"},
    }
}
_IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "The ETag of an answer already held: an unchanged answer is a 304",
    "schema": {"type": "string"},
}
_NOT_MODIFIED = {"description": "Not Modified: the answer is the one If-None-Match names"}


@cache
def recorded() -> dict[str, Any]:
    """The examples file: `base_url`, `operations` (by operationId: the request and the
    body it answered) and `problems` (by status, likewise)."""
    text = resources.files(__package__).joinpath(EXAMPLES_FILE).read_text(encoding="utf-8")
    examples: dict[str, Any] = json.loads(text)
    return examples


def install(app: FastAPI, extra_models: Sequence[type[BaseModel]] = ()) -> None:
    """`extra_models`: schemas that media types other than application/json refer to
    (`#/components/schemas/<Name>`), which FastAPI does not collect by itself."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            description=app.description,
            routes=app.routes,
        )
        for operations in document["paths"].values():
            for operation in operations.values():
                _describe(operation)
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        for model in extra_models:
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, definition in {**schema.pop("$defs", {}), model.__name__: schema}.items():
                schemas.setdefault(name, definition)
        document["servers"] = [{"url": "/"}]
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _describe(operation: dict[str, Any]) -> None:
    """Examples, caching headers and the 304 of one (GET) operation."""
    examples = recorded()
    responses = operation["responses"]
    for status, response in responses.items():
        content = response.get("content", {})
        if PROBLEM_JSON in content:  # not the route's own media types
            problem = content[PROBLEM_JSON]
            response["content"] = {PROBLEM_JSON: problem}
            if status in examples["problems"]:
                problem["examples"] = _example(examples["problems"][status])
    ok = responses["200"]
    if example := examples["operations"].get(operation["operationId"]):
        [media] = ok["content"].values()  # one media type per operation
        media["examples"] = _example(example)
    paged = any(p["name"] == "cursor" for p in operation.get("parameters", []))
    ok["headers"] = {**_CACHING, **(_LINK if paged else {})}
    responses["304"] = _NOT_MODIFIED
    operation.setdefault("parameters", []).append(_IF_NONE_MATCH)


def _example(recording: dict[str, Any]) -> dict[str, Any]:
    return {"seed": {"summary": f"GET {recording['request']}", "value": recording["body"]}}
