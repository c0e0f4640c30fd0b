"""What routers that offer files and citations share: the formats, and the streaming.

/v1/utterances, /v1/documents/{id}/utterances and /v1/search answer with a JSON
page by default and with the whole result as a file on request, through
`turns_response` (an UtteranceFilter) or `utterance_file` (any iterator of read
models, such as ranked search hits).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.orm import Session

from app import schemas
from app.api.deps import Pagination, page_response
from app.api.negotiation import (
    BIBTEX,
    CHICAGO,
    CSL_JSON,
    CSV,
    JSON,
    JSONL,
    RIS,
    TEI,
    Format,
    Offer,
    respond,
)
from app.errors import Busy, invalid_parameter
from app.exports.utterances import render
from app.queries.rendered import Generation
from app.queries.utterances import (
    UtteranceFilter,
    export_languages,
    iter_utterances,
    utterance_page_json,
)
from app.urls import Urls

UTTERANCE_FORMATS = Offer(
    JSON,
    CSV.described(
        "every match as CSV: UTF-8 with a byte-order mark (so Excel reads Cyrillic), a "
        "header row, one row per turn with a `text_<lang>` and `label_<lang>` column per "
        "language; formula-like cells are prefixed with an apostrophe"
    ),
    JSONL.described("every match as JSON Lines, one Utterance per line"),
    TEI.described(
        'every match as a TEI P5 fragment: a `<div type="parley-query">` of `<u>` turns and '
        '`<note type="narration">`, one per language, translations pointing at their '
        "original with `corresp`"
    ),
)
UtteranceFormat = Annotated[Format, Depends(UTTERANCE_FORMATS.negotiate)]

CITATION_STYLES = Offer(CHICAGO, BIBTEX, RIS, CSL_JSON, param="style")
CitationStyle = Annotated[Format, Depends(CITATION_STYLES.negotiate)]

PAGING = ("limit", "cursor", "count")


class ExportSlots:
    """At most `size` files stream at once per process: each holds a connection and a
    thread for as long as its client reads, and a slow reader must not take them all."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._free = threading.BoundedSemaphore(size)

    def claim(self) -> Callable[[], None]:
        """A slot, or a 503 problem when none is free; call the result to give it back."""
        if not self._free.acquire(blocking=False):
            raise Busy(f"{self.size} files are being streamed already; try again shortly")
        return self._free.release


def _refuse_paging(request: Request, fmt: Format) -> None:
    """A file holds every match; paging parameters would silently mean nothing."""
    sent = [name for name in PAGING if name in request.query_params]
    if sent:
        raise invalid_parameter(
            f"{sent[0]}: a {fmt.name} export holds every match, so it takes no "
            f"{', '.join(PAGING)}; leave {sent[0]} out, or page through the JSON instead",
            reason=f"not used by {fmt.name} exports",
            params=dict.fromkeys(sent),
        )


def utterance_file(
    request: Request,
    fmt: Format,
    items: Callable[[Session], Iterable[schemas.Utterance]],
    *,
    languages: list[str],
    urls: Urls,
    name: str,
) -> Response:
    """Stream `items(session)` as the file `fmt` asks for.

    The stream outlives the route function, so it opens a session of its own rather
    than borrow the request's: it never depends on when FastAPI closes that one.
    """
    _refuse_paging(request, fmt)
    sessions = request.app.state.sessions

    def chunks() -> Iterator[str | bytes]:
        with sessions() as session:
            yield from render(fmt.name, items(session), languages=languages, urls=urls)

    release = request.app.state.exports.claim()
    return respond(fmt, chunks(), filename=name + fmt.extension, release=release)


def turns_response(
    request: Request,
    fmt: Format,
    session: Session,
    kept: Generation,
    *,
    filters: UtteranceFilter,
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
    page: Pagination,
    name: str,
) -> Response:
    """The turns an UtteranceFilter matches, in listing order: a JSON page, or every one
    of them as an `utterance_file` in the negotiated format."""
    if fmt.name == JSON.name:
        result = utterance_page_json(
            session,
            kept,
            filters=filters,
            langs=langs,
            editorial=editorial,
            urls=urls,
            **page.window(),
        )
        return page_response(request, result)
    return utterance_file(
        request,
        fmt,
        lambda s: iter_utterances(s, filters=filters, langs=langs, editorial=editorial, urls=urls),
        languages=export_languages(session, filters, langs),
        urls=urls,
        name=name,
    )
