"""Content negotiation, one way for every route that offers more than one format.

A route declares an `Offer` (its formats, default first) and depends on
`offer.negotiate`. The query parameter (`?format=`, or `?style=` for citations)
wins when present, because it is explicit and survives being pasted into a
browser; otherwise `Accept` decides by RFC 9110 rules (q-values; the most specific
matching range counts; ties go to the route's order). Nothing acceptable is a 406
problem listing what the route can produce. Every such response carries
`Vary: Accept`, the 406 included, so caches keep the formats apart.
"""

# No `from __future__ import annotations` here: FastAPI must see the real Query(alias=…)
# of the closure in Offer._dependency, which a string annotation would hide.
import dataclasses
import re
import weakref
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Query, Request, Response
from fastapi.responses import StreamingResponse

from app.api.docs import problems
from app.errors import NotAcceptable


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # the value of ?format= (or ?style=)
    media_type: str  # without parameters; what Accept names
    description: str
    parameters: str = ""  # appended to Content-Type, e.g. "; charset=utf-8"
    schema: dict[str, Any] = field(default_factory=lambda: {"type": "string"})
    extension: str = ""  # of a downloaded file

    @property
    def content_type(self) -> str:
        return self.media_type + self.parameters

    def described(self, description: str) -> "Format":
        """The same format, described for one route (a TEI document vs a TEI fragment)."""
        return dataclasses.replace(self, description=description)


_UTF8 = "; charset=utf-8"

JSON = Format("json", "application/json", "The JSON read model")
CSV = Format(
    "csv",
    "text/csv",
    "CSV, UTF-8 with a byte-order mark and a header row, one row per turn",
    parameters=_UTF8 + "; header=present",
    extension=".csv",
)
JSONL = Format(
    "jsonl", "application/jsonl", "JSON Lines: one JSON read model per line", extension=".jsonl"
)
TEI = Format("tei", "application/tei+xml", "TEI P5 XML", parameters=_UTF8, extension=".tei.xml")
JSONLD = Format("jsonld", "application/ld+json", "JSON-LD (schema.org)", schema={"type": "object"})
PARLEY = Format(
    "parley",
    "application/vnd.parley.document+json",
    "Parley document JSON: the whole record, losslessly (see ParleyDocument)",
    schema={"$ref": "#/components/schemas/ParleyDocument"},
)
CHICAGO = Format(
    "chicago", "text/plain", "Chicago note (archival item), plain text", parameters=_UTF8
)
BIBTEX = Format("bibtex", "application/x-bibtex", "BibTeX (@misc)", parameters=_UTF8)
RIS = Format("ris", "application/x-research-info-systems", "RIS (TY - MANSCPT)", parameters=_UTF8)
CSL_JSON = Format(
    "csl-json",
    "application/vnd.citationstyles.csl+json",
    "CSL-JSON: an array with one item of type manuscript",
    schema={"type": "array", "items": {"type": "object"}},
)


@dataclass(frozen=True, slots=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """How specifically this range names `media_type`: 3 exactly, 2 by type/*, 1 by
        */*, 0 not at all."""
        main, _, sub = media_type.partition("/")
        if self.type == main and self.subtype == sub:
            return 3
        if self.type == main and self.subtype == "*":
            return 2
        return 1 if self.type == "*" and self.subtype == "*" else 0


_Q = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed ranges are skipped, not fatal.
    Parameters other than q are ignored when matching."""
    ranges = []
    for item in header.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub or (main == "*" and sub != "*"):
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                value = value.strip()
                q = float(value) if _Q.match(value) else -1.0
        if q >= 0:
            ranges.append(MediaRange(main, sub, q))
    return ranges


def _quality(ranges: list[MediaRange], media_type: str) -> float:
    """The q of the most specific ranges that match `media_type` (0 when none does)."""
    matching = [(s, r.q) for r in ranges if (s := r.matches(media_type))]
    return max(matching, default=(0, 0.0))[1]


class Offer:
    """The formats one route can produce, the first being the default."""

    def __init__(self, *formats: Format, param: str = "format") -> None:
        self.formats = formats
        self.param = param
        self.negotiate = self._dependency()

    @property
    def default(self) -> Format:
        return self.formats[0]

    def names(self) -> list[str]:
        return [f.name for f in self.formats]

    def choose(self, requested: str | None, accept: str | None) -> Format:
        if requested is not None:
            for fmt in self.formats:
                if fmt.name == requested:
                    return fmt
            raise self._not_acceptable(
                f"{self.param}: {requested!r} is not offered here; choose "
                + ", ".join(self.names())
            )
        if not accept or not accept.strip():
            return self.default
        ranges = parse_accept(accept)
        best, best_q = self.default, 0.0
        for fmt in self.formats:
            q = _quality(ranges, fmt.media_type)
            if q > best_q:
                best, best_q = fmt, q
        if best_q <= 0:
            raise self._not_acceptable(
                f"none of the media types in Accept ({accept[:200]}) can be produced here; accept "
                + ", ".join(f.media_type for f in self.formats)
                + f", or pass {self.param}="
                + "|".join(self.names())
            )
        return best

    def _not_acceptable(self, detail: str) -> NotAcceptable:
        return NotAcceptable(
            detail,
            supported=[{self.param: f.name, "media_type": f.media_type} for f in self.formats],
        )

    def _dependency(self) -> Callable[..., Awaitable[Format]]:
        described = "; ".join(f"`{f.name}`: {f.description} ({f.media_type})" for f in self.formats)

        async def negotiate(
            request: Request,
            response: Response,
            requested: Annotated[
                str | None,
                Query(
                    alias=self.param,
                    description=f"Overrides Accept. {described}. Default `{self.default.name}`",
                    json_schema_extra={"enum": self.names()},
                ),
            ] = None,
        ) -> Format:
            response.headers.add_vary_header("Accept")
            request.state.negotiated = True  # for bodies the route sends itself (json_body)
            return self.choose(requested, request.headers.get("accept"))

        return negotiate

    def responses(self) -> dict[int | str, dict[str, Any]]:
        """`responses=` entries: every format's media type under 200, and the 406."""
        others = {
            f.media_type: {"schema": f.schema}
            for f in self.formats
            if f.media_type != JSON.media_type  # FastAPI documents the response model there
        }
        listing = "; ".join(f"{f.media_type}: {f.description}" for f in self.formats)
        return {
            200: {"description": f"Successful response. {listing}", "content": others},
            **problems(406),
        }


Body = bytes | str | Iterable[str | bytes]


class _HeldStream(StreamingResponse):
    """A stream that calls `release` once it ends, however it ends."""

    release: Callable[[], None]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.release()


def respond(
    fmt: Format,
    body: Body,
    *,
    filename: str | None = None,
    release: Callable[[], None] | None = None,
) -> Response:
    """A response in `fmt`; iterables are streamed, and `release` is called when the
    stream ends. A filename makes it a download."""
    headers = {"Vary": "Accept"}
    if filename:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "-", filename)
        headers["Content-Disposition"] = f'attachment; filename="{safe}"'
    if isinstance(body, bytes | str):
        return Response(body, media_type=fmt.content_type, headers=headers)
    if release is None:
        return StreamingResponse(body, media_type=fmt.content_type, headers=headers)
    stream = _HeldStream(body, media_type=fmt.content_type, headers=headers)
    # Also when the response is dropped unsent (its request gave up in the meantime).
    stream.release = weakref.finalize(stream, release)
    return stream
