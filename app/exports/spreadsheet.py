"""Turns as CSV that a spreadsheet opens correctly.

One row per turn, the languages side by side (`text_ru`, `text_en`, …): the unit
of analysis stays the turn, a row count is a turn count, and the original sits
beside its translation as a historian reads it. The file starts with a UTF-8
byte-order mark, because Excel opens a CSV without one in the system's legacy
code page and turns Cyrillic into mojibake; LibreOffice, pandas and Python's
`utf-8-sig` read the mark and drop it. Rows end in CRLF (RFC 4180).

Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) get a leading apostrophe, as OWASP advises against CSV injection:
the texts are archival, but a filter value or a label could carry anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from app.schemas import Utterance

BOM = "\ufeff"
CHUNK = 64 * 1024  # characters per streamed piece
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell no spreadsheet will evaluate: OWASP's apostrophe prefix."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def columns(languages: Sequence[str]) -> list[str]:
    return [
        "id",
        "document",
        "document_title",
        "date",
        "position",
        "kind",
        "speaker",
        "speaker_name",
        "original",
        "page",
        *(f"text_{lang}" for lang in languages),
        *(f"label_{lang}" for lang in languages),
        "topics",
        "url",
    ]


def row(item: Utterance, languages: Sequence[str]) -> list[str]:
    original = next((t for t in item.texts.values() if t.original), None)
    texts = [item.texts.get(lang) for lang in languages]
    cells = [
        item.id,
        item.document.id,
        item.document.title,
        item.document.date.isoformat() if item.document.date else "",  # empty: undated
        str(item.position),
        item.kind.value,
        item.speaker.id if item.speaker else "",
        item.speaker.name if item.speaker else "",
        original.lang if original else "",
        (original.page or "") if original else "",
        *((t.text if t else "") for t in texts),
        *((t.label or "" if t else "") for t in texts),
        "; ".join(tag.id for tag in item.topics),
        item.url,
    ]
    return [neutralise(cell) for cell in cells]


def render(
    items: Iterable[Utterance], languages: Sequence[str], chunk: int | None = None
) -> Iterator[str]:
    """The CSV, BOM and header first, in chunks of about `chunk` characters."""
    chunk = chunk or CHUNK
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # QUOTE_MINIMAL, CRLF
    buffer.write(BOM)
    writer.writerow(columns(languages))
    for item in items:
        writer.writerow(row(item, languages))
        if buffer.tell() >= chunk:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
