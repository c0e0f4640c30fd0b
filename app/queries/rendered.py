"""Render once, serve many: JSON fragments and resolved names kept per data version.

Records change only when a write commits, and every such commit changes the data
version (app.db.track_writes). A request reads the version first (`RenderCache.at`)
and then its rows, so what it keeps was rendered from data at least as new as the
version it is filed under; a new version starts an empty generation.

Fragments hold no absolute URL: they are rendered with `PLACEHOLDER` as the base and
kept split around it, so one fragment serves every public URL (`Fragment.bind`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import orjson
from sqlalchemy import Connection

from app.db import data_version
from app.urls import Urls

T = TypeVar("T")

# The base URL fragments are rendered with. A NUL cannot occur in stored text (PostgreSQL
# refuses it, and so does the API), so its JSON form marks only where a URL begins.
PLACEHOLDER = "\x00base\x00"
_PLACEHOLDER_JSON = orjson.dumps(PLACEHOLDER)[1:-1]
PLACEHOLDER_URLS = Urls(PLACEHOLDER)

# Bytes of rendered JSON a process keeps by default (PARLEY_RENDER_CACHE_MB).
DEFAULT_BUDGET = 64 * 1024 * 1024
# What an entry costs beyond its bytes: the key, the tuple, the dict slot.
_OVERHEAD = 200


@dataclass(frozen=True, slots=True)
class Fragment:
    """A rendered JSON value, split where the base URL goes."""

    parts: tuple[bytes, ...]

    @classmethod
    def render(cls, value: Any) -> Fragment:
        return cls.of(orjson.dumps(value))

    @classmethod
    def of(cls, json: bytes) -> Fragment:
        """A fragment of JSON rendered with PLACEHOLDER_URLS."""
        return cls(tuple(json.split(_PLACEHOLDER_JSON)))

    def bind(self, base: bytes) -> bytes:
        """The JSON with `base` (JSON-escaped, without quotes) in place of the
        placeholder."""
        return base.join(self.parts)

    @property
    def size(self) -> int:
        return sum(len(part) for part in self.parts)


@dataclass(frozen=True, slots=True)
class RenderedBody:
    """A whole JSON body built from fragments of data `version`."""

    body: bytes
    version: int

    def json(self) -> bytes:
        return self.body


def json_base(urls: Urls) -> bytes:
    """The base URL as it stands inside a JSON string."""
    return orjson.dumps(urls.base)[1:-1]


class Generation:
    """What is kept for one data version. Entries are added under the cache's lock and
    read without it; a request that read an older version fills a generation no later
    request looks at."""

    __slots__ = ("_cache", "_entries", "_size", "_sizes", "version")

    def __init__(self, version: int, cache: RenderCache) -> None:
        self.version = version
        self._cache = cache
        self._entries: dict[Hashable, Any] = {}
        self._sizes: dict[Hashable, int] = {}
        self._size = 0

    @property
    def size(self) -> int:
        """Bytes kept, approximately."""
        return self._size

    def get(self, key: Hashable) -> Any:
        return self._entries.get(key)

    def put(self, key: Hashable, value: Any, size: int = 0) -> None:
        """Keep `value` (of about `size` bytes); the oldest entries make room."""
        cost = size + _OVERHEAD
        budget = self._cache.budget
        if cost > budget:
            return
        with self._cache.lock:
            if key in self._entries:
                return
            while self._size + cost > budget and self._entries:
                oldest = next(iter(self._entries))
                del self._entries[oldest]
                self._size -= self._sizes.pop(oldest)
            self._entries[key] = value
            self._sizes[key] = cost
            self._size += cost

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, kept (for small values: names resolved to ids)."""
        found = self._entries.get(key)
        if found is None:
            found = compute()
            self.put(key, found)
        return found


class RenderCache:
    """Per process: rendered fragments and resolved names of the current data version,
    at most `budget` bytes of them."""

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        self.budget = budget
        self.lock = threading.Lock()
        self._current = Generation(-1, self)

    def at(self, connection: Connection) -> Generation:
        """The generation of the database's version as read now, before any data the
        caller reads."""
        return self.at_version(data_version(connection))

    def at_version(self, version: int) -> Generation:
        current = self._current
        if current.version == version:
            return current
        with self.lock:
            if self._current.version != version:
                self._current = Generation(version, self)
            return self._current
