"""Parley document JSON: one record, everything needed to rebuild it exactly.

Format `parley-document`, version 2. One JSON object per document (one per line
in `parley export --format jsonl`; `application/vnd.parley.document+json` from
the API). It holds the database's content for the record, not the API's read
model: raw texts with their spans and page breaks, the source line numbers, the
participants as the reference data knows them (names, aliases, unresolved) with
their roles in this record, and every topic tag with its evidence. Nothing in it
depends on where Parley is served (no URLs of Parley's own).

Left out because the loader derives them: `utterances.document_date` (the
document's date, or app.models.UNDATED), alias keys (`textnorm.name_key(alias)`),
row ids, and `loaded_at` (when this database loaded the file). The reader is
app/ingest/json_layout.py; bump VERSION on any change a reader could not take as
it is. Version 2 added `place`, `time_of_day`, `notes` (without which FRUS and
Chinese records did not come back whole) and `source.record_sha256`; readers
take version 1 too. `date` is null in the record of an undated document; readers
from before undated documents refuse such a record, and take every dated one.

Writers write every field. A field with a default may be left out by whoever
converts another source to this format; the defaults say what Parley assumes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.schemas import Alias, ArchivalReference, Debris, Kind, Note, PageBreak, Span

FORMAT = "parley-document"
VERSION = 2
# The layout of a record written in this format by hand or by a converter.
LAYOUT = "parley-json"

# Lengths the database columns hold, so a record that validates also stores.
Slug = Annotated[str, StringConstraints(min_length=1, max_length=120, pattern=r"^[^\s/?#]+$")]
Lang = Annotated[str, StringConstraints(min_length=1, max_length=8)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class _Strict(BaseModel):
    # A reader must notice a field it does not know rather than drop it silently.
    model_config = ConfigDict(extra="forbid")


class ParleyRole(_Strict):
    role: Literal["speaker", "present", "mentioned"]
    labels: dict[str, str] = Field(
        default_factory=dict,
        description="lang -> the name as this record writes it (for speakers: as the turns "
        "label them, if left out)",
    )
    description: str | None = Field(None, description="Bracketed note in the attendance list")


class ParleyParticipant(_Strict):
    id: Slug = Field(description="Participant slug, e.g. mao-zedong")
    name: str
    names: dict[str, str] = Field(
        default_factory=dict, description="lang -> standard form of the name"
    )
    description: str | None = None
    unresolved: bool = Field(
        False,
        description="A name no reference entry covers. On loading, the reference data "
        "decides: an id it knows is that person, any other stays unresolved",
    )
    aliases: list[Alias] = Field(
        default_factory=list, description="Every spelling that names this person"
    )
    roles: list[ParleyRole] = Field(
        default_factory=list,
        description="The person's roles in this record (speaker roles follow from the turns)",
    )


class ParleyTopic(_Strict):
    id: str = Field(description="Topic slug, e.g. kchzhd")
    label: str
    description: str | None = None


class ParleyText(_Strict):
    original: bool | None = Field(
        None, description="Whether this is the record's original language (checked if given)"
    )
    label: str | None = Field(None, description="The speaker label as written (null in narration)")
    text: str = Field(description="As published, editorial insertions included")
    spans: list[Span] = Field(
        default_factory=list, description="Editorial insertions and asides; offsets into text"
    )
    page: Annotated[str, StringConstraints(max_length=16)] | None = Field(
        None, description="Page of the original the text starts on"
    )
    page_breaks: list[PageBreak] = Field(
        default_factory=list, description="Where in text a new page begins"
    )
    line_start: int | None = Field(
        None, description="First line in the source file (the record's own line if left out)"
    )
    line_end: int | None = Field(None, description="Last line in the source file")


class ParleyTopicTag(_Strict):
    topic: str = Field(description="Topic slug, as the reference data (topics.yaml) has it")
    reason: Literal["named", "agenda"]
    matched: list[str] = Field(
        default_factory=list, description="The words in the turn, or the agenda opening"
    )
    opened_at: int | None = Field(None, description="Position of the turn that opened the item")


class ParleyUtterance(_Strict):
    position: int = Field(description="1-based order in the record, narration included")
    kind: Kind
    speaker: Slug | None = Field(
        None, description="Participant slug (see `participants`); null in narration"
    )
    texts: dict[Lang, ParleyText] = Field(description="lang -> the unit's text in it")
    topics: list[ParleyTopicTag] = Field(
        default_factory=list,
        description="As recorded. Leave it out of every utterance to have Parley tag the "
        "record (and find the people it mentions) as it tags a text file",
    )


class ParleySource(_Strict):
    file: str = Field(description="Name of the file the record was loaded from")
    sha256: Sha256 = Field(description="SHA-256 of that file, so a reload can skip it")
    record_sha256: Sha256 | None = Field(
        None,
        description="SHA-256 of this record without `source`, as exported: a record that "
        "no longer matches it was edited, and loads as a new version",
    )


class ParleyDocument(_Strict):
    """A whole record as Parley holds it (format parley-document, version 2)."""

    format: Literal["parley-document"]
    version: Literal[1, 2]
    id: Slug = Field(description="Document slug, e.g. wilson-111245")
    title: str = Field(min_length=1)
    date: dt.date | None = Field(
        description="YYYY-MM-DD; null for a record that states no date (it loads undated)"
    )
    record_type: Annotated[str, StringConstraints(max_length=64)] = "record of conversation"
    layout: Annotated[str, StringConstraints(max_length=32)] = Field(
        LAYOUT, description="The source layout the parser recognised"
    )
    collection: str | None = None
    reference: ArchivalReference = Field(
        default_factory=lambda: ArchivalReference(
            archive=None, fond=None, opis=None, delo=None, folios=None
        )
    )
    translator: str | None = None
    source_url: str | None = None
    source_id: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        None, description="The publisher's own number"
    )
    publisher_citation: str | None = Field(
        None, description="The citation as the publisher prints it"
    )
    summary: str | None = None
    place: str | None = Field(None, description="Where the meeting took place (version 2)")
    time_of_day: str | None = Field(None, description="Its hours, as written (version 2)")
    original_language: Lang
    languages: list[Lang] = Field(
        # A record in one language need not list it twice.
        default_factory=lambda data: (
            [data["original_language"]] if "original_language" in data else []
        ),
        min_length=1,
        description="Original first ([original_language] if left out)",
    )
    titles: dict[str, str] = Field(
        default_factory=dict, description="lang -> heading of that version"
    )
    debris: list[Debris] = Field(default_factory=list)
    notes: list[Note] = Field(
        default_factory=list, description="Footnotes; spans of kind note refer to them (version 2)"
    )
    participants: list[ParleyParticipant] = Field(
        default_factory=list,
        description="Everyone the record names (a speaker the reference data knows may be "
        "left out)",
    )
    topics: list[ParleyTopic] = Field(
        default_factory=list, description="The topics the tags name (read from topics.yaml)"
    )
    utterances: list[ParleyUtterance] = Field(min_length=1, description="In order of position")
    # Last, so that a writer serialises the rest once and appends it (see `dumps`).
    source: ParleySource | None = Field(None, description="Filled in by Parley on export")


def _sha256(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


def record_sha256(record: ParleyDocument) -> str:
    """What an export vouches for: the record as written, `source` left out."""
    return _sha256(record.model_dump_json(exclude={"source"}))


def dumps(record: ParleyDocument) -> str:
    """One line of JSON (UTF-8 text, no escapes for non-ASCII), with
    `source.record_sha256` filled in."""
    body = record.model_dump_json(exclude={"source"})
    if record.source is None:
        return body
    source = record.source.model_copy(update={"record_sha256": _sha256(body)})
    return f'{body[:-1]},"source":{source.model_dump_json()}}}'
