"""ETag / If-None-Match and Cache-Control for read endpoints, as plain ASGI middleware."""

from __future__ import annotations

import hashlib
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Bodies larger than this (exports) are streamed through untouched.
_MAX_BUFFER = 4 * 1024 * 1024


class ConditionalGetMiddleware:
    """Adds a strong ETag (hash of the body) to successful GET responses and answers
    304 Not Modified when the client already holds that version."""

    def __init__(self, app: ASGIApp, max_age: int) -> None:
        self.app = app
        self.cache_control = f"public, max-age={max_age}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"GET", "HEAD"}:
            await self.app(scope, receive, send)
            return
        held: dict[str, Any] = {}
        chunks: list[bytes] = []
        size = 0
        passthrough = False

        async def wrapped(message: Message) -> None:
            nonlocal size, passthrough
            if passthrough:
                await send(message)
                return
            if message["type"] == "http.response.start":
                if message["status"] != 200:
                    passthrough = True
                    await send(message)
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
            etag = '"' + hashlib.blake2b(whole, digest_size=16).hexdigest() + '"'
            start = held["start"]
            headers = MutableHeaders(raw=start["headers"])
            headers["ETag"] = etag
            headers.setdefault("Cache-Control", self.cache_control)
            wanted = _etags(Headers(scope=scope).get("if-none-match", ""))
            if etag in wanted or "*" in wanted:
                del headers["Content-Length"]
                if "content-type" in headers:
                    del headers["content-type"]
                await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
                await send({"type": "http.response.body", "body": b""})
                return
            await send(start)
            await send({"type": "http.response.body", "body": whole})

        await self.app(scope, receive, wrapped)


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
