"""Parley document JSON: one record, everything needed to rebuild it exactly.

Format `parley-document`, version 1. One JSON object per document (one per line
in `parley export --format jsonl`; `application/vnd.parley.document+json` from
the API). It holds the database's content for the record, not the API's read
model: raw texts with their spans and page breaks, the source line numbers, the
participants as the reference data knows them (names, aliases, unresolved) with
their roles in this record, and every topic tag with its evidence. Nothing in it
depends on where Parley is served (no URLs of Parley's own).

Left out because the loader derives them: `utterances.document_date` (the
document's date), alias keys (`textnorm.name_key(alias)`), row ids, and
`loaded_at` (when this database loaded the file). A reader (a "JSON layout")
validates a line with `ParleyDocument.model_validate_json` and writes it as the
loader's `write_document` does; bump VERSION on any change a reader could not
take as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas import Alias, ArchivalReference, Debris, Kind, PageBreak, Span

FORMAT = "parley-document"
VERSION = 1


class _Strict(BaseModel):
    # A reader must notice a field it does not know rather than drop it silently.
    model_config = ConfigDict(extra="forbid")


class ParleyRole(_Strict):
    role: Literal["speaker", "present", "mentioned"]
    labels: dict[str, str] = Field(description="lang -> the name as this record writes it")
    description: str | None = Field(description="Bracketed note in the attendance list")


class ParleyParticipant(_Strict):
    id: str = Field(description="Participant slug, e.g. mao-zedong")
    name: str
    names: dict[str, str] = Field(description="lang -> standard form of the name")
    description: str | None
    unresolved: bool = Field(description="A speaker label no reference entry covers")
    aliases: list[Alias] = Field(description="Every spelling that names this person")
    roles: list[ParleyRole] = Field(description="The person's roles in this record")


class ParleyTopic(_Strict):
    id: str = Field(description="Topic slug, e.g. kchzhd")
    label: str
    description: str | None


class ParleyText(_Strict):
    original: bool = Field(description="Whether this is the record's original language")
    label: str | None = Field(description="The speaker label as written (null in narration)")
    text: str = Field(description="As published, editorial insertions included")
    spans: list[Span] = Field(description="Editorial insertions and asides; offsets into text")
    page: str | None = Field(description="Page of the original the text starts on")
    page_breaks: list[PageBreak] = Field(description="Where in text a new page begins")
    line_start: int = Field(description="First line in the source file")
    line_end: int = Field(description="Last line in the source file")


class ParleyTopicTag(_Strict):
    topic: str = Field(description="Topic slug (see `topics`)")
    reason: Literal["named", "agenda"]
    matched: list[str] = Field(description="The words in the turn, or the agenda opening")
    opened_at: int | None = Field(description="Position of the turn that opened the item")


class ParleyUtterance(_Strict):
    position: int = Field(description="1-based order in the record, narration included")
    kind: Kind
    speaker: str | None = Field(description="Participant slug; null in narration")
    texts: dict[str, ParleyText] = Field(description="lang -> the unit's text in it")
    topics: list[ParleyTopicTag]


class ParleySource(_Strict):
    file: str = Field(description="Name of the file the record was loaded from")
    sha256: str = Field(description="SHA-256 of that file, so a reload can skip it")


class ParleyDocument(_Strict):
    """A whole record as Parley holds it (format parley-document, version 1)."""

    format: Literal["parley-document"]
    version: Literal[1]
    id: str = Field(description="Document slug, e.g. wilson-111245")
    title: str
    date: dt.date
    record_type: str
    layout: str = Field(description="The source layout the parser recognised")
    collection: str | None
    reference: ArchivalReference
    translator: str | None
    source_url: str | None
    source_id: str | None = Field(description="The publisher's own number")
    publisher_citation: str | None = Field(description="The citation as the publisher prints it")
    summary: str | None
    original_language: str
    languages: list[str] = Field(description="Original first")
    titles: dict[str, str] = Field(description="lang -> heading of that version")
    debris: list[Debris]
    source: ParleySource
    participants: list[ParleyParticipant]
    topics: list[ParleyTopic] = Field(description="The topics the tags name")
    utterances: list[ParleyUtterance] = Field(description="In order of position")


def dumps(record: ParleyDocument) -> str:
    """One line of JSON (UTF-8 text, no escapes for non-ASCII)."""
    return record.model_dump_json()
