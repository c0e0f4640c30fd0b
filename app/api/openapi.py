"""The OpenAPI document: problem responses as application/problem+json only, and a
recorded example response for every endpoint (see app/examples.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from app.errors import PROBLEM_JSON
from app.examples import EXAMPLES


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
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                for response in operation.get("responses", {}).values():
                    content = response.get("content", {})
                    if PROBLEM_JSON in content:  # not the route's own media types
                        response["content"] = {PROBLEM_JSON: content[PROBLEM_JSON]}
                recorded = EXAMPLES.get((method, path))
                if recorded:
                    request, body = recorded
                    content = operation["responses"]["200"]["content"]
                    ok = content.get("application/json") or next(iter(content.values()))
                    ok["examples"] = {
                        "seed": {"summary": f"GET {request}", "value": body},
                    }
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        for model in extra_models:
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, definition in {**schema.pop("$defs", {}), model.__name__: schema}.items():
                schemas.setdefault(name, definition)
        document["servers"] = [{"url": "/"}]
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]
