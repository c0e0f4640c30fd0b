"""Content negotiation, one way for every route that offers more than one format.

A route declares an `Offer` (its formats, default first) and depends on
`offer.negotiate`. The query parameter (`?format=`, or `?style=` for citations)
wins when present, because it is explicit and survives being pasted into a
browser; otherwise `Accept` decides by RFC 9110 rules (q-values; the most specific
matching range counts; ties go to the route's order). Nothing acceptable is a 406
problem listing what the route can produce. Every such response carries
`Vary: Accept`, the 406 included, so caches keep the formats apart.

The OpenAPI document shows only the default format of a negotiated route: a 200
that declares several media types makes generated clients type every answer as a
union (and parse CSV as JSON). Each other format is an operation of its own under
/v1/exports (app/api/files.py), with one media type.
"""

# No `from __future__ import annotations` here: FastAPI must see the real Query(alias=…)
# of the closure in Offer._dependency, which a string annotation would hide.
import dataclasses
import re
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
    extension: str  # of a downloaded file, and of its path under /v1/exports
    title: str  # what people call it, e.g. "JSON Lines"
    parameters: str = ""  # appended to Content-Type, e.g. "; charset=utf-8"
    schema: dict[str, Any] = field(default_factory=lambda: {"type": "string"})

    @property
    def content_type(self) -> str:
        return self.media_type + self.parameters

    def described(self, description: str) -> "Format":
        """The same format, described for one route (a TEI document vs a TEI fragment)."""
        return dataclasses.replace(self, description=description)


_UTF8 = "; charset=utf-8"

JSON = Format("json", "application/json", "The JSON read model", extension=".json", title="JSON")
CSV = Format(
    "csv",
    "text/csv",
    "CSV, UTF-8 with a byte-order mark and a header row, one row per turn",
    parameters=_UTF8 + "; header=present",
    extension=".csv",
    title="CSV",
)
JSONL = Format(
    "jsonl",
    "application/jsonl",
    "JSON Lines: one JSON read model per line",
    extension=".jsonl",
    title="JSON Lines",
)
TEI = Format(
    "tei",
    "application/tei+xml",
    "TEI P5 XML",
    parameters=_UTF8,
    extension=".tei.xml",
    title="TEI P5",
)
JSONLD = Format(
    "jsonld",
    "application/ld+json",
    "JSON-LD (schema.org)",
    extension=".jsonld",
    schema={"type": "object"},
    title="JSON-LD",
)
PARLEY = Format(
    "parley",
    "application/vnd.parley.document+json",
    "Parley document JSON: the whole record, losslessly (see ParleyDocument)",
    extension=".parley.json",
    schema={"$ref": "#/components/schemas/ParleyDocument"},
    title="Parley document JSON",
)
CHICAGO = Format(
    "chicago",
    "text/plain",
    "Chicago note (archival item), plain text",
    parameters=_UTF8,
    extension=".txt",
    title="Chicago",
)
BIBTEX = Format(
    "bibtex",
    "application/x-bibtex",
    "BibTeX (@misc)",
    parameters=_UTF8,
    extension=".bib",
    title="BibTeX",
)
RIS = Format(
    "ris",
    "application/x-research-info-systems",
    "RIS (TY - MANSCPT)",
    parameters=_UTF8,
    extension=".ris",
    title="RIS",
)
CSL_JSON = Format(
    "csl-json",
    "application/vnd.citationstyles.csl+json",
    "CSL-JSON: an array with one item of type manuscript",
    extension=".csl.json",
    schema={"type": "array", "items": {"type": "object"}},
    title="CSL-JSON",
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


def prefers(accept: str | None, media_type: str, over: str) -> bool:
    """Whether an Accept header ranks `media_type` above `over` (a browser ranks
    text/html above application/json; `*/*` ranks them alike)."""
    ranges = parse_accept(accept or "")
    return _quality(ranges, media_type) > _quality(ranges, over)


# Every Offer by its dependency, so that the export routes can find a route's formats.
OFFERS: dict[Callable[..., Awaitable["Format"]], "Offer"] = {}


class Offer:
    """The formats one route can produce, the first being the default."""

    def __init__(self, *formats: Format, param: str = "format") -> None:
        self.formats = formats
        self.param = param
        self.negotiate = self._dependency()
        OFFERS[self.negotiate] = self

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
        async def negotiate(
            request: Request,
            response: Response,
            requested: Annotated[
                str | None,
                # Left out of the OpenAPI: see the module's docstring.
                Query(alias=self.param, include_in_schema=False),
            ] = None,
        ) -> Format:
            response.headers.add_vary_header("Accept")
            request.state.negotiated = True  # for bodies the route sends itself (json_body)
            return self.choose(requested, request.headers.get("accept"))

        return negotiate

    def responses(self) -> dict[int | str, dict[str, Any]]:
        """`responses=` entries: the 406 (the 200 is the default format's, which FastAPI
        documents from the route's response model or class)."""
        return problems(406)

    def others(self) -> tuple[Format, ...]:
        """The formats besides the default: each has an export operation of its own."""
        return self.formats[1:]


# Routes with JSON alone still negotiate: `?format=json` (the JSON link of a reader page)
# and an Accept without JSON are answered as on every other route.
JSON_ONLY = Offer(JSON)

Body = bytes | str | Iterable[str | bytes]


def respond(fmt: Format, body: Body, *, filename: str | None = None) -> Response:
    """A response in `fmt`; iterables are streamed. A filename makes it a download."""
    headers = {"Vary": "Accept"}
    if filename:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "-", filename)
        headers["Content-Disposition"] = f'attachment; filename="{safe}"'
    if isinstance(body, bytes | str):
        return Response(body, media_type=fmt.content_type, headers=headers)
    return StreamingResponse(body, media_type=fmt.content_type, headers=headers)
