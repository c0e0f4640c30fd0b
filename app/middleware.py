"""Plain ASGI middleware: request ids and log lines, allowed hosts, rate limits, HEAD,
and ETag / If-None-Match with Cache-Control for read endpoints."""

from __future__ import annotations

import hashlib
import inspect
import itertools
import math
import re
import secrets
import time
from typing import Any

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import RETRY_AFTER, internal_error, problem_response
from app.logs import get_logger
from app.metrics import Metrics

log = get_logger("parley.http")

# A request id a client sends is kept when it looks like one (it is echoed into logs).
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# Request ids this process assigns: a random prefix per process and a counter, 32 hex
# digits like a UUID's; uuid4 per request cost a system call and a twentieth of a page.
_ID_PREFIX = secrets.token_hex(8)
_ID_COUNTER = itertools.count()


def new_request_id() -> str:
    return f"{_ID_PREFIX}{next(_ID_COUNTER) & 0xFFFFFFFFFFFFFFFF:016x}"


# Probes and scrapes: never rate-limited, never cached.
UNMETERED = frozenset({"/healthz", "/readyz", "/metrics"})


class RequestLog:
    """One JSON log line and one metrics sample per request; an `X-Request-ID` (the
    client's, or a new one) and `X-Content-Type-Options: nosniff` on every response.
    An exception no handler took becomes a 500 problem here, logged once with its
    traceback, and the connection stays usable."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        sent = Headers(scope=scope).get("x-request-id", "")
        request_id = sent if _REQUEST_ID.match(sent) else new_request_id()
        status = 500
        responded = False

        async def wrapped(message: Message) -> None:
            nonlocal status, responded
            if message["type"] == "http.response.start":
                status, responded = message["status"], True
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                headers["X-Content-Type-Options"] = "nosniff"
            await send(message)

        failure: Exception | None = None
        try:
            await self.app(scope, receive, wrapped)
        except Exception as exc:
            failure = exc
            if not responded:
                answer = await _unexpected_error(scope, exc)
                await answer(scope, receive, wrapped)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.observe(scope["method"], route, status, seconds)
            fields: dict[str, Any] = {
                "request_id": request_id,
                "method": scope["method"],
                "path": scope["path"],
                "route": route,
                "status": status,
                "duration_ms": round(seconds * 1000, 1),
                "client": (scope.get("client") or ("", 0))[0],
            }
            if error := scope.get("state", {}).get("error"):
                fields["error"] = error
            if failure is not None:
                log.error("request", exc_info=failure, **fields)
            elif status >= 500:
                log.warning("request", **fields)
            else:
                log.info("request", **fields)


async def _unexpected_error(scope: Scope, exc: Exception) -> Response:
    """The app's own answer to an unexpected error (app.errors.install; a page for a
    browser), or a plain 500 problem in an app without one."""
    request = Request(scope)
    handler = getattr(scope.get("app"), "exception_handlers", {}).get(Exception)
    if handler is None:
        return internal_error(request)
    answer = handler(request, exc)
    response: Response = await answer if inspect.isawaitable(answer) else answer
    return response


class HostCheck:
    """Answers only for the allowed Host names, so a forged Host never reaches the
    URLs in a response (Starlette's TrustedHostMiddleware, with a problem body)."""

    def __init__(self, app: ASGIApp, allowed: list[str]) -> None:
        self.app = app
        self.any = "*" in allowed
        self.names = {name.lower() for name in allowed if not name.startswith("*.")}
        self.suffixes = tuple(name[1:].lower() for name in allowed if name.startswith("*."))

    def allows(self, host: str) -> bool:
        name = _host_name(host)
        return name in self.names or (bool(self.suffixes) and name.endswith(self.suffixes))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        host = Headers(scope=scope).get("host", "") if scope["type"] == "http" else ""
        if self.any or scope["type"] != "http" or self.allows(host):
            await self.app(scope, receive, send)
            return
        response = problem_response(
            Request(scope),
            400,
            "Unknown host",
            f"this server does not answer for the host {host[:100]!r}; use its public "
            "address (PARLEY_PUBLIC_URL or PARLEY_ALLOWED_HOSTS configure it)",
            "unknown-host",
        )
        await response(scope, receive, send)


def _host_name(host: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" is "::1")."""
    host = host.lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.partition(":")[0] if host.count(":") == 1 else host


class RateLimit:
    """At most `rate` requests per client address (`limits`' moving window, in memory,
    per process); past it, a 429 problem with Retry-After."""

    def __init__(self, app: ASGIApp, rate: str) -> None:
        self.app = app
        self.item = parse(rate)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNMETERED:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        if self.limiter.hit(self.item, client):
            await self.app(scope, receive, send)
            return
        reset = self.limiter.get_window_stats(self.item, client).reset_time
        wait = max(1, math.ceil(reset - time.time())) if reset else RETRY_AFTER
        response = problem_response(
            Request(scope),
            429,
            "Too many requests",
            f"more than {self.item} from {client}; try again in {wait} s",
            "rate-limited",
        )
        response.headers["Retry-After"] = str(wait)
        await response(scope, receive, send)


class HeadAsGet:
    """HEAD on every GET route: answered as the GET would be, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        ended = False

        async def headers_only(message: Message) -> None:
            nonlocal ended
            if message["type"] == "http.response.body":
                if ended:
                    return
                ended = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


# Bodies larger than this (exports) are streamed through untouched.
_MAX_BUFFER = 4 * 1024 * 1024


def version_etag(request: Request, version: int) -> str:
    """A strong ETag for a body that the data version and the URL determine (rendered
    fragments), so the body need not be held back and hashed."""
    key = f"{version} {request.url}".encode()
    return '"v' + hashlib.blake2b(key, digest_size=16).hexdigest() + '"'


class ConditionalGetMiddleware:
    """A strong ETag on successful GET responses (the route's own, or else a hash of the
    body), Cache-Control, and 304 Not Modified when the client already holds that
    version."""

    def __init__(self, app: ASGIApp, max_age: int, vary_host: bool) -> None:
        self.app = app
        self.cache_control = f"public, max-age={max_age}"
        # Without a configured public URL, links in bodies are built from Host.
        self.vary_host = vary_host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"GET", "HEAD"}:
            await self.app(scope, receive, send)
            return
        if scope["path"] in UNMETERED:  # a probe's answer is only true now
            await self.app(scope, receive, _no_store(send))
            return
        held: dict[str, Any] = {}
        chunks: list[bytes] = []
        size = 0
        passthrough = False
        not_modified = False

        async def start_with(start: Message, etag: str) -> None:
            """Send `start` with the caching headers, or a 304 when `etag` is held."""
            nonlocal not_modified
            headers = MutableHeaders(raw=start["headers"])
            headers["ETag"] = etag
            headers.setdefault("Cache-Control", self.cache_control)
            if self.vary_host:
                headers.add_vary_header("Host")
            wanted = _etags(Headers(scope=scope).get("if-none-match", ""))
            if etag in wanted or "*" in wanted:
                not_modified = True
                del headers["Content-Length"]
                if "content-type" in headers:
                    del headers["content-type"]
                await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
                await send({"type": "http.response.body", "body": b""})
                return
            await send(start)

        async def wrapped(message: Message) -> None:
            nonlocal size, passthrough
            if not_modified:
                return  # the 304 is sent; the body stays here
            if passthrough:
                await send(message)
                return
            if message["type"] == "http.response.start":
                if message["status"] != 200:
                    passthrough = True
                    await send(message)
                    return
                etag = Headers(raw=message["headers"]).get("etag")
                if etag:  # the route named its version: stream the body through
                    passthrough = True
                    await start_with(message, etag)
                    return
                held["start"] = message
                return
            body = message.get("body", b"")
            chunks.append(body)
            size += len(body)
            if message.get("more_body", False):
                if size > _MAX_BUFFER:  # too big to hash: send what we have and stream on
                    passthrough = True
                    await send(held["start"])
                    await send(
                        {"type": "http.response.body", "body": b"".join(chunks), "more_body": True}
                    )
                return
            whole = b"".join(chunks)
            await start_with(
                held["start"], '"' + hashlib.blake2b(whole, digest_size=16).hexdigest() + '"'
            )
            if not not_modified:
                await send({"type": "http.response.body", "body": whole})

        await self.app(scope, receive, wrapped)


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _no_store(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            MutableHeaders(scope=message)["Cache-Control"] = "no-store"
        await send(message)

    return wrapped
