"""Running the API under uvicorn with limits on what one client can hold."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from app.config import Settings

# Request line and headers together; larger is refused with a 400 before it is buffered.
MAX_HEADER_BYTES = 64 * 1024
# Seconds a connection may take to send a request's headers (after connecting or after
# the previous response), so a client dribbling bytes cannot hold a connection open.
HEADER_TIMEOUT = 10
# Seconds an idle keep-alive connection is kept.
KEEP_ALIVE = 5
# Connections and requests in flight per process before uvicorn answers 503 at once.
MAX_CONCURRENCY = 256
# Processes `parley serve` starts when PARLEY_WORKERS is not set: one per core, since a
# process serves one request's Python at a time, and no more than this, since each
# keeps its own connections and rendered JSON (bench/README.md measures 1, 2 and 4).
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, MAX_DEFAULT_WORKERS))


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for the request headers: uvicorn bounds
    only the idle time between requests, and any byte received resets that."""

    header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm_header_deadline()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE and self.header_deadline is not None:
            self.header_deadline.cancel()  # the headers are in
            self.header_deadline = None

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_header_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.header_deadline is not None:
            self.header_deadline.cancel()
        super().connection_lost(exc)

    def _arm_header_deadline(self) -> None:
        if self.header_deadline is not None:
            self.header_deadline.cancel()
        self.header_deadline = self.loop.call_later(HEADER_TIMEOUT, self._headers_too_slow)

    def _headers_too_slow(self) -> None:
        self.header_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    return {
        "host": settings.host,
        "port": settings.port,
        "workers": settings.workers or default_workers(),
        "http": BoundedH11Protocol,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        "timeout_keep_alive": KEEP_ALIVE,
        "limit_concurrency": MAX_CONCURRENCY,
        "timeout_graceful_shutdown": 10,
        # Parley logs each request itself, as one JSON line (app.logs); uvicorn's own
        # messages go through the same handler.
        "access_log": False,
        "log_config": None,
        "log_level": settings.log_level,
        "server_header": False,
    }


def run(settings: Settings) -> None:
    uvicorn.run("app.main:create_app", factory=True, **uvicorn_options(settings))
