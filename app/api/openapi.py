"""The OpenAPI document: problem responses as application/problem+json only, and a
recorded example response for every endpoint (see app/examples.py)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app.errors import PROBLEM_JSON
from app.examples import EXAMPLES


def install(app: FastAPI) -> None:
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
                    if PROBLEM_JSON in content:
                        content.pop("application/json", None)
                recorded = EXAMPLES.get((method, path))
                if recorded:
                    request, body = recorded
                    ok = operation["responses"]["200"]["content"]["application/json"]
                    ok["examples"] = {
                        "seed": {"summary": f"GET {request}", "value": body},
                    }
        document["servers"] = [{"url": "/"}]
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]
