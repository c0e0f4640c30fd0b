"""Every error the API returns is an RFC 9457 problem: what went wrong and what would be right."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import exc as sa
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class InvalidParam(BaseModel):
    name: str = Field(description="The parameter, e.g. `limit` or `speaker`")
    reason: str
    value: Any = None


class Suggestion(BaseModel):
    id: str = Field(description="Pass this id instead", examples=["mao-zedong"])
    name: str


class SupportedFormat(BaseModel):
    format: str | None = Field(default=None, description="A value of `format`")
    style: str | None = Field(default=None, description="A value of `style` (citations)")
    media_type: str = Field(description="The media type to name in `Accept` instead")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(default="about:blank", description="A URI naming the kind of problem")
    title: str
    status: int
    detail: str
    instance: str | None = None
    invalid_params: list[InvalidParam] | None = Field(default=None, alias="invalid-params")
    suggestions: list[Suggestion] | None = Field(
        default=None,
        description="For a name that matches nobody: the closest names Parley knows, best first",
    )
    supported: list[SupportedFormat] | None = Field(
        default=None, description="For a 406: every format the URL can produce"
    )


class ApiError(Exception):
    """A domain error the API turns into a problem response."""

    status = 400
    kind = "bad-request"
    title = "Bad request"

    headers: ClassVar[dict[str, str]] = {}  # sent with the problem

    def __init__(self, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extensions = extensions


class NotFound(ApiError):
    status, kind, title = 404, "not-found", "Not found"


class UnknownName(ApiError):
    status, kind, title = 422, "unknown-name", "Unknown name"


class InvalidParameter(ApiError):
    status, kind, title = 422, "invalid-parameter", "Invalid parameter"


class NotAcceptable(ApiError):
    status, kind, title = 406, "not-acceptable", "Not acceptable"
    headers: ClassVar[dict[str, str]] = {"Vary": "Accept"}  # the answer depends on Accept


def invalid_parameter(detail: str, *, reason: str, params: Mapping[str, Any]) -> InvalidParameter:
    """A 422 for parameters a client sent wrong. `detail` is the sentence a person reads
    (what is wrong and what to send instead); `reason` the short cause each entry of
    `invalid-params` carries; `params` maps each parameter at fault to the value it had
    (None where echoing it would not help)."""
    return InvalidParameter(detail, **{"invalid-params": _invalid_params(reason, params)})


def unknown_name(
    detail: str, *, reason: str, params: Mapping[str, Any], suggestions: list[dict[str, str]]
) -> UnknownName:
    """A 422 for a name or topic that matches nothing, with the closest known names."""
    return UnknownName(
        detail, suggestions=suggestions, **{"invalid-params": _invalid_params(reason, params)}
    )


def _invalid_params(reason: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [{"name": name, "reason": reason, "value": value} for name, value in params.items()]


# Seconds a client is asked to wait before trying a 503 or 429 again.
RETRY_AFTER = 5


class Unavailable(ApiError):
    status, kind, title = 503, "unavailable", "Service unavailable"
    headers: ClassVar[dict[str, str]] = {"Retry-After": str(RETRY_AFTER)}


class DatabaseUnavailable(Unavailable):
    """The database is down, frozen, too slow or out of connections: a passing state."""


class Busy(Unavailable):
    kind, title = "busy", "Too busy"


def _database_problem(exc: Exception, statement_timeout: float) -> DatabaseUnavailable:
    """What a client is told when a database call fails for a reason of its own."""
    if isinstance(exc, sa.TimeoutError):
        return DatabaseUnavailable("every database connection is in use; try again shortly")
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == "57014" or "interrupted" in str(orig):
        return DatabaseUnavailable(
            f"the query ran longer than the {statement_timeout:g} s this server allows; "
            "narrow it with more filters or words, or try again later"
        )
    return DatabaseUnavailable("the database cannot be reached; try again shortly")


def problem_response(
    request: Request,
    status: int,
    title: str,
    detail: str,
    kind: str | None = None,
    **extensions: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"urn:parley:problem:{kind}" if kind else "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
    }
    body.update({k: v for k, v in extensions.items() if v is not None})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def _param_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in {"query", "path", "header", "body"}]
    return ".".join(parts) or "request"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        response = problem_response(
            request, exc.status, exc.title, exc.detail, exc.kind, **exc.extensions
        )
        response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        params = [
            {
                "name": _param_name(tuple(error.get("loc", ()))),
                "reason": error.get("msg", "invalid"),
                "value": _jsonable(error.get("input")),
            }
            for error in exc.errors()
        ]
        detail = "; ".join(
            f"{p['name']}: {p['reason']}"
            + (f" (got {p['value']!r})" if p["value"] is not None else "")
            for p in params
        )
        return problem_response(
            request,
            422,
            "Invalid request parameters",
            detail,
            "invalid-parameter",
            **{"invalid-params": params},
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = (
                f"there is no resource at {request.url.path}; the API lives under /v1 (see /docs)"
            )
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed here; this API is read-only (use GET)"
        response = problem_response(request, exc.status_code, _reason(exc.status_code), detail)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    # Connection failures, timeouts and a full pool: the database's state, not a bug.
    # The request's log line (app.middleware.RequestLog) names the cause.
    @app.exception_handler(sa.OperationalError)
    @app.exception_handler(sa.InterfaceError)
    @app.exception_handler(sa.TimeoutError)
    async def database_error(request: Request, exc: Exception) -> JSONResponse:
        request.state.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}"
        timeout = request.app.state.settings.statement_timeout
        return await api_error(request, _database_problem(exc, timeout))

    # app.middleware.RequestLog meets such an exception first: it logs it once and answers
    # with this handler, which the reader (app.web) turns into a page for a browser.
    @app.exception_handler(Exception)
    async def unexpected(request: Request, _: Exception) -> JSONResponse:
        return internal_error(request)


def internal_error(request: Request) -> JSONResponse:
    """The answer to a request that failed for a reason nobody foresaw."""
    return problem_response(
        request,
        500,
        "Internal server error",
        "the server failed to answer this request; the error has been logged",
    )


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _jsonable(value: Any) -> Any:
    """Validation inputs can be anything (bytes, dates); keep what JSON can carry."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str):
        return value if len(value) <= 200 else value[:200] + "…"  # never echo a huge input
    if value is None or isinstance(value, int | float | bool):
        return value
    return str(value)
