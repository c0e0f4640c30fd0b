"""Keyset pagination: opaque cursors, pages and the Link header."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import orjson
from pydantic import BaseModel, Field
from starlette.datastructures import URL

from app.errors import invalid_parameter
from app.queries.texts import UtteranceRecord

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page"
    )
    total: int | None = Field(
        default=None, description="Number of items over all pages; only with `count=true`"
    )


@dataclass(slots=True)
class RecordPage:
    """A page of records already shaped like their read model (see
    queries.utterances.utterance_records), serialised without building the models."""

    items: list[UtteranceRecord]
    next_cursor: str | None
    total: int | None = None

    def json(self) -> bytes:
        return orjson.dumps(
            {"items": self.items, "next_cursor": self.next_cursor, "total": self.total}
        )


@dataclass(slots=True)
class RenderedPage:
    """A page whose items are JSON already (app.queries.rendered), rendered from data
    of `version`."""

    items: list[bytes]
    next_cursor: str | None
    total: int | None
    version: int

    def json(self) -> bytes:
        return b"".join(
            [
                b'{"items":[',
                b",".join(self.items),
                b'],"next_cursor":',
                orjson.dumps(self.next_cursor),
                b',"total":',
                orjson.dumps(self.total),
                b"}",
            ]
        )


def fingerprint(filters: dict[str, Any]) -> str:
    """A short hash of a query's filters, so a cursor cannot be replayed on another query."""
    canonical = json.dumps(filters, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(canonical.encode(), digest_size=6).hexdigest()


def encode_cursor(key: list[Any], filters: dict[str, Any]) -> str:
    payload = json.dumps({"k": key, "f": fingerprint(filters)}, default=str, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def key_int(value: Any) -> int:
    """An integer a database column can hold (64 bits)."""
    if isinstance(value, bool) or not isinstance(value, int) or not -(2**63) <= value < 2**63:
        raise ValueError(value)
    return value


def key_text(value: Any) -> str:
    if not isinstance(value, str) or "\x00" in value:
        raise ValueError(value)
    return value


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def key_date(value: Any) -> dt.date:
    """A calendar date as the API writes it; fromisoformat alone would also take week
    dates (2024-W01-1) and compact forms (20240101)."""
    if not _ISO_DAY.match(key_text(value)):
        raise ValueError(value)
    return dt.date.fromisoformat(value)


def key_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(value)
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _no_constants(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: not JSON, and no score is either


def decode_cursor(
    cursor: str, filters: dict[str, Any], kinds: tuple[Callable[[Any], Any], ...]
) -> list[Any]:
    """The keyset position in `cursor`, each part read by its kind (key_int, key_date…),
    or a 422 problem that says what to send instead. Cursors are not signed: a
    hand-made one must still fail as malformed, never reach the database as nonsense."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(
            base64.urlsafe_b64decode(padded.encode("ascii")), parse_constant=_no_constants
        )
        raw, fp = payload["k"], payload["f"]
        valid = isinstance(raw, list) and len(raw) == len(kinds) and isinstance(fp, str)
        key = [kind(part) for kind, part in zip(kinds, raw, strict=True)] if valid else []
    except (ValueError, KeyError, TypeError, OverflowError, binascii.Error, UnicodeError):
        valid = False
    if not valid:
        raise invalid_parameter(
            "cursor: not a cursor this API issued; pass the next_cursor value of the previous "
            "page unchanged, or leave cursor out for the first page",
            reason="malformed",
            params={"cursor": cursor},
        )
    if fp != fingerprint(filters):
        raise invalid_parameter(
            "cursor: this cursor belongs to a query with other filters; repeat the filters of "
            "the query that returned it, or leave cursor out to start again",
            reason="other query",
            params={"cursor": cursor},
        )
    return key


def next_link(url: URL, cursor: str) -> str:
    return f'<{url.include_query_params(cursor=cursor)}>; rel="next"'
