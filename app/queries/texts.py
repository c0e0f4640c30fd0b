"""A unit's text as a client asked for it: with editorial insertions marked, or without them."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from typing import Any, TypedDict

from app.schemas import Editorial


# The read path builds plain data shaped like the read models (app.schemas) and sends it
# as JSON without building the models, which cost more than the queries. These types
# say which model each dict stands for; tests/api/test_schema.py holds their keys to
# the models' fields.
class SpanRecord(TypedDict):
    """schemas.Span"""

    start: int
    end: int
    kind: str


class PageBreakRecord(TypedDict):
    """schemas.PageBreak"""

    offset: int
    page: str


class TextRecord(TypedDict):
    """schemas.UtteranceText"""

    lang: str
    original: bool
    label: str | None
    text: str
    spans: list[SpanRecord]
    page: str | None
    page_breaks: list[PageBreakRecord]


class DocumentRefRecord(TypedDict):
    """schemas.DocumentRef"""

    id: str
    title: str
    date: dt.date | None


class RefRecord(TypedDict):
    """schemas.Ref"""

    id: str
    name: str


class TopicTagRecord(TypedDict):
    """schemas.TopicTag"""

    id: str
    label: str
    reason: str
    matched: list[str]
    opened_by: str | None


class UtteranceRecord(TypedDict):
    """schemas.Utterance"""

    id: str
    document: DocumentRefRecord
    position: int
    kind: str
    speaker: RefRecord | None
    texts: dict[str, TextRecord]
    topics: list[TopicTagRecord]
    url: str


def _strip(text: str, spans: list[Any], breaks: list[Any]) -> tuple[str, list[list[Any]]]:
    """Remove every span, with the commas that set an aside off ("We could, says comr.
    Stalin jokingly, increase" -> "We could increase"), and move page breaks to match."""
    removed = [False] * len(text)
    for start, end, kind in spans:
        if kind == "aside":
            before = re.search(r",\s*$", text[:start])
            after = re.match(r"\s*,", text[end:])
            if before and after:
                start, end = before.start(), end + after.end()
        removed[start:end] = [True] * (end - start)
    kept = [(ch, i) for i, ch in enumerate(text) if not removed[i]]
    # Tidy the seams: no doubled spaces, no space before punctuation, none at the ends.
    tidy: list[tuple[str, int]] = []
    for index, (ch, origin) in enumerate(kept):
        following = kept[index + 1][0] if index + 1 < len(kept) else ""
        if ch == " " and (not tidy or tidy[-1][0] in " \n" or following in " ,.;:!?\n"):
            continue
        tidy.append((ch, origin))
    while tidy and tidy[-1][0].isspace():
        tidy.pop()
    origins = [origin for _, origin in tidy]
    moved = [[bisect_left(origins, offset), page] for offset, page in breaks]
    return "".join(ch for ch, _ in tidy), moved


def text_record(row: Any, editorial: Editorial) -> TextRecord:
    """A stored text as the client asked for it, shaped like schemas.UtteranceText, from
    a row of (utterance_id, lang, is_original, label, text, spans, page, page_breaks)."""
    _, lang, is_original, label, text, spans, page, breaks = row
    spans = spans or []
    breaks = breaks or []
    if editorial is Editorial.STRIP and spans:
        text, breaks = _strip(text, spans, breaks)
        spans = []
    return {
        "lang": lang,
        "original": is_original,
        "label": label,
        "text": text,
        "spans": [{"start": s, "end": e, "kind": k} for s, e, k in spans],
        "page": page,
        "page_breaks": [{"offset": o, "page": p} for o, p in breaks],
    }
